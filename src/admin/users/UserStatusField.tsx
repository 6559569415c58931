'use client'
import { useField, useTranslation } from '@payloadcms/ui'
import { langOf, tr } from '../shared/lang'
import { muted } from '../shared/styles'
import ui from '../shared/ui.module.scss'

/**
 * The user's block as the guide's "3. Status do usuário": "Status atual" (as saved) and
 * "Novo status" (what Salvar will write). It edits the `blocked` checkbox's value, so the
 * field's access rules and the audit entry (Bloqueio / Desbloqueio de usuário) stay the same.
 */
export function UserStatusField({ path = 'blocked', readOnly }: { path?: string; readOnly?: boolean }) {
  const { i18n } = useTranslation()
  const t = tr(langOf(i18n))
  const { value, initialValue, setValue } = useField<boolean>({ path })
  const label = (blocked: boolean | undefined) => (blocked ? t('Bloqueado', 'Blocked') : t('Ativo', 'Active'))
  return (
    <fieldset data-testid="user-status" style={{ border: 'none', padding: 0, margin: '8px 0 16px' }}>
      <legend style={{ fontWeight: 600, marginBottom: 6 }}>{t('Status do usuário', 'User status')}</legend>
      <p style={{ margin: '0 0 6px' }}>
        {t('Status atual', 'Current status')}: <strong data-testid="user-status-current">{label(initialValue)}</strong>
      </p>
      <label style={{ display: 'grid', gap: 4 }}>
        <span className={ui.muted}>{t('Novo status', 'New status')}</span>
        <select className={ui.input} value={value ? 'blocked' : 'active'} disabled={readOnly} onChange={(e) => setValue(e.target.value === 'blocked')} aria-label={t('Novo status', 'New status')}>
          <option value="active">{t('Ativo', 'Active')}</option>
          <option value="blocked">{t('Bloqueado', 'Blocked')}</option>
        </select>
      </label>
      <p style={{ ...muted, margin: '6px 0 0' }}>{t('Um usuário bloqueado não entra e os seus tokens deixam de valer.', 'A blocked user cannot log in and its tokens stop working.')}</p>
    </fieldset>
  )
}
