import type { Payload } from 'payload'
import { COMPANY_STATUS } from '../../domain/companies'
import { CSP_CARRIERS } from '../../domain/ddd'
import { labelOf } from '../../domain/labels'
import { LINE_STATUS } from '../../domain/lines'
import { cycleFor } from '../../engine/core/cycle'
import { fmtCnpj } from '../shared/cnpj'
import { cycleStartLabel, fmtDate, fmtMB, fmtMsisdn, fmtNumber } from '../shared/format'
import { langOf } from '../shared/lang'
import { countAs, currentCompany, viewer } from '../shared/server'
import { UsageChart } from './UsageChart'
import { readMoneyByCycle } from '../../spend/moneyUsed'
import { dailyUsage } from './usageSeries'
import ui from '../shared/ui.module.scss'
import css from './dashboard.module.scss'
import { golT } from '../i18n'

/**
 * The company dashboard (B), above Payload's collection cards: company and logged user,
 * status, lines by status, franchise renewal, accounts and departments, CSP and the
 * interrupt setting, the company's administrators, and consumption over the current cycle.
 */
export async function Dashboard({ payload, user, i18n }: { payload: Payload; user?: unknown; i18n?: { language?: string } }) {
  if (!user) return null
  const lang = langOf(i18n)
  const t = golT(lang)
  const company = await currentCompany(payload, user)
  if (!company) {
    return (
      <section className={`${ui.card} ${css.empty}`}>
        <p>
          {t('gol:noCompanySelected')} <a href="/admin/empresa">{t('gol:selectACompany')}</a>.
        </p>
      </section>
    )
  }
  const inCompany = { company: { equals: company.id } }
  const statuses = Object.keys(LINE_STATUS) as (keyof typeof LINE_STATUS)[]
  const [total, byStatus, accounts, departments, admins] = await Promise.all([
    countAs(payload, user, 'lines', inCompany),
    Promise.all(statuses.map((s) => countAs(payload, user, 'lines', { and: [inCompany, { status: { equals: s } }] }))),
    countAs(payload, user, 'accounts', inCompany),
    countAs(payload, user, 'departments', inCompany),
    payload
      .find({
        collection: 'users',
        where: { and: [{ role: { equals: 'admin' } }, { companies: { in: [company.id] } }] },
        depth: 0,
        limit: 50,
        sort: 'firstName',
        overrideAccess: false,
        user: viewer(user),
      })
      .then((r) => r.docs as unknown as Record<string, string>[])
      .catch(() => []),
  ])
  const now = new Date()
  const cycle = cycleFor(now, Number(company.renewalDay) || 1)
  const usage = await dailyUsage(payload, user, inCompany, cycle.start, now)
  // Spend beyond the franchises (issue 15): this cycle and the one before.
  const costs = await readMoneyByCycle(payload, { kind: 'company', target: String(company.id) }, 2).catch(() => [])
  const costNow = costs.find((c) => c.cycle === cycle.key)?.cents ?? 0
  const costBefore = costs.find((c) => c.cycle < cycle.key)
  const brl = (cents: number) => (cents / 100).toLocaleString('pt-BR', { style: 'currency', currency: 'BRL' })
  const u = user as { firstName?: string; lastName?: string; email?: string; username?: string }
  const renewal = cycle.start
  const renewalLabel = cycleStartLabel(cycle.key, lang)
  const csp = String(company.csp ?? '21')

  return (
    <section data-testid="gol-dashboard" className={css.page}>
      <div className={`${ui.card} ${css.header}`}>
        <div>
          <div className={ui.muted}>{t('gol:company2')}</div>
          <h1 className={css.title}>{company.name}</h1>
          <div className={ui.muted}>
            CNPJ {fmtCnpj(String(company.cnpj))} · {t('gol:clientNumber')} {company.clientNumber}
          </div>
        </div>
        <div className={ui.right}>
          <div>
            {[u.firstName, u.lastName].filter(Boolean).join(' ') || u.username} <span className={ui.muted}>({u.email})</span>
          </div>
          <div className={css.near}>
            {t('gol:companyStatus')}{' '}
            <strong data-testid="company-status">{labelOf(COMPANY_STATUS, company.status, lang)}</strong>
          </div>
        </div>
      </div>

      <div className={css.cards}>
        <div className={ui.card}>
          <h2 className={ui.h2}>{t('gol:lines')}</h2>
          <div className={ui.big} data-testid="lines-total">
            {fmtNumber(total)}
          </div>
          <div className={ui.muted}>{t('gol:totalLines')}</div>
          <ul className={css.statusList} data-testid="lines-by-status">
            {statuses.map((s, i) => (
              <li key={s} className={css.statusRow}>
                <a href={`/admin/collections/lines?where[status][equals]=${s}`}>{LINE_STATUS[s][lang === 'en' ? 1 : 0]}</a>
                <strong>{fmtNumber(byStatus[i])}</strong>
              </li>
            ))}
          </ul>
        </div>
        <div className={ui.card}>
          <h2 className={ui.h2}>{t('gol:renewal')}</h2>
          <div className={ui.muted}>{t('gol:cycleStartsOn')}</div>
          <div className={css.figure} data-testid="cycle-start">
            {renewalLabel}
          </div>
          <div className={css.then} data-testid="renews-in">
            {t('gol:renewsIn2')} <strong>{cycle.renewsInDays}</strong> {cycle.renewsInDays === 1 ? t('gol:day') : t('gol:days')}
          </div>
          <div className={ui.muted}>
            {t('gol:currentCycle2')} {fmtDate(renewal)} {t('gol:to')} {fmtDate(cycle.lastDay)}
          </div>
        </div>
        <div className={ui.card}>
          <h2 className={ui.h2}>{t('gol:structure')}</h2>
          <div className={css.figures}>
            <div>
              <div className={ui.big}>{fmtNumber(accounts)}</div>
              <div className={ui.muted}>{t('gol:accounts')}</div>
            </div>
            <div>
              <div className={ui.big}>{fmtNumber(departments)}</div>
              <div className={ui.muted}>
                <a href="/admin/collections/departments">{t('gol:departments')}</a>
              </div>
            </div>
          </div>
        </div>
        <div className={ui.card}>
          <h2 className={ui.h2}>{t('gol:additionalSettings')}</h2>
          <div className={ui.muted}>{t('gol:longDistanceCarrierCsp')}</div>
          <div className={ui.strong}>
            {(CSP_CARRIERS as Record<string, string>)[csp]?.toUpperCase() ?? ''} - {csp}
          </div>
          <div className={`${ui.muted} ${css.then}`}>{t('gol:interruptTheCallWhenTheLimit')}</div>
          <div className={ui.strong}>{company.interruptAtLimit ? t('gol:on') : t('gol:off')}</div>
          <div className={css.then}>
            <a href="/admin/configuracoes">{t('gol:generalSettings')}</a>
          </div>
        </div>
        <div className={ui.card}>
          <h2 className={ui.h2}>{t('gol:spend')}</h2>
          <div className={ui.big} data-testid="cycle-cost">
            {brl(costNow)}
          </div>
          <div className={ui.muted}>{t('gol:costThisCycleBeyondTheFranchises')}</div>
          {costBefore && (
            <div className={css.near}>
              {t('gol:previousCycle')}: <strong>{brl(costBefore.cents)}</strong>
            </div>
          )}
          <div className={css.then}>
            <a href="/admin/collections/spend-caps">{t('gol:spendCaps')}</a> · <a href="/admin/collections/spend-alerts">{t('gol:alerts')}</a> ·{' '}
            <a href="/admin/relatorios">{t('gol:costReport')}</a>
          </div>
        </div>
      </div>

      <div className={ui.card}>
        <h2 className={ui.h2}>{t('gol:usageInTheCurrentCycle')}</h2>
        {usage.events === 0 ? (
          <p className={ui.muted}>{t('gol:noUsageRecordedInThisCycle')}</p>
        ) : (
          <div className={css.charts}>
            <UsageChart title={t('gol:data')} lang={lang} days={usage.days} values={usage.dataMB} format={fmtMB} color="#da291c" />
            <UsageChart title={t('gol:voice')} lang={lang} days={usage.days} values={usage.voiceMinutes} format={(n) => `${fmtNumber(n, 1)} min`} color="#1f5fa8" />
            <UsageChart title="SMS" lang={lang} days={usage.days} values={usage.sms} format={(n) => `${fmtNumber(n)} SMS`} color="#2e8b57" />
          </div>
        )}
        {usage.truncated && <p className={ui.muted}>{t('gol:showingTheLatestEventsTheCycle')}</p>}
      </div>

      <div className={ui.card}>
        <h2 className={ui.h2}>{t('gol:companyAdministrators')}</h2>
        {admins.length === 0 ? (
          <p className={ui.muted}>{t('gol:noAdministratorRegistered')}</p>
        ) : (
          <table className={ui.table} data-testid="company-admins">
            <thead>
              <tr>
                <th className={ui.th}>{t('gol:name')}</th>
                <th className={ui.th}>e-mail</th>
                <th className={ui.th}>{t('gol:line')}</th>
              </tr>
            </thead>
            <tbody>
              {admins.map((a) => (
                <tr key={a.id}>
                  <td className={ui.td}>{[a.firstName, a.lastName].filter(Boolean).join(' ')}</td>
                  <td className={ui.td}>{a.email}</td>
                  <td className={ui.td}>{fmtMsisdn(a.phone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}

export default Dashboard
