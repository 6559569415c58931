import type { AdminViewServerProps } from 'payload'
import { CSP_CARRIERS, STATES } from '../../domain/ddd'
import { AdminPage } from '../shared/AdminPage'
import { langOf } from '../shared/lang'
import { currentCompany } from '../shared/server'
import { CspSettings } from './CspSettings'
import { HolidaysPanel } from './HolidaysPanel'
import ui from '../shared/ui.module.scss'
import { golT } from '../i18n'

/** /admin/configuracoes: general settings of the selected company (F). */
export async function SettingsView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const user = req.user as { role?: string } | null
  const company = user ? await currentCompany(req.payload, user) : null
  const canWrite = user?.role === 'admin' || user?.role === 'support'
  const lang = langOf(req.i18n)
  const t = golT(lang)
  return (
    <AdminPage {...props}>
      <h1 className={ui.pageTitle}>{t('gol:generalSettings')}</h1>
      {!company ? (
        <p className={ui.card}>
          {t('gol:noCompanySelected')} <a href="/admin/empresa">{t('gol:selectACompany')}</a>.
        </p>
      ) : (
        <div className={ui.cards} data-testid="general-settings">
          <p className={ui.flush}>
            {t('gol:company')} <strong>{company.name}</strong>
          </p>
          <CspSettings
            companyId={company.id}
            csp={String(company.csp ?? '21')}
            interruptAtLimit={Boolean(company.interruptAtLimit)}
            carriers={Object.entries(CSP_CARRIERS).map(([code, name]) => ({ code, name }))}
            canWrite={canWrite}
          />
          <HolidaysPanel companyId={company.id} states={[...STATES]} canWrite={canWrite} />
        </div>
      )}
    </AdminPage>
  )
}

export default SettingsView
