/**
 * A company's lines read in bulk for backups, previews and restores (issue 16): on SQLite and
 * PostgreSQL straight from the table (keyset pages in id order, only the backed-up columns,
 * documents shaped as the Local API answers them at depth 0); `null` on MongoDB, whose callers
 * keep the Local API path.
 */
import { and, asc, eq, gt } from 'drizzle-orm'
import type { Payload } from 'payload'
import { sqlOf, tableOf } from './sql'

type Data = Record<string, unknown>
type Id = string | number

// Small pages: what outlives a round trip is promoted to the old generation, whose garbage is what RSS grows by.
const PAGE = 2000

const num = (v: unknown) => (v == null ? null : Number(v))

export function linePages(payload: Payload, company: Id): AsyncGenerator<Data[]> | null {
  const db = sqlOf(payload)
  if (!db) return null
  const t = tableOf(db, 'lines')
  const columns = {
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
  }
  return (async function* () {
    let after: Id | undefined
    for (;;) {
      const rows: Data[] = await db.adapter.drizzle
        .select(columns)
        .from(t)
        .where(after == null ? eq(t.company, company) : and(eq(t.company, company), gt(t.id, after)))
        .orderBy(asc(t.id))
        .limit(PAGE)
      if (!rows.length) return
      yield rows.map(({ quotaControl, quotaAmountMB, ...line }) => ({ ...line, quota: { control: quotaControl, amountMB: num(quotaAmountMB) } }))
      if (rows.length < PAGE) return
      after = rows[rows.length - 1].id as Id
    }
  })()
}

/** Id and number of each of the company's lines (names of lines in a preview's or restore's phrases). */
export async function lineNumbers(payload: Payload, company: Id): Promise<Map<string, string> | null> {
  const pages = linePages(payload, company)
  if (!pages) return null
  const out = new Map<string, string>()
  for await (const page of pages) for (const line of page) out.set(String(line.id), String(line.msisdn))
  return out
}
