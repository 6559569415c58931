import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'
import { AdminPage } from '../shared/AdminPage'
import { langOf, type Lang } from '../shared/lang'
import { currentCompany } from '../shared/server'
import { BackupPanel } from './BackupPanel'
import { categoryOptions, mayBackup } from './common'
import { RestoreHistory } from './RestoreHistory'
import ui from '../shared/ui.module.scss'
import { golT, type GolTranslationKey } from '../i18n'

/** The common frame of both screens: title, permission and company checks. */
async function BackupFrame({ props, title, children }: { props: AdminViewServerProps; title: GolTranslationKey; children: (company: Record<string, any>, lang: Lang) => ReactNode }) {
  const { req, permissions } = props.initPageResult
  const lang = langOf(req.i18n)
  const t = golT(lang)
  const allowed = mayBackup(permissions)
  const company = allowed && req.user ? await currentCompany(req.payload, req.user) : null
  return (
    <AdminPage {...props}>
      <h1 className={ui.pageTitle}>{t(title)}</h1>
      {!allowed ? (
        <p role="alert" className={ui.card} data-testid="backup-forbidden">
          {t('gol:noPermissionBackupAndRestoreAre')}
        </p>
      ) : !company ? (
        <p className={ui.card}>
          {t('gol:noCompanySelected')} <a href="/admin/empresa">{t('gol:selectACompany')}</a>.
        </p>
      ) : (
        <div className={ui.cards}>
          <p className={ui.flush}>
            {t('gol:company')} <strong>{company.name}</strong>
          </p>
          {children(company, lang)}
        </div>
      )}
    </AdminPage>
  )
}

/** /admin/backup: "Backup e restauração" (J1–J3, preview of SPEC L). */
export async function BackupView(props: AdminViewServerProps) {
  return (
    <BackupFrame props={props} title="gol:backupAndRestore">
      {(company, lang) => <BackupPanel companyId={company.id} categories={categoryOptions(lang)} lang={lang} />}
    </BackupFrame>
  )
}

/** /admin/historico-restauracoes: "Histórico de restaurações" (H7). */
export async function RestoreHistoryView(props: AdminViewServerProps) {
  return (
    <BackupFrame props={props} title="gol:restoreHistory">
      {(company, lang) => <RestoreHistory companyId={company.id} categories={categoryOptions(lang)} lang={lang} />}
    </BackupFrame>
  )
}

export default BackupView
