'use client'
import { useGolLang, useGolT } from '../i18n/useGolT'
import { pickLabel } from '../shared/lang'
import ui from '../shared/ui.module.scss'
import { Field, FieldError, type StepProps } from './Field'
import { LIST_CHOICES, validateListEntry, type ListEntry } from './steps'
import css from './wizard.module.scss'

/** Step 2 "Lista permitida e lista bloqueada": the entry being typed lives in the wizard (kept across steps). */
export function ListsStep({ draft, errors, update, setErrors, entry, setEntry }: StepProps & { entry: ListEntry; setEntry: (e: ListEntry) => void }) {
  const t = useGolT()
  const lang = useGolLang()
  return (
    <>
      <p className={ui.muted}>{t('gol:profileListsHelp')}</p>
      <div className={css.row}>
        {(
          [
            ['type', t('gol:profileListType')],
            ['usage', t('gol:profileListUsage')],
            ['scope', t('gol:profileListScope')],
          ] as const
        ).map(([key, label]) => (
          <Field key={key} label={label} htmlFor={`list-${key}`}>
            <select id={`list-${key}`} className={ui.input} value={entry[key]} onChange={(e) => setEntry({ ...entry, [key]: e.target.value })}>
              {Object.entries(LIST_CHOICES[key]).map(([v, l]) => (
                <option key={v} value={v}>
                  {pickLabel(lang, l)}
                </option>
              ))}
            </select>
          </Field>
        ))}
        <Field label={t('gol:profileDialled')} htmlFor="list-number">
          <input id="list-number" className={ui.input} inputMode="tel" value={entry.number} onChange={(e) => setEntry({ ...entry, number: e.target.value })} />
        </Field>
        <button
          type="button"
          className={ui.button}
          onClick={() => {
            const e = validateListEntry(entry, draft.lists, lang)
            if (Object.keys(e).length) return setErrors({ entry: e.number })
            setErrors({})
            update({ lists: [...draft.lists, { ...entry, number: entry.number.trim() }] })
            setEntry({ ...entry, number: '' })
          }}
        >
          {t('gol:add')}
        </button>
      </div>
      <FieldError message={errors.entry} />
      <table className={`${ui.table} ${css.listTable}`}>
        <thead>
          <tr>
            <th className={ui.th}>{t('gol:profileListType')}</th>
            <th className={ui.th}>{t('gol:profileListUsage')}</th>
            <th className={ui.th}>{t('gol:profileListScope')}</th>
            <th className={ui.th}>{t('gol:profileDialled')}</th>
            <th className={ui.th} />
          </tr>
        </thead>
        <tbody>
          {draft.lists.length === 0 && (
            <tr>
              <td className={ui.td} colSpan={5}>
                <span className={ui.muted}>{t('gol:profileNoNumbers')}</span>
              </td>
            </tr>
          )}
          {draft.lists.map((l, i) => (
            <tr key={`${l.number}-${i}`}>
              <td className={ui.td}>{pickLabel(lang, LIST_CHOICES.type[l.type])}</td>
              <td className={ui.td}>{pickLabel(lang, LIST_CHOICES.usage[l.usage])}</td>
              <td className={ui.td}>{pickLabel(lang, LIST_CHOICES.scope[l.scope])}</td>
              <td className={ui.td}>
                {l.number}
                <FieldError role={null} message={errors[`lists.${i}.number`]} />
              </td>
              <td className={ui.td}>
                <button type="button" className={ui.danger} aria-label={t('gol:profileRemoveNumber', { number: l.number })} onClick={() => update({ lists: draft.lists.filter((_, j) => j !== i) })}>
                  {t('gol:profileRemove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
