import { applyDeltas, rate, type Notice } from './rate'
import type { CompiledSnapshot, Counters, UsageEvent } from './types'

export interface Ledger {
  /** The line's counters for one cycle (mutated). */
  counters: Counters
  /** Notice keys already sent (mutated: new notices are added). */
  sentNotices: Set<string>
  /** When set, events of another cycle are rejected so they can be routed to that cycle's counters. */
  cycleKey?: string
}

export interface BatchResult {
  accepted: number
  duplicates: number
  rejected: { index: number; error: string }[]
  notices: Notice[]
}

/**
 * Rate and apply a batch of one line's usage events. Idempotent by event id: an id already
 * in `seenIds` (from an earlier batch or earlier in this one) is counted as a duplicate and
 * changes nothing. Events without an id are rejected, since replaying them could not be detected.
 */
export function applyBatch(
  snapshot: CompiledSnapshot,
  ledger: Ledger,
  events: readonly UsageEvent[],
  seenIds: Set<string>,
): BatchResult {
  const result: BatchResult = { accepted: 0, duplicates: 0, rejected: [], notices: [] }
  events.forEach((event, index) => {
    if (!event.id) {
      result.rejected.push({ index, error: 'id obrigatório: é ele que torna o registro idempotente.' })
      return
    }
    if (seenIds.has(event.id)) {
      result.duplicates++
      return
    }
    const rating = rate(snapshot, ledger.counters, event, ledger.sentNotices)
    if (!rating.ok) {
      result.rejected.push({ index, error: rating.error })
      return
    }
    if (ledger.cycleKey !== undefined && rating.cycleKey !== ledger.cycleKey) {
      result.rejected.push({ index, error: `Evento do ciclo ${rating.cycleKey}, contadores do ciclo ${ledger.cycleKey}.` })
      return
    }
    applyDeltas(ledger.counters, rating.deltas)
    for (const notice of rating.notices) ledger.sentNotices.add(notice.key)
    result.notices.push(...rating.notices)
    seenIds.add(event.id)
    result.accepted++
  })
  return result
}
