/**
 * Money used per cap in a cycle, from the database (the source of truth): the `money`
 * consumption counters (centavos, written with each usage batch) of the cap's line, of its
 * department's lines, or of the whole company, summed in one query (the usage store of the
 * database, src/engine/adapters/usage).
 */
import type { Payload } from 'payload'
import { usageStoreFor, type ReadMark } from '../engine/adapters/usage'
import type { CapKind } from './capBook'

export const MONEY_KEY = 'money'

/**
 * Centavos used in a cycle by a line, a department or a company. On PostgreSQL `mark` gets the
 * commits the sum includes (see ReadMark): a hold whose usage is among them ends its money part
 * when this snapshot is stored, never counted twice.
 */
export function readMoneyUsed(payload: Payload, cap: { kind: CapKind; target: string }, cycle: string, mark?: ReadMark): Promise<number> {
  return usageStoreFor(payload).readKeyOfTarget(cap, MONEY_KEY, cycle, mark)
}

/** Money used per cycle (cycle key → centavos), the latest `limit` cycles, for a line, a department or a company. */
export async function readMoneyByCycle(payload: Payload, target: { kind: CapKind; target: string }, limit = 6): Promise<{ cycle: string; cents: number }[]> {
  const rows = await usageStoreFor(payload).readKeyByCycle(target, MONEY_KEY)
  return rows
    .map((r) => ({ cycle: r.cycle, cents: r.units }))
    .sort((a, b) => (a.cycle < b.cycle ? 1 : -1))
    .slice(0, limit)
}
