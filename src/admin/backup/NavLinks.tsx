import { langOf } from '../shared/lang'
import { mayBackup } from './common'
import { golT } from '../i18n'

/** In the side menu, for who may back up (admins, support): backup and restore (J) and the restore history (H7). */
export function BackupNavLinks({ i18n, permissions }: { i18n?: { language?: string }; permissions?: unknown }) {
  if (permissions && !mayBackup(permissions)) return null
  const t = golT(langOf(i18n))
  const link = { display: 'block', padding: '4px 0', textDecoration: 'none' } as const
  return (
    <>
      <a href="/admin/backup" data-testid="nav-backup" style={link}>
        {t('gol:backupAndRestore')}
      </a>
      <a href="/admin/historico-restauracoes" data-testid="nav-restore-history" style={link}>
        {t('gol:restoreHistory')}
      </a>
    </>
  )
}

export default BackupNavLinks
