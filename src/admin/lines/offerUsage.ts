/**
 * What the line page shows as consumed per contracted offer (C5) and of the shared
 * quota (C6), from the line's usage in the current cycle. Usage fills the line's
 * offers of a unit in order (a later offer only after the earlier ones are used up, as
 * the engine rates it); what is left over stays on the last offer (excess).
 */
export interface OfferRow {
  id: string | number
  kind: 'individual' | 'shared'
  offer: string
  package: string
  unit: 'minutes' | 'sms' | 'mb'
  amount: number
  categories?: string[] | null
}

export interface UsageRow {
  service: string
  category: string
  units: number
}

export interface OfferConsumption extends OfferRow {
  used: number
  percent: number | null
}

const unitOf = (u: UsageRow): OfferRow['unit'] | null =>
  u.service === 'voice' || u.service === 'collect' ? 'minutes' : u.service === 'sms' ? 'sms' : u.service === 'data' ? 'mb' : null

/** The quantity of a usage event in an offer's unit (minutes, messages, MB). */
export const inUnit = (u: UsageRow): number =>
  u.service === 'voice' || u.service === 'collect' ? u.units / 60 : u.service === 'data' ? u.units / 1_048_576 : u.units

export const percentOf = (used: number, cap: number): number | null => (cap > 0 ? Math.round((used / cap) * 10_000) / 100 : null)

export function consumptionByOffer(offers: OfferRow[], usage: UsageRow[]): OfferConsumption[] {
  const used = new Map<OfferRow['id'], number>(offers.map((o) => [o.id, 0]))
  for (const u of usage) {
    const unit = unitOf(u)
    const eligible = offers.filter((o) => o.kind === 'individual' && o.unit === unit && (!o.categories?.length || o.categories.includes(u.category)))
    if (!eligible.length) continue
    let left = inUnit(u)
    for (const [i, o] of eligible.entries()) {
      const room = i === eligible.length - 1 ? Infinity : Math.max(0, o.amount - (used.get(o.id) ?? 0))
      const take = Math.min(room, left)
      used.set(o.id, (used.get(o.id) ?? 0) + take)
      left -= take
      if (left <= 0) break
    }
  }
  return offers.map((o) => ({ ...o, used: used.get(o.id) ?? 0, percent: percentOf(used.get(o.id) ?? 0, o.amount) }))
}

/** Data (MB) the line used in the cycle: what counts against its shared-pool quota. */
export const dataMB = (usage: UsageRow[]): number => usage.filter((u) => u.service === 'data').reduce((s, u) => s + inUnit(u), 0)
