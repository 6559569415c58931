/**
 * The counter store in Redis, shared by every app instance: one Lua script per operation,
 * so holds are granted atomically against every other instance's. Keys (prefix P):
 *   P c:<scope>:<cycle>        hash: a consumption snapshot, `_v` = its version (sum)
 *   P ha:<scope>:<cycle>:<key> hash: hold id → units held on the resource, `_sum`
 *   P hz:<scope>:<cycle>:<key> sorted set: hold id by expiry (ms), purged on every use
 *   P hk:<scope>:<cycle>       set: the resource keys with holds
 *   P h:<id>                   hash: the hold (meta JSON, parts, expiry)
 *   P pd:<scope>:<cycle>       hash: hold id → database transaction committing usage that names it
 * Expiry is the caller's clock (ARGV), not Redis' own, so every instance (and a test's
 * clock) agrees on it; keys also carry a Redis TTL so nothing outlives its use.
 * Scripts take their arguments as one JSON document and touch keys they build from it:
 * this suits one Redis (or a primary with replicas), not Redis Cluster.
 */
import { createHash } from 'node:crypto'
import type { CounterStore, Flat, HoldAllAnswer, HoldGrant, HoldMeta, HoldRecord, HoldRequest, HoldResource, ScopeSnapshot } from './counters'

const TTL_MS = 40 * 24 * 3600 * 1000
const shas = new Map<string, string>()
const shaOf = (script: string) => {
  let sha = shas.get(script)
  if (!sha) shas.set(script, (sha = createHash('sha1').update(script).digest('hex')))
  return sha
}

const LIB = `
local P = ARGV[1]
local A = cjson.decode(ARGV[2])
local function purge(base, now)
  local z = P .. 'hz:' .. base
  local a = P .. 'ha:' .. base
  local gone = redis.call('ZRANGEBYSCORE', z, '-inf', now)
  for _, id in ipairs(gone) do
    local amt = redis.call('HGET', a, id)
    if amt then
      redis.call('HINCRBY', a, '_sum', -tonumber(amt))
      redis.call('HDEL', a, id)
    end
  end
  if #gone > 0 then redis.call('ZREMRANGEBYSCORE', z, '-inf', now) end
  return tonumber(redis.call('HGET', a, '_sum') or '0')
end
local function unhold(base, id)
  if not base or base == '' then return end
  local a = P .. 'ha:' .. base
  local amt = redis.call('HGET', a, id)
  if amt then
    redis.call('HINCRBY', a, '_sum', -tonumber(amt))
    redis.call('HDEL', a, id)
  end
  redis.call('ZREM', P .. 'hz:' .. base, id)
end
local function endhold(id)
  local rec = P .. 'h:' .. id
  local f = redis.call('HMGET', rec, 'lb', 'pb', 'ls', 'ps')
  if not f[1] then return false end
  unhold(f[1], id)
  unhold(f[2], id)
  if f[3] and f[3] ~= '' then redis.call('HDEL', P .. 'pd:' .. f[3], id) end
  if f[4] and f[4] ~= '' then redis.call('HDEL', P .. 'pd:' .. f[4], id) end
  redis.call('DEL', rec)
  return true
end
-- Is transaction x visible in PostgreSQL snapshot 'xmin:xmax:xip,...'? (ids stay far below 2^53)
local function visible(x, snap)
  if not snap or snap == '' then return false end
  local xmin, xmax, xip = string.match(snap, '^(%d+):(%d+):(.*)$')
  if not xmin then return false end
  x = tonumber(x)
  if x < tonumber(xmin) then return true end
  if x >= tonumber(xmax) then return false end
  for v in string.gmatch(xip, '%d+') do
    if tonumber(v) == x then return false end
  end
  return true
end
-- A snapshot of scope sc read at snap counts the usage of the holds committed before it: their parts on sc end.
local function endcounted(sc, snap)
  if not snap or snap == '' then return end
  local pd = P .. 'pd:' .. sc
  local all = redis.call('HGETALL', pd)
  for i = 1, #all, 2 do
    local id = all[i]
    if visible(all[i + 1], snap) then
      local f = redis.call('HMGET', P .. 'h:' .. id, 'lb', 'pb', 'ls', 'ps')
      if f[3] == sc then unhold(f[1], id) end
      if f[4] == sc then unhold(f[2], id) end
      redis.call('HDEL', pd, id)
    end
  end
end
local function addhold(sc, key, id, amount, exp, ttl)
  local base = sc .. ':' .. key
  local a = P .. 'ha:' .. base
  local z = P .. 'hz:' .. base
  redis.call('SADD', P .. 'hk:' .. sc, key)
  redis.call('PEXPIRE', P .. 'hk:' .. sc, ttl)
  redis.call('HSET', a, id, amount)
  redis.call('HINCRBY', a, '_sum', amount)
  redis.call('ZADD', z, exp, id)
  redis.call('PEXPIRE', a, ttl)
  redis.call('PEXPIRE', z, ttl)
end
local function used(r)
  local h = P .. 'c:' .. r.scope .. ':' .. r.cycleKey
  if redis.call('HEXISTS', h, '_v') == 0 or #r.fields == 0 then
    if #r.fields == 0 then return 0 end
    return r.used
  end
  local vals = redis.call('HMGET', h, unpack(r.fields))
  local s = 0
  for _, v in ipairs(vals) do s = s + (tonumber(v) or 0) end
  return s
end
local function store(s, ttl)
  endcounted(s.scope .. ':' .. s.cycleKey, s.seen)
  local h = P .. 'c:' .. s.scope .. ':' .. s.cycleKey
  local cur = tonumber(redis.call('HGET', h, '_v') or '-1')
  if cur >= s.v then return end
  redis.call('DEL', h)
  local args = {'_v', s.v}
  for i = 1, #s.vals, 2 do
    args[#args + 1] = s.vals[i]
    args[#args + 1] = s.vals[i + 1]
  end
  redis.call('HSET', h, unpack(args))
  redis.call('PEXPIRE', h, ttl)
end
`

// hold(): grant and hold one request (the memory store's grantOf, in Lua). `meta` is the hold's meta as JSON.
const TAKE = `
local function take(r, meta, ttl)
  local now = r.now
  local lbase = r.line.scope .. ':' .. r.line.cycleKey .. ':' .. r.line.key
  local pbase = ''
  if r.pool then pbase = r.pool.scope .. ':' .. r.pool.cycleKey .. ':' .. r.pool.key end
  local rec = P .. 'h:' .. r.id
  if r.replace then
    local exp = tonumber(redis.call('HGET', rec, 'exp') or '0')
    if exp <= now then
      if exp > 0 then endhold(r.id) end
      return {0, 0, 0, '0'}
    end
    endhold(r.id)
  end
  local lineUsed = used(r.line) + purge(lbase, now)
  local poolUsed = 0
  if r.pool then poolUsed = used(r.pool) + purge(pbase, now) end
  local g = r.want
  if g < 0 then g = 0 end
  local by = 0
  if r.line.cap ~= cjson.null and r.line.cap ~= nil then
    local left = r.line.cap - lineUsed - r.base
    if left <= 0 then g = 0; by = 1
    elseif (not r.whole) and left < g then g = left; by = 1 end
  end
  local poolPart = 0
  if r.pool and r.pool.cap ~= cjson.null and r.pool.cap ~= nil then
    local free = r.free or 0
    local function spill(x) return math.max(0, lineUsed + x - free) - math.max(0, lineUsed - free) end
    local room = math.max(0, r.pool.cap - poolUsed - spill(r.base))
    local most = math.max(0, free - lineUsed - r.base) + room
    if g > most then g = most; by = 2 end
    poolPart = spill(r.base + g)
  end
  local amount = r.base + g
  local exp = r.expiresAt + g * (r.unitMs or 0)
  if amount > 0 then
    addhold(r.line.scope .. ':' .. r.line.cycleKey, r.line.key, r.id, amount, exp, ttl)
    local pb = ''
    local ps = ''
    if r.pool and poolPart > 0 then
      addhold(r.pool.scope .. ':' .. r.pool.cycleKey, r.pool.key, r.id, poolPart, exp, ttl)
      pb = pbase
      ps = r.pool.scope .. ':' .. r.pool.cycleKey
    end
    redis.call('HSET', rec, 'meta', meta, 'lb', lbase, 'pb', pb, 'ls', r.line.scope .. ':' .. r.line.cycleKey, 'ps', ps, 'amount', amount, 'exp', exp)
    redis.call('PEXPIRE', rec, math.max(1, exp - now) + 60000)
  end
  return {g, by, 1, tostring(exp)}
end
`

const HOLD = `${LIB}${TAKE}
return take(A, ARGV[4], ARGV[3])
`

// holdAll(): A = {r = resources, h = holds} as encodeHoldAll writes them, the metas in ARGV[4…].
// Answers {1, {granted, by, exp, …}} when every hold got its whole want, else nothing is kept
// and {0, {scope, cycle, …}} (the stored scopes missing; none: some hold would be cut).
const HOLD_ALL = `${LIB}${TAKE}
local R = {}
local missing = {}
for i, x in ipairs(A.r) do
  R[i] = {scope = x[1], cycleKey = x[2], key = x[3], fields = x[4], used = x[5], cap = x[6]}
  if x[7] == 1 and redis.call('HEXISTS', P .. 'c:' .. x[1] .. ':' .. x[2], '_v') == 0 then
    missing[#missing + 1] = x[1]
    missing[#missing + 1] = x[2]
  end
end
if #missing > 0 then return {0, missing} end
local out = {}
for i, h in ipairs(A.h) do
  local r = {id = h[1], now = h[2], expiresAt = h[3], unitMs = h[4], want = h[5], whole = h[6] == 1, line = R[h[7]], free = h[9], base = h[11], replace = false}
  if h[8] > 0 then r.pool = R[h[8]] end
  local g = take(r, ARGV[4 + h[10]], ARGV[3])
  if g[1] < math.max(0, r.want) then
    for j = 1, i do endhold(A.h[j][1]) end
    return {0, {}}
  end
  out[#out + 1] = g[1]
  out[#out + 1] = g[2]
  out[#out + 1] = g[4]
end
return {1, out}
`

/** A resource as HOLD_ALL reads it (an array: the socket write grows with every byte sent). */
const encodeResource = (r: HoldResource) => JSON.stringify([r.scope, r.cycleKey, r.key, r.fields, r.used, r.cap, r.stored ? 1 : 0])
/** Encoded once per `stored` resource (callers reuse those objects: a cap's, every call). */
const encodedStored = new WeakMap<HoldResource, string>()

/** holdAll's arguments: each resource and each meta once (a grant and its money share them), holds as arrays. */
function encodeHoldAll(requests: HoldRequest[]): { json: string; metas: string[] } {
  const resources: HoldResource[] = []
  const metas: HoldMeta[] = []
  const indexOf = <T>(list: T[], x: T) => {
    const i = list.indexOf(x)
    return i >= 0 ? i : list.push(x) - 1
  }
  const holds = requests.map((r) => [r.id, r.now, r.expiresAt, r.unitMs ?? 0, r.want, r.whole ? 1 : 0, indexOf(resources, r.line) + 1, r.pool ? indexOf(resources, r.pool) + 1 : 0, r.free ?? 0, indexOf(metas, r.meta), r.base])
  const encoded = resources.map((r) => {
    if (!r.stored) return encodeResource(r)
    let e = encodedStored.get(r)
    if (e === undefined) encodedStored.set(r, (e = encodeResource(r)))
    return e
  })
  return { json: `{"r":[${encoded.join(',')}],"h":${JSON.stringify(holds)}}`, metas: metas.map((m) => JSON.stringify(m)) }
}

const SETTLE = `${LIB}
for _, s in ipairs(A.snapshots) do store(s, ARGV[3]) end
for _, id in ipairs(A.holds) do endhold(id) end
return 1
`

const COMMITTING = `${LIB}
for _, id in ipairs(A.ids) do
  local f = redis.call('HMGET', P .. 'h:' .. id, 'ls', 'ps')
  for _, sc in ipairs({f[1] or '', f[2] or ''}) do
    if sc ~= '' then
      local pd = P .. 'pd:' .. sc
      if A.xid then
        redis.call('HSET', pd, id, A.xid)
        redis.call('PEXPIRE', pd, ARGV[3])
      else
        redis.call('HDEL', pd, id)
      end
    end
  end
end
return 1
`

const HOLDS = `${LIB}
local out = {}
for _, id in ipairs(A.ids) do
  local f = redis.call('HMGET', P .. 'h:' .. id, 'meta', 'amount', 'exp')
  if f[1] and tonumber(f[3]) > A.now then
    out[#out + 1] = id
    out[#out + 1] = f[1]
    out[#out + 1] = f[2]
    out[#out + 1] = f[3]
  end
end
return out
`

const RELEASE = `${LIB}
local f = redis.call('HMGET', P .. 'h:' .. A.id, 'meta', 'amount', 'exp')
if not f[1] then return false end
endhold(A.id)
if tonumber(f[3]) <= A.now then return false end
return {f[1], f[2], f[3]}
`

const HELD = `${LIB}
local out = {}
local sc = A.scope .. ':' .. A.cycleKey
for _, key in ipairs(redis.call('SMEMBERS', P .. 'hk:' .. sc)) do
  local sum = purge(sc .. ':' .. key, A.now)
  if sum ~= 0 then
    out[#out + 1] = key
    out[#out + 1] = sum
  end
end
return out
`

type RedisLike = {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>
  hgetall(key: string): Promise<Record<string, string>>
  del(...keys: string[]): Promise<number>
  scan(cursor: string, ...args: (string | number)[]): Promise<[string, string[]]>
  quit(): Promise<unknown>
  disconnect(): void
  once(event: string, f: (...a: unknown[]) => void): unknown
  status?: string
}

const record = (id: string, meta: string, amount: unknown, exp: unknown): HoldRecord => ({ id, meta: JSON.parse(meta), amount: Number(amount), expiresAt: Number(exp) })

export class RedisCounterStore implements CounterStore {
  readonly kind = 'redis' as const
  constructor(
    private readonly redis: RedisLike,
    private readonly prefix = 'gol:engine:',
  ) {}

  /**
   * Every command bounded (`commandTimeout`), retried at most once across a reconnection, and
   * refused at once while disconnected (no offline queue): a stalled or absent Redis costs a
   * request at most the timeout, and the engine answers COUNTER_STORE_UNAVAILABLE.
   */
  static async connect(url: string, prefix?: string, commandTimeout = 150): Promise<RedisCounterStore> {
    const { Redis } = await import('ioredis')
    const client = new Redis(url, {
      commandTimeout,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 1000,
      retryStrategy: (times) => Math.min(50 * times, 1000),
    })
    client.on('error', () => undefined) // reported per command; reconnects by itself
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000)
      client.once('ready', () => (clearTimeout(timer), resolve()))
    })
    return new RedisCounterStore(client as unknown as RedisLike, prefix)
  }

  /**
   * A script by its SHA1 (Redis keeps it compiled), sent whole only when Redis does not know it
   * yet (NOSCRIPT: first use, or after a restart): the scripts share a 4 kB library, and sending
   * it with every call cost the store more than the script itself.
   */
  private run(script: string, args: unknown, meta = ''): Promise<unknown> {
    return this.runJson(script, JSON.stringify(args), [meta])
  }
  private async runJson(script: string, json: string, extra: string[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(shaOf(script), 0, this.prefix, json, TTL_MS, ...extra)
    } catch (e) {
      if (!String((e as Error)?.message).startsWith('NOSCRIPT')) throw e
      return this.redis.eval(script, 0, this.prefix, json, TTL_MS, ...extra)
    }
  }

  async get(scope: string, cycleKey: string) {
    const h = await this.redis.hgetall(`${this.prefix}c:${scope}:${cycleKey}`)
    if (!h || !('_v' in h)) return null
    const out: Flat = {}
    for (const [k, v] of Object.entries(h)) if (k !== '_v') out[k] = Number(v)
    return out
  }
  async load(s: ScopeSnapshot) {
    await this.settle([s], [])
  }
  async settle(snapshots: ScopeSnapshot[], holdIds: string[]) {
    if (!snapshots.length && !holdIds.length) return
    const snaps = snapshots.map((s) => {
      const vals: (string | number)[] = []
      let v = 0
      for (const [k, n] of Object.entries(s.values)) {
        vals.push(k, n)
        v += n
      }
      return { scope: s.scope, cycleKey: s.cycleKey, v, vals, seen: s.seen ?? '' }
    })
    await this.run(SETTLE, { snapshots: snaps, holds: holdIds })
  }
  async committing(holdIds: string[], transactionId: string | null) {
    if (holdIds.length) await this.run(COMMITTING, { ids: holdIds, xid: transactionId ?? false })
  }
  async drop(scope: string, cycleKey: string) {
    await this.redis.del(`${this.prefix}c:${scope}:${cycleKey}`)
  }
  async hold(r: HoldRequest): Promise<HoldGrant> {
    const [g, by, found, exp] = (await this.run(HOLD, r, JSON.stringify(r.meta))) as [number, number, number, string]
    return { granted: Number(g), limitedBy: by === 1 ? 'line' : by === 2 ? 'pool' : null, found: found === 1, expiresAt: Number(exp) }
  }
  async holdAll(requests: HoldRequest[]): Promise<HoldAllAnswer> {
    if (requests.some((r) => r.replace)) throw new Error('holdAll takes new holds only')
    if (!requests.length) return { held: true, grants: [] }
    const { json, metas } = encodeHoldAll(requests)
    const [ok, flat] = (await this.runJson(HOLD_ALL, json, metas)) as [number, (string | number)[]]
    if (ok !== 1) {
      const missing: { scope: string; cycleKey: string }[] = []
      for (let i = 0; i < flat.length; i += 2) missing.push({ scope: String(flat[i]), cycleKey: String(flat[i + 1]) })
      return { held: false, missing }
    }
    const grants: HoldGrant[] = []
    for (let i = 0; i < flat.length; i += 3) grants.push({ granted: Number(flat[i]), limitedBy: flat[i + 1] === 1 ? 'line' : flat[i + 1] === 2 ? 'pool' : null, found: true, expiresAt: Number(flat[i + 2]) })
    return { held: true, grants }
  }
  async holds(ids: string[], now: number) {
    const out = new Map<string, HoldRecord>()
    if (!ids.length) return out
    const flat = (await this.run(HOLDS, { ids, now })) as string[]
    for (let i = 0; i < flat.length; i += 4) out.set(flat[i], record(flat[i], flat[i + 1], flat[i + 2], flat[i + 3]))
    return out
  }
  async release(id: string, now: number) {
    const f = (await this.run(RELEASE, { id, now })) as string[] | null
    return f ? record(id, f[0], f[1], f[2]) : null
  }
  async held(scope: string, cycleKey: string, now: number) {
    const flat = (await this.run(HELD, { scope, cycleKey, now })) as (string | number)[]
    const out: Record<string, number> = {}
    for (let i = 0; i < flat.length; i += 2) out[String(flat[i])] = Number(flat[i + 1])
    return out
  }
  async *loaded() {
    const head = `${this.prefix}c:`
    let cursor = '0'
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${head}*`, 'COUNT', 500)
      cursor = next
      if (keys.length) {
        yield keys.map((k) => {
          const rest = k.slice(head.length)
          const i = rest.lastIndexOf(':')
          return { scope: rest.slice(0, i), cycleKey: rest.slice(i + 1) }
        })
      }
    } while (cursor !== '0')
  }
  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect())
  }
}
