/**
 * What the line page shows per contracted offer (C5): the franchise and its use as the
 * engine's balance has them (`engine.balance`, the same as GET /api/engine/balance), so
 * Claro Pós transfers count and the page never re-rates usage of its own.
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

/** One franchise of the engine's balance, in base units (seconds, messages, bytes). */
export interface BalanceFranchise {
  id: string | number
  unit: OfferRow['unit']
  capacity: number
  used: number
}

export interface OfferConsumption extends OfferRow {
  /** The franchise after transfers, in the offer's unit (minutes, SMS, MB). */
  franchise: number
  used: number
  percent: number | null
}

const PER_UNIT: Record<OfferRow['unit'], number> = { minutes: 60, sms: 1, mb: 1_048_576 }

export const percentOf = (used: number, cap: number): number | null => (cap > 0 ? Math.round((used / cap) * 10_000) / 100 : null)

/** The line's offers with the balance's franchise and use (an offer the engine does not know yet: its contracted amount, nothing used). */
export function offersFromBalance(offers: OfferRow[], franchises: BalanceFranchise[]): OfferConsumption[] {
  const byId = new Map(franchises.map((f) => [String(f.id), f]))
  return offers.map((o) => {
    const f = byId.get(String(o.id))
    const franchise = f ? f.capacity / PER_UNIT[o.unit] : o.amount
    const used = f ? f.used / PER_UNIT[o.unit] : 0
    return { ...o, franchise, used, percent: percentOf(used, franchise) }
  })
}
