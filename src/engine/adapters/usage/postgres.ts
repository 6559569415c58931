/**
 * The usage store on PostgreSQL: usage rows by COPY, consumption by one
 * `INSERT … SELECT FROM unnest … ON CONFLICT DO UPDATE units = units + excluded.units`, notices by
 * INSERT … ON CONFLICT DO NOTHING, in one transaction per batch; the hot reads as raw statements
 * (array parameters, rows as arrays) carrying the snapshot they saw (ReadMark).
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { getTableName } from 'drizzle-orm'
import type { Payload } from 'payload'
import type { PoolClient } from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { engineProfile } from '../../../lib/settings'
import type { Flat } from '../counters'
import type { StoredNotice } from '../notify'
import { drizzleConsumption, drizzleKeyByCycle, drizzleKeyOfTarget, insertNotices, quoteColumn, quoteTable, type AnyDrizzle, type GeneratedTable, type UsageTables } from './sql'
import { ConcurrentBatchError, consumptionRows, eventKey, inWriteOrder, type EventKey, type Id, type KeyTarget, type RatedBatch, type ReadMark, type UsageStore } from './store'

/** A drizzle node-postgres transaction, as far as raw statements go: its pooled connection (not in drizzle's public types). */
interface PgTx {
  session: { client: PoolClient }
}
const clientOf = (tx: unknown) => (tx as PgTx).session.client


/**
 * Many rows in one `INSERT … SELECT FROM unnest($1::text[], …)` — one text array per column,
 * cast to the column's type — instead of one bound parameter per value, inside the caller's
 * transaction. `tail` adds the ON CONFLICT clause (given a column name quoter).
 * Answers the rows written.
 */
async function pgInsertMany(tx: unknown, table: GeneratedTable, rows: Record<string, unknown>[], tail: (column: (key: string) => string) => string): Promise<number> {
  if (!rows.length) return 0
  const keys = Object.keys(rows[0])
  const column = (key: string) => quoteColumn(table[key])
  const arrays = keys.map((k) => rows.map((r) => (r[k] == null ? null : String(r[k]))))
  const text =
    `INSERT INTO ${quoteTable(table)} (${keys.map(column).join(', ')}) ` +
    `SELECT ${keys.map((k, i) => `u.c${i}::${table[k].getSQLType()}`).join(', ')} ` +
    `FROM unnest(${keys.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${keys.map((_, i) => `c${i}`).join(', ')}) ${tail(column)}`
  const t0 = performance.now()
  const res = await clientOf(tx).query(text, arrays)
  if (engineProfile()) console.log(`  ${getTableName(table)} ${rows.length} rows ${(performance.now() - t0).toFixed(0)} ms`)
  return Number(res.rowCount ?? 0)
}

/** One value in COPY's text format: `\\N` for null, backslash escapes for the separators. */
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }
const COPY_SPECIAL = /[\\\t\n\r]/
function copyValue(v: unknown): string {
  if (v == null) return '\\N'
  const text = String(v)
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : text
}

/**
 * Rows appended with `COPY … FROM STDIN` inside the caller's transaction, about twice as fast
 * as the unnest INSERT for the usage table (bench/RESULTS.md). `same` holds the columns whose
 * value is one for every row. COPY has no ON CONFLICT: a row that already exists fails the
 * whole COPY with a unique violation, which is answered as ConcurrentBatchError (the caller's
 * transaction rolls back and it rates again). Also used by the large seed (src/seed/large.ts).
 */
export async function pgCopyMany(tx: unknown, table: GeneratedTable, rows: object[], same: Record<string, unknown> = {}): Promise<number> {
  if (!rows.length) return 0
  const keys = Object.keys(rows[0])
  const columns = [...keys, ...Object.keys(same)].map((k) => quoteColumn(table[k])).join(', ')
  const tail = Object.values(same).map((v) => '\t' + copyValue(v)).join('') + '\n'
  let text = ''
  for (const r of rows as Record<string, unknown>[]) {
    let line = copyValue(r[keys[0]])
    for (let i = 1; i < keys.length; i++) line += '\t' + copyValue(r[keys[i]])
    text += line + tail
  }
  const t0 = performance.now()
  try {
    await pipeline(Readable.from([text]), clientOf(tx).query(copyFrom(`COPY ${quoteTable(table)} (${columns}) FROM STDIN`)))
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new ConcurrentBatchError(`events recorded concurrently: ${(e as Error).message}`)
    throw e
  }
  if (engineProfile()) console.log(`  ${getTableName(table)} ${rows.length} rows (COPY) ${(performance.now() - t0).toFixed(0)} ms`)
  return rows.length
}

/** Consumption rows summed per step before other work gets its turn (~1 ms: 20 000 held a cold line ~10 ms). */
const ROWS_PER_STEP = 2_000

/** Line ids as one integer-array parameter (Payload's ids are serial integers). */
const lineIdArray = (lines: readonly Id[]) => lines.map(Number)

export class PostgresUsageStore implements UsageStore {
  readonly kind = 'postgres'
  private readonly db: PostgresAdapter
  private readonly tables: UsageTables

  constructor(payload: Payload) {
    this.db = payload.db as unknown as PostgresAdapter
    this.tables = this.db.tables as unknown as UsageTables
  }

  private get drizzle(): AnyDrizzle {
    return this.db.drizzle
  }

  async existingEventIds(keys: EventKey[]): Promise<Set<string>> {
    const found = new Set<string>()
    if (!keys.length) return found
    // One query with the keys as two array parameters. A lookup per key through the unique index
    // (LATERAL … LIMIT 1): with `= ANY(…)` the planner picks a full scan of a table with millions of rows.
    const t = this.tables.usage
    const res = await this.db.pool.query<EventKey>(
      `SELECT x.company, x.id FROM unnest($1::text[], $2::text[]) AS x(company, id) CROSS JOIN LATERAL (SELECT 1 FROM ${quoteTable(t)} WHERE ${quoteColumn(t.company)} = x.company::integer AND ${quoteColumn(t.eventId)} = x.id LIMIT 1) AS known`,
      [keys.map((k) => String(k.company)), keys.map((k) => k.id)],
    )
    for (const r of res.rows) found.add(eventKey(r))
    return found
  }

  readConsumption(lines: readonly Id[], cycle: string, key?: string, mark?: ReadMark): Promise<Flat> {
    return drizzleConsumption(this.drizzle, this.tables.consumption, lines, cycle, key, mark, true)
  }

  /**
   * Consumption of many lines in one raw statement, `line = ANY($1::int[])` — drizzle built an
   * `IN (…)` of one parameter per id for every 1 000-id chunk (~17 µs per event of a batch over
   * random lines). The snapshot column is read in the same statement (ReadMark).
   */
  async readConsumptionByLine(lines: Id[], cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
    const t = this.tables.consumption
    return this.consumptionByLine(`${quoteColumn(t.line)} = ANY($1::int[])`, lineIdArray(lines), cycle, mark)
  }

  /**
   * Same for a whole company, raw as well: drizzle mapped the rows of a company with consumption
   * on every line (~200 000) in one synchronous step of ~250 ms, which held every request
   * meanwhile (the company is read so in the background when its first line is asked for).
   */
  readConsumptionOfCompany(company: Id, cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
    const t = this.tables.consumption
    return this.consumptionByLine(`${quoteColumn(t.company)} = $1::int`, Number(company), cycle, mark)
  }

  /**
   * Consumption rows matching `filter` (with `$1`) in a cycle, summed by line and key, summed a
   * slice of rows at a time (yielding between). The statement's snapshot comes as one extra row
   * (line null), not as a column of every row: a company's 200 000 rows each carried it (a string
   * to parse per row); rows are unique per line, cycle and key, so they come unaggregated (and
   * are summed here all the same).
   */
  private async consumptionByLine(filter: string, first: unknown, cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
    const t = this.tables.consumption
    const res = await this.db.pool.query<[number | null, string | null, string | null, string | null]>({
      text:
        `SELECT ${quoteColumn(t.line)}, ${quoteColumn(t.key)}, ${quoteColumn(t.units)}::text, NULL::text FROM ${quoteTable(t)} WHERE ${filter} AND ${quoteColumn(t.cycle)} = $2 ` +
        `UNION ALL SELECT NULL, NULL, NULL, pg_current_snapshot()::text`,
      values: [first, cycle],
      rowMode: 'array',
    })
    const out = new Map<string, Flat>()
    const rows = res.rows
    let seen: string | undefined
    for (let i = 0; i < rows.length; i++) {
      if (i > 0 && i % ROWS_PER_STEP === 0) await new Promise((r) => setImmediate(r))
      const [line, key, units, snapshot] = rows[i]
      if (line === null || key === null) {
        seen = snapshot ?? undefined
        continue
      }
      const id = String(line)
      let flat = out.get(id)
      if (!flat) out.set(id, (flat = {}))
      flat[key] = (flat[key] ?? 0) + Number(units)
    }
    // As before: a read that found no row names no snapshot (it saw no commit of these rows).
    if (mark) mark.seen = out.size ? seen : undefined
    return out
  }

  /** [line, notice key] of the notices recorded in a cycle whose rows match `filter` (with `$1`), in one raw statement. */
  private async sentNotices(filter: string, first: unknown, cycle: string): Promise<[string, string][]> {
    const t = this.tables.notifications
    const res = await this.db.pool.query<[string, string]>({
      text: `SELECT ${quoteColumn(t.line)}::text, ${quoteColumn(t.cycle)} || '|' || ${quoteColumn(t.packageKey)} || '|' || ${quoteColumn(t.threshold)} FROM ${quoteTable(t)} WHERE ${filter} AND ${quoteColumn(t.cycle)} = $2`,
      values: [first, cycle],
      rowMode: 'array',
    })
    return res.rows
  }

  async readSentNoticesByLine(lines: Id[], cycle: string): Promise<Map<string, Set<string>>> {
    const out = new Map(lines.map((l) => [String(l), new Set<string>()]))
    const t = this.tables.notifications
    for (const [line, key] of await this.sentNotices(`${quoteColumn(t.line)} = ANY($1::int[])`, lineIdArray(lines), cycle)) out.get(line)?.add(key)
    return out
  }

  async readSentNoticesOfCompany(company: Id, cycle: string): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>()
    const t = this.tables.notifications
    for (const [line, key] of await this.sentNotices(`${quoteColumn(t.company)} = $1::int`, Number(company), cycle)) {
      let keys = out.get(line)
      if (!keys) out.set(line, (keys = new Set()))
      keys.add(key)
    }
    return out
  }

  readKeyOfTarget(target: KeyTarget, key: string, cycle: string, mark?: ReadMark): Promise<number> {
    // The same statement names the commits the sum includes (ReadMark): a hold whose usage is among
    // them ends its part when this snapshot is stored, never counted twice.
    return drizzleKeyOfTarget(this.drizzle, this.tables, target, key, cycle, mark, true)
  }

  readKeyByCycle(target: KeyTarget, key: string): Promise<{ cycle: string; units: number }[]> {
    return drizzleKeyByCycle(this.drizzle, this.tables, target, key)
  }

  persistBatch(batch: RatedBatch): Promise<StoredNotice[]> {
    return this.drizzle.transaction((tx: AnyDrizzle) => this.write(tx, batch))
  }

  /** The body of persistBatch's transaction. */
  private async write(tx: AnyDrizzle, { usage, consumption, notices, channel, beforeCommit }: RatedBatch): Promise<StoredNotice[]> {
    const now = new Date().toISOString()
    const ordered = inWriteOrder(usage, notices)
    const tc = this.tables.consumption
    const inserted = await pgCopyMany(tx, this.tables.usage, ordered.usage, { updatedAt: now, createdAt: now })
    if (inserted !== usage.length) throw new ConcurrentBatchError(`${usage.length - inserted} events recorded concurrently`)
    await pgInsertMany(
      tx,
      tc,
      consumptionRows(consumption, now) as unknown as Record<string, unknown>[],
      (c) => `ON CONFLICT (${c('line')}, ${c('cycle')}, ${c('key')}) DO UPDATE SET ${c('units')} = ${quoteTable(tc)}.${c('units')} + excluded.${c('units')}, ${c('updatedAt')} = excluded.${c('updatedAt')}`,
    )
    const stored = await insertNotices(tx, this.tables.notifications, ordered.notices, channel, now)
    if (beforeCommit) {
      const res = await clientOf(tx).query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')
      await beforeCommit(String(res.rows[0].xid))
    }
    return stored
  }
}
