'use client'
import ui from '../shared/ui.module.scss'
import { Field, FieldError, type StepProps } from './Field'
import { LIST_SCOPE_PT, LIST_TYPE_PT, LIST_USAGE_PT, validateListEntry, type ListEntry } from './steps'
import css from './wizard.module.scss'

/** Step 2 "Lista permitida e lista bloqueada": the entry being typed lives in the wizard (kept across steps). */
export function ListsStep({ draft, errors, update, setErrors, entry, setEntry }: StepProps & { entry: ListEntry; setEntry: (e: ListEntry) => void }) {
  return (
    <>
      <p className={ui.muted}>Números da lista permitida ignoram o calendário e os limites; números da lista bloqueada são sempre recusados.</p>
      <div className={css.row}>
        {(
          [
            ['type', 'Tipo de lista', LIST_TYPE_PT],
            ['usage', 'Tipo de uso', LIST_USAGE_PT],
            ['scope', 'Tipo de ligação', LIST_SCOPE_PT],
          ] as const
        ).map(([key, label, choices]) => (
          <Field key={key} label={label} htmlFor={`list-${key}`}>
            <select id={`list-${key}`} className={ui.input} value={entry[key]} onChange={(e) => setEntry({ ...entry, [key]: e.target.value })}>
              {Object.entries(choices).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </Field>
        ))}
        <Field label="CP + CA + Número" htmlFor="list-number">
          <input id="list-number" className={ui.input} inputMode="tel" value={entry.number} onChange={(e) => setEntry({ ...entry, number: e.target.value })} />
        </Field>
        <button
          type="button"
          className={ui.button}
          onClick={() => {
            const e = validateListEntry(entry, draft.lists)
            if (Object.keys(e).length) return setErrors({ entry: e.number })
            setErrors({})
            update({ lists: [...draft.lists, { ...entry, number: entry.number.trim() }] })
            setEntry({ ...entry, number: '' })
          }}
        >
          Adicionar
        </button>
      </div>
      <FieldError message={errors.entry} />
      <table className={`${ui.table} ${css.listTable}`}>
        <thead>
          <tr>
            <th className={ui.th}>Tipo de lista</th>
            <th className={ui.th}>Tipo de uso</th>
            <th className={ui.th}>Tipo de ligação</th>
            <th className={ui.th}>CP + CA + Número</th>
            <th className={ui.th} />
          </tr>
        </thead>
        <tbody>
          {draft.lists.length === 0 && (
            <tr>
              <td className={ui.td} colSpan={5}>
                <span className={ui.muted}>Nenhum número nas listas.</span>
              </td>
            </tr>
          )}
          {draft.lists.map((l, i) => (
            <tr key={`${l.number}-${i}`}>
              <td className={ui.td}>{LIST_TYPE_PT[l.type]}</td>
              <td className={ui.td}>{LIST_USAGE_PT[l.usage]}</td>
              <td className={ui.td}>{LIST_SCOPE_PT[l.scope]}</td>
              <td className={ui.td}>
                {l.number}
                <FieldError role={null} message={errors[`lists.${i}.number`]} />
              </td>
              <td className={ui.td}>
                <button type="button" className={ui.danger} aria-label={`Remover ${l.number}`} onClick={() => update({ lists: draft.lists.filter((_, j) => j !== i) })}>
                  Remover
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
