import type { Payload } from 'payload'
import { cycleFor } from '../../engine/core/cycle'
import { Bar } from '../shared/Bar'
import { fmtDate, fmtMB, fmtNumber, fmtPercent } from '../shared/format'
import { langOf } from '../shared/lang'
import { LineHistory } from './LineHistory'
import { actorOf } from '../../access/policy'
import { isSupport, workingCompanyOf } from '../../access/roles'
import { engineFor } from '../../engine/service'
import { offersFromBalance, percentOf, type OfferRow } from './offerUsage'
import ui from '../shared/ui.module.scss'
import { golT } from '../i18n'
import { viewer } from '../shared/server'

const UNIT_LABEL = { minutes: 'MIN', sms: 'SMS', mb: 'MB' } as const

function fmtUnit(n: number, unit: OfferRow['unit']): string {
  if (unit === 'mb') return fmtMB(n)
  return `${fmtNumber(n, unit === 'minutes' && n < 100 ? 1 : 0)} ${UNIT_LABEL[unit]}`
}

const nameOf = (rel: unknown, fallback: string): string =>
  rel && typeof rel === 'object' ? String((rel as { name?: string; number?: string }).name ?? (rel as { number?: string }).number ?? fallback) : fallback

/**
 * The line page's read-only panels (C3, C5–C7): registration data, contracted offers
 * with consumption bars, the shared franchise with the configured quota and its use,
 * and the history of transactions and calls. A `ui` field of the lines collection.
 */
export async function LineOverview({ id, payload, user, i18n }: { id?: string | number; payload: Payload; user?: unknown; i18n?: { language?: string } }) {
  if (id == null || !user) return null
  const lang = langOf(i18n)
  const t = golT(lang)
  const line = (await payload
    .findByID({ collection: 'lines', id, depth: 1, overrideAccess: false, user: viewer(user) })
    .catch(() => null)) as Record<string, any> | null
  if (!line) return null
  // Support reaches every company: once it selected one, the page shows that company's lines only.
  const actor = actorOf({ user })
  const working = isSupport(actor) ? workingCompanyOf(actor) : undefined
  const lineCompany = typeof line.company === 'object' ? line.company?.id : line.company
  if (working !== undefined && String(lineCompany) !== String(working)) return null
  const companyId = typeof line.company === 'object' ? line.company?.id : line.company
  const accountId = typeof line.account === 'object' ? line.account?.id : line.account
  const company = (await payload.findByID({ collection: 'companies', id: companyId, depth: 0, overrideAccess: false, user: viewer(user) }).catch(() => null)) as Record<
    string,
    any
  > | null
  const now = new Date()
  const cycle = cycleFor(now, Number(company?.renewalDay) || 1)
  const engine = await engineFor(payload)
  const snapshot = await engine.snapshots.byMsisdn(String(line.msisdn))
  const [individual, shared, balance] = await Promise.all([
    payload.find({ collection: 'offers', where: { and: [{ line: { equals: id } }, { kind: { equals: 'individual' } }] }, depth: 0, limit: 100, sort: 'createdAt', overrideAccess: false, user: viewer(user) }),
    accountId == null
      ? Promise.resolve({ docs: [] })
      : payload.find({ collection: 'offers', where: { and: [{ account: { equals: accountId } }, { kind: { equals: 'shared' } }] }, depth: 0, limit: 20, overrideAccess: false, user: viewer(user) }),
    // The engine's own balance (franchises after Claro Pós transfers, the line's data in the cycle): what /api/engine/balance answers.
    snapshot ? engine.balance(snapshot, now) : null,
  ])
  const offers = offersFromBalance(individual.docs as unknown as OfferRow[], balance?.franchises ?? [])
  const pools = shared.docs as unknown as OfferRow[]
  const usedMB = (balance?.lineDataBytes ?? 0) / 1_048_576
  const quota = (line.quota ?? {}) as { control?: string; amountMB?: number | null }
  const limitText =
    quota.control === 'limited'
      ? fmtMB(Number(quota.amountMB ?? 0))
      : quota.control === 'blocked'
        ? t('gol:blocked')
        : t('gol:noLimitConfigured')

  const facts: [string, string][] = [
    [t('gol:line'), String(line.msisdn ?? '')],
    [t('gol:extension'), String(line.extension ?? '')],
    ['IMSI', String(line.imsi ?? '')],
    [t('gol:simCardIccid'), String(line.iccid ?? '')],
    [t('gol:account'), nameOf(line.account, '')],
    [t('gol:department'), line.department ? nameOf(line.department, '') : t('gol:noDepartment')],
    [t('gol:profile'), line.profile ? nameOf(line.profile, '') : t('gol:noProfile')],
  ]

  return (
    <section data-testid="line-overview" className={ui.section}>
      <div className={ui.card}>
        <h2 className={ui.h2}>{t('gol:subscriber')}</h2>
        <div style={{ fontSize: 18, fontWeight: 600, marginBottom: 8 }}>{line.name || line.msisdn}</div>
        <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: '8px 16px', margin: 0 }}>
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt className={ui.muted}>{k}</dt>
              <dd className={ui.flush}>{v || '—'}</dd>
            </div>
          ))}
        </dl>
      </div>

      <div className={ui.card}>
        <h2 className={ui.h2}>{t('gol:contractedOffers')}</h2>
        <p className={ui.muted}>
          {t('gol:cycleFrom')} {fmtDate(cycle.start)} {t('gol:to')} {fmtDate(cycle.lastDay)} · {t('gol:renewsIn')} {cycle.renewsInDays}{' '}
          {cycle.renewsInDays === 1 ? t('gol:day') : t('gol:days')}
        </p>
        {offers.length === 0 ? (
          <p className={ui.muted}>{t('gol:noIndividualOfferContractedForThis')}</p>
        ) : (
          <table className={ui.table} data-testid="line-offers">
            <thead>
              <tr>
                <th className={ui.th}>{t('gol:type')}</th>
                <th className={ui.th}>{t('gol:package')}</th>
                <th className={ui.th}>{t('gol:franchise')}</th>
                <th className={ui.th}>{t('gol:used')}</th>
                <th className={ui.th}>{t('gol:used2')}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((o) => (
                <tr key={o.id}>
                  <td className={ui.td}>Individual</td>
                  <td className={ui.td}>{o.package}</td>
                  <td className={ui.td}>{fmtUnit(o.franchise, o.unit)}</td>
                  <td className={ui.td}>{fmtUnit(o.used, o.unit)}</td>
                  <td className={ui.td}>
                    <Bar percent={o.percent} label={`${o.package}: ${t('gol:used3')}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className={ui.card}>
        <h2 className={ui.h2}>{t('gol:sharedFranchiseOfTheLine')}</h2>
        {pools.length === 0 ? (
          <p className={ui.muted}>{t('gol:thisLineSAccountHasNo')}</p>
        ) : (
          <table className={ui.table} data-testid="line-shared">
            <thead>
              <tr>
                <th className={ui.th}>{t('gol:type')}</th>
                <th className={ui.th}>{t('gol:package')}</th>
                <th className={ui.th}>{t('gol:limit')}</th>
                <th className={ui.th}>{t('gol:used')}</th>
                <th className={ui.th}>{t('gol:used2')}</th>
              </tr>
            </thead>
            <tbody>
              {pools.map((p) => {
                const cap = quota.control === 'limited' ? Number(quota.amountMB ?? 0) : 0
                const pct = quota.control === 'limited' ? percentOf(usedMB, cap) : null
                return (
                  <tr key={p.id}>
                    <td className={ui.td}>{t('gol:shared')}</td>
                    <td className={ui.td}>
                      {p.package}
                      <div className={ui.muted}>
                        {t('gol:offerTotal')} {fmtMB(p.amount)}
                      </div>
                    </td>
                    <td className={ui.td}>{limitText}</td>
                    <td className={ui.td}>{fmtMB(usedMB)}</td>
                    <td className={ui.td}>{quota.control === 'limited' ? <Bar percent={pct} label={t('gol:sharedQuotaUsed')} /> : fmtPercent(null)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
        <h3 className={ui.h3}>{t('gol:limitConfiguredOnTheSharedFranchise')}</h3>
        <div data-testid="line-quota" style={{ display: 'flex', gap: 32 }}>
          <div>
            {t('gol:configuredLimit')}{' '}
            <strong>
              {quota.control === 'limited' ? fmtMB(Number(quota.amountMB ?? 0)) : quota.control === 'blocked' ? t('gol:blocked') : t('gol:unlimited')}
            </strong>
          </div>
          <div>
            {t('gol:used4')} <strong>{fmtMB(usedMB)}</strong>
          </div>
        </div>
      </div>

      <LineHistory lineId={String(id)} />
    </section>
  )
}

export default LineOverview
