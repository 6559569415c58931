'use client'
import { useField } from '@payloadcms/ui'
import { muted } from '../shared/styles'
import ui from '../shared/ui.module.scss'
import { useGolT } from '../i18n/useGolT'

/**
 * The user's block as the guide's "3. Status do usuário": "Status atual" (as saved) and
 * "Novo status" (what Salvar will write). It edits the `blocked` checkbox's value, so the
 * field's access rules and the audit entry (Bloqueio / Desbloqueio de usuário) stay the same.
 */
export function UserStatusField({ path = 'blocked', readOnly }: { path?: string; readOnly?: boolean }) {
  const t = useGolT()
  const { value, initialValue, setValue } = useField<boolean>({ path })
  const label = (blocked: boolean | undefined) => (blocked ? t('gol:blocked') : t('gol:active'))
  return (
    <fieldset data-testid="user-status" style={{ border: 'none', padding: 0, margin: '8px 0 16px' }}>
      <legend style={{ fontWeight: 600, marginBottom: 6 }}>{t('gol:userStatus')}</legend>
      <p style={{ margin: '0 0 6px' }}>
        {t('gol:currentStatus')}: <strong data-testid="user-status-current">{label(initialValue)}</strong>
      </p>
      <label className={ui.field}>
        <span className={ui.muted}>{t('gol:newStatus')}</span>
        <select className={ui.input} value={value ? 'blocked' : 'active'} disabled={readOnly} onChange={(e) => setValue(e.target.value === 'blocked')} aria-label={t('gol:newStatus')}>
          <option value="active">{t('gol:active')}</option>
          <option value="blocked">{t('gol:blocked')}</option>
        </select>
      </label>
      <p style={{ ...muted, margin: '6px 0 0' }}>{t('gol:aBlockedUserCannotLogIn')}</p>
    </fieldset>
  )
}
