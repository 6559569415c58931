/**
 * The engine bound to a Payload instance: snapshots (cached, invalidated by hooks),
 * counters (in process or Redis), usage persistence and the notice gateway.
 */
import type { Payload } from 'payload'
import {
  authorize,
  CATEGORY_INDEX,
  cycleFor,
  LIMIT_LIMITED,
  rate,
  applyDeltas,
  REASONS,
  type Counters,
  type Decision,
  type Notice,
  type Service,
} from './core'
import { CATEGORY_LIMIT_REACHED } from './core/reasons'
import { counterStoreFromEnv, flatDeltas, unflatten, type CounterStore, type Flat } from './adapters/counters'
import { gatewayFromEnv, type NoticeGateway } from './adapters/notify'
import { SentNotices } from './adapters/sentNotices'
import { SnapshotCache, type LineSnapshot } from './adapters/snapshots'
import {
  ConcurrentBatchError,
  eventKey,
  existingEventIds,
  type EventKey,
  persistBatch,
  readConsumption,
  readConsumptionByLine,
  readConsumptionOfCompany,
  readSentNoticesByLine,
  type ConsumptionDelta,
  type NoticeRow,
  type UsageRow,
} from './adapters/usage'

export interface AuthorizeInput {
  service: Service
  destination?: string
  at?: Date
  units?: number
}

export interface IngestEvent {
  /** Position in the request (for rejections). */
  index: number
  id: string
  line: string
  service: Service
  destination?: string
  at: Date
  units: number
  group?: string
}

export interface IngestResult {
  accepted: number
  duplicates: number
  rejected: { index: number; error: string }[]
  notices: number
}

const poolScope = (accountId: string | number) => `account:${String(accountId)}`

export class Engine {
  readonly snapshots: SnapshotCache
  private sentNotices = new SentNotices()
  private primedCompanies = new Map<string, boolean>()

  constructor(
    readonly payload: Payload,
    readonly counters: CounterStore,
    readonly gateway: NoticeGateway,
  ) {
    this.snapshots = new SnapshotCache(payload)
  }

  /** The line's consumption in a cycle (with the account's pool total), loading it from the database once. */
  async countersFor(ls: LineSnapshot, cycleKey: string): Promise<Counters> {
    const scope = String(ls.lineId)
    let flat = await this.counters.get(scope, cycleKey)
    if (!flat) this.primeCompany(ls, cycleKey)
    if (!flat) {
      flat = await readConsumption(this.payload, [ls.lineId], cycleKey)
      await this.counters.prime(scope, cycleKey, flat)
    }
    let pool = 0
    if (ls.snapshot.pool) {
      const ps = poolScope(ls.accountId)
      let p = await this.counters.get(ps, cycleKey)
      if (!p) {
        const sum = await readConsumption(this.payload, ls.accountLineIds, cycleKey, 'lineData')
        p = { pool: sum.lineData ?? 0 }
        await this.counters.prime(ps, cycleKey, p)
      }
      pool = p.pool ?? 0
    }
    return unflatten(flat, pool)
  }

  /**
   * In-process counters: the first cold line of a company in a cycle starts loading every line's
   * consumption in one query, in the background (awaiting it made that first request wait for a
   * large company's whole cycle); meanwhile lines load one by one. Answers whether it is loaded.
   * (Before: one database read per new line made authorize over a large company database-bound.)
   */
  private primeCompany(ls: LineSnapshot, cycleKey: string): boolean {
    if (this.counters.kind !== 'memory') return false
    const key = `${String(ls.companyId)}|${cycleKey}`
    const known = this.primedCompanies.get(key)
    if (known !== undefined) return known
    const ids = this.snapshots.lineIdsOf(ls.companyId)
    if (!ids) return false
    this.primedCompanies.set(key, false)
    readConsumptionOfCompany(this.payload, ls.companyId, cycleKey)
      .then(async (flats) => {
        for (const id of ids) await this.counters.prime(String(id), cycleKey, flats.get(String(id)) ?? {})
        this.primedCompanies.set(key, true)
      })
      .catch(() => this.primedCompanies.delete(key))
    return false
  }

  async authorize(ls: LineSnapshot, input: AuthorizeInput): Promise<Decision> {
    const at = input.at ?? new Date()
    const snap = ls.snapshot
    const cycleKey = cycleFor(at, snap.renewalDay).key
    const counters = await this.countersFor(ls, cycleKey)
    const decision = authorize(snap, counters, { service: input.service, destination: input.destination, at, units: input.units })
    if (!decision.allow || decision.reason.code !== 'OK' || !decision.category) return decision
    const cat = decision.category
    const scope = String(ls.lineId)
    const idx = CATEGORY_INDEX.get(cat)!
    if (cat !== 'data' && snap.limitControl[idx] === LIMIT_LIMITED) {
      // Reserve the grant under the profile limit atomically (shared by every process on Redis).
      const isVoice = cat.startsWith('voice.')
      const g = await this.counters.reserve({
        scope,
        cycleKey,
        key: `cat:${cat}`,
        want: decision.granted,
        cap: snap.limitUnits[idx],
        used: counters.categories[cat] ?? 0,
        whole: isVoice && !snap.interruptAtLimit,
      })
      if (g <= 0) return { ...decision, allow: false, granted: 0, reason: CATEGORY_LIMIT_REACHED[cat] }
      return { ...decision, granted: g }
    }
    if (cat === 'data' && (snap.quota?.control === 'limited' || snap.pool)) {
      const ownCap = snap.dataOffers.reduce((s, o) => s + o.capacity, 0)
      const ownUsed = snap.dataOffers.reduce((s, o) => s + (counters.offers[o.id] ?? 0), 0)
      const ownLeft = Math.max(0, ownCap - ownUsed)
      let granted = decision.granted
      if (snap.quota?.control === 'limited') {
        const g = await this.counters.reserve({
          scope,
          cycleKey,
          key: 'data',
          want: granted,
          cap: ownCap + snap.quota.capacityBytes,
          used: ownUsed + counters.lineDataBytes,
          whole: false,
        })
        if (g <= 0) return { ...decision, allow: false, granted: 0, reason: REASONS.QUOTA_EXHAUSTED }
        granted = g
      }
      const fromPool = granted - Math.min(granted, ownLeft)
      if (snap.pool && fromPool > 0) {
        const g = await this.counters.reserve({
          scope: poolScope(ls.accountId),
          cycleKey,
          key: 'pool',
          want: fromPool,
          cap: snap.pool.capacityBytes,
          used: counters.poolBytes,
          whole: false,
        })
        if (g <= 0 && ownLeft <= 0) return { ...decision, allow: false, granted: 0, reason: REASONS.POOL_EXHAUSTED }
        granted = Math.min(granted, ownLeft) + g
      }
      return { ...decision, granted }
    }
    return decision
  }

  /**
   * The decision authorize() would take now, against the consumption recorded so far,
   * without reserving or counting anything ("simulate a call", SPEC L).
   */
  async simulate(ls: LineSnapshot, input: AuthorizeInput): Promise<Decision> {
    const at = input.at ?? new Date()
    const counters = await this.countersFor(ls, cycleFor(at, ls.snapshot.renewalDay).key)
    return authorize(ls.snapshot, counters, { service: input.service, destination: input.destination, at, units: input.units })
  }

  private async sentFor(ls: LineSnapshot, cycleKey: string): Promise<Set<string>> {
    const known = this.sentNotices.get(ls.lineId, cycleKey)
    if (known) return known
    const read = await readSentNoticesByLine(this.payload, [ls.lineId], cycleKey)
    return this.sentNotices.remember(ls.lineId, cycleKey, read.get(String(ls.lineId))!)
  }

  /**
   * Loads, a few queries for all of them, the consumption and sent notices of the lines a
   * batch touches in each cycle that the caches do not hold yet (one by one, each line of a
   * new batch would cost two queries).
   */
  private async warm(lines: { ls: LineSnapshot; cycles: Set<string> }[]): Promise<void> {
    const byCycle = new Map<string, LineSnapshot[]>()
    for (const { ls, cycles } of lines) {
      for (const cycleKey of cycles) {
        let list = byCycle.get(cycleKey)
        if (!list) byCycle.set(cycleKey, (list = []))
        list.push(ls)
      }
    }
    for (const [cycleKey, all] of byCycle) {
      const cold: LineSnapshot[] = []
      for (const ls of all) if (!(await this.counters.get(String(ls.lineId), cycleKey))) cold.push(ls)
      if (cold.length) {
        const flats = await readConsumptionByLine(this.payload, cold.map((ls) => ls.lineId), cycleKey)
        for (const ls of cold) await this.counters.prime(String(ls.lineId), cycleKey, flats.get(String(ls.lineId)) ?? {})
      }
      const unknown = all.filter((ls) => !this.sentNotices.get(ls.lineId, cycleKey))
      if (unknown.length) {
        const sent = await readSentNoticesByLine(this.payload, unknown.map((ls) => ls.lineId), cycleKey)
        for (const ls of unknown) this.sentNotices.remember(ls.lineId, cycleKey, sent.get(String(ls.lineId))!)
      }
    }
  }

  /**
   * Records usage events: duplicates (already recorded, or repeated in the batch) change
   * nothing; the rest are rated in order per line and written in one transaction.
   * `resolve` gives the line snapshot for an MSISDN the caller may reach (null = not found).
   */
  async ingest(events: IngestEvent[], resolve: (msisdn: string) => Promise<LineSnapshot | null>, attempt = 0): Promise<IngestResult> {
    const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [], notices: 0 }
    const T0 = performance.now()
    const snapshots = new Map<string, LineSnapshot | null>()
    const msisdns = [...new Set(events.map((e) => e.line))]
    await this.snapshots.preload(msisdns)
    for (let i = 0; i < msisdns.length; i += 32) {
      const part = msisdns.slice(i, i + 32)
      const found = await Promise.all(part.map(resolve))
      part.forEach((m, j) => snapshots.set(m, found[j]))
    }
    // Event ids are unique per company (a tenant's ids neither drop nor reveal another's).
    const seen = new Set<string>()
    const fresh: { e: IngestEvent; key: EventKey }[] = []
    for (const e of events) {
      const ls = snapshots.get(e.line)
      if (!ls) {
        result.rejected.push({ index: e.index, error: `line: linha ${e.line} não encontrada` })
        continue
      }
      const key = { company: ls.companyId, id: e.id }
      if (seen.has(eventKey(key))) result.duplicates++
      else {
        seen.add(eventKey(key))
        fresh.push({ e, key })
      }
    }
    const existing = await existingEventIds(
      this.payload,
      fresh.map((f) => f.key),
    )
    const byLine = new Map<string, IngestEvent[]>()
    for (const { e, key } of fresh) {
      if (existing.has(eventKey(key))) {
        result.duplicates++
        continue
      }
      let list = byLine.get(e.line)
      if (!list) byLine.set(e.line, (list = []))
      list.push(e)
    }
    const usage: UsageRow[] = []
    const consumption: ConsumptionDelta[] = []
    const noticeRows: NoticeRow[] = []
    const poolDeltas = new Map<string, { cycleKey: string; scope: string; bytes: number }>()
    const touched: { ls: LineSnapshot; cycleKey: string; deltas: Flat; notices: Notice[] }[] = []
    const T1 = performance.now()
    const cycleOf = new Map<IngestEvent, string>()
    const toWarm: { ls: LineSnapshot; cycles: Set<string> }[] = []
    for (const [msisdn, list] of byLine) {
      const ls = snapshots.get(msisdn)
      if (!ls) continue
      const cycles = new Set<string>()
      for (const e of list) {
        const cycleKey = cycleFor(e.at, ls.snapshot.renewalDay).key
        cycleOf.set(e, cycleKey)
        cycles.add(cycleKey)
      }
      toWarm.push({ ls, cycles })
    }
    await this.warm(toWarm)
    for (const [msisdn, list] of byLine) {
      const ls = snapshots.get(msisdn) ?? null
      if (!ls) {
        for (const e of list) result.rejected.push({ index: e.index, error: `line: linha ${msisdn} não encontrada` })
        continue
      }
      const work = new Map<string, { counters: Counters; deltas: Flat; sent: Set<string>; notices: Notice[] }>()
      for (const e of list) {
        const cycleKey = cycleOf.get(e)!
        let w = work.get(cycleKey)
        if (!w) {
          w = {
            counters: await this.countersFor(ls, cycleKey),
            deltas: {},
            sent: new Set(await this.sentFor(ls, cycleKey)),
            notices: [],
          }
          work.set(cycleKey, w)
        }
        const rating = rate(ls.snapshot, w.counters, { id: e.id, service: e.service, destination: e.destination, at: e.at, units: e.units, group: e.group }, w.sent)
        if (!rating.ok) {
          result.rejected.push({ index: e.index, error: rating.error })
          continue
        }
        applyDeltas(w.counters, rating.deltas)
        flatDeltas(rating.deltas, w.deltas)
        for (const n of rating.notices) {
          w.sent.add(n.key)
          w.notices.push(n)
          noticeRows.push({ notice: n, line: ls.lineId, company: ls.companyId, offer: n.packageName })
        }
        if (rating.deltas.poolBytes) {
          const scope = poolScope(ls.accountId)
          const k = `${scope}|${cycleKey}`
          const p = poolDeltas.get(k) ?? { scope, cycleKey, bytes: 0 }
          p.bytes += rating.deltas.poolBytes
          poolDeltas.set(k, p)
        }
        // "Oferta e pacote usado" (H3): the names of the franchises and the pool the event drew on.
        const pkg = rating.deltas.offers.map((o) => ls.snapshot.offers.find((x) => x.id === o.offerId)?.name ?? o.offerId)
        if (rating.deltas.poolBytes && ls.snapshot.pool) pkg.push(ls.snapshot.pool.name)
        usage.push({
          eventId: e.id,
          line: ls.lineId,
          company: ls.companyId,
          msisdn: ls.msisdn,
          service: e.service,
          category: rating.category,
          destination: rating.destination || e.destination || null,
          at: e.at.toISOString(),
          units: rating.units,
          group: e.group ?? null,
          package: pkg.length ? pkg.join(', ') : null,
          cycle: rating.cycleKey,
        })
        result.accepted++
      }
      for (const [cycleKey, w] of work) {
        consumption.push({ line: ls.lineId, company: ls.companyId, cycle: cycleKey, deltas: w.deltas })
        touched.push({ ls, cycleKey, deltas: w.deltas, notices: w.notices })
      }
    }
    const T2 = performance.now()
    if (usage.length) {
      let stored
      try {
        stored = await persistBatch(this.payload, usage, consumption, noticeRows, this.gateway.channel)
      } catch (e) {
        if (e instanceof ConcurrentBatchError && attempt < 3) {
          for (const t of touched) await this.counters.drop(String(t.ls.lineId), t.cycleKey)
          return this.ingest(events, resolve, attempt + 1)
        }
        // Whatever the cache holds may now be off: reload from the database next time.
        for (const t of touched) await this.counters.drop(String(t.ls.lineId), t.cycleKey)
        throw e
      }
      const T3 = performance.now(); if (process.env.ENGINE_PROFILE) console.log('exist', T1-T0, 'rate', T2-T1, 'persist', T3-T2)
      for (const t of touched) {
        await this.counters.add(String(t.ls.lineId), t.cycleKey, t.deltas)
        const sent = this.sentNotices.get(t.ls.lineId, t.cycleKey)
        for (const n of t.notices) sent?.add(n.key)
      }
      for (const p of poolDeltas.values()) await this.counters.add(p.scope, p.cycleKey, { pool: p.bytes })
      result.notices = stored.length
      if (stored.length) await this.gateway.deliver(this.payload, stored)
    }
    result.rejected.sort((a, b) => a.index - b.index)
    return result
  }

  async balance(ls: LineSnapshot, at = new Date()) {
    const snap = ls.snapshot
    const cycle = cycleFor(at, snap.renewalDay)
    const c = await this.countersFor(ls, cycle.key)
    const pct = (used: number, cap: number) => (cap > 0 ? Math.round((used / cap) * 1000) / 10 : null)
    return {
      line: ls.msisdn,
      status: snap.line.status,
      cycle: { key: cycle.key, start: cycle.start.toISOString(), end: cycle.end.toISOString(), lastDay: cycle.lastDay, renewsInDays: cycle.renewsInDays },
      franchises: snap.offers.map((o) => {
        const used = c.offers[o.id] ?? 0
        return { id: o.id, name: o.name, unit: o.unit, capacity: o.capacity, used, left: Math.max(0, o.capacity - used), percent: pct(used, o.capacity) }
      }),
      quota: snap.quota
        ? { control: snap.quota.control, capacityBytes: snap.quota.capacityBytes, usedBytes: c.lineDataBytes, percent: pct(c.lineDataBytes, snap.quota.capacityBytes) }
        : null,
      pool: snap.pool ? { id: snap.pool.offerId, name: snap.pool.name, capacityBytes: snap.pool.capacityBytes, usedBytes: c.poolBytes, percent: pct(c.poolBytes, snap.pool.capacityBytes) } : null,
      consumption: c.categories,
      excess: c.excess,
      units: { voice: 'seconds', sms: 'messages', data: 'bytes' },
    }
  }

  async close() {
    await this.counters.close()
  }
}

/**
 * One engine per Payload instance (tests boot several), kept on globalThis: a Next build may
 * hold this module more than once (instrumentation, route handlers), and the server's fast
 * path, the endpoints and the invalidation hooks must all reach the same engine.
 */
const engines: WeakMap<Payload, Promise<Engine>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('gol.engine.registry')] ??= new WeakMap()) as never

/** The engine of a Payload instance. */
export function engineFor(payload: Payload): Promise<Engine> {
  let found = engines.get(payload)
  if (!found) {
    found = (async () => new Engine(payload, await counterStoreFromEnv(), gatewayFromEnv()))()
    engines.set(payload, found)
  }
  return found
}

/** Engine already created for this instance, if any (hooks must not create one). */
export function existingEngine(payload: Payload): Promise<Engine> | undefined {
  return engines.get(payload)
}
