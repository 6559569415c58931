import { and, eq, inArray, lt } from 'drizzle-orm'
import type { BaseDatabaseAdapter, PayloadRequest } from 'payload'

/** The drizzle side of Payload's SQL adapters (SQLite, PostgreSQL) that the claim needs. */
interface SqlAdapter extends BaseDatabaseAdapter {
  drizzle: any
  tables: Record<string, any>
  tableNameMap: Map<string, string>
}

export const isSqlAdapter = (adapter: object): adapter is SqlAdapter =>
  Boolean((adapter as Partial<SqlAdapter>).drizzle && (adapter as Partial<SqlAdapter>).tables)

/** The `payload_jobs` table and the database handle of `req`'s transaction (or the pool). */
export async function jobsTable(adapter: SqlAdapter, req?: Partial<PayloadRequest>) {
  const table = adapter.tables[adapter.tableNameMap.get('payload_jobs') ?? 'payload_jobs']
  const id = req?.transactionID ? await req.transactionID : undefined
  const session = id != null ? (adapter.sessions as Record<string, { db: unknown } | undefined>)[String(id)] : undefined
  return { table, db: (session?.db as any) || adapter.drizzle }
}

/**
 * Makes Payload's claim of jobs atomic. Payload 3.90 claims by `updateJobs({data: {processing:
 * true}, where: {processing: false, …}})`, which the drizzle adapter runs as a find then an
 * update by id: two runners (app instances, workers) that find the same job both "claim" it
 * and both run it. Here the found jobs are taken by one conditional statement,
 * `UPDATE payload_jobs SET processing = true WHERE id IN (…) AND processing = false RETURNING id`,
 * in the claim's transaction: on PostgreSQL a concurrent claimer waits on the row lock and
 * then sees processing = true; SQLite has a single writer. Only the jobs this runner took are
 * returned (and so run). Other updates of jobs are untouched.
 */
export function withAtomicJobClaim(adapter: BaseDatabaseAdapter): void {
  const updateJobs = adapter.updateJobs
  adapter.updateJobs = async function (args) {
    // drizzle exists once connected; MongoDB keeps Payload's own claim (untested here).
    if (args.data?.processing !== true || !isSqlAdapter(adapter)) return updateJobs.call(adapter, args)
    const candidates =
      args.id != null
        ? [args.id]
        : (await adapter.find({ collection: 'payload-jobs', where: args.where ?? {}, limit: args.limit ?? 0, sort: args.sort, pagination: false, req: args.req })).docs.map((d) => d.id)
    if (!candidates.length) return []
    const { table, db } = await jobsTable(adapter, args.req)
    const taken: { id: string | number }[] = await db
      .update(table)
      .set({ processing: true, updatedAt: new Date().toISOString() })
      .where(and(inArray(table.id, candidates), eq(table.processing, false)))
      .returning({ id: table.id })
    if (!taken.length) return []
    return updateJobs.call(adapter, { ...args, id: undefined, limit: taken.length, where: { id: { in: taken.map((t) => t.id) } } })
  }
}

/**
 * Releases a job only if it is still `processing` and untouched since `staleBefore` (no runner
 * beat meanwhile), in one conditional statement: of two recoverers only one wins. Answers
 * whether this call released it.
 */
export async function releaseStaleJob(adapter: SqlAdapter, id: string | number, staleBefore: string, set: { totalTried: number; hasError: boolean }): Promise<boolean> {
  const { table, db } = await jobsTable(adapter)
  const rows: unknown[] = await db
    .update(table)
    .set({ processing: false, totalTried: set.totalTried, hasError: set.hasError, waitUntil: null, updatedAt: new Date().toISOString() })
    .where(and(eq(table.id, id), eq(table.processing, true), lt(table.updatedAt, staleBefore)))
    .returning({ id: table.id })
  return rows.length > 0
}

/** Marks `ids` (this process's running jobs) alive: `updatedAt` = now while they are processing. */
export async function beatJobs(adapter: SqlAdapter, ids: (string | number)[]): Promise<void> {
  if (!ids.length) return
  const { table, db } = await jobsTable(adapter)
  await db.update(table).set({ updatedAt: new Date().toISOString() }).where(and(inArray(table.id, ids), eq(table.processing, true)))
}
