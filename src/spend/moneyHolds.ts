/**
 * Money caps with `control: block` (issue 15) enforced through the engine's holds: before a
 * grant, the money it would cost beyond the franchises (src/engine/core/price.ts) is held on
 * every cap the line draws on (its own, its department's, its company's), each cap a resource
 * of the counter store (scope `spend:<kind>:<id>`, field `money`), so used + held never pass
 * the cap, atomically across processes on Redis. When the money left is short, the grant is
 * what it buys (voice with interrupt-at-limit off: the whole call while any money is left, as
 * with unit limits). The money holds are named `<hold id>~<cap id>`, listed in the main hold's
 * meta (`money`), and end with it: usage naming the hold (the money moves from held to used
 * in the same atomic settle), update, release or expiry.
 */
import type { AuthorizeEvent, CompiledTariff, Counters, UsageCategory } from '../engine/core'
import { rate } from '../engine/core'
import { chargeableUnits, excessUnits, priceUnits, tariffAt, unitsAffordable } from '../engine/core/price'
import type { CounterStore, HoldAllAnswer, HoldGrant, HoldMeta, HoldRequest, HoldResource, ScopeSnapshot } from '../engine/adapters/counters'
import type { LineSnapshot } from '../engine/adapters/snapshots'
import type { ReadMark } from '../engine/adapters/usage'
import { capBookOf, capScope, type MoneyCap } from './capBook'
import { MONEY_KEY, readMoneyUsed } from './moneyUsed'
import { tariffBookOf } from './tariffBook'
import type { Payload } from 'payload'

type StoreCall = <T>(p: Promise<T>) => Promise<T>

export interface MoneyContext {
  payload: Payload
  counters: CounterStore
  now(): number
}

export interface MoneyGrant {
  /** Units the money left allows (≤ the ask); 0 = refused (SPEND_CAP_REACHED). */
  units: number
  /** Units of the ask no franchise covers. */
  free: number
  /** The money holds taken (ids), empty when the grant costs nothing. */
  ids: string[]
  caps: { cap: MoneyCap; resource: HoldResource }[]
  /** The store holds the money is in (moneyParts). */
  parts: { id: string; line: HoldResource; pool?: HoldResource }[]
  tariff: CompiledTariff | null
  category: UsageCategory
  /** Centavos held on each cap. */
  cents: number
}

export const moneyHoldId = (holdId: string, cap: MoneyCap) => `${holdId}~${cap.id}`

/** The money hold ids a hold's meta names. */
export const moneyHoldsOf = (hold: { meta: HoldMeta } | null | undefined): string[] => hold?.meta.money ?? []

export const withMoney = (meta: HoldMeta, ids: string[]): HoldMeta => (ids.length ? { ...meta, money: ids } : meta)

/** A cap's resource in the counter store (`used`: what the database says, when the store has no snapshot). */
const capResourceOf = (cap: MoneyCap, cycleKey: string, used: number): HoldResource => ({ scope: capScope(cap), cycleKey, key: MONEY_KEY, fields: [MONEY_KEY], used, cap: cap.cents })

/** The same for holdAll: what is used only from the store's snapshot (loadCap when it is missing). Reused through storedLayout: it never changes. */
const storedCapResource = (cap: MoneyCap, cycleKey: string): HoldResource => ({ ...capResourceOf(cap, cycleKey, 0), stored: true })

/** Stores the database's money used of a cap in a cycle (with the snapshot it was read at, so holds it already counts end). */
async function loadCap(ctx: MoneyContext, cap: MoneyCap, cycleKey: string, store: StoreCall): Promise<number> {
  const mark: ReadMark = {}
  const used = await readMoneyUsed(ctx.payload, cap, cycleKey, mark)
  await store(ctx.counters.load({ scope: capScope(cap), cycleKey, values: { [MONEY_KEY]: used }, seen: mark.seen }))
  return used
}

/** A cap's resource in the counter store, its snapshot loaded from the database when absent. */
async function capResource(ctx: MoneyContext, cap: MoneyCap, cycleKey: string, store: StoreCall): Promise<HoldResource> {
  const cached = await store(ctx.counters.get(capScope(cap), cycleKey))
  const used = cached?.[MONEY_KEY] ?? (await loadCap(ctx, cap, cycleKey, store))
  return capResourceOf(cap, cycleKey, used)
}

/** The caps of a line that block, in order line → department → company. */
export async function blockingCaps(payload: Payload, ls: LineSnapshot): Promise<MoneyCap[]> {
  await capBookOf(payload).ofCompany(ls.companyId)
  return capBookOf(payload).blockingOf(ls) ?? []
}

interface Ask {
  holdId: string
  /** Units asked in total (an update: used so far + more). */
  units: number
  event: AuthorizeEvent
  category: UsageCategory
  whole: boolean
  expiresAt: number
  meta: HoldMeta
  replace: boolean
}

/** What an ask costs on the caps that block it. */
export interface MoneyPrice {
  caps: MoneyCap[]
  tariff: CompiledTariff | null
  /** Units of the ask no franchise covers. */
  free: number
  /** Centavos the ask costs beyond the franchises. */
  cents: number
}

/** The caps that block `ask` and what it costs on them; null when no blocking cap applies. */
export async function priceMoney(ctx: MoneyContext, ls: LineSnapshot, counters: Counters, ask: Pick<Ask, 'units' | 'event' | 'category'>): Promise<MoneyPrice | null> {
  const caps = capBookOf(ctx.payload).blockingOf(ls) ?? (await blockingCaps(ctx.payload, ls))
  if (!caps.length) return null
  const at = ask.event.at instanceof Date ? ask.event.at.getTime() : ask.event.at
  const book = tariffBookOf(ctx.payload)
  const tariff = tariffAt(book.cached(ls.companyId) ?? (await book.forCompanies([ls.companyId])).get(String(ls.companyId)) ?? [], at)
  let chargeable = excessUnits(ls.snapshot, counters, ask.category, ask.units)
  if (chargeable === null) {
    const rated = rate(ls.snapshot, counters, { ...ask.event, units: ask.units })
    chargeable = rated.ok ? chargeableUnits(rated.deltas) : ask.units
  }
  return { caps, tariff, free: ask.units - chargeable, cents: tariff ? priceUnits(tariff, ask.category, chargeable) : 0 }
}

/**
 * Holds the money `ask` costs on every blocking cap of the line, or what is left of it.
 * null when no blocking cap applies (nothing to do). Throws StoreUnavailableError.
 * `price`: priceMoney's answer for this ask, when the caller has it already.
 */
export async function holdMoney(ctx: MoneyContext, ls: LineSnapshot, counters: Counters, ask: Ask, store: StoreCall, price?: MoneyPrice | null): Promise<MoneyGrant | null> {
  const priced = price === undefined ? await priceMoney(ctx, ls, counters, ask) : price
  if (!priced) return null
  const { caps, tariff, free, cents: want } = priced
  if (want === 0 && !ask.replace) return { units: ask.units, free, ids: [], caps: [], parts: [], tariff, category: ask.category, cents: 0 }
  const resources = await Promise.all(caps.map(async (cap) => ({ cap, resource: await capResource(ctx, cap, ask.meta.cycleKey, store) })))
  const grant: MoneyGrant = { units: ask.units, free, ids: [], caps: resources, parts: [], tariff, category: ask.category, cents: 0 }
  try {
    return await takeMoney(ctx, grant, ask, want, store)
  } catch (e) {
    // In doubt (the store did not answer in time): give back whatever was taken once it answers,
    // so money nobody was granted does not stay held until the holds expire.
    // (An update keeps its holds: they cover money already used.)
    if (!ask.replace) void Promise.all(resources.map(({ cap }) => ctx.counters.release(moneyHoldId(ask.holdId, cap), ctx.now()))).catch(() => undefined)
    throw e
  }
}

/**
 * The grant and its money in one store call when everything fits (the common case): the unit
 * hold `unit` (its whole want) and `price.cents` on every cap, taken together, all or none. null
 * when something would be cut or refused: nothing is held, and the caller takes them step by
 * step (holdMoney, then the unit hold, then shrinkMoney), which grants what is left.
 * The money holds are laid out as holdMoney lays them (moneyParts), so updates and releases
 * find them whichever way they were taken. Throws StoreUnavailableError.
 */
export async function holdWithMoney(ctx: MoneyContext, price: MoneyPrice, unit: HoldRequest, ask: Pick<Ask, 'whole' | 'expiresAt'>, store: StoreCall): Promise<HoldGrant | null> {
  const { cycleKey } = unit.meta
  const money: HoldRequest[] = storedLayout(price.caps, cycleKey, ask.whole).map((p) => ({
    id: unit.id + p.suffix,
    now: unit.now,
    expiresAt: ask.expiresAt,
    replace: false,
    base: 0,
    want: price.cents,
    whole: ask.whole,
    line: p.line,
    pool: p.pool,
    free: p.pool ? 0 : undefined,
    meta: unit.meta,
  }))
  const requests = [{ ...unit, meta: withMoney(unit.meta, money.map((m) => m.id)) }, ...money]
  // A cap whose snapshot the store lacks is loaded once, then asked again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const taking = ctx.counters.holdAll(requests)
    let answer: HoldAllAnswer
    try {
      answer = await store(taking)
    } catch (e) {
      // In doubt: give everything back once the store answers (nobody received this grant).
      void taking.then(() => Promise.all(requests.map((r) => ctx.counters.release(r.id, ctx.now())))).catch(() => undefined)
      throw e
    }
    if (answer.held) return answer.grants[0]
    if (!answer.missing.length) return null
    const missing = new Set(answer.missing.map((m) => m.scope))
    await Promise.all(price.caps.filter((cap) => missing.has(capScope(cap))).map((cap) => loadCap(ctx, cap, cycleKey, store)))
  }
  return null
}

type StoredPart = { suffix: string; line: HoldResource; pool?: HoldResource }
/** moneyParts of a line's blocking caps (the cap book's array, the same object while its caps stand) on stored resources, per cycle and whole-call rule. */
const storedLayouts = new WeakMap<MoneyCap[], { cycleKey: string; whole: boolean; parts: StoredPart[] }>()

function storedLayout(caps: MoneyCap[], cycleKey: string, whole: boolean): StoredPart[] {
  const hit = storedLayouts.get(caps)
  if (hit && hit.cycleKey === cycleKey && hit.whole === whole) return hit.parts
  const parts = moneyParts(caps.map((cap) => ({ cap, resource: storedCapResource(cap, cycleKey) })), { holdId: '', whole }).map((p) => ({ suffix: p.id, line: p.line, pool: p.pool }))
  storedLayouts.set(caps, { cycleKey, whole, parts })
  return parts
}

/**
 * The store holds of a grant's money: two caps per hold (the second in the request's `pool` slot
 * with `free: 0`, where the store's grant is exactly "at most what is left on both"), so three
 * caps cost two store calls. A whole call (interrupt-at-limit off) holds one cap per call: the
 * whole-call rule applies to the `line` slot only.
 */
function moneyParts(caps: MoneyGrant['caps'], ask: Pick<Ask, 'holdId' | 'whole'>): { id: string; line: HoldResource; pool?: HoldResource }[] {
  const step = ask.whole ? 1 : 2
  const out: { id: string; line: HoldResource; pool?: HoldResource }[] = []
  for (let i = 0; i < caps.length; i += step) {
    const second = step === 2 ? caps[i + 1] : undefined
    out.push({ id: moneyHoldId(ask.holdId, caps[i].cap), line: caps[i].resource, pool: second?.resource })
  }
  return out
}

async function takeMoney(ctx: MoneyContext, grant: MoneyGrant, ask: Ask, want: number, store: StoreCall): Promise<MoneyGrant> {
  const { tariff, free } = grant
  let cents = want
  const taken: number[] = []
  grant.parts = moneyParts(grant.caps, ask)
  for (const part of grant.parts) {
    const request = { id: part.id, now: ctx.now(), expiresAt: ask.expiresAt, replace: ask.replace, base: 0, want: cents, whole: ask.whole, line: part.line, pool: part.pool, free: part.pool ? 0 : undefined, meta: ask.meta }
    // An update gives its money back and takes the new amount in one step (what it already used stays covered).
    let g = await store(ctx.counters.hold(request))
    if (!g.found) g = await store(ctx.counters.hold({ ...request, replace: false }))
    taken.push(g.granted)
    cents = Math.min(cents, g.granted)
  }
  if (cents < want) {
    // Whole calls get all or, with no money left, what the franchises still cover.
    grant.units = ask.whole ? free : Math.min(ask.units, free + unitsAffordable(tariff, ask.category, cents))
    cents = grant.units > free && tariff ? priceUnits(tariff, ask.category, grant.units - free) : 0
  }
  grant.cents = cents
  await fit(ctx, grant, ask, taken, store)
  return grant
}

/** Brings every money hold of `grant` to `grant.cents` (released at 0); `taken` what each holds now. */
async function fit(ctx: MoneyContext, grant: MoneyGrant, ask: Pick<Ask, 'holdId' | 'expiresAt' | 'meta'>, taken: number[], store: StoreCall) {
  grant.ids = []
  await Promise.all(
    grant.parts.map(async ({ id, line, pool }, i) => {
      if (grant.cents <= 0) {
        if (taken[i] > 0) await store(ctx.counters.release(id, ctx.now()))
        return
      }
      grant.ids.push(id)
      if (taken[i] === grant.cents) return
      // It holds more than it keeps: giving back and taking less in one step always succeeds.
      await store(ctx.counters.hold({ id, now: ctx.now(), expiresAt: ask.expiresAt, replace: true, base: 0, want: grant.cents, whole: false, line, pool, free: pool ? 0 : undefined, meta: ask.meta }))
    }),
  )
}

/** The unit hold granted fewer units than the money was held for: keep only what they cost. */
export async function shrinkMoney(ctx: MoneyContext, grant: MoneyGrant, units: number, ask: Pick<Ask, 'holdId' | 'expiresAt' | 'meta'>, store: StoreCall): Promise<void> {
  if (!grant.ids.length) return
  const cents = units > grant.free && grant.tariff ? priceUnits(grant.tariff, grant.category, units - grant.free) : 0
  if (cents >= grant.cents) return
  const taken = grant.parts.map(() => grant.cents)
  grant.cents = cents
  await fit(ctx, grant, ask, taken, store)
}

/** Ends money holds (the unit hold they went with ended). */
export async function releaseMoney(ctx: MoneyContext, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => ctx.counters.release(id, ctx.now())))
}

/**
 * After a usage batch committed: the new database snapshots of the caps the touched lines draw
 * on (settled together with the end of the money holds the usage named).
 */
export async function capSnapshots(payload: Payload, lines: { ls: LineSnapshot; cycleKey: string }[]): Promise<ScopeSnapshot[]> {
  const seen = new Map<string, { cap: MoneyCap; cycleKey: string }>()
  for (const { ls, cycleKey } of lines) {
    for (const cap of await capBookOf(payload).ofLine(ls)) seen.set(`${capScope(cap)}|${cycleKey}`, { cap, cycleKey })
  }
  const out: ScopeSnapshot[] = []
  for (const { cap, cycleKey } of seen.values()) {
    const mark: ReadMark = {}
    const values = { [MONEY_KEY]: await readMoneyUsed(payload, cap, cycleKey, mark) }
    out.push({ scope: capScope(cap), cycleKey, values, seen: mark.seen })
  }
  return out
}

const CAP_SCOPE_RE = /^spend:(line|department|company):(.+)$/

/** Is this counter-store scope a cap's (`spend:<kind>:<id>`)? */
export const isCapScope = (scope: string) => CAP_SCOPE_RE.test(scope)

/** A cap scope's values in the database (reconciliation). */
export async function capScopeValues(payload: Payload, scope: string, cycleKey: string): Promise<Record<string, number>> {
  const m = CAP_SCOPE_RE.exec(scope)
  if (!m) return {}
  return { [MONEY_KEY]: await readMoneyUsed(payload, { kind: m[1] as MoneyCap['kind'], target: m[2] }, cycleKey) }
}

export interface CapBalance {
  id: string
  name: string
  scope: MoneyCap['kind']
  control: MoneyCap['control']
  /** Centavos. */
  amount: number
  used: number
  /** null when the counter store is unavailable. */
  held: number | null
  left: number
  percent: number | null
}

/** Money used, held and left on every cap the line draws on (GET /api/engine/balance). */
export async function capBalances(ctx: MoneyContext, ls: LineSnapshot, cycleKey: string): Promise<CapBalance[]> {
  const caps = await capBookOf(ctx.payload).ofLine(ls)
  return Promise.all(
    caps.map(async (cap) => {
      const scope = capScope(cap)
      const [stored, held] = await Promise.all([
        ctx.counters.get(scope, cycleKey).catch(() => null),
        ctx.counters.held(scope, cycleKey, ctx.now()).then((h) => h[MONEY_KEY] ?? 0).catch(() => null),
      ])
      const used = stored?.[MONEY_KEY] ?? (await readMoneyUsed(ctx.payload, cap, cycleKey))
      const left = Math.max(0, cap.cents - used - (held ?? 0))
      return { id: cap.id, name: cap.name, scope: cap.kind, control: cap.control, amount: cap.cents, used, held, left, percent: cap.cents > 0 ? Math.round((used / cap.cents) * 1000) / 10 : null }
    }),
  )
}
