/**
 * Backup and restore straight through the database adapter (issue 16) on SQLite and
 * PostgreSQL: Payload's drizzle tables, inside the request's transaction when it has one.
 * `null` from `sqlOf` means MongoDB (no drizzle): callers keep their Local API path.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'

type Row = Record<string, unknown>
type Id = string | number

/** The pool client of node-postgres, as far as a cursor needs it. */
export interface PgClient {
  query: (q: { text: string; values?: unknown[]; rowMode?: 'array' }) => Promise<{ rows: unknown[][] }>
  release: (destroy?: boolean) => void
}

interface DrizzleAdapter {
  name: string
  drizzle: any
  /** PostgreSQL only: node-postgres's pool. */
  pool?: { connect: () => Promise<PgClient> }
  tables: Record<string, any>
  tableNameMap: Map<string, string>
  sessions: Record<string | number, { db: any } | undefined>
}

export interface SqlDb {
  dialect: 'postgres' | 'sqlite'
  adapter: DrizzleAdapter
}

export function sqlOf(payload: Payload): SqlDb | null {
  const adapter = payload.db as unknown as Partial<DrizzleAdapter>
  if (!adapter.drizzle || !adapter.tables || !adapter.tableNameMap) return null
  return { dialect: adapter.name === 'postgres' ? 'postgres' : 'sqlite', adapter: adapter as DrizzleAdapter }
}

/** The drizzle table of a collection (`restore-items` → `restore_items`). */
export function tableOf(db: SqlDb, collection: string): any {
  const key = collection.replace(/-/g, '_')
  const table = db.adapter.tables[db.adapter.tableNameMap.get(key) ?? key]
  if (!table) throw new Error(`tabela desconhecida: ${collection}`)
  return table
}

/** The request's transaction, or the adapter's connection outside one. */
export async function connectionOf(db: SqlDb, req?: PayloadRequest): Promise<any> {
  const id = req?.transactionID ? await req.transactionID : undefined
  return (id != null && db.adapter.sessions[id]?.db) || db.adapter.drizzle
}

/** Rows of a raw statement on either engine. */
export async function rowsOf(db: SqlDb, conn: any, query: SQL): Promise<Row[]> {
  if (db.dialect === 'postgres') return ((await conn.execute(query)) as { rows: Row[] }).rows
  return (await conn.all(query)) as Row[]
}

/**
 * Multi-row inserts (keys are the drizzle table's keys, every row the same keys), sent as one
 * JSON parameter per statement: PostgreSQL `jsonb_to_recordset`, SQLite `json_each` (a
 * statement of a thousand rows built by drizzle costs more CPU than the database spends on it).
 */
export async function insertRows(db: SqlDb, req: PayloadRequest | undefined, collection: string, rows: Row[]): Promise<void> {
  if (!rows.length) return
  const conn = await connectionOf(db, req)
  const { name, tableName, columns } = columnsOf(db, collection)
  const keys = Object.keys(rows[0])
  const names = keys.map(name)
  const list = names.map(quoted).join(', ')
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK).map((r) => Object.fromEntries(keys.map((k, j) => [names[j], r[k] ?? null]))))
    const query =
      db.dialect === 'postgres'
        ? sql`INSERT INTO ${sql.raw(tableName)} (${sql.raw(list)}) SELECT ${sql.raw(list)} FROM jsonb_to_recordset(${json}::jsonb) AS v(${sql.raw(keys.map((k, j) => `${quoted(names[j])} ${pgTypeOf(columns[k])}`).join(', '))})`
        : sql`INSERT INTO ${sql.raw(tableName)} (${sql.raw(list)}) SELECT ${sql.raw(names.map((c) => sqliteValue(c, columns)).join(', '))} FROM json_each(${json})`
    await rowsOf(db, conn, query)
  }
}

/** Rows per statement. */
const CHUNK = 2000

/** A column's value out of a `json_each` row; a json column keeps JSON text, as drizzle writes it. */
function sqliteValue(column: string, columns: Record<string, any>): string {
  const value = `json_extract(value, '$.${column}')`
  const json = Object.values(columns).find((c) => c.name === column)?.columnType === 'SQLiteTextJson'
  return json ? `CASE WHEN ${value} IS NULL THEN NULL ELSE json_quote(${value}) END` : value
}

function columnsOf(db: SqlDb, collection: string) {
  const table = tableOf(db, collection)
  const columns = getTableColumns(table) as Record<string, any>
  const name = (key: string) => {
    const column = columns[key]
    if (!column) throw new Error(`coluna desconhecida: ${collection}.${key}`)
    return String(column.name)
  }
  return { table, columns, name, tableName: quoted(String(table[Symbol.for('drizzle:Name')])) }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The PostgreSQL type a column's values are read as from JSON. */
function pgTypeOf(column: any): string {
  if (column.columnType === 'PgEnumColumn') return quoted(column.enum.enumName)
  const type = String(column.getSQLType())
  return type === 'serial' ? 'integer' : type === 'bigserial' ? 'bigint' : type
}

/**
 * Sets `fields` (drizzle keys) of many rows of one company in one statement, from JSON: PostgreSQL
 * `jsonb_to_recordset`, SQLite `json_each` with UPDATE … FROM. Answers the ids written (a row that
 * left the company is not among them).
 */
export async function updateRows(db: SqlDb, req: PayloadRequest | undefined, collection: string, company: Id, fields: string[], rows: (Row & { id: Id })[]): Promise<Set<string>> {
  const written = new Set<string>()
  if (!rows.length) return written
  const conn = await connectionOf(db, req)
  const { columns, name, tableName } = columnsOf(db, collection)
  const sets = fields.map((f) => `${quoted(name(f))} = v.${quoted(name(f))}`)
  const payloadRows = rows.map((r) => Object.fromEntries([['id', r.id], ...fields.map((f) => [name(f), r[f] ?? null])]))
  const now = new Date().toISOString()
  for (let i = 0; i < payloadRows.length; i += CHUNK) {
    const json = JSON.stringify(payloadRows.slice(i, i + CHUNK))
    let query: SQL
    if (db.dialect === 'postgres') {
      const shape = [`"id" ${pgTypeOf(columns.id)}`, ...fields.map((f) => `${quoted(name(f))} ${pgTypeOf(columns[f])}`)].join(', ')
      query = sql`UPDATE ${sql.raw(tableName)} AS t SET ${sql.raw(sets.join(', '))}, "updated_at" = ${now} FROM jsonb_to_recordset(${json}::jsonb) AS v(${sql.raw(shape)}) WHERE t."id" = v."id" AND t."company_id" = ${company} RETURNING t."id"`
    } else {
      // One statement a row, by primary key (in-process, cheap): SQLite's planner may scan the whole table for UPDATE … FROM json_each.
      for (const row of payloadRows.slice(i, i + CHUNK)) {
        const values = fields.map((f) => sql`${sql.raw(quoted(name(f)))} = ${row[name(f)]}`)
        const one = sql`UPDATE ${sql.raw(tableName)} SET ${sql.join(values, sql`, `)}, "updated_at" = ${now} WHERE "id" = ${row.id} AND "company_id" = ${company} RETURNING "id"`
        for (const back of await rowsOf(db, conn, one)) written.add(String(back.id))
      }
      continue
    }
    for (const row of await rowsOf(db, conn, query)) written.add(String(row.id))
  }
  return written
}
