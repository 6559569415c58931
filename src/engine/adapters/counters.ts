/**
 * Engine counters per line per cycle (cycleKey from core). In process by default; in
 * Redis when REDIS_URL is set, so several app instances share them.
 *
 * Two kinds of value:
 *   - consumption (flat keys, see flatten()): what usage recorded; the database's
 *     `consumption` rows are the durable copy, these are a cache of them;
 *   - reservations: what authorize() granted under a cap (a profile limit, a quota).
 *     reserve() is atomic (Redis: one Lua script) so two processes never grant together
 *     more than the cap.
 */
import { randomBytes } from 'node:crypto'
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

/* ------------------------------------------------------------------ interface */

export interface ReserveRequest {
  /** Counter scope: a line id or `account:<id>` for a pool. */
  scope: string
  cycleKey: string
  /** What is capped, e.g. `cat:voice.local.claro` or `data`. */
  key: string
  want: number
  cap: number
  /** Consumption already recorded (the reservation never counts below it). */
  used: number
  /** Grant the whole request while anything is left (interrupt-at-limit off), else only what is left. */
  whole: boolean
}

export interface CounterStore {
  readonly kind: 'memory' | 'redis'
  /** The cached consumption of a scope in a cycle, or null when not loaded. */
  get(scope: string, cycleKey: string): Promise<Flat | null>
  /** Load a scope's consumption (from the database) unless already there. */
  prime(scope: string, cycleKey: string, values: Flat): Promise<void>
  /** Add recorded consumption (only to loaded scopes; others load from the database later). */
  add(scope: string, cycleKey: string, deltas: Flat): Promise<void>
  /** Forget a scope (its next read loads from the database). */
  drop(scope: string, cycleKey: string): Promise<void>
  /** Atomically reserve up to `want` under `cap`; answers the units granted (0 = refused). */
  reserve(r: ReserveRequest): Promise<number>
  close(): Promise<void>
}

const grantOf = (r: ReserveRequest, reserved: number): number => {
  const current = Math.max(reserved, r.used)
  const left = r.cap - current
  if (left <= 0) return 0
  return r.whole ? r.want : Math.min(r.want, left)
}

/* ------------------------------------------------------------------ in process */

export class MemoryCounterStore implements CounterStore {
  readonly kind = 'memory' as const
  private values = new Map<string, Flat>()
  private reservations = new Map<string, number>()

  async get(scope: string, cycleKey: string) {
    const v = this.values.get(`${scope}|${cycleKey}`)
    return v ? { ...v } : null
  }
  async prime(scope: string, cycleKey: string, values: Flat) {
    const k = `${scope}|${cycleKey}`
    if (!this.values.has(k)) this.values.set(k, { ...values })
  }
  async add(scope: string, cycleKey: string, deltas: Flat) {
    const v = this.values.get(`${scope}|${cycleKey}`)
    if (!v) return
    for (const [k, n] of Object.entries(deltas)) v[k] = (v[k] ?? 0) + n
  }
  async drop(scope: string, cycleKey: string) {
    this.values.delete(`${scope}|${cycleKey}`)
  }
  async reserve(r: ReserveRequest) {
    const k = `${r.scope}|${r.cycleKey}|${r.key}`
    const reserved = this.reservations.get(k) ?? 0
    const g = grantOf(r, reserved)
    if (g > 0) this.reservations.set(k, Math.max(reserved, r.used) + g)
    return g
  }
  async close() {}
}

/* ------------------------------------------------------------------ Redis */

/** KEYS[1] = reservation key; ARGV = want, cap, used, whole(0/1), ttl seconds. */
const RESERVE_LUA = `
local reserved = tonumber(redis.call('GET', KEYS[1]) or '0')
local want = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local used = tonumber(ARGV[3])
local current = reserved
if used > current then current = used end
local left = cap - current
if left <= 0 then return 0 end
local g = want
if ARGV[4] == '0' and left < want then g = left end
redis.call('SET', KEYS[1], tostring(current + g), 'EX', tonumber(ARGV[5]))
return g
`

/** KEYS[1] = hash; only adds when the hash exists (is loaded). ARGV = field, delta, field, delta… */
const ADD_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for i = 1, #ARGV, 2 do redis.call('HINCRBYFLOAT', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1
`

const TTL = 60 * 60 * 24 * 40

type RedisLike = {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>
  hgetall(key: string): Promise<Record<string, string>>
  del(...keys: string[]): Promise<number>
  multi(): { hsetnx(k: string, f: string, v: string): unknown; hset(k: string, f: string, v: string): unknown; expire(k: string, s: number): unknown; exists(k: string): unknown; exec(): Promise<unknown> }
  quit(): Promise<unknown>
}

export class RedisCounterStore implements CounterStore {
  readonly kind = 'redis' as const
  constructor(
    private readonly redis: RedisLike,
    private readonly prefix = 'gol:engine:',
  ) {}

  static async connect(url: string, prefix?: string): Promise<RedisCounterStore> {
    const { Redis } = await import('ioredis')
    const client = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false })
    return new RedisCounterStore(client as unknown as RedisLike, prefix)
  }

  private hash(scope: string, cycleKey: string) {
    return `${this.prefix}c:${scope}:${cycleKey}`
  }

  async get(scope: string, cycleKey: string) {
    const h = await this.redis.hgetall(this.hash(scope, cycleKey))
    if (!h || !('_loaded' in h)) return null
    const out: Flat = {}
    for (const [k, v] of Object.entries(h)) if (k !== '_loaded') out[k] = Number(v)
    return out
  }
  async prime(scope: string, cycleKey: string, values: Flat) {
    const key = this.hash(scope, cycleKey)
    // Written only when absent: a concurrent loader or adder already holds the truth.
    const script = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], '_loaded', '1')
for i = 1, #ARGV - 1, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[1], ARGV[#ARGV])
return 1`
    const args: (string | number)[] = []
    for (const [k, v] of Object.entries(values)) args.push(k, String(v))
    args.push(TTL)
    await this.redis.eval(script, 1, key, ...args)
  }
  async add(scope: string, cycleKey: string, deltas: Flat) {
    const args: string[] = []
    for (const [k, v] of Object.entries(deltas)) args.push(k, String(v))
    if (args.length) await this.redis.eval(ADD_LUA, 1, this.hash(scope, cycleKey), ...args)
  }
  async drop(scope: string, cycleKey: string) {
    await this.redis.del(this.hash(scope, cycleKey))
  }
  async reserve(r: ReserveRequest) {
    const key = `${this.prefix}r:${r.scope}:${r.cycleKey}:${r.key}`
    const g = await this.redis.eval(RESERVE_LUA, 1, key, r.want, r.cap, r.used, r.whole ? 1 : 0, TTL)
    return Number(g)
  }
  async close() {
    await this.redis.quit().catch(() => undefined)
  }
}

/** The store named by the environment: Redis when REDIS_URL is set, else in process. */
export async function counterStoreFromEnv(): Promise<CounterStore> {
  const url = process.env.REDIS_URL
  if (!url) return new MemoryCounterStore()
  const prefix = process.env.REDIS_PREFIX ?? `gol:engine:`
  return RedisCounterStore.connect(url, prefix)
}

export const randomPrefix = () => `gol:test:${randomBytes(6).toString('hex')}:`
