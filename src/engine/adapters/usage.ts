/**
 * Usage persistence: `usage` rows (unique (company, eventId)), `consumption` counters and new
 * `notifications`, written in one transaction per batch. SQL adapters (SQLite,
 * Postgres) use drizzle with Payload's generated tables: usage rows by COPY on PostgreSQL
 * and INSERT … ON CONFLICT DO NOTHING on SQLite, notices by INSERT … ON CONFLICT DO NOTHING,
 * consumption by ON CONFLICT DO UPDATE units = units + excluded.units. MongoDB falls back to
 * the Local API.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { and, eq, getTableName, inArray, sql } from 'drizzle-orm'
import type { Payload } from 'payload'
import { from as copyFrom } from 'pg-copy-streams'
import { sqliteTransactions } from '../../lib/transactionGate'
import type { Notice } from '../core'
import type { Flat } from './counters'
import type { StoredNotice } from './notify'

type Id = string | number

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
interface RatedBatch {
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

const CHUNK = 500

const isSql = (payload: Payload) => Boolean((payload.db as { drizzle?: unknown }).drizzle && (payload.db as { tables?: unknown }).tables)

const quoteTable = (table: any) => `"${getTableName(table).replace(/"/g, '""')}"`
const isPostgres = (payload: Payload) => (payload.db as { name?: string }).name === 'postgres'

/**
 * PostgreSQL: many rows in one `INSERT … SELECT FROM unnest($1::text[], …)` — one text array
 * per column, cast to the column's type — instead of one bound parameter per value, inside the
 * caller's transaction. `tail` adds the ON CONFLICT clause (given a column name quoter).
 * Answers the rows written.
 */
async function pgInsertMany(tx: any, table: any, rows: Record<string, unknown>[], tail: (column: (key: string) => string) => string): Promise<number> {
  if (!rows.length) return 0
  const keys = Object.keys(rows[0])
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
  const column = (key: string) => quote(table[key].name as string)
  const arrays = keys.map((k) => rows.map((r) => (r[k] == null ? null : String(r[k]))))
  const text =
    `INSERT INTO ${quote(getTableName(table))} (${keys.map(column).join(', ')}) ` +
    `SELECT ${keys.map((k, i) => `u.c${i}::${table[k].getSQLType() as string}`).join(', ')} ` +
    `FROM unnest(${keys.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${keys.map((_, i) => `c${i}`).join(', ')}) ${tail(column)}`
  const t0 = performance.now()
  const res = await tx.session.client.query(text, arrays)
  if (process.env.ENGINE_PROFILE) console.log(`  ${getTableName(table)} ${rows.length} rows ${(performance.now() - t0).toFixed(0)} ms`)
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
 * PostgreSQL: rows appended with `COPY … FROM STDIN` inside the caller's transaction, about
 * twice as fast as the unnest INSERT for the usage table (bench/RESULTS.md). `same` holds the
 * columns whose value is one for every row. COPY has no ON CONFLICT: a row that already exists
 * fails the whole COPY with a unique violation, which is answered as ConcurrentBatchError (the
 * caller's transaction rolls back and it rates again).
 */
export async function pgCopyMany(tx: any, table: any, rows: Record<string, unknown>[], same: Record<string, unknown> = {}): Promise<number> {
  if (!rows.length) return 0
  const keys = Object.keys(rows[0])
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
  const columns = [...keys, ...Object.keys(same)].map((k) => quote(table[k].name as string)).join(', ')
  const tail = Object.values(same).map((v) => '\t' + copyValue(v)).join('') + '\n'
  let text = ''
  for (const r of rows) {
    let line = copyValue(r[keys[0]])
    for (let i = 1; i < keys.length; i++) line += '\t' + copyValue(r[keys[i]])
    text += line + tail
  }
  const t0 = performance.now()
  try {
    await pipeline(Readable.from([text]), tx.session.client.query(copyFrom(`COPY ${quote(getTableName(table))} (${columns}) FROM STDIN`)))
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new ConcurrentBatchError(`events recorded concurrently: ${(e as Error).message}`)
    throw e
  }
  if (process.env.ENGINE_PROFILE) console.log(`  ${getTableName(table)} ${rows.length} rows (COPY) ${(performance.now() - t0).toFixed(0)} ms`)
  return rows.length
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const compareIds = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : compareKeys(String(a), String(b)))

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** An event id in its company: ids are unique per company (the usage table's unique (company, eventId)). */
export interface EventKey {
  company: Id
  id: string
}

export const eventKey = (e: EventKey) => `${String(e.company)}|${e.id}`

/** Which of `keys` are already recorded (answered as eventKey strings). */
export async function existingEventIds(payload: Payload, keys: EventKey[]): Promise<Set<string>> {
  const found = new Set<string>()
  if (!keys.length) return found
  if (isPostgres(payload)) {
    // One query with the keys as two array parameters. A lookup per key through the unique index
    // (LATERAL … LIMIT 1): with `= ANY(…)` the planner picks a full scan of a table with millions of rows.
    const db = payload.db as any
    const t = db.tables.usage
    const q = (c: any) => `"${(c.name as string).replace(/"/g, '""')}"`
    const res = await db.pool.query(
      `SELECT x.company, x.id FROM unnest($1::text[], $2::text[]) AS x(company, id) CROSS JOIN LATERAL (SELECT 1 FROM ${quoteTable(t)} WHERE ${q(t.company)} = x.company::integer AND ${q(t.eventId)} = x.id LIMIT 1) AS known`,
      [keys.map((k) => String(k.company)), keys.map((k) => k.id)],
    )
    for (const r of res.rows as EventKey[]) found.add(eventKey(r))
    return found
  }
  const byCompany = new Map<string, string[]>()
  for (const k of keys) {
    const list = byCompany.get(String(k.company)) ?? []
    list.push(k.id)
    byCompany.set(String(k.company), list)
  }
  for (const [company, ids] of byCompany) {
    for (const part of chunks(ids, 1000)) {
      if (isSql(payload)) {
        const db = payload.db as any
        const t = db.tables.usage
        const rows: { eventId: string }[] = await db.drizzle.select({ eventId: t.eventId }).from(t).where(and(eq(t.company, Number(company)), inArray(t.eventId, part)))
        for (const r of rows) found.add(eventKey({ company, id: r.eventId }))
        continue
      }
      const res = await payload.find({
        collection: 'usage' as never,
        where: { company: { equals: company }, eventId: { in: part } } as never,
        limit: part.length,
        depth: 0,
        overrideAccess: true,
        select: { eventId: true } as never,
      })
      for (const d of res.docs as any[]) found.add(eventKey({ company, id: d.eventId }))
    }
  }
  return found
}

/**
 * Which committed transactions a read saw: PostgreSQL's snapshot of the statement
 * (`xmin:xmax:in-progress…`), read in the same statement as the rows so it names exactly the
 * commits they include. The counter store ends the parts of holds whose usage a stored snapshot
 * already counts (their transaction is visible in it: see `committing` in ./counters.ts).
 * Left unset on other databases and on reads of several statements.
 */
export interface ReadMark {
  seen?: string
}

/** The select column that reads the statement's snapshot (PostgreSQL; evaluated once, as an init plan). */
const statementSnapshot = () => sql<string>`(select pg_current_snapshot()::text)`

/** Marks `mark` with the snapshot a read of one statement saw (none when it read nothing: then it saw no commit of these rows). */
function markRead(mark: ReadMark | undefined, rows: { seen?: string }[], statements: number) {
  if (!mark) return
  mark.seen = statements === 1 ? rows.find((r) => r.seen)?.seen : undefined
}

/** Consumption rows of a line (or several: an account's, for its pool) in a cycle, summed by key. */
export async function readConsumption(payload: Payload, lines: readonly Id[], cycle: string, key?: string, mark?: ReadMark): Promise<Flat> {
  const out: Flat = {}
  const parts = chunks(lines, 5000)
  for (const part of parts) {
    if (isSql(payload)) {
      const db = payload.db as any
      const t = db.tables.consumption
      const conds = [inArray(t.line, part), eq(t.cycle, cycle)]
      if (key) conds.push(eq(t.key, key))
      const rows: { key: string; units: number; seen?: string }[] = await db.drizzle
        .select({ key: t.key, units: sql<number>`sum(${t.units})`, ...(isPostgres(payload) ? { seen: statementSnapshot() } : {}) })
        .from(t)
        .where(and(...conds))
        .groupBy(t.key)
      for (const r of rows) out[r.key] = (out[r.key] ?? 0) + Number(r.units)
      markRead(mark, rows, parts.length)
      continue
    }
    const where: Record<string, unknown> = { line: { in: part }, cycle: { equals: cycle } }
    if (key) where.key = { equals: key }
    const res = await payload.find({ collection: 'consumption' as never, where: where as never, pagination: false, limit: 100_000, depth: 0, overrideAccess: true })
    for (const d of res.docs as any[]) out[d.key] = (out[d.key] ?? 0) + Number(d.units)
  }
  return out
}

/**
 * Consumption rows matching a filter, summed by line and key into `out`: the SQL filter on
 * SQLite/PostgreSQL, the same filter as a Local API `where` elsewhere.
 */
async function sumConsumptionByLine(payload: Payload, out: Map<string, Flat>, sqlFilter: (t: any) => unknown, where: Record<string, unknown>): Promise<{ seen?: string }[]> {
  const add = (line: unknown, key: string, units: unknown) => {
    const flat = out.get(String(line)) ?? {}
    flat[key] = (flat[key] ?? 0) + Number(units)
    out.set(String(line), flat)
  }
  if (isSql(payload)) {
    const db = payload.db as any
    const t = db.tables.consumption
    const rows: { line: Id; key: string; units: number; seen?: string }[] = await db.drizzle
      .select({ line: t.line, key: t.key, units: sql<number>`sum(${t.units})`, ...(isPostgres(payload) ? { seen: statementSnapshot() } : {}) })
      .from(t)
      .where(sqlFilter(t))
      .groupBy(t.line, t.key)
    for (const r of rows) add(r.line, r.key, r.units)
    return rows
  }
  const res = await payload.find({ collection: 'consumption' as never, where: where as never, pagination: false, depth: 0, overrideAccess: true })
  for (const d of res.docs as any[]) add(d.line, d.key, d.units)
  return []
}

/** A column of a drizzle table, quoted for raw SQL. */
const quoteColumn = (column: any) => `"${(column.name as string).replace(/"/g, '""')}"`

/** Line ids as one integer-array parameter (PostgreSQL: Payload's ids are serial integers). */
const lineIdArray = (lines: readonly Id[]) => lines.map(Number)

/**
 * PostgreSQL: consumption of many lines in one raw statement, `line = ANY($1::int[])` — drizzle
 * built an `IN (…)` of one parameter per id for every 1 000-id chunk (~17 µs per event of a
 * batch over random lines). The snapshot column is read in the same statement (ReadMark).
 */
async function pgConsumptionByLine(payload: Payload, lines: Id[], cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
  const db = payload.db as any
  const t = db.tables.consumption
  const res = await db.pool.query({
    text:
      `SELECT ${quoteColumn(t.line)} AS line, ${quoteColumn(t.key)} AS key, sum(${quoteColumn(t.units)}) AS units, (select pg_current_snapshot()::text) AS seen ` +
      `FROM ${quoteTable(t)} WHERE ${quoteColumn(t.line)} = ANY($1::int[]) AND ${quoteColumn(t.cycle)} = $2 GROUP BY 1, 2`,
    values: [lineIdArray(lines), cycle],
    rowMode: 'array',
  })
  const out = new Map<string, Flat>()
  for (const [line, key, units] of res.rows as [number, string, string][]) {
    const id = String(line)
    let flat = out.get(id)
    if (!flat) out.set(id, (flat = {}))
    flat[key] = (flat[key] ?? 0) + Number(units)
  }
  if (mark) mark.seen = res.rows.length ? (res.rows[0] as string[])[3] : undefined
  return out
}

/** Consumption rows of several lines in a cycle, summed by key for each line (lines without rows are absent). */
export async function readConsumptionByLine(payload: Payload, lines: Id[], cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
  if (isPostgres(payload)) return pgConsumptionByLine(payload, lines, cycle, mark)
  const out = new Map<string, Flat>()
  const parts = chunks(lines, 1000)
  for (const part of parts) {
    const rows = await sumConsumptionByLine(payload, out, (t) => and(inArray(t.line, part), eq(t.cycle, cycle)), { line: { in: part }, cycle: { equals: cycle } })
    markRead(mark, rows, parts.length)
  }
  return out
}

/** Consumption rows of every line of a company in a cycle, summed by key for each line (lines without rows are absent). */
export async function readConsumptionOfCompany(payload: Payload, company: Id, cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
  const out = new Map<string, Flat>()
  const rows = await sumConsumptionByLine(payload, out, (t) => and(eq(t.company, company), eq(t.cycle, cycle)), { company: { equals: company }, cycle: { equals: cycle } })
  markRead(mark, rows, 1)
  return out
}

/** Keys of notices already recorded for each of these lines in a cycle (every line present, maybe empty). */
export async function readSentNoticesByLine(payload: Payload, lines: Id[], cycle: string): Promise<Map<string, Set<string>>> {
  const out = new Map(lines.map((l) => [String(l), new Set<string>()]))
  if (isPostgres(payload)) {
    const t = (payload.db as any).tables.notifications
    for (const [line, key] of await pgSentNotices(payload, `${quoteColumn(t.line)} = ANY($1::int[])`, lineIdArray(lines), cycle)) out.get(line)?.add(key)
    return out
  }
  for (const part of chunks(lines, 1000)) {
    const res = await payload.find({
      collection: 'notifications' as never,
      where: { line: { in: part }, cycle: { equals: cycle } } as never,
      pagination: false,
      limit: 1_000_000,
      depth: 0,
      overrideAccess: true,
    })
    for (const d of res.docs as any[]) out.get(String(d.line))?.add(`${d.cycle}|${d.packageKey}|${d.threshold}`)
  }
  return out
}

/**
 * PostgreSQL: [line, notice key] of the notices recorded in a cycle whose rows match `filter`
 * (with `$1`), in one raw statement.
 */
async function pgSentNotices(payload: Payload, filter: string, first: unknown, cycle: string): Promise<[string, string][]> {
  const db = payload.db as any
  const t = db.tables.notifications
  const res = await db.pool.query({
    text: `SELECT ${quoteColumn(t.line)}::text, ${quoteColumn(t.cycle)} || '|' || ${quoteColumn(t.packageKey)} || '|' || ${quoteColumn(t.threshold)} FROM ${quoteTable(t)} WHERE ${filter} AND ${quoteColumn(t.cycle)} = $2`,
    values: [first, cycle],
    rowMode: 'array',
  })
  return res.rows as [string, string][]
}

/** Keys of notices already recorded for every line of a company in a cycle (lines without notices are absent). */
export async function readSentNoticesOfCompany(payload: Payload, company: Id, cycle: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>()
  const add = (line: string, key: string) => {
    let keys = out.get(line)
    if (!keys) out.set(line, (keys = new Set()))
    keys.add(key)
  }
  if (isPostgres(payload)) {
    const t = (payload.db as any).tables.notifications
    for (const [line, key] of await pgSentNotices(payload, `${quoteColumn(t.company)} = $1::int`, Number(company), cycle)) add(line, key)
    return out
  }
  const res = await payload.find({
    collection: 'notifications' as never,
    where: { company: { equals: company }, cycle: { equals: cycle } } as never,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const d of res.docs as any[]) add(String(d.line), `${d.cycle}|${d.packageKey}|${d.threshold}`)
  return out
}

/** A `notifications` document for a notice, queued for the gateway's channel. */
function noticeData(n: NoticeRow, channel: string) {
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

/**
 * Writes a rated batch atomically. Throws ConcurrentBatchError (nothing written) when
 * some usage row already existed: the caller re-reads duplicates and rates again.
 * Answers the notices newly stored (to hand to the gateway).
 */
export async function persistBatch(
  payload: Payload,
  usage: UsageRow[],
  consumption: ConsumptionDelta[],
  notices: NoticeRow[],
  channel: string,
  beforeCommit?: BeforeCommit,
): Promise<StoredNotice[]> {
  if (!isSql(payload)) return persistLocal(payload, { usage, consumption, notices, channel })
  const batch = { usage, consumption, notices, channel, beforeCommit }
  const db = payload.db as any
  if (isPostgres(payload)) return db.drizzle.transaction((tx: any) => writeSql(db, tx, true, batch))
  // SQLite: this transaction opens outside Payload's, so it queues on the same gate (src/lib/transactionGate.ts).
  const free = await sqliteTransactions.acquire()
  try {
    return await db.drizzle.transaction((tx: any) => writeSql(db, tx, false, batch))
  } finally {
    free()
  }
}

/** The body of persistBatch's transaction on SQLite or PostgreSQL. */
async function writeSql(
  db: any,
  tx: any,
  pg: boolean,
  { usage, consumption, notices, channel, beforeCommit }: RatedBatch,
): Promise<StoredNotice[]> {
  const now = new Date().toISOString()
  // One order for every batch (events by id, counters by line, cycle and key, notices by key):
  // two batches over the same rows then wait for each other instead of deadlocking.
  usage = [...usage].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))
  notices = [...notices].sort((a, b) => compareKeys(`${String(a.line)}|${a.notice.key}`, `${String(b.line)}|${b.notice.key}`))
  const tu = db.tables.usage
  const tc = db.tables.consumption
  const tn = db.tables.notifications
  let inserted = 0
  if (pg) inserted = await pgCopyMany(tx, tu, usage as never, { updatedAt: now, createdAt: now })
  else {
    for (const part of chunks(usage)) {
      const rows = await tx
        .insert(tu)
        .values(part.map((u) => ({ ...u, updatedAt: now, createdAt: now })))
        .onConflictDoNothing()
        .returning({ id: tu.id })
      inserted += rows.length
    }
  }
  if (inserted !== usage.length) throw new ConcurrentBatchError(`${usage.length - inserted} events recorded concurrently`)
  const crow: Record<string, unknown>[] = []
  for (const c of consumption) {
    for (const [key, units] of Object.entries(c.deltas)) {
      if (units) crow.push({ line: c.line, company: c.company, cycle: c.cycle, key, units, updatedAt: now, createdAt: now })
    }
  }
  crow.sort((a, b) => compareIds(a.line, b.line) || compareKeys(String(a.cycle), String(b.cycle)) || compareKeys(String(a.key), String(b.key)))
  if (pg) {
    await pgInsertMany(
      tx,
      tc,
      crow,
      (c) => `ON CONFLICT (${c('line')}, ${c('cycle')}, ${c('key')}) DO UPDATE SET ${c('units')} = ${quoteTable(tc)}.${c('units')} + excluded.${c('units')}, ${c('updatedAt')} = excluded.${c('updatedAt')}`,
    )
  } else for (const part of chunks(crow)) {
    await tx
      .insert(tc)
      .values(part)
      .onConflictDoUpdate({ target: [tc.line, tc.cycle, tc.key], set: { units: sql`${tc.units} + excluded.units`, updatedAt: now } })
  }
  const stored: StoredNotice[] = []
  for (const part of chunks(notices)) {
    const rows: { id: Id; packageKey: string; cycle: string; threshold: string; line: Id }[] = await tx
      .insert(tn)
      .values(part.map((n) => ({ ...noticeData(n, channel), updatedAt: now, createdAt: now })))
      .onConflictDoNothing()
      .returning({ id: tn.id, packageKey: tn.packageKey, cycle: tn.cycle, threshold: tn.threshold, line: tn.line })
    const byKey = new Map(part.map((n) => [`${String(n.line)}|${n.notice.key}`, n.notice]))
    for (const r of rows) {
      const notice = byKey.get(`${String(r.line)}|${r.cycle}|${r.packageKey}|${r.threshold}`)
      if (notice) stored.push({ ...notice, rowId: r.id })
    }
  }
  if (pg && beforeCommit) {
    const res = await tx.session.client.query('SELECT pg_current_xact_id()::text AS xid')
    await beforeCommit(String(res.rows[0].xid))
  }
  return stored
}

/** MongoDB (or any adapter without drizzle): the Local API, one document at a time. */
async function persistLocal(
  payload: Payload,
  { usage, consumption, notices, channel }: RatedBatch,
): Promise<StoredNotice[]> {
  const already = await existingEventIds(
    payload,
    usage.map((u) => ({ company: u.company, id: u.eventId })),
  )
  if (already.size) throw new ConcurrentBatchError(`${already.size} events recorded concurrently`)
  for (const u of usage) {
    await payload.create({ collection: 'usage' as never, data: u as never, overrideAccess: true, depth: 0 })
  }
  for (const c of consumption) {
    for (const [key, units] of Object.entries(c.deltas)) {
      const found = await payload.find({
        collection: 'consumption' as never,
        where: { line: { equals: c.line }, cycle: { equals: c.cycle }, key: { equals: key } } as never,
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      const doc = found.docs[0] as any
      if (doc) await payload.update({ collection: 'consumption' as never, id: doc.id, data: { units: Number(doc.units) + units } as never, overrideAccess: true, depth: 0 })
      else await payload.create({ collection: 'consumption' as never, data: { line: c.line, company: c.company, cycle: c.cycle, key, units } as never, overrideAccess: true, depth: 0 })
    }
  }
  const stored: StoredNotice[] = []
  for (const n of notices) {
    try {
      const doc = (await payload.create({
        collection: 'notifications' as never,
        data: noticeData(n, channel) as never,
        overrideAccess: true,
        depth: 0,
      })) as any
      stored.push({ ...n.notice, rowId: doc.id })
    } catch {
      /* already sent this cycle (unique index) */
    }
  }
  return stored
}
