'use client'
import type { UsageCategory } from '../../domain/categories'
import ui from '../shared/ui.module.scss'
import { FieldError } from './Field'
import { categoryLabel, CONTROL_PT, LIMIT_CATEGORIES, type LimitControl, type ProfileDraft, type StepErrors } from './steps'
import css from './wizard.module.scss'

/** Step 4 "Limite": per call and SMS category, unlimited, blocked or a quantity per cycle. */
export function LimitsStep({ draft, errors, onChange }: { draft: ProfileDraft; errors: StepErrors; onChange: (l: ProfileDraft['limits']) => void }) {
  const setAll = (control: LimitControl) => {
    const next: ProfileDraft['limits'] = {}
    for (const c of [...LIMIT_CATEGORIES.voice, ...LIMIT_CATEGORIES.sms]) next[c] = { control, quantity: null }
    onChange(next)
  }
  const set = (c: UsageCategory, v: { control: LimitControl; quantity: number | null }) => onChange({ ...draft.limits, [c]: v })
  const block = (kind: 'voice' | 'sms') => (
    <table className={`${ui.table} ${css.limitTable}`}>
      <thead>
        <tr>
          <th className={ui.th}>{kind === 'voice' ? 'Ligação' : 'Sms'}</th>
          <th className={ui.th}>Controle</th>
          <th className={ui.th}>{kind === 'voice' ? 'Quantidade MIN' : 'Quantidade SMS'}</th>
        </tr>
      </thead>
      <tbody>
        {LIMIT_CATEGORIES[kind].map((c) => {
          const v = draft.limits[c] ?? { control: 'unlimited' as LimitControl, quantity: null }
          return (
            <tr key={c}>
              <td className={ui.td}>{categoryLabel(c)}</td>
              <td className={ui.td}>
                <select aria-label={`Controle ${categoryLabel(c)}`} className={ui.input} value={v.control} onChange={(e) => set(c, { ...v, control: e.target.value as LimitControl })}>
                  {(['unlimited', 'blocked', 'limited'] as const).map((k) => (
                    <option key={k} value={k}>
                      {k === 'limited' ? `Limitado (${kind === 'voice' ? 'Min' : 'Sms'})` : CONTROL_PT[k]}
                    </option>
                  ))}
                </select>
              </td>
              <td className={ui.td}>
                {v.control === 'limited' && (
                  <input
                    aria-label={`Quantidade ${categoryLabel(c)}`}
                    className={`${ui.input} ${css.quantity}`}
                    inputMode="numeric"
                    value={v.quantity ?? ''}
                    onChange={(e) => set(c, { ...v, quantity: e.target.value === '' ? null : Number(e.target.value.replace(/\D/g, '')) })}
                  />
                )}
                <FieldError role={null} message={errors[`limits.${c}`]} />
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
  return (
    <>
      <p className={ui.muted}>Deixe tudo liberado, bloqueie tudo ou estipule uma cota de minutos ou SMS por ciclo para cada tipo de chamada.</p>
      <div className={css.bulk}>
        <button type="button" className={ui.button} onClick={() => setAll('unlimited')}>
          Liberar tudo
        </button>
        <button type="button" className={ui.button} onClick={() => setAll('blocked')}>
          Bloquear tudo
        </button>
      </div>
      {block('voice')}
      {block('sms')}
    </>
  )
}
