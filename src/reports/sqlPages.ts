import { buildQuery, type DrizzleAdapter } from '@payloadcms/drizzle'
import { and, asc, desc, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm'
import type { Payload } from 'payload'
import type { Doc, PageOptions } from './source'

type Column = Parameters<typeof asc>[0]
type Table = Record<string, Column>
/** The select chain both drizzle dialects share (the adapter types `drizzle` as a union of the two). */
interface Select {
  select(columns: Record<string, Column>): { from(table: Table): { where(where: SQL | undefined): { orderBy(...order: SQL[]): { limit(n: number): Promise<Doc[]> } } } }
}

const isDrizzle = (db: Payload['db']): db is Payload['db'] & DrizzleAdapter => 'drizzle' in db && 'tables' in db && 'tableNameMap' in db

/**
 * `pages` for SQL databases: one indexed keyset query per page, `(sort, id) < (last sort, last id)`
 * as a row value bounded by `sort <= last sort`, so page N costs what page 1 costs even when many rows
 * share the sort value (lines imported in one batch share `createdAt`: the adapter path's
 * `sort < x OR (sort = x AND id < y)` scanned every tied row again on each page). The `where` is
 * compiled by Payload's own drizzle query builder, so it means what the REST list means; the rows
 * skip the adapter's per-document transform (only the page's plain columns are read).
 *
 * Returns null when this read cannot serve the query (another adapter, a field that is not a plain
 * column of the table, a `where` that needs a join): the caller then takes the adapter path.
 */
export function sqlPages(payload: Payload, options: PageOptions): AsyncGenerator<Doc[]> | null {
  const db = payload.db
  if (!isDrizzle(db)) return null
  const config = payload.collections[options.collection].config
  const tableName = db.tableNameMap.get(options.collection.replace(/-/g, '_'))
  const table = tableName ? (db.tables[tableName] as Table | undefined) : undefined
  if (!table || !tableName) return null
  const fields = [...new Set(['id', ...Object.keys(options.select ?? {}), ...(options.sortField ? [options.sortField] : [])])]
  if (!options.select || fields.some((f) => !(f in table))) return null
  const built = buildQuery({ adapter: db, fields: config.flattenedFields, tableName, where: options.where })
  if (built.joins.length) return null
  const dates = new Set(['createdAt', 'updatedAt', ...config.flattenedFields.filter((f) => f.type === 'date').map((f) => f.name)])
  return keysetPages(db, table, fields, built.where, dates, options)
}

async function* keysetPages(db: DrizzleAdapter, table: Table, fields: string[], where: SQL | undefined, dates: Set<string>, options: PageOptions): AsyncGenerator<Doc[]> {
  const { sortField, desc: descending = false, pageSize = 5000 } = options
  const order = descending ? desc : asc
  const id = table.id
  const sort = sortField ? table[sortField] : undefined
  const columns = Object.fromEntries(fields.map((f) => [f, table[f]]))
  let last: Doc | undefined
  for (;;) {
    const cursor: SQL[] = []
    if (last && sort && sortField) {
      const bound = last[sortField]
      cursor.push(descending ? lte(sort, bound) : gte(sort, bound), descending ? sql`(${sort}, ${id}) < (${bound}, ${last.id})` : sql`(${sort}, ${id}) > (${bound}, ${last.id})`)
    } else if (last) {
      cursor.push(descending ? lt(id, last.id) : gt(id, last.id))
    }
    const raw = await (db.drizzle as unknown as Select)
      .select(columns)
      .from(table)
      .where(and(where, ...cursor))
      .orderBy(...(sort ? [order(sort)] : []), order(id))
      .limit(pageSize)
    if (!raw.length) return
    // The cursor keeps the database's own value; the rows handed out carry ISO dates, as the adapter's do.
    last = raw[raw.length - 1]
    yield raw.map((row) => isoDates(row, dates))
    if (raw.length < pageSize) return
  }
}

function isoDates(row: Doc, dates: Set<string>): Doc {
  const out: Doc = { ...row }
  for (const f of dates) if (out[f] != null) out[f] = new Date(out[f] as string).toISOString()
  return out
}
