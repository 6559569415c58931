/**
 * What a grant draws on that is finite, so it must be held (credit control): a limited
 * profile category (voice, SMS, collect), or a line's data allowance when a limited quota
 * or the account's pool bounds it. Everything else (franchises of voice/SMS, unlimited
 * categories, emergency and allowed-list calls) is granted without a hold.
 */
import { CATEGORY_INDEX, LIMIT_LIMITED, REASONS, type Counters, type Reason, type UsageCategory } from './core'
import { CATEGORY_LIMIT_REACHED } from './core/reasons'
import type { HoldGrant, HoldResource } from './adapters/counters'
import type { LineSnapshot } from './adapters/snapshots'

export const poolScope = (accountId: string | number) => `account:${String(accountId)}`

export interface HoldPlan {
  line: HoldResource
  free?: number
  pool?: HoldResource
  /** Grant the whole ask while anything is left (voice with interrupt-at-limit off). */
  whole: boolean
  /** The reason a refusal answers with, given which cap refused. */
  refusal(limitedBy: HoldGrant['limitedBy']): Reason
}

/** The resources a grant of `category` draws on, or null when nothing finite bounds it. */
export function holdPlan(ls: LineSnapshot, counters: Counters, category: UsageCategory, cycleKey: string): HoldPlan | null {
  const snap = ls.snapshot
  const scope = String(ls.lineId)
  if (category !== 'data') {
    const idx = CATEGORY_INDEX.get(category)!
    if (snap.limitControl[idx] !== LIMIT_LIMITED) return null
    const key = `cat:${category}`
    return {
      line: { scope, cycleKey, key, fields: [key], used: counters.categories[category] ?? 0, cap: snap.limitUnits[idx] },
      whole: category.startsWith('voice.') && !snap.interruptAtLimit,
      refusal: () => CATEGORY_LIMIT_REACHED[category],
    }
  }
  const quotaLimited = snap.quota?.control === 'limited'
  if (!quotaLimited && !snap.pool) return null
  const own = snap.dataOffers
  const free = own.reduce((s, o) => s + o.capacity, 0)
  const ownUsed = own.reduce((s, o) => s + (counters.offers[o.id] ?? 0), 0)
  return {
    line: {
      scope,
      cycleKey,
      key: 'data',
      fields: [...own.map((o) => `offer:${o.id}`), 'lineData'],
      used: ownUsed + counters.lineDataBytes,
      cap: quotaLimited ? free + snap.quota!.capacityBytes : null,
    },
    free,
    pool: snap.pool ? { scope: poolScope(ls.accountId), cycleKey, key: 'pool', fields: ['pool'], used: counters.poolBytes, cap: snap.pool.capacityBytes } : undefined,
    whole: false,
    refusal: (by) => (by === 'pool' ? REASONS.POOL_EXHAUSTED : REASONS.QUOTA_EXHAUSTED),
  }
}

/**
 * The hold of a grant only money caps bound (issue 15): a record on the line with no cap of
 * its own, so the grant has a hold id that usage, update and release name like any other;
 * the money itself is held on the caps (src/spend/moneyHolds.ts).
 */
export function moneyOnlyPlan(ls: LineSnapshot, cycleKey: string): HoldPlan {
  return {
    line: { scope: String(ls.lineId), cycleKey, key: 'spend', fields: [], used: 0, cap: null },
    whole: false,
    refusal: () => REASONS.SPEND_CAP_REACHED,
  }
}
