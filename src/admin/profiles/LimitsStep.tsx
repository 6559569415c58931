'use client'
import type { UsageCategory } from '../../domain/categories'
import { useGolLang, useGolT } from '../i18n/useGolT'
import ui from '../shared/ui.module.scss'
import { FieldError } from './Field'
import { categoryLabel, controlLabel, LIMIT_CATEGORIES, type LimitControl, type ProfileDraft, type StepErrors } from './steps'
import css from './wizard.module.scss'

/** Step 4 "Limite": per call and SMS category, unlimited, blocked or a quantity per cycle. */
export function LimitsStep({ draft, errors, onChange }: { draft: ProfileDraft; errors: StepErrors; onChange: (l: ProfileDraft['limits']) => void }) {
  const t = useGolT()
  const lang = useGolLang()
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
          <th className={ui.th}>{kind === 'voice' ? t('gol:profileVoice') : t('gol:profileSms')}</th>
          <th className={ui.th}>{t('gol:profileControl')}</th>
          <th className={ui.th}>{kind === 'voice' ? t('gol:profileQuantityMin') : t('gol:profileQuantitySms')}</th>
        </tr>
      </thead>
      <tbody>
        {LIMIT_CATEGORIES[kind].map((c) => {
          const v = draft.limits[c] ?? { control: 'unlimited' as LimitControl, quantity: null }
          return (
            <tr key={c}>
              <td className={ui.td}>{categoryLabel(c, lang)}</td>
              <td className={ui.td}>
                <select aria-label={t('gol:profileControlOf', { category: categoryLabel(c, lang) })} className={ui.input} value={v.control} onChange={(e) => set(c, { ...v, control: e.target.value as LimitControl })}>
                  {(['unlimited', 'blocked', 'limited'] as const).map((k) => (
                    <option key={k} value={k}>
                      {k === 'limited' ? t(kind === 'voice' ? 'gol:profileLimitedMin' : 'gol:profileLimitedSms') : controlLabel(k, lang)}
                    </option>
                  ))}
                </select>
              </td>
              <td className={ui.td}>
                {v.control === 'limited' && (
                  <input
                    aria-label={t('gol:profileQuantityOf', { category: categoryLabel(c, lang) })}
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
      <p className={ui.muted}>{t('gol:profileLimitsHelp')}</p>
      <div className={css.bulk}>
        <button type="button" className={ui.button} onClick={() => setAll('unlimited')}>
          {t('gol:profileAllowAll')}
        </button>
        <button type="button" className={ui.button} onClick={() => setAll('blocked')}>
          {t('gol:profileBlockAll')}
        </button>
      </div>
      {block('voice')}
      {block('sms')}
    </>
  )
}
