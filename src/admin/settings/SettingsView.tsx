import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { CSP_CARRIERS } from '../../domain/ddd'
import { STATES } from '../../domain/ddd'
import { langOf, tr } from '../shared/lang'
import { currentCompany } from '../shared/server'
import { card } from '../shared/styles'
import { CspSettings } from './CspSettings'
import { HolidaysPanel } from './HolidaysPanel'

/** /admin/configuracoes: general settings of the selected company (F). */
export async function SettingsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const user = req.user as { role?: string } | null
  const company = user ? await currentCompany(req.payload, user) : null
  const canWrite = user?.role === 'admin' || user?.role === 'support'
  const lang = langOf(req.i18n)
  const t = tr(lang)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user || undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <h1 style={{ margin: '24px 0 16px' }}>{t('Configurações gerais', 'General settings')}</h1>
        {!company ? (
          <p style={card}>
            {user ? (
              <>
                {t('Nenhuma empresa selecionada.', 'No company selected.')} <a href="/admin/empresa">{t('Selecione uma empresa', 'Select a company')}</a>.
              </>
            ) : (
              t('Faça login.', 'Please log in.')
            )}
          </p>
        ) : (
          <div style={{ display: 'grid', gap: 20, marginBottom: 40 }} data-testid="general-settings">
            <p style={{ margin: 0 }}>
              {t('Empresa:', 'Company:')} <strong>{company.name}</strong>
            </p>
            <CspSettings
              companyId={company.id}
              csp={String(company.csp ?? '21')}
              interruptAtLimit={Boolean(company.interruptAtLimit)}
              carriers={Object.entries(CSP_CARRIERS).map(([code, name]) => ({ code, name }))}
              canWrite={canWrite}
              lang={lang}
            />
            <HolidaysPanel companyId={company.id} states={[...STATES]} canWrite={canWrite} lang={lang} />
          </div>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}

export default SettingsView
