/**
 * Usage persistence, behind one interface (as the counter store is): `usage` rows (unique
 * (company, eventId)), `consumption` counters and new `notifications`, written in one
 * transaction per batch, and the reads the engine makes of them. One implementation per
 * database, chosen once per Payload instance (./index.ts `usageStoreFor`):
 *   ./postgres.ts  usage rows by COPY, consumption by INSERT … SELECT FROM unnest … ON CONFLICT,
 *                  reads as raw statements with the snapshot they saw (ReadMark);
 *   ./sqlite.ts    drizzle on Payload's generated tables, INSERT … ON CONFLICT, behind the
 *                  SQLite transaction gate;
 *   ./localApi.ts  MongoDB (or any adapter without drizzle): the Local API, one document at a time.
 * This module holds what they share: the interface, the rows, the errors and small helpers.
 */
import type { Notice } from '../../core'
import type { Flat } from '../counters'
import type { StoredNotice } from '../notify'

export type Id = string | number

export interface UsageRow {
  eventId: string
  line: Id
  company: Id
  msisdn: string
  service: string
  category: string
  destination: string | null
  at: string
  units: number
  /** Centavos beyond the franchises (src/engine/core/price.ts). */
  cost: number
  group: string | null
  package: string | null
  cycle: string
}

export interface ConsumptionDelta {
  line: Id
  company: Id
  cycle: string
  deltas: Flat
}

export interface NoticeRow {
  notice: Notice
  line: Id
  company: Id
  offer: string
}

/** What one ingest call writes: its usage rows, counter changes and new notices (sent on `channel`). */
export interface RatedBatch {
  usage: UsageRow[]
  consumption: ConsumptionDelta[]
  notices: NoticeRow[]
  channel: string
  beforeCommit?: BeforeCommit
}

/**
 * Called inside the batch's transaction once everything is written, before COMMIT, with the
 * transaction's id (PostgreSQL; not called elsewhere): from then on a read that sees the
 * transaction (ReadMark) sees the whole batch.
 */
export type BeforeCommit = (transactionId: string) => Promise<void>

/** An event id in its company: ids are unique per company (the usage table's unique (company, eventId)). */
export interface EventKey {
  company: Id
  id: string
}

/**
 * Which committed transactions a read saw: PostgreSQL's snapshot of the statement
 * (`xmin:xmax:in-progress…`), read in the same statement as the rows so it names exactly the
 * commits they include. The counter store ends the parts of holds whose usage a stored snapshot
 * already counts (their transaction is visible in it: see `committing` in ../counters.ts).
 * Left unset on other databases and on reads of several statements.
 */
export interface ReadMark {
  seen?: string
}

/** A line, a department's lines or a whole company, by id (as text). */
export interface KeyTarget {
  kind: 'line' | 'department' | 'company'
  target: string
}

/** An id as the database holds it: numeric text as a number (SQL ids), anything else as is. */
export const numericId = (id: string): Id => (/^\d+$/.test(id) ? Number(id) : id)

export interface UsageStore {
  readonly kind: 'postgres' | 'sqlite' | 'localApi'
  /** Which of `keys` are already recorded (answered as eventKey strings). */
  existingEventIds(keys: EventKey[]): Promise<Set<string>>
  /** Consumption rows of a line (or several: an account's, for its pool) in a cycle, summed by key. */
  readConsumption(lines: readonly Id[], cycle: string, key?: string, mark?: ReadMark): Promise<Flat>
  /** Consumption rows of several lines in a cycle, summed by key for each line (lines without rows are absent). */
  readConsumptionByLine(lines: Id[], cycle: string, mark?: ReadMark): Promise<Map<string, Flat>>
  /** Consumption rows of every line of a company in a cycle, summed by key for each line (lines without rows are absent). */
  readConsumptionOfCompany(company: Id, cycle: string, mark?: ReadMark): Promise<Map<string, Flat>>
  /** Keys of notices already recorded for each of these lines in a cycle (every line present, maybe empty). */
  readSentNoticesByLine(lines: Id[], cycle: string): Promise<Map<string, Set<string>>>
  /** Keys of notices already recorded for every line of a company in a cycle (lines without notices are absent). */
  readSentNoticesOfCompany(company: Id, cycle: string): Promise<Map<string, Set<string>>>
  /**
   * Writes a rated batch atomically. Throws ConcurrentBatchError (nothing written) when
   * some usage row already existed: the caller re-reads duplicates and rates again.
   * Answers the notices newly stored (to hand to the gateway).
   */
  persistBatch(batch: RatedBatch): Promise<StoredNotice[]>
  /** The sum of one consumption key of a target in a cycle (0 when none); `mark` on PostgreSQL. */
  readKeyOfTarget(target: KeyTarget, key: string, cycle: string, mark?: ReadMark): Promise<number>
  /** The sum of one consumption key of a target per cycle (in no particular order). */
  readKeyByCycle(target: KeyTarget, key: string): Promise<{ cycle: string; units: number }[]>
}

/** The batch conflicted with a concurrent writer (some event ids appeared meanwhile): redo it. */
export class ConcurrentBatchError extends Error {}

const RETRYABLE_CODES = new Set(['40P01', '40001', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED'])

/**
 * A write that failed only because of a concurrent one and succeeds when done again: the same
 * events recorded meanwhile, a deadlock or serialization failure (PostgreSQL 40P01/40001), a
 * busy SQLite. The transaction rolled back, so nothing of it was written.
 */
export function isRetryableWriteError(e: unknown): boolean {
  for (let x = e as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; x && depth < 4; x = x.cause as typeof x, depth++) {
    if (x instanceof ConcurrentBatchError) return true
    if (typeof x.code === 'string' && RETRYABLE_CODES.has(x.code)) return true
    if (typeof x.message === 'string' && /SQLITE_BUSY|database is locked|deadlock detected/.test(x.message)) return true
  }
  return false
}

export const eventKey = (e: EventKey) => `${String(e.company)}|${e.id}`

export const CHUNK = 500

export const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const compareIds = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : compareKeys(String(a), String(b)))

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Event ids grouped by company (in first-seen order). */
export function idsByCompany(keys: EventKey[]): Map<string, string[]> {
  const byCompany = new Map<string, string[]>()
  for (const k of keys) {
    const list = byCompany.get(String(k.company)) ?? []
    list.push(k.id)
    byCompany.set(String(k.company), list)
  }
  return byCompany
}

/** Adds `units` under `key` to the line's sums in `out`. */
export function addToLine(out: Map<string, Flat>, line: unknown, key: string, units: unknown) {
  const flat = out.get(String(line)) ?? {}
  flat[key] = (flat[key] ?? 0) + Number(units)
  out.set(String(line), flat)
}

/** A `notifications` document for a notice, queued for the gateway's channel. */
export function noticeData(n: NoticeRow, channel: string) {
  return {
    line: n.line,
    company: n.company,
    msisdn: n.notice.msisdn,
    offer: n.offer,
    package: n.notice.packageName,
    packageKey: `${n.notice.kind}:${n.notice.packageId}`,
    threshold: String(n.notice.threshold),
    cycle: n.notice.cycleKey,
    message: n.notice.message,
    status: 'queued',
    channel,
  }
}

/** The notice key a `notifications` row stands for (cycle|packageKey|threshold). */
export const sentNoticeKey = (d: { cycle?: unknown; packageKey?: unknown; threshold?: unknown }) => `${String(d.cycle)}|${String(d.packageKey)}|${String(d.threshold)}`

/**
 * One order for every batch (events by id, notices by line and key): two batches over the
 * same rows then wait for each other instead of deadlocking.
 */
export function inWriteOrder(usage: UsageRow[], notices: NoticeRow[]): { usage: UsageRow[]; notices: NoticeRow[] } {
  return {
    usage: [...usage].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)),
    notices: [...notices].sort((a, b) => compareKeys(`${String(a.line)}|${a.notice.key}`, `${String(b.line)}|${b.notice.key}`)),
  }
}

export interface ConsumptionRow {
  line: Id
  company: Id
  cycle: string
  key: string
  units: number
  updatedAt: string
  createdAt: string
}

/** The batch's non-zero counter changes as consumption rows, ordered by line, cycle and key (the lock order). */
export function consumptionRows(consumption: ConsumptionDelta[], now: string): ConsumptionRow[] {
  const crow: ConsumptionRow[] = []
  for (const c of consumption) {
    for (const [key, units] of Object.entries(c.deltas)) {
      if (units) crow.push({ line: c.line, company: c.company, cycle: c.cycle, key, units, updatedAt: now, createdAt: now })
    }
  }
  crow.sort((a, b) => compareIds(a.line, b.line) || compareKeys(a.cycle, b.cycle) || compareKeys(a.key, b.key))
  return crow
}
