/**
 * Money used per cap in a cycle, from the database (the source of truth): the `money`
 * consumption counters (centavos, written with each usage batch) of the cap's line, of its
 * department's lines, or of the whole company, summed in one query.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Payload, Where } from 'payload'
import type { ReadMark } from '../engine/adapters/usage'
import type { AnyDrizzle, GeneratedTable } from '../engine/adapters/usage/sql'
import type { CapKind } from './capBook'

type Id = string | number

export const MONEY_KEY = 'money'

const numeric = (id: string): Id => (/^\d+$/.test(id) ? Number(id) : id)

/** Payload's drizzle handle and generated tables on SQLite/PostgreSQL; null on MongoDB. */
function sqlOf(payload: Payload): { drizzle: AnyDrizzle; consumption: GeneratedTable; lines: GeneratedTable } | null {
  const db = payload.db as { drizzle?: AnyDrizzle; tables?: Record<string, GeneratedTable> }
  return db.drizzle && db.tables ? { drizzle: db.drizzle, consumption: db.tables.consumption, lines: db.tables.lines } : null
}

export async function readMoneyUsed(payload: Payload, cap: { kind: CapKind; target: string }, cycle: string, mark?: ReadMark): Promise<number> {
  const db = sqlOf(payload)
  if (db) {
    // On PostgreSQL the same statement names the commits the sum includes (see ReadMark): a hold whose
    // usage is among them ends its money part when this snapshot is stored, never counted twice.
    const seen = mark && (payload.db as { name?: string }).name === 'postgres' ? { seen: sql<string>`(select pg_current_snapshot()::text)` } : {}
    const t = db.consumption
    const l = db.lines
    const target = numeric(cap.target)
    const where =
      cap.kind === 'line' ? eq(t.line, target) : cap.kind === 'company' ? eq(t.company, target) : inArray(t.line, db.drizzle.select({ id: l.id }).from(l).where(eq(l.department, target)))
    const rows: { units: number | null; seen?: string }[] = await db.drizzle
      .select({ units: sql<number>`coalesce(sum(${t.units}), 0)`, ...seen })
      .from(t)
      .where(and(eq(t.cycle, cycle), eq(t.key, MONEY_KEY), where))
    if (mark) mark.seen = rows[0]?.seen
    return Number(rows[0]?.units ?? 0)
  }
  let lines: Id[] | null = null
  if (cap.kind === 'department') {
    const res = await payload.find({ collection: 'lines', where: { department: { equals: cap.target } }, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as never }) // the generated LinesSelect has no `id` (always answered): asking for it alone keeps the rows small
    lines = (res.docs as { id: Id }[]).map((d) => d.id)
  }
  const where: Where = { cycle: { equals: cycle }, key: { equals: MONEY_KEY } }
  if (cap.kind === 'line') where.line = { equals: cap.target }
  else if (cap.kind === 'company') where.company = { equals: cap.target }
  else where.line = { in: lines }
  const res = await payload.find({ collection: 'consumption', where, pagination: false, depth: 0, overrideAccess: true })
  return res.docs.reduce((s, d) => s + Number(d.units), 0)
}

/** Money used per cycle (cycle key → centavos), the latest `limit` cycles, for a line, a department or a company. */
export async function readMoneyByCycle(payload: Payload, target: { kind: CapKind; target: string }, limit = 6): Promise<{ cycle: string; cents: number }[]> {
  const db = sqlOf(payload)
  if (db) {
    const t = db.consumption
    const l = db.lines
    const id = numeric(target.target)
    const where =
      target.kind === 'line' ? eq(t.line, id) : target.kind === 'company' ? eq(t.company, id) : inArray(t.line, db.drizzle.select({ id: l.id }).from(l).where(eq(l.department, id)))
    const rows: { cycle: string; units: number }[] = await db.drizzle
      .select({ cycle: t.cycle, units: sql<number>`coalesce(sum(${t.units}), 0)` })
      .from(t)
      .where(and(eq(t.key, MONEY_KEY), where))
      .groupBy(t.cycle)
    return rows
      .map((r) => ({ cycle: String(r.cycle), cents: Number(r.units) }))
      .sort((a, b) => (a.cycle < b.cycle ? 1 : -1))
      .slice(0, limit)
  }
  const res = await payload.find({ collection: 'consumption', where: { key: { equals: MONEY_KEY } }, pagination: false, depth: 0, overrideAccess: true })
  const by = new Map<string, number>()
  for (const d of res.docs) {
    const cycle = String(d.cycle)
    const cur = (await readMoneyUsed(payload, target, cycle)) || 0
    by.set(cycle, cur)
  }
  return [...by].map(([cycle, cents]) => ({ cycle, cents })).sort((a, b) => (a.cycle < b.cycle ? 1 : -1)).slice(0, limit)
}
