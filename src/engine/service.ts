/**
 * The engine bound to a Payload instance: snapshots (cached, invalidated by hooks), counters
 * and holds (in process or Redis), usage persistence and the notice gateway.
 *
 * The database is the source of truth for what was used: the counter store keeps database
 * snapshots (./adapters/counters.ts), refreshed after every committed batch, dropped when a
 * refresh fails or is in doubt, and checked against `consumption` by reconcile().
 */
import type { Payload } from 'payload'
import { authorize, cycleFor, rate, applyDeltas, DEFAULT_CALL_SECONDS, DEFAULT_DATA_CHUNK_BYTES, DEFAULT_SMS_COUNT, type Counters, type Decision, type Notice, type Service, type UsageCategory } from './core'
import {
  flatDeltas,
  newHoldId,
  sameFlat,
  StoreUnavailableError,
  unflatten,
  withDeadline,
  type CounterStore,
  type Flat,
  type HoldRecord,
  type ScopeSnapshot,
} from './adapters/counters'
import { counterStoreFromEnv } from './adapters/counterStoreFromEnv'
import type { UsageEventBody } from './quickBody'
import { engineHoldGraceS, engineHoldTtlS, engineReconcileS, engineStoreDeadlineMs } from '../lib/settings'
import { gatewayFromEnv, type NoticeGateway } from './adapters/notify'
import { SentNotices } from './adapters/sentNotices'
import { SnapshotCache, type LineSnapshot } from './adapters/snapshots'
import {
  eventKey,
  isRetryableWriteError,
  type EventKey,
  type ConsumptionDelta,
  type NoticeRow,
  type ReadMark,
  type UsageRow,
  type UsageStore,
  usageStoreFor,
} from './adapters/usage'
import { holdPlan, moneyOnlyPlan, poolScope } from './holdResources'
import { REASONS } from './core/reasons'
import { capBalances, capScopeValues, capSnapshots, holdMoney, holdWithMoney, isCapScope, moneyHoldsOf, priceMoney, releaseMoney, shrinkMoney, withMoney } from '../spend/moneyHolds'
import { MONEY_KEY } from '../spend/moneyUsed'
import { queueAlerts } from '../spend/alerts'
import { priceRating, tariffAt } from './core/price'
import { tariffBookOf } from '../spend/tariffBook'

export interface AuthorizeInput {
  service: Service
  destination?: string
  at?: Date
  units?: number
}

export interface HoldAnswer {
  id: string
  expiresAt: Date
}

export type AuthorizeAnswer = Decision & { hold?: HoldAnswer }

/** A checked usage event (./quickBody.ts; `hold`: the hold authorize() answered for it, its units are counted, the rest returns). */
export interface IngestEvent extends UsageEventBody {
  /** Position in the request (for rejections). */
  index: number
}

export interface IngestResult {
  accepted: number
  duplicates: number
  rejected: { index: number; error: string }[]
  notices: number
}

export interface EngineOptions {
  /** Milliseconds since the epoch: when holds expire (tests advance it). */
  clock?: () => number
  /** Voice holds last their granted seconds plus this (ENGINE_HOLD_GRACE_S, 60). */
  holdGraceS?: number
  /** SMS and data holds last this (ENGINE_HOLD_TTL_S, 300). */
  holdTtlS?: number
  /** Longest authorize() waits on the counter store before COUNTER_STORE_UNAVAILABLE (ENGINE_STORE_DEADLINE_MS, 225). */
  deadlineMs?: number
  /** Reconciliation period, 0 = only when called (ENGINE_RECONCILE_S: 60 on Redis, 0 in process). */
  reconcileS?: number
}

type StoreCall = <T>(p: Promise<T>) => Promise<T>

/** A company's consumption in a cycle read in one statement (`seen`: its snapshot), and the lines already stored from it. */
interface CompanyRead {
  flats: Map<string, Flat>
  seen?: string
  stored: Set<string>
}

/**
 * Store calls sharing one time budget: each waits at most what is left of it (calls made at
 * once share the same wait), then StoreUnavailableError.
 */
function storeBudget(ms: number): StoreCall {
  let waiting = 0
  let started = 0
  let spent = 0
  return async <T>(p: Promise<T>): Promise<T> => {
    const now = performance.now()
    if (waiting++ === 0) started = now
    try {
      return await withDeadline(p, Math.max(1, ms - spent - (now - started)))
    } finally {
      if (--waiting === 0) spent += performance.now() - started
    }
  }
}

const MAX_WRITE_ATTEMPTS = 12
/**
 * Line snapshots stored per step when a company is primed: per Redis script, and per turn of the
 * event loop in process (smaller: a cold line arriving meanwhile waits for at most one step).
 */
const PRIME_CHUNK = { redis: 1000, memory: 200 }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const cycleOfScope = (s: ScopeSnapshot) => `${s.scope}|${s.cycleKey}`

export class Engine {
  readonly snapshots: SnapshotCache
  /** Usage rows, consumption and notices in the database (one implementation per database, ./adapters/usage). */
  readonly usage: UsageStore
  /** Milliseconds since the epoch, for hold expiry (a test may replace it to advance time). */
  clock: () => number
  private readonly graceMs: number
  private readonly ttlMs: number
  private readonly deadlineMs: number
  private sentNotices = new SentNotices()
  /** Scopes whose store snapshot may be wrong and could not be dropped yet (`scope|cycle`). */
  private dirty = new Set<string>()
  /** Hold id → line id: holds that recorded usage named and the store could not end yet. */
  private unsettled = new Map<string, string>()
  private repairing: ReturnType<typeof setTimeout> | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private primedCompanies = new Map<string, boolean>()
  /** A company's consumption read while it is being stored (`company|cycle`), and which lines have been. */
  private priming = new Map<string, CompanyRead>()
  /**
   * Notices already sent in a company's cycle (`company|cycle`), read once for all its lines;
   * a line's entry is handed to sentNotices once, then null (read again from the database if
   * ever needed: sentNotices may have let that cycle go).
   */
  private primedSent = new Map<string, Promise<Map<string, Set<string> | null>>>()

  constructor(
    readonly payload: Payload,
    readonly counters: CounterStore,
    readonly gateway: NoticeGateway,
    options: EngineOptions = {},
  ) {
    this.snapshots = new SnapshotCache(payload)
    this.usage = usageStoreFor(payload)
    this.clock = options.clock ?? Date.now
    this.graceMs = (options.holdGraceS ?? engineHoldGraceS()) * 1000
    this.ttlMs = (options.holdTtlS ?? engineHoldTtlS()) * 1000
    this.deadlineMs = options.deadlineMs ?? engineStoreDeadlineMs()
    // The in-process store cannot drift from the database (its updates do not fail): only Redis is reconciled by default.
    const period = options.reconcileS ?? engineReconcileS(counters.kind === 'redis' ? 60 : 0)
    if (period > 0) {
      this.timer = setInterval(() => void this.maintain(), period * 1000)
      this.timer.unref()
      setTimeout(() => void this.maintain(), 0).unref()
    }
  }

  now(): number {
    return this.clock()
  }

  /** Periodic repair: dirty scopes dropped, then every stored snapshot checked against the database. */
  private async maintain() {
    try {
      await this.cleanDirty()
      await this.endUnsettled()
      await this.reconcile()
    } catch (e) {
      this.payload.logger?.warn?.(`engine reconcile: ${(e as Error).stack ?? String(e)}`)
    }
  }

  private async cleanDirty(only?: string[]) {
    for (const k of only ?? [...this.dirty]) {
      if (!this.dirty.has(k)) continue
      const i = k.lastIndexOf('|')
      await this.counters.drop(k.slice(0, i), k.slice(i + 1))
      this.dirty.delete(k)
    }
  }

  /** Ends the holds recorded usage named while the store did not answer (when they belong to that usage's line). */
  private async endUnsettled() {
    if (!this.unsettled.size) return
    const named = new Map(this.unsettled)
    const live = await this.counters.holds([...named.keys()], this.now())
    await this.counters.settle([], [...live.values()].filter((h) => h.meta.lineId === named.get(h.id)).map((h) => h.id))
    for (const id of named.keys()) this.unsettled.delete(id)
  }

  /** Repairs after a store failure, retried every half second until the store answers. */
  private scheduleRepair() {
    if (this.repairing) return
    this.repairing = setTimeout(() => {
      this.repairing = null
      this.cleanDirty()
        .then(() => this.endUnsettled())
        .catch(() => this.scheduleRepair())
    }, 500)
    this.repairing.unref()
  }

  /** A scope's consumption snapshot: from the store, else read from the database and stored. */
  private async scopeValues(scope: string, cycleKey: string, read: (mark: ReadMark) => Promise<Flat>, store: StoreCall): Promise<Flat> {
    if (this.dirty.size) await store(this.cleanDirty([`${scope}|${cycleKey}`]))
    const cached = await store(this.counters.get(scope, cycleKey))
    if (cached) return cached
    const mark: ReadMark = {}
    const values = await read(mark)
    await store(this.counters.load({ scope, cycleKey, values, seen: mark.seen }))
    return values
  }

  /**
   * The first cold line of a company in a cycle starts loading every line's consumption in one
   * query, in the background (awaiting it made that first request wait for a large company's
   * whole cycle), into the store — in process, or into Redis a thousand lines per script;
   * meanwhile lines load one by one. Snapshots are versioned by their sum, so a load never
   * replaces a newer one. (Before: one database read per new line made authorize over a large
   * company database-bound; with Redis counters every new line still cost one.)
   */
  private primeCompany(ls: LineSnapshot, cycleKey: string): void {
    const key = `${String(ls.companyId)}|${cycleKey}`
    if (this.primedCompanies.has(key)) return
    const ids = this.snapshots.lineIdsOf(ls.companyId)
    if (!ids) return
    this.primedCompanies.set(key, false)
    void this.sentOfCompany(ls.companyId, cycleKey).catch(() => undefined)
    const mark: ReadMark = {}
    this.usage.readConsumptionOfCompany(ls.companyId, cycleKey, mark)
      .then(async (flats) => {
        const read: CompanyRead = { flats, seen: mark.seen, stored: new Set() }
        this.priming.set(key, read)
        try {
          // Built a chunk at a time: 100 000 snapshots made at once held the requests waiting meanwhile.
          const step = PRIME_CHUNK[this.counters.kind]
          for (let i = 0; i < ids.length; i += step) {
            const part: ScopeSnapshot[] = []
            for (const id of ids.slice(i, i + step)) {
              const scope = String(id)
              if (read.stored.has(scope)) continue
              read.stored.add(scope)
              part.push({ scope, cycleKey, values: flats.get(scope) ?? {}, seen: mark.seen })
            }
            if (this.counters.kind === 'memory') {
              for (const s of part) await this.counters.load(s)
              // The in-process store answers in microtasks: yield to the requests waiting meanwhile
              // (100 000 lines in one go held a cold line's answer ~300 ms).
              await new Promise((r) => setImmediate(r))
            } else await this.counters.settle(part, [])
          }
        } finally {
          this.priming.delete(key)
        }
        this.primedCompanies.set(key, true)
      })
      .catch(() => this.primedCompanies.delete(key))
  }

  /**
   * A line's consumption for its store snapshot: while its company's read is being stored and
   * the line's turn has not come, that read (the very snapshot the priming would store a moment
   * later: a cold line then waits neither on the database nor behind the priming); else the database.
   */
  private lineValues(ls: LineSnapshot, cycleKey: string, mark: ReadMark): Promise<Flat> {
    const read = this.priming.get(`${String(ls.companyId)}|${cycleKey}`)
    const scope = String(ls.lineId)
    if (!read || read.stored.has(scope)) return this.usage.readConsumption([ls.lineId], cycleKey, undefined, mark)
    // Taken once: if the store forgets it later, the next read goes to the database.
    read.stored.add(scope)
    mark.seen = read.seen
    return Promise.resolve({ ...read.flats.get(scope) })
  }

  /** The line's consumption in a cycle with the account's pool total. Throws StoreUnavailableError. */
  async countersFor(ls: LineSnapshot, cycleKey: string, store: StoreCall = (p) => p): Promise<Counters> {
    this.primeCompany(ls, cycleKey)
    const [flat, pool] = await Promise.all([
      this.scopeValues(String(ls.lineId), cycleKey, (mark) => this.lineValues(ls, cycleKey, mark), store),
      ls.snapshot.pool ? this.scopeValues(poolScope(ls.accountId), cycleKey, (mark) => this.poolValues(ls, cycleKey, mark), store) : Promise.resolve({} as Flat),
    ])
    return unflatten(flat, pool.pool ?? 0)
  }

  /** Same, straight from the database (the store is unavailable). */
  async countersFromDatabase(ls: LineSnapshot, cycleKey: string): Promise<Counters> {
    const [flat, pool] = await Promise.all([this.usage.readConsumption([ls.lineId], cycleKey), ls.snapshot.pool ? this.poolValues(ls, cycleKey) : Promise.resolve({} as Flat)])
    return unflatten(flat, pool.pool ?? 0)
  }

  private async poolValues(ls: LineSnapshot, cycleKey: string, mark?: ReadMark): Promise<Flat> {
    const sum = await this.usage.readConsumption(ls.accountLineIds, cycleKey, 'lineData', mark)
    return sum.lineData ? { pool: sum.lineData } : {}
  }

  /** A hold's expiry before its grant, and what each granted unit adds: voice lasts its seconds plus the grace. */
  private expiry(service: Service): { expiresAt: number; unitMs: number } {
    const voice = service === 'voice' || service === 'collect'
    return { expiresAt: this.now() + (voice ? this.graceMs : this.ttlMs), unitMs: voice ? 1000 : 0 }
  }

  /**
   * May the line use the service now, and how much? A grant that draws on something finite
   * is held (answer `hold`) until usage names it, it is updated or released, or it expires.
   * Throws StoreUnavailableError when the counter store does not answer.
   */
  async authorize(ls: LineSnapshot, input: AuthorizeInput): Promise<AuthorizeAnswer> {
    const at = input.at ?? new Date(this.now())
    const snap = ls.snapshot
    const cycleKey = cycleFor(at, snap.renewalDay).key
    // A network element waits on this answer: the time spent waiting on the store is bounded
    // in all (database reads are not counted).
    const store = this.counters.kind === 'memory' ? <T>(p: Promise<T>) => p : storeBudget(this.deadlineMs)
    const counters = await this.countersFor(ls, cycleKey, store)
    const decision = authorize(snap, counters, { service: input.service, destination: input.destination, at, units: input.units })
    if (!decision.allow || decision.reason.code !== 'OK' || !decision.category) return decision
    const id = newHoldId()
    const expiry = this.expiry(input.service)
    const meta = { line: ls.msisdn, lineId: String(ls.lineId), service: input.service, category: decision.category, destination: decision.destination, cycleKey }
    // Money caps (issue 15): the money the grant costs is held first; the units follow what it buys.
    const moneyWant = {
      holdId: id,
      event: { service: input.service, destination: input.destination, at },
      category: decision.category,
      meta,
      replace: false,
      units: decision.granted,
      whole: decision.category.startsWith('voice.') && !snap.interruptAtLimit,
      expiresAt: expiry.expiresAt + decision.granted * expiry.unitMs,
    }
    const price = await priceMoney(this, ls, counters, moneyWant)
    const unitPlan = holdPlan(ls, counters, decision.category, cycleKey)
    if (price && price.cents > 0) {
      // Usually everything fits: the grant and its money on every cap in one store call.
      const plan = unitPlan ?? moneyOnlyPlan(ls, cycleKey)
      const unit = { id, now: this.now(), ...expiry, replace: false, base: 0, want: decision.granted, whole: plan.whole, line: plan.line, free: plan.free, pool: plan.pool, meta }
      const together = await holdWithMoney(this, price, unit, moneyWant, store)
      if (together) return { ...decision, granted: together.granted, hold: { id, expiresAt: new Date(together.expiresAt) } }
    }
    const money = await holdMoney(this, ls, counters, moneyWant, store, price)
    if (money && money.units <= 0) return { ...decision, allow: false, granted: 0, reason: REASONS.SPEND_CAP_REACHED }
    const want = money ? money.units : decision.granted
    const plan = unitPlan ?? (money?.ids.length ? moneyOnlyPlan(ls, cycleKey) : null)
    if (!plan) return { ...decision, granted: want }
    const now = this.now()
    const granting = this.counters.hold({
      id,
      now,
      ...expiry,
      replace: false,
      base: 0,
      want,
      whole: plan.whole,
      line: plan.line,
      free: plan.free,
      pool: plan.pool,
      meta: withMoney(meta, money?.ids ?? []),
    })
    const g = await store(granting).catch((e: unknown) => {
      // In doubt (the answer may still come): give the hold back once the store answers, so a
      // grant nobody received does not keep room until it expires.
      void granting.then(() => this.counters.release(id, this.now())).catch(() => undefined)
      if (money) void releaseMoney(this, money.ids).catch(() => undefined)
      throw e
    })
    if (g.granted <= 0) {
      if (money) await releaseMoney(this, money.ids)
      return { ...decision, allow: false, granted: 0, reason: plan.refusal(g.limitedBy) }
    }
    if (money && g.granted < money.units) await shrinkMoney(this, money, g.granted, moneyWant, store)
    return { ...decision, granted: g.granted, hold: { id, expiresAt: new Date(g.expiresAt) } }
  }

  /** The decision without holds, against the database (ENGINE_ON_STORE_FAILURE=allow). */
  async authorizeWithoutStore(ls: LineSnapshot, input: AuthorizeInput): Promise<AuthorizeAnswer> {
    const at = input.at ?? new Date(this.now())
    const counters = await this.countersFromDatabase(ls, cycleFor(at, ls.snapshot.renewalDay).key)
    return authorize(ls.snapshot, counters, { service: input.service, destination: input.destination, at, units: input.units })
  }

  /** A live hold (null when unknown, used, released or expired). */
  async holdOf(id: string): Promise<HoldRecord | null> {
    return (await this.counters.holds([id], this.now())).get(id) ?? null
  }

  /**
   * A long session's report (Gy update): `used` units so far under the hold, and `more` asked.
   * The hold then holds used + the new grant; null when the hold is no longer live.
   */
  async updateHold(ls: LineSnapshot, hold: HoldRecord, used: number, more?: number): Promise<AuthorizeAnswer | null> {
    const { meta } = hold
    const service = meta.service as Service
    const base = Math.ceil(used)
    const counters = await this.countersFor(ls, meta.cycleKey)
    const fallback = service === 'data' ? DEFAULT_DATA_CHUNK_BYTES : service === 'sms' ? DEFAULT_SMS_COUNT : DEFAULT_CALL_SECONDS
    const want = more !== undefined && more > 0 ? Math.ceil(more) : more === 0 ? 0 : fallback
    // The line, its profile or calendar may have changed since: no new units unless it would be allowed now.
    const now = new Date(this.now())
    const decision = authorize(ls.snapshot, counters, { service, destination: meta.destination, at: now, units: want || 1 })
    const allowedNow = decision.allow && decision.category === meta.category
    const plan = holdPlan(ls, counters, meta.category as UsageCategory, meta.cycleKey) ?? (moneyHoldsOf(hold).length ? moneyOnlyPlan(ls, meta.cycleKey) : null)
    if (!plan) return null
    // Money caps: the money of everything the hold covers (used so far + more) is held again in one step per cap.
    const plainMeta = withMoney({ ...meta, money: undefined }, [])
    const expiry = this.expiry(service)
    const money = await holdMoney(
      this,
      ls,
      counters,
      {
        holdId: hold.id,
        units: base + (allowedNow ? want : 0),
        event: { service, destination: meta.destination, at: now },
        category: meta.category as UsageCategory,
        // As authorize decided it (the money holds are laid out by it, src/spend/moneyHolds.ts).
        whole: meta.category.startsWith('voice.') && !ls.snapshot.interruptAtLimit,
        expiresAt: expiry.expiresAt + (base + want) * expiry.unitMs,
        meta: plainMeta,
        replace: true,
      },
      (p) => p,
    )
    const granting = money ? Math.max(0, Math.min(allowedNow ? want : 0, money.units - base)) : allowedNow ? want : 0
    const g = await this.counters.hold({
      id: hold.id,
      now: this.now(),
      ...expiry,
      replace: true,
      base,
      want: granting,
      whole: plan.whole,
      line: plan.line,
      free: plan.free,
      pool: plan.pool,
      meta: withMoney(plainMeta, money?.ids ?? []),
    })
    if (!g.found) return null
    const expiresAt = new Date(g.expiresAt)
    if (!g.found && money) await releaseMoney(this, money.ids)
    const moneyShort = money !== null && granting < want
    const reason = !allowedNow ? decision.reason : g.granted > 0 || want === 0 ? decision.reason : moneyShort ? REASONS.SPEND_CAP_REACHED : plan.refusal(g.limitedBy)
    return { allow: g.granted > 0, granted: g.granted, category: meta.category as UsageCategory, reason, destination: meta.destination, hold: { id: hold.id, expiresAt } }
  }

  /** The call never connected: everything held returns. */
  async releaseHold(id: string): Promise<HoldRecord | null> {
    const released = await this.counters.release(id, this.now())
    if (released) await releaseMoney(this, moneyHoldsOf(released))
    return released
  }

  /**
   * The decision authorize() would take now, against the consumption recorded so far,
   * without holding or counting anything ("simulate a call", SPEC L).
   */
  async simulate(ls: LineSnapshot, input: AuthorizeInput): Promise<Decision> {
    const at = input.at ?? new Date(this.now())
    const cycleKey = cycleFor(at, ls.snapshot.renewalDay).key
    const counters = await this.countersFor(ls, cycleKey).catch((e) => {
      if (e instanceof StoreUnavailableError) return this.countersFromDatabase(ls, cycleKey)
      throw e
    })
    return authorize(ls.snapshot, counters, { service: input.service, destination: input.destination, at, units: input.units })
  }

  /** The company's sent notices in a cycle, read once (again after a failed read). */
  private sentOfCompany(companyId: string | number, cycleKey: string): Promise<Map<string, Set<string> | null>> {
    const key = `${String(companyId)}|${cycleKey}`
    let read = this.primedSent.get(key)
    if (!read) {
      read = this.usage.readSentNoticesOfCompany(companyId, cycleKey)
      this.primedSent.set(key, read)
      read.catch(() => this.primedSent.delete(key))
      // Like SentNotices, the company's two latest cycles are kept (cycle keys 'YYYY-MM-DD': the smallest is the oldest).
      const ofCompany = [...this.primedSent.keys()].filter((k) => k.startsWith(`${String(companyId)}|`)).sort()
      for (const old of ofCompany.slice(0, -2)) this.primedSent.delete(old)
    }
    return read
  }

  /**
   * Makes sentNotices know these lines' sent notices in a cycle: from their company's read
   * (one query per company and cycle, instead of one `line IN (…)` per batch over a large
   * company's random lines), from the database for lines whose entry was already handed out.
   */
  private async rememberSent(lines: LineSnapshot[], cycleKey: string) {
    const byCompany = new Map<string, LineSnapshot[]>()
    for (const ls of lines) {
      let list = byCompany.get(String(ls.companyId))
      if (!list) byCompany.set(String(ls.companyId), (list = []))
      list.push(ls)
    }
    const again: LineSnapshot[] = []
    for (const list of byCompany.values()) {
      const primed = await this.sentOfCompany(list[0].companyId, cycleKey)
      for (const ls of list) {
        if (this.sentNotices.get(ls.lineId, cycleKey)) continue
        const id = String(ls.lineId)
        const keys = primed.get(id)
        if (keys === null) {
          again.push(ls)
          continue
        }
        primed.set(id, null)
        this.sentNotices.remember(ls.lineId, cycleKey, keys ?? new Set())
      }
    }
    if (again.length) {
      const sent = await this.usage.readSentNoticesByLine(again.map((ls) => ls.lineId), cycleKey)
      for (const ls of again) this.sentNotices.remember(ls.lineId, cycleKey, sent.get(String(ls.lineId))!)
    }
  }

  private async sentFor(ls: LineSnapshot, cycleKey: string): Promise<Set<string>> {
    const known = this.sentNotices.get(ls.lineId, cycleKey)
    if (known) return known
    const read = await this.usage.readSentNoticesByLine([ls.lineId], cycleKey)
    return this.sentNotices.remember(ls.lineId, cycleKey, read.get(String(ls.lineId))!)
  }

  /**
   * The consumption of the lines a batch touches, per cycle, in a few queries: from the store
   * where it holds them, else from the database (stored for next time when the store answers).
   */
  private async ratingCounters(lines: { ls: LineSnapshot; cycles: Set<string> }[]): Promise<Map<string, Counters>> {
    const out = new Map<string, Counters>()
    const byCycle = new Map<string, LineSnapshot[]>()
    for (const { ls, cycles } of lines) {
      for (const cycleKey of cycles) {
        let list = byCycle.get(cycleKey)
        if (!list) byCycle.set(cycleKey, (list = []))
        list.push(ls)
      }
    }
    let storeUp = true
    const tryStore = async <T>(f: () => Promise<T>): Promise<T | null> => {
      if (!storeUp) return null
      try {
        return await f()
      } catch (e) {
        if (!(e instanceof StoreUnavailableError)) throw e
        storeUp = false
        return null
      }
    }
    for (const [cycleKey, all] of byCycle) {
      const flats = new Map<string, Flat>()
      const pools = new Map<string, number>()
      if (this.dirty.size) await tryStore(() => this.cleanDirty(all.map((ls) => `${String(ls.lineId)}|${cycleKey}`)))
      const cached = await tryStore(() => Promise.all(all.map((ls) => this.counters.get(String(ls.lineId), cycleKey))))
      const cold = all.filter((ls, i) => !cached?.[i])
      cached?.forEach((f, i) => f && flats.set(String(all[i].lineId), f))
      if (cold.length) {
        const mark: ReadMark = {}
        const read = await this.usage.readConsumptionByLine(cold.map((ls) => ls.lineId), cycleKey, mark)
        for (const ls of cold) {
          const values = read.get(String(ls.lineId)) ?? {}
          flats.set(String(ls.lineId), values)
          await tryStore(() => this.counters.load({ scope: String(ls.lineId), cycleKey, values, seen: mark.seen }))
        }
      }
      for (const ls of all) {
        if (ls.snapshot.pool && !pools.has(String(ls.accountId))) {
          const p = (await tryStore(() => this.scopeValues(poolScope(ls.accountId), cycleKey, (mark) => this.poolValues(ls, cycleKey, mark), (x) => x))) ?? (await this.poolValues(ls, cycleKey))
          pools.set(String(ls.accountId), p.pool ?? 0)
        }
        out.set(`${String(ls.lineId)}|${cycleKey}`, unflatten(flats.get(String(ls.lineId)) ?? {}, pools.get(String(ls.accountId)) ?? 0))
      }
      const unknown = all.filter((ls) => !this.sentNotices.get(ls.lineId, cycleKey))
      if (unknown.length) await this.rememberSent(unknown, cycleKey)
    }
    return out
  }

  /**
   * Records usage events: duplicates (already recorded, or repeated in the batch) change
   * nothing; the rest are rated in order per line and written in one transaction, retried
   * when it meets a concurrent batch (same events, deadlock, serialization, busy database).
   * Then the store takes the lines' new snapshots and ends the holds the events named.
   * `resolve` gives the line snapshot for an MSISDN the caller may reach (null = not found).
   */
  async ingest(events: IngestEvent[], resolve: (msisdn: string) => Promise<LineSnapshot | null>): Promise<IngestResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ingestOnce(events, resolve)
      } catch (e) {
        if (attempt >= MAX_WRITE_ATTEMPTS || !isRetryableWriteError(e)) throw e
        await sleep(Math.min(500, 5 * 2 ** attempt) * (0.5 + Math.random()))
      }
    }
  }

  private async ingestOnce(events: IngestEvent[], resolve: (msisdn: string) => Promise<LineSnapshot | null>): Promise<IngestResult> {
    const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [], notices: 0 }
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
    const fresh: { e: IngestEvent; key: EventKey; text: string }[] = []
    for (const e of events) {
      const ls = snapshots.get(e.line)
      if (!ls) {
        result.rejected.push({ index: e.index, error: `line: linha ${e.line} não encontrada` })
        continue
      }
      const key = { company: ls.companyId, id: e.id }
      const text = eventKey(key)
      if (seen.has(text)) result.duplicates++
      else {
        seen.add(text)
        fresh.push({ e, key, text })
      }
    }
    const existing = await this.usage.existingEventIds(fresh.map((f) => f.key))
    const byLine = new Map<string, IngestEvent[]>()
    const holdIds = new Set<string>()
    for (const { e, text } of fresh) {
      if (existing.has(text)) {
        result.duplicates++
        continue
      }
      let list = byLine.get(e.line)
      if (!list) byLine.set(e.line, (list = []))
      list.push(e)
      if (e.hold) holdIds.add(e.hold)
    }
    const usage: UsageRow[] = []
    const consumption: ConsumptionDelta[] = []
    const noticeRows: NoticeRow[] = []
    const touched: { ls: LineSnapshot; cycleKey: string; notices: Notice[] }[] = []
    const touchedPools = new Map<string, { ls: LineSnapshot; cycleKey: string }>()
    const ending: { id: string; lineId: string; unchecked?: boolean }[] = []
    // Holds the events name; a store that does not answer leaves them to expire (never under-held).
    let holdsKnown = true
    const holds = await this.counters.holds([...holdIds], this.now()).catch((e) => {
      if (!(e instanceof StoreUnavailableError)) throw e
      holdsKnown = false
      return new Map<string, HoldRecord>()
    })
    const cycleOf = new Map<IngestEvent, string>()
    const toRate: { ls: LineSnapshot; cycles: Set<string> }[] = []
    for (const [msisdn, list] of byLine) {
      const ls = snapshots.get(msisdn)
      if (!ls) continue
      const cycles = new Set<string>()
      for (const e of list) {
        const cycleKey = cycleFor(e.at, ls.snapshot.renewalDay).key
        cycleOf.set(e, cycleKey)
        cycles.add(cycleKey)
      }
      toRate.push({ ls, cycles })
    }
    const loaded = await this.ratingCounters(toRate)
    const tariffs = await tariffBookOf(this.payload).forCompanies(toRate.map((r) => r.ls.companyId))
    for (const [msisdn, list] of byLine) {
      const ls = snapshots.get(msisdn) ?? null
      if (!ls) {
        for (const e of list) result.rejected.push({ index: e.index, error: `line: linha ${msisdn} não encontrada` })
        continue
      }
      // `sent` is the engine's own set until a notice of this batch is added: then a copy (a batch that fails adds nothing).
      const work = new Map<string, { counters: Counters; deltas: Flat; sent: Set<string>; ownSent: boolean; notices: Notice[] }>()
      for (const e of list) {
        const hold = e.hold ? holds.get(e.hold) : undefined
        if (hold && hold.meta.lineId !== String(ls.lineId)) {
          result.rejected.push({ index: e.index, error: `hold: a reserva ${e.hold} é de outra linha` })
          continue
        }
        const cycleKey = cycleOf.get(e)!
        let w = work.get(cycleKey)
        if (!w) {
          const sent = this.sentNotices.get(ls.lineId, cycleKey) ?? (await this.sentFor(ls, cycleKey))
          w = { counters: loaded.get(`${String(ls.lineId)}|${cycleKey}`)!, deltas: {}, sent, ownSent: false, notices: [] }
          work.set(cycleKey, w)
        }
        const rating = rate(ls.snapshot, w.counters, { id: e.id, service: e.service, destination: e.destination, at: e.at, units: e.units, group: e.group }, w.sent)
        if (!rating.ok) {
          result.rejected.push({ index: e.index, error: rating.error })
          continue
        }
        if (hold) for (const id of [hold.id, ...moneyHoldsOf(hold)]) ending.push({ id, lineId: String(ls.lineId) })
        else if (e.hold && !holdsKnown) ending.push({ id: e.hold, lineId: String(ls.lineId), unchecked: true })
        applyDeltas(w.counters, rating.deltas)
        flatDeltas(rating.deltas, w.deltas)
        const cost = priceRating(tariffAt(tariffs.get(String(ls.companyId)) ?? [], e.at.getTime()), rating.deltas)
        if (cost) w.deltas[MONEY_KEY] = (w.deltas[MONEY_KEY] ?? 0) + cost
        for (const n of rating.notices) {
          if (!w.ownSent) {
            w.sent = new Set(w.sent)
            w.ownSent = true
          }
          w.sent.add(n.key)
          w.notices.push(n)
          noticeRows.push({ notice: n, line: ls.lineId, company: ls.companyId, offer: n.packageName })
        }
        if (rating.deltas.poolBytes) touchedPools.set(`${String(ls.accountId)}|${cycleKey}`, { ls, cycleKey })
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
          cost,
          group: e.group ?? null,
          package: pkg.length ? pkg.join(', ') : null,
          cycle: rating.cycleKey,
        })
        result.accepted++
      }
      for (const [cycleKey, w] of work) {
        consumption.push({ line: ls.lineId, company: ls.companyId, cycle: cycleKey, deltas: w.deltas })
        touched.push({ ls, cycleKey, notices: w.notices })
      }
    }
    if (usage.length) {
      // The named holds' parts end with the first stored snapshot that counts this batch (it may be another instance's).
      const committing = ending.filter((h) => !h.unchecked).map((h) => h.id)
      const beforeCommit = committing.length ? (xid: string) => withDeadline(this.counters.committing(committing, xid), this.deadlineMs).catch(() => undefined) : undefined
      const stored = await this.usage.persistBatch({ usage, consumption, notices: noticeRows, channel: this.gateway.channel, beforeCommit }).catch((e: unknown) => {
        if (beforeCommit) void this.counters.committing(committing, null).catch(() => undefined)
        throw e
      })
      for (const t of touched) {
        const sent = this.sentNotices.get(t.ls.lineId, t.cycleKey)
        for (const n of t.notices) sent?.add(n.key)
      }
      await this.settle(touched, [...touchedPools.values()], ending)
      const costOf = new Map<string, number>()
      for (const u of usage) if (u.cost) costOf.set(String(u.line), (costOf.get(String(u.line)) ?? 0) + u.cost)
      queueAlerts(
        this.payload,
        touched.map((t) => ({
          ls: t.ls,
          cycleKey: t.cycleKey,
          at: (byLine.get(t.ls.msisdn) ?? []).reduce((m, e) => Math.max(m, e.at.getTime()), 0) || this.now(),
          cost: costOf.get(String(t.ls.lineId)) ?? 0,
        })),
      )
      result.notices = stored.length
      if (stored.length) await this.gateway.deliver(this.payload, stored)
    }
    result.rejected.sort((a, b) => a.index - b.index)
    return result
  }

  /** Committed: the store takes the new database snapshots and ends the named holds, or forgets the scopes. */
  private async settle(lines: { ls: LineSnapshot; cycleKey: string }[], pools: { ls: LineSnapshot; cycleKey: string }[], ending: { id: string; lineId: string; unchecked?: boolean }[]) {
    const snaps: ScopeSnapshot[] = []
    const byCycle = new Map<string, LineSnapshot[]>()
    for (const { ls, cycleKey } of lines) {
      let list = byCycle.get(cycleKey)
      if (!list) byCycle.set(cycleKey, (list = []))
      list.push(ls)
    }
    for (const [cycleKey, list] of byCycle) {
      const mark: ReadMark = {}
      const read = await this.usage.readConsumptionByLine(list.map((ls) => ls.lineId), cycleKey, mark)
      for (const ls of list) snaps.push({ scope: String(ls.lineId), cycleKey, values: read.get(String(ls.lineId)) ?? {}, seen: mark.seen })
    }
    for (const { ls, cycleKey } of pools) {
      const mark: ReadMark = {}
      snaps.push({ scope: poolScope(ls.accountId), cycleKey, values: await this.poolValues(ls, cycleKey, mark), seen: mark.seen })
    }
    snaps.push(...(await capSnapshots(this.payload, lines)))
    for (const h of ending) if (h.unchecked) this.unsettled.set(h.id, h.lineId)
    try {
      await this.counters.settle(snaps, ending.filter((h) => !h.unchecked).map((h) => h.id))
    } catch (e) {
      if (!(e instanceof StoreUnavailableError)) throw e
      // In doubt: the store may hold older snapshots. Forget them (reloaded from the database)
      // and end the holds once the store answers; until then they only refuse too much.
      for (const s of snaps) this.dirty.add(cycleOfScope(s))
      for (const h of ending) this.unsettled.set(h.id, h.lineId)
      await this.cleanDirty(snaps.map(cycleOfScope)).catch(() => undefined)
    }
    if (this.dirty.size || this.unsettled.size) this.scheduleRepair()
  }

  /**
   * Compares every snapshot the store holds with the database and drops those that differ
   * (they load again from the database on their next use).
   */
  async reconcile(): Promise<{ checked: number; fixed: number }> {
    let checked = 0
    let fixed = 0
    for await (const part of this.counters.loaded()) {
      const byCycle = new Map<string, string[]>()
      for (const { scope, cycleKey } of part) {
        let list = byCycle.get(cycleKey)
        if (!list) byCycle.set(cycleKey, (list = []))
        list.push(scope)
      }
      for (const [cycleKey, scopes] of byCycle) {
        const lineIds = scopes.filter((s) => !s.startsWith('account:') && !isCapScope(s))
        const truth = await this.usage.readConsumptionByLine(lineIds, cycleKey)
        for (const scope of scopes) {
          const values = scope.startsWith('account:')
            ? await this.accountPool(scope.slice('account:'.length), cycleKey)
            : isCapScope(scope)
              ? await capScopeValues(this.payload, scope, cycleKey)
              : (truth.get(scope) ?? {})
          const cached = await this.counters.get(scope, cycleKey)
          checked++
          if (!cached || sameFlat(cached, values)) continue
          fixed++
          // Dropped, not overwritten: the next reader loads the database as it is then (a
          // snapshot read here may already be older than one a writer just stored).
          await this.counters.drop(scope, cycleKey)
        }
      }
    }
    return { checked, fixed }
  }

  private async accountPool(accountId: string, cycleKey: string): Promise<Flat> {
    const lines = await this.payload.find({ collection: 'lines', where: { account: { equals: accountId } }, pagination: false, limit: 1_000_000, depth: 0, overrideAccess: true })
    const sum = await this.usage.readConsumption(lines.docs.map((d) => d.id as string | number), cycleKey, 'lineData')
    return sum.lineData ? { pool: sum.lineData } : {}
  }

  async balance(ls: LineSnapshot, at = new Date(this.now())) {
    const snap = ls.snapshot
    const cycle = cycleFor(at, snap.renewalDay)
    let c: Counters
    let held: { line: Record<string, number>; pool: Record<string, number> } | null = null
    try {
      c = await this.countersFor(ls, cycle.key)
      const now = this.now()
      const [line, pool] = await Promise.all([this.counters.held(String(ls.lineId), cycle.key, now), snap.pool ? this.counters.held(poolScope(ls.accountId), cycle.key, now) : {}])
      held = { line, pool }
    } catch (e) {
      if (!(e instanceof StoreUnavailableError)) throw e
      c = await this.countersFromDatabase(ls, cycle.key)
    }
    const pct = (used: number, cap: number) => (cap > 0 ? Math.round((used / cap) * 1000) / 10 : null)
    const heldCategories: Record<string, number> = {}
    for (const [k, v] of Object.entries(held?.line ?? {})) if (k.startsWith('cat:')) heldCategories[k.slice(4)] = v
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
      pool: snap.pool ? { id: snap.pool.offerId, name: snap.pool.name, capacityBytes: snap.pool.capacityBytes, usedBytes: c.poolBytes, heldBytes: held ? (held.pool.pool ?? 0) : null, percent: pct(c.poolBytes, snap.pool.capacityBytes) } : null,
      consumption: c.categories,
      /** The line's data in the cycle that counts against its shared-pool quota (bytes), whether or not a quota is configured. */
      lineDataBytes: c.lineDataBytes,
      /** Units granted and not yet used (live holds); null when the counter store is unavailable. */
      held: held ? { categories: heldCategories, dataBytes: held.line.data ?? 0, poolBytes: held.pool.pool ?? 0 } : null,
      excess: c.excess,
      /** Money caps the line draws on (issue 15), in centavos. */
      spend: await capBalances(this, ls, cycle.key),
      units: { voice: 'seconds', sms: 'messages', data: 'bytes' },
    }
  }

  async close() {
    if (this.timer) clearInterval(this.timer)
    if (this.repairing) clearTimeout(this.repairing)
    await this.counters.close()
  }
}

/**
 * One engine per Payload instance (tests boot several), kept on globalThis: a Next build may
 * hold this module more than once (instrumentation, route handlers), and the server's fast
 * path, the endpoints and the invalidation hooks must all reach the same engine.
 */
const engines: WeakMap<Payload, Promise<Engine>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('gol.engine.registry')] ??= new WeakMap()) as WeakMap<Payload, Promise<Engine>>

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
