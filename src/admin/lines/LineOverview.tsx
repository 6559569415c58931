import type { Payload } from 'payload'
import { cycleFor } from '../../engine/core/cycle'
import { Bar } from '../shared/Bar'
import { fmtDate, fmtMB, fmtNumber, fmtPercent } from '../shared/format'
import { langOf, tr } from '../shared/lang'
import { LineHistory } from './LineHistory'
import { actorOf } from '../../access/policy'
import { isSupport, workingCompanyOf } from '../../access/roles'
import { engineFor } from '../../engine/service'
import { offersFromBalance, percentOf, type OfferRow } from './offerUsage'
import ui from '../shared/ui.module.scss'

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
  const t = tr(lang)
  const line = (await payload
    .findByID({ collection: 'lines', id, depth: 1, overrideAccess: false, user: user as never })
    .catch(() => null)) as Record<string, any> | null
  if (!line) return null
  // Support reaches every company: once it selected one, the page shows that company's lines only.
  const actor = actorOf({ user })
  const working = isSupport(actor) ? workingCompanyOf(actor) : undefined
  const lineCompany = typeof line.company === 'object' ? line.company?.id : line.company
  if (working !== undefined && String(lineCompany) !== String(working)) return null
  const companyId = typeof line.company === 'object' ? line.company?.id : line.company
  const accountId = typeof line.account === 'object' ? line.account?.id : line.account
  const company = (await payload.findByID({ collection: 'companies', id: companyId, depth: 0, overrideAccess: false, user: user as never }).catch(() => null)) as Record<
    string,
    any
  > | null
  const now = new Date()
  const cycle = cycleFor(now, Number(company?.renewalDay) || 1)
  const engine = await engineFor(payload)
  const snapshot = await engine.snapshots.byMsisdn(String(line.msisdn))
  const [individual, shared, balance] = await Promise.all([
    payload.find({ collection: 'offers', where: { and: [{ line: { equals: id } }, { kind: { equals: 'individual' } }] }, depth: 0, limit: 100, sort: 'createdAt', overrideAccess: false, user: user as never }),
    accountId == null
      ? Promise.resolve({ docs: [] })
      : payload.find({ collection: 'offers', where: { and: [{ account: { equals: accountId } }, { kind: { equals: 'shared' } }] }, depth: 0, limit: 20, overrideAccess: false, user: user as never }),
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
        ? t('Bloqueado', 'Blocked')
        : t('Sem Limite Configurado', 'No limit configured')

  const facts: [string, string][] = [
    [t('Linha', 'Line'), String(line.msisdn ?? '')],
    [t('Ramal', 'Extension'), String(line.extension ?? '')],
    ['IMSI', String(line.imsi ?? '')],
    [t('Número do chip (ICCID)', 'SIM card (ICCID)'), String(line.iccid ?? '')],
    [t('Nº da conta', 'Account'), nameOf(line.account, '')],
    [t('Departamento', 'Department'), line.department ? nameOf(line.department, '') : t('Linhas sem departamento', 'No department')],
    [t('Perfil', 'Profile'), line.profile ? nameOf(line.profile, '') : t('Linhas sem perfil', 'No profile')],
  ]

  return (
    <section data-testid="line-overview" style={{ display: 'grid', gap: 16, margin: '24px 0' }}>
      <div className={ui.card}>
        <h2 className={ui.h2}>{t('Assinante', 'Subscriber')}</h2>
        <div style={{ fontSize: 18, fontWeight: 600, marginBottom: 8 }}>{line.name || line.msisdn}</div>
        <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: '8px 16px', margin: 0 }}>
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt className={ui.muted}>{k}</dt>
              <dd style={{ margin: 0 }}>{v || '—'}</dd>
            </div>
          ))}
        </dl>
      </div>

      <div className={ui.card}>
        <h2 className={ui.h2}>{t('Ofertas contratadas', 'Contracted offers')}</h2>
        <p className={ui.muted}>
          {t('Ciclo de', 'Cycle from')} {fmtDate(cycle.start)} {t('a', 'to')} {fmtDate(cycle.lastDay)} · {t('renova em', 'renews in')} {cycle.renewsInDays}{' '}
          {cycle.renewsInDays === 1 ? t('dia', 'day') : t('dias', 'days')}
        </p>
        {offers.length === 0 ? (
          <p className={ui.muted}>{t('Nenhuma oferta individual contratada para esta linha.', 'No individual offer contracted for this line.')}</p>
        ) : (
          <table className={ui.table} data-testid="line-offers">
            <thead>
              <tr>
                <th className={ui.th}>{t('Tipo', 'Type')}</th>
                <th className={ui.th}>{t('Pacote', 'Package')}</th>
                <th className={ui.th}>{t('Franquia', 'Franchise')}</th>
                <th className={ui.th}>{t('Consumo', 'Used')}</th>
                <th className={ui.th}>{t('% Consumo', '% used')}</th>
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
                    <Bar percent={o.percent} label={`${o.package}: ${t('consumo', 'used')}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className={ui.card}>
        <h2 className={ui.h2}>{t('Franquia compartilhada para linha', 'Shared franchise of the line')}</h2>
        {pools.length === 0 ? (
          <p className={ui.muted}>{t('A conta desta linha não tem oferta compartilhada.', "This line's account has no shared offer.")}</p>
        ) : (
          <table className={ui.table} data-testid="line-shared">
            <thead>
              <tr>
                <th className={ui.th}>{t('Tipo', 'Type')}</th>
                <th className={ui.th}>{t('Pacote', 'Package')}</th>
                <th className={ui.th}>{t('Limites', 'Limit')}</th>
                <th className={ui.th}>{t('Consumo', 'Used')}</th>
                <th className={ui.th}>{t('% Consumo', '% used')}</th>
              </tr>
            </thead>
            <tbody>
              {pools.map((p) => {
                const cap = quota.control === 'limited' ? Number(quota.amountMB ?? 0) : 0
                const pct = quota.control === 'limited' ? percentOf(usedMB, cap) : null
                return (
                  <tr key={p.id}>
                    <td className={ui.td}>{t('Compartilhado', 'Shared')}</td>
                    <td className={ui.td}>
                      {p.package}
                      <div className={ui.muted}>
                        {t('Total da oferta:', 'Offer total:')} {fmtMB(p.amount)}
                      </div>
                    </td>
                    <td className={ui.td}>{limitText}</td>
                    <td className={ui.td}>{fmtMB(usedMB)}</td>
                    <td className={ui.td}>{quota.control === 'limited' ? <Bar percent={pct} label={t('Cota compartilhada: consumo', 'Shared quota: used')} /> : fmtPercent(null)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
        <h3 style={{ fontSize: 15, margin: '16px 0 6px' }}>{t('Limite configurado para franquia compartilhada', 'Limit configured on the shared franchise')}</h3>
        <div data-testid="line-quota" style={{ display: 'flex', gap: 32 }}>
          <div>
            {t('Limite configurado:', 'Configured limit:')}{' '}
            <strong>
              {quota.control === 'limited' ? fmtMB(Number(quota.amountMB ?? 0)) : quota.control === 'blocked' ? t('Bloqueado', 'Blocked') : t('Ilimitado', 'Unlimited')}
            </strong>
          </div>
          <div>
            {t('Utilizado:', 'Used:')} <strong>{fmtMB(usedMB)}</strong>
          </div>
        </div>
      </div>

      <LineHistory lineId={String(id)} lang={lang} />
    </section>
  )
}

export default LineOverview
