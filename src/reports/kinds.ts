import type { CollectionSlug, Where } from 'payload'
import { BACKUP_CATEGORIES } from '../collections/Backups/model'
import { LINE_STATUS } from '../collections/Lines/model'
import { RESTORE_STATUS } from '../collections/Restores/model'
import { callTypeLabel } from '../domain/callTypes'
import { cycleFor } from '../engine/core/cycle'
import { MAX_PERIOD_DAYS } from '../validation/time'
import { costRows } from '../spend/costReport'
import { duration, megabytes, periodInstants, spDate, spDateTime, spTime } from './format'
import { Lookup, pages, relId, rowsOf, usagePages, type Doc } from './source'
import type { ReportScope } from './scope'
import type { Cell } from './writer'
import { packagesOf } from './notificationPackages'

/** H4: one line's notices of one package in the cycle. */
interface NoticeGroup {
  line: string
  key: string
  offer: string
  package: string
  sent: Set<string>
  reached: Set<string>
}

export type { ReportScope }


export interface ReportKind {
  /** The collection whose read access decides who may ask for this report. */
  source: CollectionSlug
  /** File-name prefix, as the guide's `Relatorio-Chamadas-20230414_201039584.csv.zip`. */
  file: string
  title: string
  /** Longest period in days; `required` when the report needs one. */
  period?: { max: number; required: boolean }
  /** Filters accepted in `params` besides `from`/`to`. */
  filters: readonly string[]
  /** Whether the report is about lines (and so takes the department filter and scope). */
  lineBased: boolean
  headers: string[]
  rows: (scope: ReportScope) => AsyncIterable<Cell[]>
}

const lineLabel = (msisdn: unknown) => (msisdn ? `+${String(msisdn)}` : '')
const pt = <K extends string>(map: Record<K, readonly [string, string]>, value: unknown): string =>
  (map as Record<string, readonly [string, string]>)[String(value)]?.[0] ?? String(value ?? '')

/** Where of the lines a scope reaches (company, departments, and the common line filters). */
function linesWhere(scope: ReportScope, extra: Where[] = []): Where {
  const and: Where[] = [{ company: { equals: scope.company } }, ...extra]
  if (scope.departments.length) and.push({ department: { in: scope.departments } })
  if (scope.params.line) and.push({ msisdn: { equals: scope.params.line } })
  if (scope.params.account) and.push({ account: { equals: scope.params.account } })
  return { and }
}

/**
 * Usage rows of the period with the name of their line (looked up once per page) and the
 * names of the company's lines they called (`peers`, by msisdn).
 */
async function* usageRows(scope: ReportScope, services: string[], row: (u: Doc, line: Doc | undefined, peers: Map<string, string>) => Cell[]) {
  const { start, end } = periodInstants(scope.params.from, scope.params.to)
  const lines = new Lookup(scope.payload, 'lines', { name: true, msisdn: true })
  const query = { company: scope.company, services, start, end, msisdn: scope.params.line, departments: scope.departments }
  for await (const page of usagePages(scope.payload, query)) {
    await lines.load(page.map((u) => u.line))
    const peers = await companyLinesByMsisdn(scope, page.map((u) => u.destination))
    for (const u of page) yield row(u, lines.get(u.line), peers)
  }
}

/** Name of each of these numbers that is a line of the company. */
async function companyLinesByMsisdn(scope: ReportScope, numbers: unknown[]): Promise<Map<string, string>> {
  const wanted = [...new Set(numbers.map((n) => String(n ?? '').replace(/^\+/, '')).filter((n) => /^\d{10,15}$/.test(n)))]
  const names = new Map<string, string>()
  if (!wanted.length) return names
  const found = await scope.payload.db.find<Doc>({
    collection: 'lines',
    where: { and: [{ company: { equals: scope.company } }, { msisdn: { in: wanted } }] },
    pagination: false,
    select: { msisdn: true, name: true },
  })
  for (const l of found.docs) if (l.name) names.set(String(l.msisdn), String(l.name))
  return names
}

/** The number called, with its name when it is a line of the company: "+5519991251527 (Felipe PME)". */
const destinationLabel = (destination: unknown, peers: Map<string, string>): string => {
  const raw = String(destination ?? '')
  const name = peers.get(raw.replace(/^\+/, ''))
  return name ? `${raw} (${name})` : raw
}

const period = (max: number, required = true) => ({ max, required })

export const KINDS: Record<string, ReportKind> = {
  // H1
  calls: {
    source: 'usage',
    file: 'Relatorio-Chamadas',
    title: 'Histórico de chamadas',
    period: period(MAX_PERIOD_DAYS.calls),
    filters: ['line'],
    lineBased: true,
    headers: ['Telefone origem', 'Usuário origem', 'Data', 'Hora', 'Telefone destino', 'Duração', 'Tipo de chamadas'],
    rows: (scope) =>
      usageRows(scope, ['voice', 'sms', 'collect'], (u, line, peers) => [
        lineLabel(u.msisdn ?? line?.msisdn),
        line?.name ?? '',
        spDate(u.at),
        spTime(u.at),
        destinationLabel(u.destination, peers),
        u.service === 'sms' ? '0' : duration(Number(u.units ?? 0)),
        callTypeLabel(u.category),
      ]),
  },
  // H2
  transactions: {
    source: 'transactions',
    file: 'Relatorio-transacoes',
    title: 'Histórico de transações',
    period: period(MAX_PERIOD_DAYS.transactions),
    filters: ['user'],
    lineBased: false,
    headers: ['Data', 'Perfil de gestão', 'Usuário', 'Evento', 'Descrição'],
    async *rows(scope) {
      const { start, end } = periodInstants(scope.params.from, scope.params.to)
      const and: Where[] = [{ company: { equals: scope.company } }, { at: { greater_than_equal: start } }, { at: { less_than: end } }]
      if (scope.params.user) and.push({ userLogin: { equals: scope.params.user } })
      const select = { at: true, role: true, userLogin: true, event: true, description: true } as const
      for await (const t of rowsOf(scope.payload, { collection: 'transactions', where: { and }, sortField: 'at', desc: true, select })) {
        yield [spDateTime(t.at), t.role ?? '', t.userLogin ?? '', t.event ?? '', t.description ?? '']
      }
    },
  },
  // Issue 15: what the period cost beyond the franchises, per line, department subtotal and company total.
  costs: {
    source: 'usage',
    file: 'Relatorio-Custos',
    title: 'Custo por linha e departamento',
    period: period(MAX_PERIOD_DAYS.data),
    filters: ['line'],
    lineBased: true,
    headers: ['Departamento', 'Nº da linha', 'Usuário', 'Eventos', 'Custo (R$)'],
    rows: (scope) => costRows(scope),
  },
  // H3
  data: {
    source: 'usage',
    file: 'Relatorio-Dados',
    title: 'Histórico de dados',
    period: period(MAX_PERIOD_DAYS.data),
    filters: ['line'],
    lineBased: true,
    headers: ['Telefone origem', 'Usuário origem', 'Data', 'Hora', 'Consumo (MB)', 'Grupo de classificação', 'Oferta e pacote usado'],
    rows: (scope) =>
      usageRows(scope, ['data'], (u, line) => [
        lineLabel(u.msisdn ?? line?.msisdn),
        line?.name ?? '',
        spDate(u.at),
        spTime(u.at),
        megabytes(Number(u.units ?? 0)),
        u.group ?? '',
        u.package ?? '',
      ]),
  },
  // H4
  notifications: {
    source: 'notifications',
    file: 'Relatorio-Notificacoes',
    title: 'Histórico de notificações',
    filters: ['line', 'account', 'cycle'],
    lineBased: true,
    // The guide's columns: one row per line and package of one cycle (the current one unless `cycle` names another).
    headers: ['Nº de linha', 'Oferta', 'Pacote', '60%', '80%', '100%'],
    async *rows(scope) {
      const { payload } = scope
      const cycle = scope.params.cycle ? String(scope.params.cycle) : await currentCycleOf(scope)
      for await (const lines of pages(payload, { collection: 'lines', where: linesWhere(scope), select: { msisdn: true, account: true, quota: true } })) {
        const packages = await packagesOf(payload, lines)
        const groups = new Map<string, NoticeGroup>()
        for await (const n of rowsOf(payload, {
          collection: 'notifications',
          where: { and: [{ line: { in: lines.map((l) => l.id) } }, { cycle: { equals: cycle } }] },
          select: { line: true, offer: true, package: true, packageKey: true, threshold: true, status: true },
        })) {
          const line = String(relId(n.line))
          const key = String(n.packageKey)
          const known = packages.get(line)?.get(key)
          const group = groups.get(`${line}|${key}`) ?? { line, key, offer: known?.offer ?? n.offer ?? '', package: known?.package ?? n.package ?? '', sent: new Set(), reached: new Set() }
          group.reached.add(String(n.threshold))
          if (n.status === 'sent') group.sent.add(String(n.threshold))
          groups.set(`${line}|${key}`, group)
        }
        // Packages never notified in the cycle: listed too, "-" in every column (a line has one pool row at most).
        const poolNotified = new Set([...groups.values()].filter((g) => g.key.startsWith('pool')).map((g) => g.line))
        for (const [line, byKey] of packages) {
          for (const [key, names] of byKey) {
            if (groups.has(`${line}|${key}`) || (poolNotified.has(line) && key.startsWith('pool'))) continue
            groups.set(`${line}|${key}`, { line, key, ...names, sent: new Set(), reached: new Set() })
          }
        }
        const msisdnOf = new Map(lines.map((l) => [String(l.id), l.msisdn]))
        const order = new Map(lines.map((l, i) => [String(l.id), i]))
        const sorted = [...groups.values()].sort((a, b) => order.get(a.line)! - order.get(b.line)! || a.key.localeCompare(b.key))
        for (const g of sorted) {
          // "-": the line never reached that threshold in the cycle; "Não": reached, the SMS not (yet) sent.
          const yes = (t: string) => (g.sent.has(t) ? 'Sim' : g.reached.has(t) ? 'Não' : '-')
          yield [msisdnOf.get(g.line), g.offer, g.package, yes('60'), yes('80'), yes('100')]
        }
      }
    },
  },
  // H5
  subscribers: {
    source: 'lines',
    file: 'Relatorio-Assinantes',
    title: 'Lista de assinantes',
    filters: ['line', 'account', 'status', 'search'],
    lineBased: true,
    headers: ['Nome', 'Nº da linha', 'Nº da conta', 'Departamento', 'Oferta', 'Perfil da linha', 'Status'],
    async *rows(scope) {
      const { payload, params } = scope
      const extra: Where[] = []
      if (params.status) extra.push({ status: { equals: params.status } })
      if (params.search) extra.push({ or: [{ name: { like: params.search } }, { msisdn: { like: params.search } }] })
      const names = await companyNames(scope)
      const shared = new Map<string, string[]>()
      for (const o of (await payload.db.find<Doc>({ collection: 'offers', where: { and: [{ company: { equals: scope.company } }, { kind: { equals: 'shared' } }] }, pagination: false })).docs) {
        const key = String(relId(o.account))
        shared.set(key, [...(shared.get(key) ?? []), o.offer])
      }
      for await (const lines of pages(payload, {
        collection: 'lines',
        where: linesWhere(scope, extra),
        select: { name: true, msisdn: true, account: true, department: true, profile: true, status: true },
      })) {
        const own = new Map<string, string[]>()
        const offers = await payload.db.find<Doc>({ collection: 'offers', where: { line: { in: lines.map((l) => l.id) } }, pagination: false, select: { line: true, offer: true } })
        for (const o of offers.docs) own.set(String(relId(o.line)), [...(own.get(String(relId(o.line))) ?? []), o.offer])
        for (const l of lines) {
          const offerNames = [...new Set([...(own.get(String(l.id)) ?? []), ...(shared.get(String(relId(l.account))) ?? [])])]
          yield [
            l.name ?? '',
            l.msisdn,
            names.accounts.get(String(relId(l.account))) ?? '',
            names.departments.get(String(relId(l.department))) ?? 'Linhas sem departamento',
            offerNames.length ? offerNames.join(', ') : 'NA',
            names.profiles.get(String(relId(l.profile))) ?? 'Linhas sem perfil',
            pt(LINE_STATUS, l.status),
          ]
        }
      }
    },
  },
  // H7
  restores: {
    source: 'restores',
    file: 'Relatorio-Restauracoes',
    title: 'Histórico de restaurações',
    period: period(MAX_PERIOD_DAYS.transactions, false),
    filters: ['category'],
    lineBased: false,
    headers: ['Tipo', 'Nome', 'Data', 'Estado'],
    async *rows(scope) {
      const { payload, params } = scope
      const and: Where[] = [{ company: { equals: scope.company } }]
      if (params.from) {
        const { start, end } = periodInstants(params.from, params.to)
        and.push({ createdAt: { greater_than_equal: start } }, { createdAt: { less_than: end } })
      }
      if (params.category) and.push({ category: { equals: params.category } })
      const backups = new Lookup(payload, 'backups', { name: true })
      for await (const page of pages(payload, { collection: 'restores', where: { and }, sortField: 'createdAt', desc: true, select: { backup: true, backupName: true, category: true, status: true } })) {
        await backups.load(page.map((r) => r.backup))
        for (const r of page) {
          const name = r.backupName ?? backups.get(r.backup)?.name
          yield [pt(BACKUP_CATEGORIES, r.category), name ? `${String(name)}.csv` : '', spDateTime(r.createdAt), pt(RESTORE_STATUS, r.status)]
        }
      }
    },
  },
}

/** The key of the company's cycle running now ('YYYY-MM-DD' of its first day), as notices are filed. */
async function currentCycleOf(scope: ReportScope): Promise<string> {
  const company = await scope.payload.db.findOne<Doc>({ collection: 'companies', where: { id: { equals: scope.company } }, select: { renewalDay: true } })
  return cycleFor(new Date(), Number(company?.renewalDay) || 1).key
}


/** Names of a company's accounts, departments and profiles (small sets: loaded once). */
async function companyNames(scope: ReportScope) {
  const load = async (collection: CollectionSlug, field: string) => {
    const map = new Map<string, string>()
    for await (const d of rowsOf(scope.payload, { collection, where: { company: { equals: scope.company } }, select: { [field]: true } })) {
      map.set(String(d.id), String(d[field] ?? ''))
    }
    return map
  }
  return { accounts: await load('accounts', 'number'), departments: await load('departments', 'name'), profiles: await load('profiles', 'name') }
}
