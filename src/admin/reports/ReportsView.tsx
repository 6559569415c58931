import type { AdminViewServerProps } from 'payload'
import { BACKUP_CATEGORIES } from '../../domain/backups'
import { optionsOf } from '../../domain/labels'
import { LINE_STATUS } from '../../domain/lines'
import { REPORT_KINDS } from '../../domain/reports'
import { KINDS } from '../../reports/kinds'
import { AdminPage } from '../shared/AdminPage'
import { langOf } from '../shared/lang'
import { currentCompany, viewer } from '../shared/server'
import type { KindInfo, Option } from './kinds'
import { ReportForm } from './ReportForm'
import ui from '../shared/ui.module.scss'
import { golT, type GolTranslationKey } from '../i18n'

const options = (map: Record<string, readonly [string, string]>, en: boolean): Option[] => optionsOf(map, en ? 'en' : 'pt')

/** The guide's totals above each list ("Total Histórico de Transações: 16", "Total assinantes: 4"). */
const TOTAL_LABELS: Record<string, GolTranslationKey> = {
  calls: 'gol:totalCalls',
  transactions: 'gol:totalTransactions',
  data: 'gol:totalData',
  notifications: 'gol:totalNotifications',
  subscribers: 'gol:totalSubscribersLabel',
  restores: 'gol:totalRestores',
}

/** /admin/relatorios: the reports (H1–H5, H7) on screen with exactly their kind's filters, their Download, and the background report for very large periods. */
export async function ReportsView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const { payload } = req
  const user = req.user as { role?: string } | null
  const company = user ? await currentCompany(payload, user) : null
  const lang = langOf(req.i18n)
  const t = golT(lang)
  const en = lang === 'en'
  let content
  if (!company) {
    content = (
      <p className={ui.card}>
        {t('gol:noCompanySelected')} <a href="/admin/empresa">{t('gol:selectACompany')}</a>.
      </p>
    )
  } else {
    const scope = { overrideAccess: false, user: viewer(user), depth: 0, limit: 0, pagination: false } as const
    const [departments, accounts] = await Promise.all([
      payload.find({ ...scope, collection: 'departments', where: { company: { equals: company.id } }, sort: 'name', select: { name: true } }),
      payload.find({ ...scope, collection: 'accounts', where: { company: { equals: company.id } }, sort: 'number', select: { number: true, name: true } }),
    ])
    const labels = REPORT_KINDS as Record<string, readonly [string, string]>
    const kinds: KindInfo[] = Object.entries(KINDS).map(([kind, def]) => ({
      kind,
      label: labels[kind]?.[en ? 1 : 0] ?? def.title,
      period: def.period ? { ...def.period } : undefined,
      filters: [...def.filters],
      lineBased: def.lineBased,
      totalLabel: TOTAL_LABELS[kind] ? t(TOTAL_LABELS[kind]) : t('gol:totalOf', { title: def.title }),
    }))
    content = (
      <ReportForm
        kinds={kinds}
        subadmin={user?.role === 'subadmin'}
        departments={departments.docs.map((d) => ({ value: String(d.id), label: String(d.name) }))}
        accounts={accounts.docs.map((a) => ({ value: String(a.id), label: [a.number, (a as { name?: string }).name].filter(Boolean).join(' – ') }))}
        statuses={options(LINE_STATUS, en)}
        categories={options(BACKUP_CATEGORIES, en)}
      />
    )
  }
  return (
    <AdminPage {...props}>
      <h1 className={ui.pageTitle}>{t('gol:reports')}</h1>
      {company && (
        <p style={{ margin: '0 0 16px' }}>
          {t('gol:company')} <strong>{company.name}</strong> ·{' '}
          <a href="/admin/collections/reports">{t('gol:reportDownloads')}</a>
        </p>
      )}
      {content}
    </AdminPage>
  )
}

export default ReportsView
