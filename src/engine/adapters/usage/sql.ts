/**
 * What the SQL usage stores (./postgres.ts, ./sqlite.ts) share: identifier quoting for raw
 * statements, and the drizzle statements both run on Payload's generated tables (consumption
 * sums, notices' INSERT … ON CONFLICT DO NOTHING).
 */
import { and, eq, getTableName, inArray, sql, type Column, type SQL, type Table } from 'drizzle-orm'
import type { Flat } from '../counters'
import type { StoredNotice } from '../notify'
import { addToLine, chunks, noticeData, numericId, type Id, type KeyTarget, type NoticeRow, type ReadMark } from './store'

/** An identifier quoted for raw SQL. */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`
/** A drizzle table's name, quoted for raw SQL. */
export const quoteTable = (table: Table) => quoteIdent(getTableName(table))
/** A drizzle column's name, quoted for raw SQL. */
export const quoteColumn = (column: Column) => quoteIdent(column.name)

/**
 * Payload's generated drizzle handle or transaction. The query builders' types differ per
 * dialect (node-postgres, libsql) and these statements run on both.
 */
export type AnyDrizzle = any // drizzle's builders have no common type across dialects (node-postgres, libsql)

/** One of Payload's generated tables as drizzle sees it: its columns by field name. */
export type GeneratedTable = Table & Record<string, Column>

/** Payload's generated tables the engine writes (and `lines`, for a department's lines). */
export interface UsageTables {
  usage: GeneratedTable
  consumption: GeneratedTable
  notifications: GeneratedTable
  lines: GeneratedTable
}

/** The select column that reads the statement's snapshot (PostgreSQL; evaluated once, as an init plan). */
export const statementSnapshot = () => sql<string>`(select pg_current_snapshot()::text)`

/** Marks `mark` with the snapshot a read of one statement saw (none when it read nothing: then it saw no commit of these rows). */
export function markRead(mark: ReadMark | undefined, rows: { seen?: string }[], statements: number) {
  if (!mark) return
  mark.seen = statements === 1 ? rows.find((r) => r.seen)?.seen : undefined
}

/** Consumption rows of lines in a cycle, summed by key (drizzle; `seen`: read the statement's snapshot too). */
export async function drizzleConsumption(drizzle: AnyDrizzle, t: UsageTables['consumption'], lines: readonly Id[], cycle: string, key: string | undefined, mark: ReadMark | undefined, seen: boolean): Promise<Flat> {
  const out: Flat = {}
  const parts = chunks(lines, 5000)
  for (const part of parts) {
    const conds = [inArray(t.line, part), eq(t.cycle, cycle)]
    if (key) conds.push(eq(t.key, key))
    const rows: { key: string; units: number; seen?: string }[] = await drizzle
      .select({ key: t.key, units: sql<number>`sum(${t.units})`, ...(seen ? { seen: statementSnapshot() } : {}) })
      .from(t)
      .where(and(...conds))
      .groupBy(t.key)
    for (const r of rows) out[r.key] = (out[r.key] ?? 0) + Number(r.units)
    markRead(mark, rows, parts.length)
  }
  return out
}

/** Consumption rows matching a filter, summed by line and key into `out` (drizzle); answers the rows read. */
export async function drizzleConsumptionByLine(drizzle: AnyDrizzle, t: UsageTables['consumption'], out: Map<string, Flat>, filter: SQL | undefined, seen: boolean): Promise<{ seen?: string }[]> {
  const rows: { line: Id; key: string; units: number; seen?: string }[] = await drizzle
    .select({ line: t.line, key: t.key, units: sql<number>`sum(${t.units})`, ...(seen ? { seen: statementSnapshot() } : {}) })
    .from(t)
    .where(filter)
    .groupBy(t.line, t.key)
  for (const r of rows) addToLine(out, r.line, r.key, r.units)
  return rows
}

/** A company's consumption in a cycle, summed by line and key (SQLite: no snapshot to mark; PostgreSQL reads it raw, usage/postgres.ts). */
export async function drizzleConsumptionOfCompany(drizzle: AnyDrizzle, t: UsageTables['consumption'], company: Id, cycle: string, mark: ReadMark | undefined) {
  const out = new Map<string, Flat>()
  const rows = await drizzleConsumptionByLine(drizzle, t, out, and(eq(t.company, company), eq(t.cycle, cycle)), false)
  markRead(mark, rows, 1)
  return out
}

/** New notices, INSERT … ON CONFLICT DO NOTHING (once per line, package, cycle and threshold): answers those stored now. */
export async function insertNotices(tx: AnyDrizzle, tn: UsageTables['notifications'], notices: NoticeRow[], channel: string, now: string): Promise<StoredNotice[]> {
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
}

/** Consumption rows of a target: its line, its company, or the lines of its department (a subquery). */
function targetFilter(drizzle: AnyDrizzle, tables: UsageTables, target: KeyTarget): SQL {
  const t = tables.consumption
  const l = tables.lines
  const id = numericId(target.target)
  return target.kind === 'line' ? eq(t.line, id) : target.kind === 'company' ? eq(t.company, id) : inArray(t.line, drizzle.select({ id: l.id }).from(l).where(eq(l.department, id)))
}

/** The sum of one key of a target in a cycle, in one statement (with its snapshot when `seen` and `mark`: PostgreSQL). */
export async function drizzleKeyOfTarget(drizzle: AnyDrizzle, tables: UsageTables, target: KeyTarget, key: string, cycle: string, mark: ReadMark | undefined, seen: boolean): Promise<number> {
  const t = tables.consumption
  const rows: { units: number | null; seen?: string }[] = await drizzle
    .select({ units: sql<number>`coalesce(sum(${t.units}), 0)`, ...(mark && seen ? { seen: statementSnapshot() } : {}) })
    .from(t)
    .where(and(eq(t.cycle, cycle), eq(t.key, key), targetFilter(drizzle, tables, target)))
  if (mark) mark.seen = rows[0]?.seen
  return Number(rows[0]?.units ?? 0)
}

/** The sum of one key of a target per cycle, in one statement. */
export async function drizzleKeyByCycle(drizzle: AnyDrizzle, tables: UsageTables, target: KeyTarget, key: string): Promise<{ cycle: string; units: number }[]> {
  const t = tables.consumption
  const rows: { cycle: string; units: number }[] = await drizzle
    .select({ cycle: t.cycle, units: sql<number>`coalesce(sum(${t.units}), 0)` })
    .from(t)
    .where(and(eq(t.key, key), targetFilter(drizzle, tables, target)))
    .groupBy(t.cycle)
  return rows.map((r) => ({ cycle: String(r.cycle), units: Number(r.units) }))
}
