/**
 * One company's engine data, read in bulk and held once: its settings, holidays, profiles and
 * pools (company-wide facts), the rows of its lines (a few columns each), their franchises and
 * transfers, the set of its numbers (intragroup) and its accounts' line ids (pool). A line's
 * snapshot is compiled from these on its first use and references the shared parts (numbers,
 * operator index, compiled profile per profile and DDD, holidays per DDD), so it stays the same
 * small size whatever the company's.
 *
 * Reading: lines through `payload.db.drizzle` (one query, a few columns) on SQLite/PostgreSQL,
 * the Local API on MongoDB; the other collections one Local API query each for the company.
 */
import { eq, inArray } from 'drizzle-orm'
import type { CollectionSlug, Payload, Where } from 'payload'
import type { Pool } from 'pg'
import { quoteColumn, quoteTable, type AnyDrizzle, type GeneratedTable } from './usage/sql'
import { poolOffers, poolTotalMB } from '../../domain/pools'
import {
  compileProfileParts,
  compileSnapshot,
  dddOfMsisdn,
  holidayDaysOf,
  type CompiledSnapshot,
  type CompanySettings,
  type FranchiseTransfer,
  type HolidayData,
  type LineStatus,
  type OfferData,
  type OperatorIndex,
  type ProfileData,
  type ProfileParts,
  type QuotaControl,
  type Weekday,
  type SharedPoolData,
} from '../core'

export type Id = string | number
// A document of any of the collections a snapshot is made of, read field by field (depth 0).
export type Doc = Record<string, any> & { id: Id }

import { idOf } from '../../domain/ids'
export { idOf }

export interface LineSnapshot {
  snapshot: CompiledSnapshot
  lineId: Id
  companyId: Id
  accountId: Id
  /** The line's department (sub-admins and department viewers reach only theirs). */
  departmentId: Id | null
  msisdn: string
  /** Ids of the account's lines (for the account-wide pool counter); one array shared by the account's lines. */
  readonly accountLineIds: readonly Id[]
}

/** The columns of a line a snapshot needs. */
export interface LineRow {
  id: Id
  msisdn: string
  status: LineStatus
  company: Id
  account: Id
  department: Id | null
  profile: Id | null
  quotaControl: QuotaControl | null
  quotaMB: number | null
}

const ALL = 1_000_000
/** Ids per `in (…)` list (PostgreSQL allows 65 535 parameters per statement). */
const ID_CHUNK = 5_000

export async function findAll(payload: Payload, collection: CollectionSlug, where: Where): Promise<Doc[]> {
  const res = await payload.find({
    collection,
    where,
    depth: 0,
    limit: ALL,
    pagination: false,
    overrideAccess: true,
  })
  return res.docs as unknown as Doc[]
}

const sqlTables = (payload: Payload) => {
  const db = payload.db as unknown as { drizzle?: AnyDrizzle; tables?: Record<string, GeneratedTable>; name?: string; pool?: Pool }
  if (!db.drizzle || !db.tables?.lines) return null
  return { drizzle: db.drizzle, lines: db.tables.lines, pool: db.name === 'postgres' ? db.pool : null }
}

const rowOfDoc = (d: Doc): LineRow => ({
  id: d.id,
  msisdn: String(d.msisdn),
  status: d.status ?? 'active',
  company: idOf(d.company)!,
  account: idOf(d.account)!,
  department: idOf(d.department) ?? null,
  profile: idOf(d.profile) ?? null,
  quotaControl: d.quota?.control ?? null,
  quotaMB: d.quota?.amountMB ?? null,
})

/** Rows of the lines matching one column, in one query (drizzle) or one Local API call (MongoDB). */
async function lineRows(payload: Payload, by: 'company' | 'id' | 'msisdn', values: Id[]): Promise<LineRow[]> {
  if (!values.length) return []
  const sql = sqlTables(payload)
  if (!sql) {
    const field = by === 'id' ? 'id' : by
    return (await findAll(payload, 'lines', { [field]: { in: values } })).map(rowOfDoc)
  }
  const t = sql.lines
  const columns = [t.id, t.msisdn, t.status, t.company, t.account, t.profile, t.quota_control, t.quota_amountMB, t.department]
  const out: LineRow[] = []
  const push = (r: unknown[]) =>
    out.push({
      id: r[0] as Id,
      msisdn: String(r[1]),
      status: (r[2] as LineStatus) ?? 'active',
      company: r[3] as Id,
      account: r[4] as Id,
      profile: (r[5] as Id) ?? null,
      quotaControl: (r[6] as QuotaControl) ?? null,
      quotaMB: r[7] == null ? null : Number(r[7]),
      department: (r[8] as Id) ?? null,
    })
  for (let i = 0; i < values.length; i += ID_CHUNK) {
    const part = values.slice(i, i + ID_CHUNK)
    const column = by === 'company' ? t.company : by === 'id' ? t.id : t.msisdn
    if (sql.pool) {
      // PostgreSQL: rows as arrays straight from the driver (drizzle's row mapping doubles the time of a 100 000-line company).
      const res = await sql.pool.query({
        text: `SELECT ${columns.map(quoteColumn).join(', ')} FROM ${quoteTable(t)} WHERE ${quoteColumn(column)} = ANY($1)`,
        values: [part],
        rowMode: 'array',
      })
      for (const r of res.rows as unknown[][]) push(r)
      continue
    }
    const rows: unknown[][] = await sql.drizzle
      .select(Object.fromEntries(columns.map((c, j) => [`c${j}`, c])))
      .from(t)
      .where(part.length === 1 ? eq(column, part[0]) : inArray(column, part))
      .then((list: Record<string, unknown>[]) => list.map((r) => columns.map((_, j) => r[`c${j}`])))
    for (const r of rows) push(r)
  }
  return out
}

/** The company (id) of each of these MSISDNs that is a line (one query per 5 000). */
export async function companiesOfMsisdns(payload: Payload, msisdns: string[]): Promise<Map<string, string>> {
  return new Map((await lineRows(payload, 'msisdn', msisdns)).map((r) => [r.msisdn, String(r.company)]))
}

function profileData(doc: Doc): ProfileData {
  return {
    lists: ((doc.lists ?? []) as Doc[]).map((e) => ({ type: e.type, usage: e.usage, scope: e.scope ?? 'national', number: String(e.number) })),
    calendar: {
      days: (doc.calendar?.days ?? ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) as Weekday[],
      holidays: doc.calendar?.holidays ?? true,
      windows: ((doc.calendar?.windows ?? []) as Doc[]).map((w) => ({ from: String(w.from), to: String(w.to) })),
    },
    limits: ((doc.limits ?? []) as Doc[]).map((l) => ({ category: l.category, control: l.control, quantity: l.quantity ?? undefined })),
  }
}

const groupBy = (docs: Doc[], ...fields: string[]) => {
  const out = new Map<string, Doc[]>()
  for (const d of docs) {
    for (const key of new Set(fields.map((f) => String(idOf(d[f]))))) {
      let list = out.get(key)
      if (!list) out.set(key, (list = []))
      list.push(d)
    }
  }
  return out
}

/** Settings, holidays, profiles and pools: the company-wide facts (small; re-read whole when one changes). */
interface Facts {
  settings: CompanySettings
  holidays: HolidayData[]
  profiles: Map<string, ProfileData>
  pools: Map<string, SharedPoolData>
}

/** Franchises of the company's lines and the transfers between them. */
interface Franchises {
  offersOf: Map<string, Doc[]>
  transfersOf: Map<string, Doc[]>
  offerById: Map<string, Doc>
}

async function readFacts(payload: Payload, companyId: Id): Promise<Facts | null> {
  const [companies, holidays, profiles, shared] = await Promise.all([
    findAll(payload, 'companies', { id: { equals: companyId } }),
    findAll(payload, 'holidays', { company: { equals: companyId } }),
    findAll(payload, 'profiles', { company: { equals: companyId } }),
    findAll(payload, 'offers', { company: { equals: companyId }, kind: { equals: 'shared' } }),
  ])
  const company = companies[0]
  if (!company) return null
  const pools = new Map<string, SharedPoolData>()
  for (const [account, offers] of groupBy(shared, 'account')) {
    // Counters of the pool are keyed by its first MB offer; its size is all of them (src/domain/pools.ts).
    const inPool = poolOffers(offers)
    if (inPool.length) pools.set(account, { offerId: String(inPool[0].id), name: inPool.map((o) => `${o.offer} - ${o.package}`).join(' + '), totalMB: poolTotalMB(inPool) })
  }
  return {
    settings: { renewalDay: Number(company.renewalDay ?? 1), csp: company.csp ?? '21', interruptAtLimit: Boolean(company.interruptAtLimit) },
    holidays: holidays.map((h) => ({ date: String(h.date), name: h.name, ddd: h.ddd ?? null, state: h.state ?? null })),
    profiles: new Map(profiles.map((p) => [String(p.id), profileData(p)])),
    pools,
  }
}

async function readFranchises(payload: Payload, companyId: Id): Promise<Franchises> {
  const [offers, transfers] = await Promise.all([
    findAll(payload, 'offers', { company: { equals: companyId }, kind: { equals: 'individual' } }),
    findAll(payload, 'transfers', { company: { equals: companyId } }),
  ])
  return { offersOf: groupBy(offers, 'line'), transfersOf: groupBy(transfers, 'fromLine', 'toLine'), offerById: new Map(offers.map((o) => [String(o.id), o])) }
}

/**
 * A line's snapshot as the cache holds it, one per line: a class, so its fields sit in the
 * object and the account's line ids come from the company through the prototype's getter
 * (an object literal with its own getter closure took ~800 bytes per line in dictionary mode).
 */
class CompanyLine implements LineSnapshot {
  readonly lineId: Id
  readonly accountId: Id
  readonly departmentId: Id | null
  readonly msisdn: string
  readonly #company: CompanyLines

  constructor(
    readonly snapshot: CompiledSnapshot,
    row: LineRow,
    readonly companyId: Id,
    company: CompanyLines,
  ) {
    this.lineId = row.id
    this.accountId = row.account
    this.departmentId = row.department
    this.msisdn = row.msisdn
    this.#company = company
  }

  get accountLineIds(): readonly Id[] {
    return this.#company.accountLineIds(this.accountId)
  }
}

export class CompanyLines {
  private facts!: Facts
  private franchises!: Franchises
  private readonly rows = new Map<string, LineRow>()
  private readonly byMsisdn = new Map<string, LineRow>()
  /** The company's numbers as numeric keys: one set, referenced by every snapshot (intragroup). */
  private readonly keys = new Set<number>()
  private readonly accountLines = new Map<string, Id[]>()
  private readonly compiled = new Map<string, LineSnapshot>()
  private readonly profileParts = new Map<string, ProfileParts>()
  private readonly holidayDays = new Map<number, ReadonlySet<number>>()
  /** What changed since the last read (set by invalidation, read again on the next use). */
  private stale = { facts: false, franchises: false, lines: new Set<string>() }
  private refreshing: Promise<void> | null = null
  lastUsed = Date.now()

  private constructor(
    private readonly payload: Payload,
    readonly id: Id,
  ) {}

  /** Reads everything the snapshots of a company's lines are made of: a few queries, whatever its size. Null when there is no such company. */
  static async load(payload: Payload, companyId: Id): Promise<CompanyLines | null> {
    const state = new CompanyLines(payload, companyId)
    const [facts, franchises, rows] = await Promise.all([readFacts(payload, companyId), readFranchises(payload, companyId), lineRows(payload, 'company', [companyId])])
    if (!facts) return null
    state.facts = facts
    state.franchises = franchises
    for (const r of rows) state.add(r)
    return state
  }

  get size(): number {
    return this.rows.size
  }

  lineIds(): Id[] {
    return [...this.rows.values()].map((r) => r.id)
  }

  msisdns(): IterableIterator<string> {
    return this.byMsisdn.keys()
  }

  private add(row: LineRow) {
    this.rows.set(String(row.id), row)
    this.byMsisdn.set(row.msisdn, row)
    this.keys.add(Number(row.msisdn))
    this.accountLines.delete(String(row.account))
  }

  private remove(lineId: string) {
    const row = this.rows.get(lineId)
    this.compiled.delete(lineId)
    if (!row) return
    this.rows.delete(lineId)
    if (this.byMsisdn.get(row.msisdn) === row) {
      this.byMsisdn.delete(row.msisdn)
      this.keys.delete(Number(row.msisdn))
    }
    this.accountLines.delete(String(row.account))
  }

  /** A line of this company changed, came or left: its row is read again on the next use. */
  lineChanged(lineId: Id) {
    this.stale.lines.add(String(lineId))
    this.remove(String(lineId))
  }

  /** Settings, holidays, profiles or pools changed: read again, recompile every line on its next use. */
  factsChanged() {
    this.stale.facts = true
    this.compiled.clear()
  }

  franchisesChanged() {
    this.stale.franchises = true
    this.compiled.clear()
  }

  operatorsChanged() {
    this.compiled.clear()
  }

  /** Nothing marked stale: what is held can answer now (and this use is noted). */
  isFresh(): boolean {
    this.lastUsed = Date.now()
    return !this.stale.facts && !this.stale.franchises && !this.stale.lines.size
  }

  /** Reads again what invalidations marked (one query per kind); concurrent callers share it. */
  async fresh(): Promise<void> {
    if (this.isFresh()) return
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null))
    return this.refreshing
  }

  private async refresh() {
    const { facts, franchises, lines } = this.stale
    this.stale = { facts: false, franchises: false, lines: new Set() }
    try {
      const [f, fr, rows] = await Promise.all([
        facts ? readFacts(this.payload, this.id) : null,
        franchises ? readFranchises(this.payload, this.id) : null,
        lineRows(this.payload, 'id', [...lines]),
      ])
      if (f) {
        this.facts = f
        this.profileParts.clear()
        this.holidayDays.clear()
      }
      if (fr) this.franchises = fr
      for (const id of lines) this.remove(id)
      for (const r of rows) if (String(r.company) === String(this.id)) this.add(r)
      if (f || fr) this.compiled.clear()
    } catch (e) {
      // Read it all again next time.
      if (facts) this.stale.facts = true
      if (franchises) this.stale.franchises = true
      for (const id of lines) this.stale.lines.add(id)
      throw e
    }
  }

  /** The line with this MSISDN, compiled on first use; null when it is not (or no longer) this company's. */
  lineByMsisdn(msisdn: string, operators: OperatorIndex): LineSnapshot | null {
    const row = this.byMsisdn.get(msisdn)
    return row ? this.snapshotOf(row, operators) : null
  }

  /** Ids of an account's lines, one array per account (read again after a line of it changed). */
  accountLineIds(accountId: Id): Id[] {
    const key = String(accountId)
    let ids = this.accountLines.get(key)
    if (!ids) {
      ids = []
      for (const r of this.rows.values()) if (String(r.account) === key) ids.push(r.id)
      this.accountLines.set(key, ids)
    }
    return ids
  }

  private sharedParts(row: LineRow, ddd: number) {
    const profileKey = `${String(row.profile)}|${ddd}`
    let profile = this.profileParts.get(profileKey)
    if (!profile) {
      profile = compileProfileParts(row.profile == null ? null : (this.facts.profiles.get(String(row.profile)) ?? null), ddd)
      this.profileParts.set(profileKey, profile)
    }
    let holidayDays = this.holidayDays.get(ddd)
    if (!holidayDays) this.holidayDays.set(ddd, (holidayDays = holidayDaysOf(this.facts.holidays, ddd)))
    return { profile, holidayDays }
  }

  private franchisesOf(lineId: Id): { offers: OfferData[]; transfers: FranchiseTransfer[] } {
    const key = String(lineId)
    const offers = this.franchises.offersOf.get(key)
    const transfers = this.franchises.transfersOf.get(key)
    if (!offers && !transfers) return { offers: [], transfers: [] }
    const offerData: OfferData[] = (offers ?? []).map((o) => ({
      id: String(o.id),
      name: `${o.offer} - ${o.package}`,
      unit: o.unit,
      amount: Number(o.amount ?? 0),
      categories: Array.isArray(o.categories) && o.categories.length ? o.categories : undefined,
    }))
    // A transfer moves franchise of an offer between lines; it counts for the offers of this line it names.
    const transferData: FranchiseTransfer[] = []
    const own = new Set(offerData.map((o) => o.id))
    for (const t of transfers ?? []) {
      const offerId = String(idOf(t.offer))
      const into = String(idOf(t.toLine)) === key
      const src = this.franchises.offerById.get(offerId)
      if (into && !own.has(offerId) && src) {
        // The franchise comes from another line's offer: give this line a matching offer of the transferred amount.
        offerData.push({ id: offerId, name: `${src.offer} - ${src.package}`, unit: src.unit, amount: 0 })
        own.add(offerId)
      }
      if (own.has(offerId)) transferData.push({ offerId, amount: Number(t.amount ?? 0), direction: into ? 'in' : 'out' })
    }
    return { offers: offerData, transfers: transferData }
  }

  private snapshotOf(row: LineRow, operators: OperatorIndex): LineSnapshot {
    const key = String(row.id)
    const found = this.compiled.get(key)
    if (found) return found
    const ddd = dddOfMsisdn(row.msisdn) ?? 0
    const { offers, transfers } = this.franchisesOf(row.id)
    const snapshot = compileSnapshot({
      company: this.facts.settings,
      line: { id: key, msisdn: row.msisdn, status: row.status, companyId: String(this.id), accountId: String(row.account) },
      profile: null,
      shared: ddd ? this.sharedParts(row, ddd) : undefined,
      offers,
      transfers,
      pool: this.facts.pools.get(String(row.account)) ?? null,
      quota: row.quotaControl ? { control: row.quotaControl, amountMB: row.quotaMB ?? undefined } : null,
      companyLineKeys: this.keys,
      operators,
    })
    const ls = new CompanyLine(snapshot, row, this.id, this)
    this.compiled.set(key, ls)
    return ls
  }
}
