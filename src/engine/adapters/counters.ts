/**
 * Engine counters per scope (a line id, or `account:<id>` for a shared pool) per cycle, and
 * the holds of credit control. In process by default; in Redis when REDIS_URL is set
 * (./redisCounters.ts), so several app instances share them.
 *
 * Two kinds of value:
 *   - consumption: a *snapshot of the database's* `consumption` rows (flat keys, see
 *     flatten()), never added to. Its version is the sum of its values: every counter only
 *     grows, so of two snapshots of one scope the one with the larger sum is the newer, and
 *     storing "only when newer" (load, settle) cannot race with another loader or writer;
 *   - holds: units granted by authorize() and not yet used. A hold draws on a resource (a
 *     line's category limit or data allowance; the account's pool); used + live holds never
 *     exceed the resource's cap. Holds end when named by usage (settle), released, or at
 *     their expiry (the caller's clock, so tests can advance it).
 */
import { randomBytes, randomFillSync } from 'node:crypto'
import type { Counters, UsageCategory } from '../core'
import { emptyCounters } from '../core'
import type { CounterDeltas } from '../core'

export type Flat = Record<string, number>

/* ------------------------------------------------------------------ flat keys */

export function flatten(c: Counters): Flat {
  const out: Flat = {}
  for (const [k, v] of Object.entries(c.categories)) if (v) out[`cat:${k}`] = v
  for (const [k, v] of Object.entries(c.offers)) if (v) out[`offer:${k}`] = v
  if (c.excess.voiceSeconds) out['excess:voice'] = c.excess.voiceSeconds
  if (c.excess.sms) out['excess:sms'] = c.excess.sms
  if (c.excess.dataBytes) out['excess:data'] = c.excess.dataBytes
  if (c.lineDataBytes) out.lineData = c.lineDataBytes
  return out
}

export function unflatten(flat: Flat, poolBytes = 0): Counters {
  const c = emptyCounters()
  for (const [k, v] of Object.entries(flat)) {
    const n = Number(v) || 0
    if (k.startsWith('cat:')) c.categories[k.slice(4) as UsageCategory] = n
    else if (k.startsWith('offer:')) c.offers[k.slice(6)] = n
    else if (k === 'excess:voice') c.excess.voiceSeconds = n
    else if (k === 'excess:sms') c.excess.sms = n
    else if (k === 'excess:data') c.excess.dataBytes = n
    else if (k === 'lineData') c.lineDataBytes = n
  }
  c.poolBytes = poolBytes
  return c
}

export function flatDeltas(d: CounterDeltas, into: Flat = {}): Flat {
  const add = (k: string, v: number) => {
    if (v) into[k] = (into[k] ?? 0) + v
  }
  add(`cat:${d.category}`, d.categoryUnits)
  for (const o of d.offers) add(`offer:${o.offerId}`, o.units)
  add('excess:voice', d.excess.voiceSeconds)
  add('excess:sms', d.excess.sms)
  add('excess:data', d.excess.dataBytes)
  add('lineData', d.lineDataBytes)
  return into
}

/** A snapshot's version: the sum of its counters (they only grow). */
export const versionOf = (values: Flat): number => Object.values(values).reduce((s, v) => s + (Number(v) || 0), 0)

export const sameFlat = (a: Flat, b: Flat): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false
  return true
}

/* ------------------------------------------------------------------ holds */

/** Something finite a hold draws on. */
export interface HoldResource {
  scope: string
  cycleKey: string
  /** Names the held amount, e.g. `cat:voice.local.fixed`, `data`, `pool`. */
  key: string
  /** Consumption fields whose sum is what is used of it. */
  fields: string[]
  /** What is used when the store holds no snapshot of the scope (the caller's database read). */
  used: number
  /** null = no cap (the line's data allowance without a limited quota: only the pool bounds it). */
  cap: number | null
  /**
   * What is used comes only from the store's snapshot of the scope (`used` is not read): holdAll
   * holds nothing and answers the scope `missing` when the store has none, so the caller reads
   * the database only then instead of asking the store first on every call. Such a resource is
   * one object reused from call to call (a cap's), never changed once given to the store.
   */
  stored?: boolean
}

export interface HoldMeta {
  line: string
  lineId: string
  service: string
  category: string
  destination?: string
  cycleKey: string
  /** The money holds (spend caps) taken with this hold (src/spend/moneyHolds.ts). */
  money?: string[]
}

export interface HoldRequest {
  id: string
  now: number
  /** When the hold expires if nothing is granted; each unit granted adds `unitMs` (voice: a second). */
  expiresAt: number
  unitMs?: number
  /** Update of an existing hold: its amounts are given back first (it must still be live). */
  replace: boolean
  /** Units already used under the hold (an update's report): held whatever the cap says. */
  base: number
  /** Units asked on top of `base`. */
  want: number
  /** Grant `want` in full while anything is left (a voice call with interrupt-at-limit off). */
  whole: boolean
  line: HoldResource
  /** Data: units of the line's resource its own franchises cover before it spills into the pool. */
  free?: number
  pool?: HoldResource
  meta: HoldMeta
}

export interface HoldGrant {
  /** Units granted on top of `base` (0 = refused). */
  granted: number
  /** Which cap refused or cut the grant: the line's or the pool's. */
  limitedBy: 'line' | 'pool' | null
  /** false when `replace` named a hold that is gone (released, used or expired). */
  found: boolean
  /** When the hold expires (ms). */
  expiresAt: number
}

export interface HoldRecord {
  id: string
  meta: HoldMeta
  /** Units held on the line's resource (used so far + granted). */
  amount: number
  expiresAt: number
}

/**
 * The grant of a hold given what is used and held now (the algorithm both stores run; the
 * Redis store runs the same steps in Lua). `lineUsed`/`poolUsed` include live holds.
 */
export function grantOf(r: HoldRequest, lineUsed: number, poolUsed: number): { granted: number; poolPart: number; limitedBy: HoldGrant['limitedBy'] } {
  let g = Math.max(0, r.want)
  let limitedBy: HoldGrant['limitedBy'] = null
  if (r.line.cap !== null) {
    const left = r.line.cap - lineUsed - r.base
    if (left <= 0 || (!r.whole && left < g)) {
      g = left <= 0 ? 0 : left
      limitedBy = 'line'
    }
  }
  let poolPart = 0
  if (r.pool && r.pool.cap !== null) {
    const free = r.free ?? 0
    const spill = (x: number) => Math.max(0, lineUsed + x - free) - Math.max(0, lineUsed - free)
    const room = Math.max(0, r.pool.cap - poolUsed - spill(r.base))
    const most = Math.max(0, free - lineUsed - r.base) + room
    if (g > most) {
      g = most
      limitedBy = 'pool'
    }
    poolPart = spill(r.base + g)
  }
  return { granted: g, poolPart, limitedBy }
}

/**
 * holdAll's answer: every hold granted its whole `want` (grants in request order), or nothing
 * held — because a `stored` resource's scope has no snapshot (`missing`, to load), or because
 * some hold would get less than it asks (`missing` empty: the caller takes them one by one).
 */
export type HoldAllAnswer = { held: true; grants: HoldGrant[] } | { held: false; missing: { scope: string; cycleKey: string }[] }

/* ------------------------------------------------------------------ interface */

export interface ScopeSnapshot {
  scope: string
  cycleKey: string
  values: Flat
  /** The database snapshot the values were read at (ReadMark, PostgreSQL), when known. */
  seen?: string
}

/**
 * Is transaction `xid` visible in PostgreSQL snapshot `seen` (`xmin:xmax:xip,…`, as
 * pg_current_snapshot() prints it)? Visible = committed before the snapshot was taken (the
 * store only asks about transactions that were about to commit; see `committing`).
 */
export function visibleIn(xid: string, seen: string | undefined): boolean {
  if (!seen) return false
  const [xmin, xmax, xip] = seen.split(':')
  const x = BigInt(xid)
  if (x < BigInt(xmin)) return true
  if (x >= BigInt(xmax)) return false
  return !xip || !xip.split(',').some((v) => v !== '' && BigInt(v) === x)
}

export interface CounterStore {
  readonly kind: 'memory' | 'redis'
  /** The stored consumption snapshot of a scope in a cycle, or null when not loaded. */
  get(scope: string, cycleKey: string): Promise<Flat | null>
  /** Store a database snapshot of a scope unless a newer one is there. */
  load(snapshot: ScopeSnapshot): Promise<void>
  /**
   * After usage was committed: store the scopes' new database snapshots (unless newer ones
   * are there) and end the holds the usage named, in one atomic step (the units move from
   * held to used without a moment where they are neither).
   */
  settle(snapshots: ScopeSnapshot[], holdIds: string[]): Promise<void>
  /**
   * Usage naming these holds is about to commit in database transaction `transactionId`
   * (null: it rolled back). Until settle ends them, a snapshot stored with a `seen` in which
   * that transaction is visible already counts their usage: storing it ends the holds' parts
   * on its scope in the same step, so used + held never counts a call twice (between one
   * instance's commit and its settle, another may store the line's newer snapshot).
   */
  committing(holdIds: string[], transactionId: string | null): Promise<void>
  /** Forget a scope's snapshot (its next read loads from the database). */
  drop(scope: string, cycleKey: string): Promise<void>
  /** Grant and hold (or update a hold), atomically against every other hold of the resources. */
  hold(r: HoldRequest): Promise<HoldGrant>
  /**
   * New holds (no `replace`) taken together in one atomic step, all or none: each granted as
   * hold() would, in order, and kept only when every one gets its whole `want`. One store call
   * for a grant and the money it holds on every cap (src/spend/moneyHolds.ts).
   */
  holdAll(requests: HoldRequest[]): Promise<HoldAllAnswer>
  /** Live holds among these ids. */
  holds(ids: string[], now: number): Promise<Map<string, HoldRecord>>
  /** Ends a hold, everything returns; null when it was not live. */
  release(id: string, now: number): Promise<HoldRecord | null>
  /** Units held now per resource key of a scope. */
  held(scope: string, cycleKey: string, now: number): Promise<Record<string, number>>
  /** Every scope with a stored snapshot (for reconciliation). */
  loaded(): AsyncIterable<{ scope: string; cycleKey: string }[]>
  close(): Promise<void>
}

/* ------------------------------------------------------------------ in process */

const storedKeys = new WeakMap<HoldResource, { sc: string; base: string }>()

/**
 * What is held on one resource: the sum of its holds' parts, kept as they change (summing them on
 * every grant cost O(live holds)). Each part names its HeldOn and carries its own amount, so
 * ending a part is a subtraction: no per-hold map entry to add and delete on every grant.
 */
class HeldOn {
  sum = 0
}

/** One resource's share of a hold; `amount` is 0 once ended (its usage counted by a snapshot), so it never returns twice. */
interface HoldPart {
  on: HeldOn
  /** `scope|cycle` of the resource. */
  sc: string
  amount: number
}

const endPart = (p: HoldPart) => {
  p.on.sum -= p.amount
  p.amount = 0
}

interface MemoryHold extends HoldRecord {
  parts: HoldPart[]
}

export class MemoryCounterStore implements CounterStore {
  readonly kind = 'memory' as const
  private values = new Map<string, Flat>()
  private records = new Map<string, MemoryHold>()
  /** Resource (`scope|cycle|key`) → the sum held on it. */
  private resources = new Map<string, HeldOn>()
  /** `scope|cycle` → hold id → the transaction committing usage that names it. */
  private pending = new Map<string, Map<string, string>>()

  async get(scope: string, cycleKey: string) {
    const v = this.values.get(`${scope}|${cycleKey}`)
    return v ? { ...v } : null
  }
  async load(s: ScopeSnapshot) {
    const k = `${s.scope}|${s.cycleKey}`
    this.endCounted(k, s.seen)
    const current = this.values.get(k)
    if (!current || versionOf(current) < versionOf(s.values)) this.values.set(k, { ...s.values })
  }
  /** Ends the parts on scope `sc` of holds whose usage a snapshot read at `seen` counts. */
  private endCounted(sc: string, seen: string | undefined) {
    const pending = this.pending.get(sc)
    if (!pending || !seen) return
    for (const [id, xid] of pending) {
      if (!visibleIn(xid, seen)) continue
      pending.delete(id)
      const h = this.records.get(id)
      for (const p of h?.parts ?? []) if (p.sc === sc) endPart(p)
    }
  }
  async settle(snapshots: ScopeSnapshot[], holdIds: string[]) {
    for (const s of snapshots) await this.load(s)
    for (const id of holdIds) this.end(id)
  }
  async committing(holdIds: string[], transactionId: string | null) {
    for (const id of holdIds) {
      const h = this.records.get(id)
      for (const p of h?.parts ?? []) {
        let m = this.pending.get(p.sc)
        if (transactionId === null) m?.delete(id)
        else {
          if (!m) this.pending.set(p.sc, (m = new Map()))
          m.set(id, transactionId)
        }
      }
    }
  }
  async drop(scope: string, cycleKey: string) {
    this.values.delete(`${scope}|${cycleKey}`)
  }

  /** No record expires before this (the scan of every live hold is skipped until then). */
  private nextExpiry = Infinity

  private expire(now: number) {
    if (now < this.nextExpiry) return
    let next = Infinity
    for (const [id, h] of this.records) {
      if (h.expiresAt <= now) this.end(id)
      else if (h.expiresAt < next) next = h.expiresAt
    }
    this.nextExpiry = next
  }
  private end(id: string): MemoryHold | null {
    const h = this.records.get(id)
    if (!h) return null
    this.records.delete(id)
    for (const p of h.parts) {
      endPart(p)
      this.pending.get(p.sc)?.delete(id)
    }
    return h
  }
  /** A resource's map keys: `scope|cycle` and `scope|cycle|key` (remembered for `stored` resources, which callers reuse). */
  private keysOf(r: HoldResource): { sc: string; base: string } {
    let k = r.stored ? storedKeys.get(r) : undefined
    if (!k) {
      const sc = `${r.scope}|${r.cycleKey}`
      k = { sc, base: `${sc}|${r.key}` }
      if (r.stored) storedKeys.set(r, k)
    }
    return k
  }
  private usedOf(r: HoldResource, k: { sc: string; base: string }): number {
    const snap = this.values.get(k.sc)
    let used = r.used
    if (snap) {
      used = 0
      for (const f of r.fields) used += snap[f] ?? 0
    }
    return used + (this.resources.get(k.base)?.sum ?? 0)
  }

  async hold(r: HoldRequest): Promise<HoldGrant> {
    this.expire(r.now)
    return this.take(r)
  }

  async holdAll(requests: HoldRequest[]): Promise<HoldAllAnswer> {
    const missing: { scope: string; cycleKey: string }[] = []
    for (const r of requests) {
      if (r.replace) throw new Error('holdAll takes new holds only')
      if (r.line.stored && !this.values.has(this.keysOf(r.line).sc)) missing.push({ scope: r.line.scope, cycleKey: r.line.cycleKey })
      if (r.pool?.stored && !this.values.has(this.keysOf(r.pool).sc)) missing.push({ scope: r.pool.scope, cycleKey: r.pool.cycleKey })
    }
    if (missing.length || !requests.length) return missing.length ? { held: false, missing } : { held: true, grants: [] }
    this.expire(requests[0].now)
    const grants: HoldGrant[] = []
    for (const r of requests) {
      const g = this.take(r)
      grants.push(g)
      if (g.granted < r.want) {
        for (const taken of requests.slice(0, grants.length)) this.end(taken.id)
        return { held: false, missing: [] }
      }
    }
    return { held: true, grants }
  }

  /** Holds `amount` on a resource (a new hold's part). */
  private part(k: { sc: string; base: string }, amount: number): HoldPart {
    let on = this.resources.get(k.base)
    if (!on) this.resources.set(k.base, (on = new HeldOn()))
    on.sum += amount
    return { on, sc: k.sc, amount }
  }

  /** hold() once expired holds are gone. */
  private take(r: HoldRequest): HoldGrant {
    if (r.replace && !this.end(r.id)) return { granted: 0, limitedBy: null, found: false, expiresAt: 0 }
    const line = this.keysOf(r.line)
    const pool = r.pool && this.keysOf(r.pool)
    const { granted, poolPart, limitedBy } = grantOf(r, this.usedOf(r.line, line), r.pool && pool ? this.usedOf(r.pool, pool) : 0)
    const amount = r.base + granted
    const expiresAt = r.expiresAt + granted * (r.unitMs ?? 0)
    if (amount > 0) {
      const parts = [this.part(line, amount)]
      if (pool && poolPart > 0) parts.push(this.part(pool, poolPart))
      this.records.set(r.id, { id: r.id, meta: r.meta, amount, expiresAt, parts })
      if (expiresAt < this.nextExpiry) this.nextExpiry = expiresAt
    }
    return { granted, limitedBy, found: true, expiresAt }
  }
  async holds(ids: string[], now: number) {
    this.expire(now)
    const out = new Map<string, HoldRecord>()
    for (const id of ids) {
      const h = this.records.get(id)
      if (h) out.set(id, { id, meta: h.meta, amount: h.amount, expiresAt: h.expiresAt })
    }
    return out
  }
  async release(id: string, now: number) {
    this.expire(now)
    const h = this.end(id)
    return h && { id, meta: h.meta, amount: h.amount, expiresAt: h.expiresAt }
  }
  async held(scope: string, cycleKey: string, now: number) {
    this.expire(now)
    const out: Record<string, number> = {}
    const head = `${scope}|${cycleKey}|`
    for (const [base, m] of this.resources) {
      if (base.startsWith(head) && m.sum) out[base.slice(head.length)] = m.sum
    }
    return out
  }
  async *loaded() {
    yield [...this.values.keys()].map((k) => {
      const i = k.lastIndexOf('|')
      return { scope: k.slice(0, i), cycleKey: k.slice(i + 1) }
    })
  }
  async close() {}
}

/* ------------------------------------------------------------------ failures */

/** The counter store did not answer in time or at all: the caller decides (ENGINE_ON_STORE_FAILURE). */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`counter store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

/**
 * Every call bounded to `timeoutMs` and every failure turned into StoreUnavailableError
 * (Redis' own command timeout should answer first; this also covers a queue that never drains).
 */
export function guarded(store: CounterStore, timeoutMs: number): CounterStore {
  const bound = <T>(p: Promise<T>): Promise<T> => withDeadline(p, timeoutMs)
  return {
    kind: store.kind,
    get: (s, c) => bound(store.get(s, c)),
    load: (s) => bound(store.load(s)),
    settle: (s, h) => bound(store.settle(s, h)),
    committing: (h, t) => bound(store.committing(h, t)),
    drop: (s, c) => bound(store.drop(s, c)),
    hold: (r) => bound(store.hold(r)),
    holdAll: (rs) => bound(store.holdAll(rs)),
    holds: (ids, now) => bound(store.holds(ids, now)),
    release: (id, now) => bound(store.release(id, now)),
    held: (s, c, now) => bound(store.held(s, c, now)),
    loaded: () => store.loaded(),
    close: () => store.close(),
  }
}

/** `p`, or StoreUnavailableError when it neither answers nor fails within `ms`. */
export function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StoreUnavailableError(`no answer in ${ms} ms`)), ms)
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e instanceof StoreUnavailableError ? e : new StoreUnavailableError(e))),
    )
  })
}

export const randomPrefix = () => `gol:test:${randomBytes(6).toString('hex')}:`
const HOLD_ID_BYTES = 12
/** Random bytes for hold ids, drawn 4 KiB at a time: one call into the CSPRNG per hold cost ~13 µs here (half of an authorize's CPU). */
const holdIdPool = Buffer.alloc(HOLD_ID_BYTES * 341)
let holdIdNext = holdIdPool.length

/** 96 random bits (base64url): unguessable, like randomBytes(12), with the CSPRNG called once per 341 ids. */
export function newHoldId(): string {
  if (holdIdNext + HOLD_ID_BYTES > holdIdPool.length) {
    randomFillSync(holdIdPool)
    holdIdNext = 0
  }
  const id = holdIdPool.toString('base64url', holdIdNext, holdIdNext + HOLD_ID_BYTES)
  holdIdNext += HOLD_ID_BYTES
  return id
}
