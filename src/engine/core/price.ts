/**
 * Pricing (issue 15): what a rated usage event costs, in integer centavos, under a company's
 * tariff in force at the event's time. Pure: no I/O, no clock.
 *
 * Only what no franchise covers is priced: the units rate() left as excess (voice seconds,
 * messages, data bytes beyond the offers; every unit of a category no offer covers, such as
 * international or special numbers). Data drawn from a shared pool is inside a franchise; data
 * beyond the offers of a line with a quota but no pool is not.
 * Toll-free destinations rate to no excess, so they cost nothing.
 *
 * Units and rounding:
 *   - voice: the excess seconds of one call are billed as a call of that length with the
 *     tariff's increments (e.g. 30 s + 6 s: 1–30 s bill 30 s, 31–36 s bill 36 s, …), at the
 *     category's price per minute;
 *   - SMS: per message;
 *   - data: per KB started (1 024 bytes), at the price per MB (1 024 KB);
 *   - prices are held in millicentavos (R$ 0,39 = 39 000) so every product is an exact
 *     integer; each event's cost rounds half up to the centavo once.
 */
import { USAGE_CATEGORIES, type UsageCategory } from '../../domain/categories'
import type { CounterDeltas } from './rate'
import type { CompiledSnapshot, Counters } from './types'

/** Millicentavos per centavo: prices keep three decimals of a centavo. */
export const MILLI = 1000
const KB = 1024
const KB_PER_MB = 1024

export interface TariffPriceData {
  category: UsageCategory
  /** R$ per minute (voice), per message (SMS) or per MB (data). */
  price: number
}

/** A tariff as stored (prices in R$). */
export interface TariffData {
  id: string
  /** When it comes into force (ms since the epoch). */
  validFrom: number
  /** R$ per minute for voice categories without their own price. */
  voicePerMinute: number
  /** R$ per message for SMS categories without their own price. */
  smsPerMessage: number
  /** R$ per MB of data. */
  dataPerMB: number
  /** Billing increments of a call: the first (minimum) and each next one, in seconds. */
  firstIncrementS: number
  nextIncrementS: number
  /** Prices of single categories (international, special numbers, …), winning over the defaults. */
  categories?: readonly TariffPriceData[]
}

export interface CompiledTariff {
  readonly kind: 'compiled-tariff'
  id: string
  validFrom: number
  firstIncrementS: number
  nextIncrementS: number
  /** Millicentavos per minute / message / MB, indexed like USAGE_CATEGORIES. */
  prices: Float64Array
}

const CATEGORY_ORDINAL = new Map<UsageCategory, number>(USAGE_CATEGORIES.map((c, i) => [c, i]))

/** R$ → millicentavos (integer). */
export const toMilli = (reais: number) => Math.round(reais * 100 * MILLI)

export function compileTariff(t: TariffData): CompiledTariff {
  const prices = new Float64Array(USAGE_CATEGORIES.length)
  USAGE_CATEGORIES.forEach((c, i) => {
    prices[i] = toMilli(c === 'data' ? t.dataPerMB : c.startsWith('sms.') ? t.smsPerMessage : t.voicePerMinute)
  })
  for (const p of t.categories ?? []) {
    const i = CATEGORY_ORDINAL.get(p.category)
    if (i !== undefined) prices[i] = toMilli(p.price)
  }
  return {
    kind: 'compiled-tariff',
    id: t.id,
    validFrom: t.validFrom,
    firstIncrementS: Math.max(1, Math.round(t.firstIncrementS)),
    nextIncrementS: Math.max(1, Math.round(t.nextIncrementS)),
    prices,
  }
}

/** Tariffs ordered by validFrom, ascending (what tariffAt searches). */
export const sortTariffs = (tariffs: readonly CompiledTariff[]) => [...tariffs].sort((a, b) => a.validFrom - b.validFrom)

/** The tariff in force at `at`: the latest whose validFrom is not after it, or null. `sorted` ascending by validFrom. */
export function tariffAt(sorted: readonly CompiledTariff[], at: number): CompiledTariff | null {
  let lo = 0
  let hi = sorted.length - 1
  let found: CompiledTariff | null = null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid].validFrom <= at) {
      found = sorted[mid]
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** Seconds billed for a call of `seconds` with increments first + next (0 s bills nothing). */
export function billedSeconds(seconds: number, first: number, next: number): number {
  if (!(seconds > 0)) return 0
  if (seconds <= first) return first
  return first + Math.ceil((seconds - first) / next) * next
}

/** num / den rounded half up, for non-negative integers. */
const roundHalfUp = (num: number, den: number) => Math.floor((2 * num + den) / (2 * den))

/** Centavos that `units` beyond every franchise of `category` cost under `tariff`. */
export function priceUnits(tariff: CompiledTariff, category: UsageCategory, units: number): number {
  if (!(units > 0)) return 0
  const price = tariff.prices[CATEGORY_ORDINAL.get(category)!]
  if (!(price > 0)) return 0
  if (category === 'data') return roundHalfUp(Math.ceil(units / KB) * price, KB_PER_MB * MILLI)
  if (category.startsWith('sms.')) return roundHalfUp(Math.ceil(units) * price, MILLI)
  return roundHalfUp(billedSeconds(Math.ceil(units), tariff.firstIncrementS, tariff.nextIncrementS) * price, 60 * MILLI)
}

/** Units of a rating that no franchise covered (seconds, messages or bytes). */
export function chargeableUnits(deltas: CounterDeltas): number {
  // Data beyond the offers is free only when a shared pool covers it (a quota without a pool covers nothing).
  if (deltas.category === 'data') return deltas.excess.dataBytes + deltas.lineDataBytes - deltas.poolBytes
  if (deltas.category.startsWith('sms.')) return deltas.excess.sms
  return deltas.excess.voiceSeconds
}

/** What a rated event costs, in centavos: its units beyond the franchises under the tariff (0 without one). */
export function priceRating(tariff: CompiledTariff | null, deltas: CounterDeltas): number {
  if (!tariff) return 0
  return priceUnits(tariff, deltas.category, chargeableUnits(deltas))
}

/**
 * The most units of `category` that `cents` buy beyond the franchises (what a money cap
 * lets authorize grant): the longest call on the increment grid, the most messages, the most
 * whole KB. Infinity when the category costs nothing.
 */
export function unitsAffordable(tariff: CompiledTariff | null, category: UsageCategory, cents: number): number {
  if (!tariff) return Infinity
  const price = tariff.prices[CATEGORY_ORDINAL.get(category)!]
  if (!(price > 0)) return Infinity
  const budget = Math.max(0, Math.floor(cents))
  if (category === 'data') {
    let kb = Math.floor((budget * KB_PER_MB * MILLI) / price)
    while (kb > 0 && roundHalfUp(kb * price, KB_PER_MB * MILLI) > budget) kb--
    while (roundHalfUp((kb + 1) * price, KB_PER_MB * MILLI) <= budget) kb++
    return kb * KB
  }
  if (category.startsWith('sms.')) {
    let n = Math.floor((budget * MILLI) / price)
    while (n > 0 && roundHalfUp(n * price, MILLI) > budget) n--
    while (roundHalfUp((n + 1) * price, MILLI) <= budget) n++
    return n
  }
  const first = tariff.firstIncrementS
  const next = tariff.nextIncrementS
  const cost = (s: number) => roundHalfUp(s * price, 60 * MILLI)
  if (cost(first) > budget) return 0
  let steps = Math.floor(((budget * 60 * MILLI) / price - first) / next)
  steps = Math.max(0, steps)
  while (steps > 0 && cost(first + steps * next) > budget) steps--
  while (cost(first + (steps + 1) * next) <= budget) steps++
  return first + steps * next
}

/**
 * The units of a `units`-long use of `category` that no franchise would cover, given the
 * counters: what rate() would leave as excess, without classifying the destination again
 * (the caller has the category). Toll-free numbers are special categories: for those the
 * caller asks rate() instead (null here).
 */
export function excessUnits(snapshot: CompiledSnapshot, counters: Counters, category: UsageCategory, units: number): number | null {
  if (category === 'voice.special' || category === 'sms.special') return null
  let remaining = Math.ceil(units)
  for (const offer of snapshot.offers) {
    if (remaining <= 0) break
    if (!offer.categories.has(category)) continue
    remaining -= Math.min(Math.max(0, offer.capacity - (counters.offers[offer.id] ?? 0)), remaining)
  }
  if (category === 'data' && snapshot.pool !== null) return 0
  return Math.max(0, remaining)
}
