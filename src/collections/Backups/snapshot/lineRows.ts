/**
 * A company's lines read in bulk for backups, previews and restores (issue 16): on SQLite and
 * PostgreSQL straight from the table (in id order, only the backed-up columns, documents shaped
 * as the Local API answers them at depth 0); `null` on MongoDB, whose callers keep the Local API
 * path.
 */
import { and, asc, eq, gt } from 'drizzle-orm'
import type { Payload } from 'payload'
import { sqlOf, tableOf, type SqlDb } from './sql'

type Data = Record<string, unknown>
type Id = string | number

// Small pages: what outlives a round trip is promoted to the old generation, whose garbage is what RSS grows by.
const PAGE = 500

const num = (v: unknown) => (v == null ? null : Number(v))

function lineColumns(db: SqlDb) {
  const t = tableOf(db, 'lines')
  return {
    t,
    columns: {
      id: t.id,
      name: t.name,
      msisdn: t.msisdn,
      status: t.status,
      account: t.account,
      department: t.department,
      profile: t.profile,
      iccid: t.iccid,
      imsi: t.imsi,
      extension: t.extension,
      quotaControl: t.quota_control,
      quotaAmountMB: t.quota_amountMB,
      company: t.company,
    },
  }
}

/** A line as the Local API answers it, from a row's values in `keys` order (no spread per row: see plan.ts's steps). */
function fromArray(keys: string[], row: unknown[]): Data {
  const line: Data = {}
  const quota: Data = { control: null, amountMB: null }
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === 'quotaControl') quota.control = row[i]
    else if (keys[i] === 'quotaAmountMB') quota.amountMB = num(row[i])
    else line[keys[i]] = row[i]
  }
  line.quota = quota
  return line
}

export function linePages(payload: Payload, company: Id): AsyncGenerator<Data[]> | null {
  const db = sqlOf(payload)
  if (!db) return null
  return db.adapter.pool ? cursorPages(db, company) : keysetPages(db, company)
}

/**
 * PostgreSQL: one ordered query read through a cursor, a page per FETCH. Keyset pages
 * (`id > last ORDER BY id LIMIT n`) have no (company, id) index to walk: each one re-reads and
 * sorts the company's rows (85 ms a page for 100 000 lines, 4 s a backup). One read-only
 * transaction also makes the pages one consistent snapshot.
 */
async function* cursorPages(db: SqlDb, company: Id): AsyncGenerator<Data[]> {
  const { t, columns } = lineColumns(db)
  const keys = Object.keys(columns)
  const query = db.adapter.drizzle.select(columns).from(t).where(eq(t.company, company)).orderBy(asc(t.id)).toSQL() as { sql: string; params: unknown[] }
  const client = await db.adapter.pool!.connect()
  let broken = false
  try {
    await client.query({ text: 'BEGIN READ ONLY' })
    await client.query({ text: `DECLARE company_lines NO SCROLL CURSOR FOR ${query.sql}`, values: query.params })
    for (;;) {
      // Rows as arrays, in the select's order (the columns' names are the table's, not the keys).
      const { rows } = await client.query({ text: `FETCH ${PAGE} FROM company_lines`, rowMode: 'array' })
      if (rows.length) yield rows.map((row) => fromArray(keys, row))
      if (rows.length < PAGE) return
    }
  } finally {
    // Also when the reader stops early (its loop's return): the connection goes back to the pool.
    await client.query({ text: 'ROLLBACK' }).catch(() => (broken = true))
    client.release(broken)
  }
}

/** SQLite: keyset pages, which its company index walks in id order (an index holds the rowid). */
async function* keysetPages(db: SqlDb, company: Id): AsyncGenerator<Data[]> {
  const { t, columns } = lineColumns(db)
  const keys = Object.keys(columns)
  let after: Id | undefined
  for (;;) {
    const rows: Data[] = await db.adapter.drizzle
      .select(columns)
      .from(t)
      .where(after == null ? eq(t.company, company) : and(eq(t.company, company), gt(t.id, after)))
      .orderBy(asc(t.id))
      .limit(PAGE)
    if (!rows.length) return
    yield rows.map((row) => fromArray(keys, keys.map((k) => row[k])))
    if (rows.length < PAGE) return
    after = rows[rows.length - 1].id as Id
  }
}

/** Id and number of each of the company's lines (names of lines in a preview's or restore's phrases). */
export async function lineNumbers(payload: Payload, company: Id): Promise<Map<string, string> | null> {
  const pages = linePages(payload, company)
  if (!pages) return null
  const out = new Map<string, string>()
  for await (const page of pages) for (const line of page) out.set(String(line.id), String(line.msisdn))
  return out
}
