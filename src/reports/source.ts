import type { CollectionSlug, Payload, Where } from 'payload'

type Id = string | number
export type Doc = Record<string, any> & { id: Id }

export interface PageOptions {
  collection: CollectionSlug
  where: Where
  /** Order by this field (with the id as tie-break), descending when `desc`; default: id ascending. */
  sortField?: string
  desc?: boolean
  select?: Record<string, true>
  pageSize?: number
}

/**
 * Reads a collection page by page with keyset pagination (no OFFSET: page N costs the
 * same as page 1), straight through the database adapter (no hooks, no access: the
 * caller builds the scoped `where`). Memory holds one page at a time.
 */
export async function* pages(payload: Payload, options: PageOptions): AsyncGenerator<Doc[]> {
  const { collection, where, sortField, desc = false, pageSize = 5000 } = options
  const select: Record<string, true> | undefined = options.select ? { ...options.select, id: true, ...(sortField ? { [sortField]: true } : {}) } : undefined
  const dir = desc ? '-' : ''
  const less = desc ? 'less_than' : 'greater_than'
  let last: Doc | undefined
  for (;;) {
    const cursor: Where[] = []
    if (last) {
      cursor.push(
        sortField
          ? { or: [{ [sortField]: { [less]: last[sortField] } }, { and: [{ [sortField]: { equals: last[sortField] } }, { id: { [less]: last.id } }] }] }
          : { id: { [less]: last.id } },
      )
    }
    const result = await payload.db.find<Doc>({
      collection,
      where: cursor.length ? { and: [where, ...cursor] } : where,
      sort: sortField ? [`${dir}${sortField}`, `${dir}id`] : `${dir}id`,
      limit: pageSize,
      pagination: false,
      select: select,
    })
    const docs = result.docs
    if (!docs.length) return
    yield docs
    if (docs.length < pageSize) return
    last = docs[docs.length - 1]
  }
}

/** Row by row over `pages`. */
export async function* rowsOf(payload: Payload, options: PageOptions): AsyncGenerator<Doc> {
  for await (const page of pages(payload, options)) yield* page
}

export const relId = (v: unknown): Id | undefined =>
  v == null ? undefined : typeof v === 'object' ? (v as { id: Id }).id : (v as Id)

/**
 * Documents of a collection by id, fetched in batches the first time they are needed and
 * kept (bounded: the cache is dropped when it grows past `max`).
 */
export class Lookup {
  private cache = new Map<string, Doc>()
  constructor(
    private payload: Payload,
    private collection: CollectionSlug,
    private select: Record<string, true>,
    private max = 200_000,
  ) {}

  async load(ids: Iterable<unknown>): Promise<void> {
    const missing = [...new Set([...ids].map(relId).filter((id): id is Id => id != null && !this.cache.has(String(id))))]
    if (!missing.length) return
    if (this.cache.size + missing.length > this.max) this.cache.clear()
    for (let i = 0; i < missing.length; i += 1000) {
      const chunk = missing.slice(i, i + 1000)
      const found = await this.payload.db.find<Doc>({
        collection: this.collection,
        where: { id: { in: chunk } },
        limit: chunk.length,
        pagination: false,
        select: { ...this.select, id: true },
      })
      for (const doc of found.docs) this.cache.set(String(doc.id), doc)
    }
  }

  get(id: unknown): Doc | undefined {
    const key = relId(id)
    return key == null ? undefined : this.cache.get(String(key))
  }
}

export interface UsageQuery {
  company: Id
  services: string[]
  start: string
  end: string
  msisdn?: string
  departments: Id[]
}

const USAGE_FIELDS = ['line', 'msisdn', 'service', 'category', 'destination', 'at', 'units', 'group', 'package', 'cost'] as const

/**
 * Usage events of a period, newest first, page by page. On SQLite and PostgreSQL the
 * pages are read straight from Payload's generated table with drizzle (the adapter's
 * per-document transform costs more than writing the spreadsheet); MongoDB takes the
 * adapter path (`pages`). Both give the same documents in the same order.
 */
export async function* usagePages(payload: Payload, q: UsageQuery, size?: number): AsyncGenerator<Doc[]> {
  const db = payload.db as unknown as { drizzle?: any; tables?: Record<string, any>; name?: string }
  // libsql materialises rows as heavier objects than pg: smaller pages keep SQLite's peak memory down; PostgreSQL saves round trips.
  const pageSize = size ?? (db.name === 'postgres' ? 5000 : 2000)
  if (!db.drizzle || !db.tables?.usage) {
    const and: Where[] = [{ company: { equals: q.company } }, { service: { in: q.services } }, { at: { greater_than_equal: q.start } }, { at: { less_than: q.end } }]
    if (q.msisdn) and.push({ msisdn: { equals: q.msisdn } })
    if (q.departments.length) and.push({ 'line.department': { in: q.departments } })
    yield* pages(payload, { collection: 'usage', where: { and }, sortField: 'at', desc: true, select: Object.fromEntries(USAGE_FIELDS.map((f) => [f, true])), pageSize })
    return
  }
  const { and, desc, eq, gte, inArray, lt, lte, or } = await import('drizzle-orm')
  const t = db.tables.usage
  const lines = db.tables.lines
  const columns = Object.fromEntries([['id', t.id], ...USAGE_FIELDS.map((f) => [f, t[f]])])
  const base = [eq(t.company, q.company), inArray(t.service, q.services), gte(t.at, q.start), lt(t.at, q.end)]
  if (q.msisdn) base.push(eq(t.msisdn, q.msisdn))
  if (q.departments.length) {
    base.push(inArray(t.line, db.drizzle.select({ id: lines.id }).from(lines).where(and(eq(lines.company, q.company), inArray(lines.department, q.departments)))))
  }
  let last: Doc | undefined
  for (;;) {
    // (at, id) < last, written so the `at` bound alone can use the (company, at) index.
    const cursor = last ? [lte(t.at, last.at), or(lt(t.at, last.at), lt(t.id, last.id))] : []
    const docs: Doc[] = await db.drizzle
      .select(columns)
      .from(t)
      .where(and(...base, ...cursor))
      .orderBy(desc(t.at), desc(t.id))
      .limit(pageSize)
    if (!docs.length) return
    yield docs
    if (docs.length < pageSize) return
    last = docs[docs.length - 1]
  }
}
