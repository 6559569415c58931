'use client'
import { useGolLang, useGolT } from '../i18n/useGolT'
import { pickLabel } from '../shared/lang'
import ui from '../shared/ui.module.scss'
import { EntryTable, Field, FieldError, type StepProps } from './Field'
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
      <EntryTable
        className={css.listTable}
        headers={[t('gol:profileListType'), t('gol:profileListUsage'), t('gol:profileListScope'), t('gol:profileDialled')]}
        rows={draft.lists}
        rowKey={(l, i) => `${l.number}-${i}`}
        empty={t('gol:profileNoNumbers')}
        cells={(l, i) => [
          pickLabel(lang, LIST_CHOICES.type[l.type]),
          pickLabel(lang, LIST_CHOICES.usage[l.usage]),
          pickLabel(lang, LIST_CHOICES.scope[l.scope]),
          <>
            {l.number}
            <FieldError role={null} message={errors[`lists.${i}.number`]} />
          </>,
        ]}
        removeLabel={(l) => t('gol:profileRemoveNumber', { number: l.number })}
        onRemove={(i) => update({ lists: draft.lists.filter((_, j) => j !== i) })}
      />
    </>
  )
}
