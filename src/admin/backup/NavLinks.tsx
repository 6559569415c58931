import { langOf, tr } from '../shared/lang'
import { mayBackup } from './common'

/** In the side menu, for who may back up (admins, support): backup and restore (J) and the restore history (H7). */
export function BackupNavLinks({ i18n, permissions }: { i18n?: { language?: string }; permissions?: unknown }) {
  if (permissions && !mayBackup(permissions)) return null
  const t = tr(langOf(i18n))
  const link = { display: 'block', padding: '4px 0', textDecoration: 'none' } as const
  return (
    <>
      <a href="/admin/backup" data-testid="nav-backup" style={link}>
        {t('Backup e restauração', 'Backup and restore')}
      </a>
      <a href="/admin/historico-restauracoes" data-testid="nav-restore-history" style={link}>
        {t('Histórico de restaurações', 'Restore history')}
      </a>
    </>
  )
}

export default BackupNavLinks
