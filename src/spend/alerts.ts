/**
 * Spend and usage alerts (issue 15), looked at after each committed usage batch, for the lines
 * it touched:
 *   - threshold: a cap's money, a line's franchise or an account's shared pool reached one of the
 *     company's percents (default 50/80/100);
 *   - forecast: at the cycle's pace so far (used ÷ time elapsed, at the batch's latest event), a
 *     cap or the pool runs out before the cycle ends — the alert says when;
 *   - spike: a line's cost in a day (São Paulo) is at least SPIKE_FACTOR (3) × its mean of the 7
 *     days before and SPIKE_MIN_CENTS (R$ 5) above it, with usage on at least 3 of those days.
 * Each alert has a unique key (subject, threshold, cycle; spikes: line and day), so it is stored
 * and sent once even when several processes look at once: only the process whose insert wins
 * e-mails the company's admins (and the sub-admins of the line's department) and queues the
 * signed webhook. Runs after the batch's answer, one evaluation at a time per app.
 */
import type { Payload } from 'payload'
import { spendAlertsEnabled, spikeSetting } from '../lib/settings'
import type { Company, SpendAlert } from '../payload-types'
import { cycleFor } from '../engine/core'
import { localDayNumber } from '../engine/core/time'
import { dayStart, formatDate, formatDateTimeMinutes } from '../domain/time'
import { idKey } from '../domain/ids'
import type { LineSnapshot } from '../engine/adapters/snapshots'
import { usageStoreFor } from '../engine/adapters/usage'
import { capBookOf, type MoneyCap } from './capBook'
import { parseThresholds } from './companyFields'
import { readMoneyUsed } from './moneyUsed'
import { queueWebhook } from './webhook'

type Id = string | number

export interface AlertDraft {
  key: string
  kind: 'threshold' | 'forecast' | 'spike'
  subject: 'cap' | 'franchise' | 'pool' | 'line'
  subjectId: string
  subjectName: string
  cycle: string
  line?: Id | null
  department?: Id | null
  threshold?: number
  percent?: number
  runsOutAt?: string
  message: string
}

const DAY_MS = 86_400_000

const brl = (cents: number) => `R$ ${(cents / 100).toFixed(2).replace('.', ',')}`
const dateBr = formatDateTimeMinutes
/** The São Paulo calendar day of an instant, as days since the epoch. */
const spDay = localDayNumber
const dayIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)
const pct = (used: number, cap: number) => Math.floor((used * 100) / cap)

/** The thresholds `percent` has reached, as drafts. */
function crossed(thresholds: number[], used: number, cap: number, make: (t: number, percent: number) => AlertDraft): AlertDraft[] {
  if (!(cap > 0)) return []
  const p = pct(used, cap)
  return thresholds.filter((t) => used * 100 >= t * cap).map((t) => make(t, p))
}

/** When `used` of `cap` runs out at the pace since the cycle began, if before the cycle ends. */
export function runOutAt(used: number, cap: number, start: number, now: number, end: number): number | null {
  const elapsed = now - start
  if (!(used > 0) || used >= cap || elapsed < DAY_MS / 4) return null
  const at = now + ((cap - used) * elapsed) / used
  return at < end ? at : null
}

/** Is a day's cost a spike against the 7 days before it? */
export function isSpike(today: number, before: number[]): boolean {
  const active = before.filter((c) => c > 0).length
  if (active < 3) return false
  const mean = before.reduce((s, c) => s + c, 0) / before.length
  return today >= spikeSetting('SPIKE_FACTOR', 3) * mean && today - mean >= spikeSetting('SPIKE_MIN_CENTS', 500)
}

interface Touched {
  ls: LineSnapshot
  cycleKey: string
  /** The latest event of the batch on this line (ms). */
  at: number
  /** Centavos this batch added on the line (absent: unknown, evaluated). */
  cost?: number
}

/** Lines per query (a bound on the `IN` list's parameters). */
const DAILY_COSTS_CHUNK = 500

/**
 * Cost per São Paulo day of each line, for the 8 days ending on its own `lastDay` (line id →
 * 8 figures): one query per DAILY_COSTS_CHUNK lines of a batch (one per line made a batch over
 * many lines as many reads).
 */
async function dailyCosts(payload: Payload, lines: { lineId: Id; lastDay: number }[]): Promise<Map<string, number[]>> {
  const out = new Map<string, { lastDay: number; days: number[] }>()
  for (const l of lines) out.set(String(l.lineId), { lastDay: l.lastDay, days: new Array<number>(8).fill(0) })
  if (!lines.length) return new Map()
  const lastDays = lines.map((l) => l.lastDay)
  const from = dayStart(dayIso(Math.min(...lastDays) - 7)).toISOString()
  const to = dayStart(dayIso(Math.max(...lastDays) + 1)).toISOString()
  const ids = [...out.keys()]
  const docs: { at: string; cost?: number | null; line: Id | { id: Id } }[] = []
  for (let i = 0; i < ids.length; i += DAILY_COSTS_CHUNK) {
    const res = await payload.find({
      collection: 'usage',
      where: { and: [{ line: { in: ids.slice(i, i + DAILY_COSTS_CHUNK) } }, { at: { greater_than_equal: from } }, { at: { less_than: to } }, { cost: { greater_than: 0 } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { at: true, cost: true, line: true },
    })
    docs.push(...res.docs)
  }
  for (const u of docs) {
    const line = out.get(idKey(u.line) ?? '')
    if (!line) continue
    const i = spDay(Date.parse(u.at)) - (line.lastDay - 7)
    if (i >= 0 && i < 8) line.days[i] += Number(u.cost) || 0
  }
  return new Map([...out].map(([id, l]) => [id, l.days]))
}

/** The alerts the touched lines of one company now call for (stored or not). */
export async function draftAlerts(payload: Payload, company: { id: Id; renewalDay: number; thresholds: number[] }, touched: Touched[]): Promise<AlertDraft[]> {
  const out: AlertDraft[] = []
  const { thresholds } = company
  // Caps
  const caps = new Map<string, { cap: MoneyCap; cycleKey: string; at: number; line: Touched }>()
  for (const t of touched) {
    for (const cap of await capBookOf(payload).ofLine(t.ls)) {
      const k = `${cap.id}|${t.cycleKey}`
      const seen = caps.get(k)
      if (!seen || seen.at < t.at) caps.set(k, { cap, cycleKey: t.cycleKey, at: t.at, line: t })
    }
  }
  for (const { cap, cycleKey, at, line } of caps.values()) {
    const used = await readMoneyUsed(payload, cap, cycleKey)
    const name = cap.name || (cap.kind === 'line' ? `linha ${line.ls.msisdn}` : cap.kind === 'department' ? 'departamento' : 'empresa')
    const scoped = { line: cap.kind === 'line' ? line.ls.lineId : null, department: cap.kind === 'company' ? null : line.ls.departmentId }
    out.push(
      ...crossed(thresholds, used, cap.cents, (t, p) => ({
        key: `${company.id}|${cycleKey}|threshold|cap:${cap.id}|${t}`,
        kind: 'threshold',
        subject: 'cap',
        subjectId: cap.id,
        subjectName: name,
        cycle: cycleKey,
        ...scoped,
        threshold: t,
        percent: p,
        message: `Limite de gasto ${name}: ${p}% usado (${brl(used)} de ${brl(cap.cents)}) neste ciclo.`,
      })),
    )
    const cycle = cycleFor(at, company.renewalDay)
    const when = runOutAt(used, cap.cents, cycle.start.getTime(), at, cycle.end.getTime())
    if (when !== null) {
      out.push({
        key: `${company.id}|${cycleKey}|forecast|cap:${cap.id}`,
        kind: 'forecast',
        subject: 'cap',
        subjectId: cap.id,
        subjectName: name,
        cycle: cycleKey,
        ...scoped,
        percent: pct(used, cap.cents),
        runsOutAt: new Date(when).toISOString(),
        message: `Limite de gasto ${name}: no ritmo deste ciclo (${brl(used)} de ${brl(cap.cents)}), esgota em ${dateBr(when)}, antes do fim do ciclo.`,
      })
    }
  }
  // Franchises of the touched lines
  const byCycle = new Map<string, Touched[]>()
  for (const t of touched) {
    const list = byCycle.get(t.cycleKey)
    if (list) list.push(t)
    else byCycle.set(t.cycleKey, [t])
  }
  for (const [cycleKey, list] of byCycle) {
    const flats = await usageStoreFor(payload).readConsumptionByLine(list.map((t) => t.ls.lineId), cycleKey)
    for (const t of list) {
      const flat = flats.get(String(t.ls.lineId)) ?? {}
      for (const offer of t.ls.snapshot.offers) {
        const used = flat[`offer:${offer.id}`] ?? 0
        out.push(
          ...crossed(thresholds, used, offer.capacity, (th, p) => ({
            key: `${company.id}|${cycleKey}|threshold|franchise:${String(t.ls.lineId)}:${offer.id}|${th}`,
            kind: 'threshold',
            subject: 'franchise',
            subjectId: offer.id,
            subjectName: offer.name,
            cycle: cycleKey,
            line: t.ls.lineId,
            department: t.ls.departmentId,
            threshold: th,
            percent: p,
            message: `Linha ${t.ls.msisdn}: ${p}% da franquia ${offer.name} usado neste ciclo.`,
          })),
        )
      }
    }
    // Shared pools of the touched accounts
    const pools = new Map<string, Touched>()
    for (const t of list) if (t.ls.snapshot.pool && (!pools.get(String(t.ls.accountId)) || pools.get(String(t.ls.accountId))!.at < t.at)) pools.set(String(t.ls.accountId), t)
    for (const [account, t] of pools) {
      const pool = t.ls.snapshot.pool!
      const used = (await usageStoreFor(payload).readConsumption(t.ls.accountLineIds, cycleKey, 'lineData')).lineData ?? 0
      out.push(
        ...crossed(thresholds, used, pool.capacityBytes, (th, p) => ({
          key: `${company.id}|${cycleKey}|threshold|pool:${account}|${th}`,
          kind: 'threshold',
          subject: 'pool',
          subjectId: pool.offerId,
          subjectName: pool.name,
          cycle: cycleKey,
          threshold: th,
          percent: p,
          message: `Franquia compartilhada ${pool.name}: ${p}% usado neste ciclo.`,
        })),
      )
      const cycle = cycleFor(t.at, company.renewalDay)
      const when = runOutAt(used, pool.capacityBytes, cycle.start.getTime(), t.at, cycle.end.getTime())
      if (when !== null) {
        out.push({
          key: `${company.id}|${cycleKey}|forecast|pool:${account}`,
          kind: 'forecast',
          subject: 'pool',
          subjectId: pool.offerId,
          subjectName: pool.name,
          cycle: cycleKey,
          percent: pct(used, pool.capacityBytes),
          runsOutAt: new Date(when).toISOString(),
          message: `Franquia compartilhada ${pool.name}: no ritmo deste ciclo (${pct(used, pool.capacityBytes)}% usado), esgota em ${dateBr(when)}, antes do fim do ciclo.`,
        })
      }
    }
  }
  // Spikes
  // A batch that cost nothing on a line cannot raise its day above the norm: no read (large companies, lines without a tariff).
  const costly = touched.filter((t) => t.cost !== 0)
  const costs = await dailyCosts(payload, costly.map((t) => ({ lineId: t.ls.lineId, lastDay: spDay(t.at) })))
  for (const t of costly) {
    const day = spDay(t.at)
    const days = costs.get(String(t.ls.lineId))!
    const today = days[7]
    if (!isSpike(today, days.slice(0, 7))) continue
    const mean = Math.round(days.slice(0, 7).reduce((s, c) => s + c, 0) / 7)
    out.push({
      key: `${company.id}|${t.cycleKey}|spike|line:${String(t.ls.lineId)}|${dayIso(day)}`,
      kind: 'spike',
      subject: 'line',
      subjectId: String(t.ls.lineId),
      subjectName: t.ls.msisdn,
      cycle: t.cycleKey,
      line: t.ls.lineId,
      department: t.ls.departmentId,
      message: `Linha ${t.ls.msisdn}: gasto de ${brl(today)} em ${formatDate(dayIso(day))}, muito acima da média dos 7 dias anteriores (${brl(mean)}).`,
    })
  }
  return out
}

/** Stores the drafts not stored yet; answers those this call stored (the others were already, or by another process). */
async function storeNew(payload: Payload, companyId: Id, drafts: AlertDraft[]): Promise<{ id: Id; draft: AlertDraft }[]> {
  if (!drafts.length) return []
  const known = await payload.find({ collection: 'spend-alerts', where: { key: { in: drafts.map((d) => d.key) } }, pagination: false, depth: 0, overrideAccess: true, select: { key: true } })
  const have = new Set(known.docs.map((d) => d.key))
  const stored: { id: Id; draft: AlertDraft }[] = []
  for (const draft of drafts) {
    if (have.has(draft.key)) continue
    have.add(draft.key)
    try {
      // Ids are numbers on SQL databases and strings on MongoDB; the generated types know only numbers.
      const doc = await payload.create({ collection: 'spend-alerts', data: { ...draft, company: companyId } as SpendAlertData, overrideAccess: true, depth: 0 })
      stored.push({ id: doc.id, draft })
    } catch {
      // Another process stored the same key first (unique): it sends it.
    }
  }
  return stored
}

/** Admins of the company, and sub-admins of the alert's department. */
async function recipientsOf(payload: Payload, companyId: Id, department: Id | null | undefined): Promise<string[]> {
  const res = await payload.find({
    collection: 'users',
    where: { and: [{ companies: { in: [companyId] } }, { role: { in: ['admin', 'subadmin'] } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const out: string[] = []
  for (const u of res.docs) {
    if (!u.email || u.blocked) continue
    const deps = ((u.departments ?? []) as unknown[]).map((d) => String(typeof d === 'object' && d ? (d as { id: Id }).id : d))
    if (u.role === 'admin' || (department != null && deps.includes(String(department)))) out.push(String(u.email))
  }
  return out
}

async function send(payload: Payload, company: Company, stored: { id: Id; draft: AlertDraft }[]): Promise<void> {
  const url = company.spendAlerts?.webhookUrl ?? undefined
  for (const { id, draft } of stored) {
    const to = await recipientsOf(payload, company.id, draft.department)
    if (to.length) {
      await payload.sendEmail({ to: to.join(', '), subject: `GOL - Alerta: ${draft.subjectName}`, text: `${draft.message}\n\nGOL - Gestor Online` })
      await payload.update({ collection: 'spend-alerts', id, data: { emailedTo: to.join(', ') }, overrideAccess: true, depth: 0 })
    }
    if (url) {
      await payload.update({ collection: 'spend-alerts', id, data: { webhook: 'pending' }, overrideAccess: true, depth: 0 })
      await queueWebhook(payload, { id: company.id, url }, { id }, { id: String(id), company: String(company.id), ...draft, line: draft.line == null ? null : String(draft.line), department: draft.department == null ? null : String(draft.department) })
    }
  }
}

/** Looks at the lines of a committed batch, stores and sends what is new. */
export async function evaluateAlerts(payload: Payload, touched: Touched[]): Promise<number> {
  const byCompany = new Map<string, Touched[]>()
  for (const t of touched) {
    const list = byCompany.get(String(t.ls.companyId))
    if (list) list.push(t)
    else byCompany.set(String(t.ls.companyId), [t])
  }
  let count = 0
  for (const [companyId, list] of byCompany) {
    const company = await payload.findByID({ collection: 'companies', id: companyId, depth: 0, overrideAccess: true })
    const thresholds = parseThresholds(company.spendAlerts?.thresholds) ?? [50, 80, 100]
    const drafts = await draftAlerts(payload, { id: company.id, renewalDay: list[0].ls.snapshot.renewalDay, thresholds }, list)
    const stored = await storeNew(payload, company.id, drafts)
    await send(payload, company, stored)
    count += stored.length
  }
  return count
}

interface Runner {
  running: Promise<void> | null
  /** Lines waiting for the next evaluation (`line|cycle` → latest event): batches arriving meanwhile merge here. */
  pending: Map<string, Touched> | null
}

const runners = new WeakMap<Payload, Runner>()

/** Queues the lines of a batch for evaluation (one at a time per app; errors logged, never thrown to the batch). */
export function queueAlerts(payload: Payload, touched: Touched[]): void {
  if (!touched.length || !spendAlertsEnabled()) return
  let r = runners.get(payload)
  if (!r) runners.set(payload, (r = { running: null, pending: null }))
  const pending = (r.pending ??= new Map())
  for (const t of touched) {
    const k = `${String(t.ls.lineId)}|${t.cycleKey}`
    const seen = pending.get(k)
    if (!seen) pending.set(k, t)
    else {
      const cost = seen.cost === undefined || t.cost === undefined ? undefined : seen.cost + t.cost
      pending.set(k, { ...(seen.at < t.at ? t : seen), cost })
    }
  }
  if (r.running) return
  const runner = r
  runner.running = (async () => {
    while (runner.pending) {
      const next = [...runner.pending.values()]
      runner.pending = null
      await evaluateAlerts(payload, next).catch((e: unknown) => payload.logger.error({ err: e, msg: 'spend alerts: evaluation failed' }))
    }
    runner.running = null
  })()
}

/** Resolves once every evaluation queued so far is done (tests, shutdown). */
export async function alertsSettled(payload: Payload): Promise<void> {
  for (let r = runners.get(payload); r?.running; ) await r.running
}

type SpendAlertData = Omit<SpendAlert, 'id' | 'createdAt' | 'updatedAt'>
