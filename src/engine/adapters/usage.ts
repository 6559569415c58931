/**
 * Usage persistence: `usage` rows (unique eventId), `consumption` counters and new
 * `notifications`, written in one transaction per batch. SQL adapters (SQLite,
 * Postgres) use drizzle with Payload's generated tables: INSERT … ON CONFLICT DO NOTHING
 * for usage and notices, ON CONFLICT DO UPDATE units = units + excluded.units for
 * consumption. MongoDB falls back to the Local API.
 */
import { and, eq, getTableName, inArray, sql } from 'drizzle-orm'
import type { Payload } from 'payload'
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

/** The batch conflicted with a concurrent writer (some event ids appeared meanwhile): redo it. */
export class ConcurrentBatchError extends Error {}

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

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Event ids among `ids` already recorded. */
export async function existingEventIds(payload: Payload, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  if (!ids.length) return found
  if (isPostgres(payload)) {
    // One query with the ids as one array parameter.
    const db = payload.db as any
    const t = db.tables.usage
    const column = `"${(t.eventId.name as string).replace(/"/g, '""')}"`
    const res = await db.pool.query(`SELECT ${column} AS id FROM ${quoteTable(t)} WHERE ${column} = ANY($1::text[])`, [ids])
    for (const r of res.rows as { id: string }[]) found.add(r.id)
    return found
  }
  if (isSql(payload)) {
    const db = payload.db as any
    const t = db.tables.usage
    for (const part of chunks(ids, 1000)) {
      const rows: { eventId: string }[] = await db.drizzle.select({ eventId: t.eventId }).from(t).where(inArray(t.eventId, part))
      for (const r of rows) found.add(r.eventId)
    }
    return found
  }
  for (const part of chunks(ids, 1000)) {
    const res = await payload.find({
      collection: 'usage' as never,
      where: { eventId: { in: part } } as never,
      limit: part.length,
      depth: 0,
      overrideAccess: true,
      select: { eventId: true } as never,
    })
    for (const d of res.docs as any[]) found.add(d.eventId)
  }
  return found
}

/** Consumption rows of a line (or several) in a cycle, summed by key. */
export async function readConsumption(payload: Payload, lines: Id[], cycle: string, key?: string): Promise<Flat> {
  const out: Flat = {}
  if (!lines.length) return out
  if (isSql(payload)) {
    const db = payload.db as any
    const t = db.tables.consumption
    const conds = [inArray(t.line, lines), eq(t.cycle, cycle)]
    if (key) conds.push(eq(t.key, key))
    const rows: { key: string; units: number }[] = await db.drizzle
      .select({ key: t.key, units: sql<number>`sum(${t.units})` })
      .from(t)
      .where(and(...conds))
      .groupBy(t.key)
    for (const r of rows) out[r.key] = Number(r.units)
    return out
  }
  const where: Record<string, unknown> = { line: { in: lines }, cycle: { equals: cycle } }
  if (key) where.key = { equals: key }
  const res = await payload.find({ collection: 'consumption' as never, where: where as never, pagination: false, limit: 100_000, depth: 0, overrideAccess: true })
  for (const d of res.docs as any[]) out[d.key] = (out[d.key] ?? 0) + Number(d.units)
  return out
}

/** Keys of notices already recorded for a line in a cycle. */
export async function readSentNotices(payload: Payload, line: Id, cycle: string): Promise<Set<string>> {
  const res = await payload.find({
    collection: 'notifications' as never,
    where: { line: { equals: line }, cycle: { equals: cycle } } as never,
    pagination: false,
    limit: 10_000,
    depth: 0,
    overrideAccess: true,
  })
  return new Set((res.docs as any[]).map((d) => `${d.cycle}|${d.packageKey}|${d.threshold}`))
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
): Promise<StoredNotice[]> {
  const now = new Date().toISOString()
  if (!isSql(payload)) return persistLocal(payload, { usage, consumption, notices, channel })
  const db = payload.db as any
  const tu = db.tables.usage
  const tc = db.tables.consumption
  const tn = db.tables.notifications
  return db.drizzle.transaction(async (tx: any) => {
    const pg = isPostgres(payload)
    let inserted = 0
    if (pg) inserted = await pgInsertMany(tx, tu, usage.map((u) => ({ ...u, updatedAt: now, createdAt: now })) as never, () => 'ON CONFLICT DO NOTHING')
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
    return stored
  })
}

/** MongoDB (or any adapter without drizzle): the Local API, one document at a time. */
async function persistLocal(
  payload: Payload,
  { usage, consumption, notices, channel }: { usage: UsageRow[]; consumption: ConsumptionDelta[]; notices: NoticeRow[]; channel: string },
): Promise<StoredNotice[]> {
  const already = await existingEventIds(
    payload,
    usage.map((u) => u.eventId),
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
