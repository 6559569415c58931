/**
 * Snapshots of lines built from the database through the Local API (works on every
 * adapter), cached per line and invalidated by collection hooks (see ../hooks.ts):
 * a saved profile, line, holiday, offer, transfer or company applies to the next decision (E3).
 */
import type { Payload } from 'payload'
import { poolOffers, poolTotalMB } from '../../domain/pools'
import {
  compileOperators,
  compileSnapshot,
  type CompiledSnapshot,
  type FranchiseTransfer,
  type HolidayData,
  type OfferData,
  type OperatorIndex,
  type ProfileData,
  type SharedPoolData,
} from '../core'

type Id = string | number
type Doc = Record<string, any> & { id: Id }

const idOf = (rel: unknown): Id | undefined =>
  rel == null ? undefined : typeof rel === 'object' ? (rel as { id?: Id }).id : (rel as Id)

export interface LineSnapshot {
  snapshot: CompiledSnapshot
  lineId: Id
  companyId: Id
  accountId: Id
  msisdn: string
  /** Ids of the account's lines (for the account-wide pool counter). */
  accountLineIds: Id[]
}

const ALL = 100_000

async function findAll(payload: Payload, collection: string, where: Record<string, unknown>): Promise<Doc[]> {
  const res = await payload.find({
    collection: collection as never,
    where: where as never,
    depth: 0,
    limit: ALL,
    pagination: false,
    overrideAccess: true,
  })
  return res.docs as unknown as Doc[]
}

function profileData(doc: Doc | null | undefined): ProfileData | null {
  if (!doc) return null
  return {
    lists: ((doc.lists ?? []) as Doc[]).map((e) => ({ type: e.type, usage: e.usage, scope: e.scope ?? 'national', number: String(e.number) })),
    calendar: {
      days: (doc.calendar?.days ?? ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) as never,
      holidays: doc.calendar?.holidays ?? true,
      windows: ((doc.calendar?.windows ?? []) as Doc[]).map((w) => ({ from: String(w.from), to: String(w.to) })),
    },
    limits: ((doc.limits ?? []) as Doc[]).map((l) => ({
      category: l.category,
      control: l.control,
      quantity: l.quantity ?? undefined,
    })),
  }
}

/** Per Payload instance: the compiled operator index, company line sets and line snapshots. */
export class SnapshotCache {
  private byLine = new Map<string, Promise<LineSnapshot | null>>()
  private companyOf = new Map<string, string>()
  private msisdnToLine = new Map<string, Id>()
  private companyLines = new Map<string, Promise<Set<string>>>()
  private accountLines = new Map<string, Promise<Id[]>>()
  private operators: Promise<OperatorIndex> | null = null
  /** Bumped on every invalidation so an in-flight load started before it is not cached. */
  private generation = 0

  constructor(private readonly payload: Payload) {}

  private operatorIndex(): Promise<OperatorIndex> {
    this.operators ??= (async () => {
      const [prefixes, ported] = await Promise.all([
        findAll(this.payload, 'operator-prefixes', {}),
        findAll(this.payload, 'ported-numbers', {}),
      ])
      return compileOperators({
        prefixes: prefixes.map((p) => ({ prefix: String(p.prefix), operator: p.operator })),
        portability: ported.map((p) => ({ msisdn: String(p.msisdn), operator: p.operator })),
      })
    })()
    return this.operators
  }

  private companyMsisdns(companyId: Id): Promise<Set<string>> {
    const key = String(companyId)
    let found = this.companyLines.get(key)
    if (!found) {
      found = findAll(this.payload, 'lines', { company: { equals: companyId } }).then((docs) => new Set(docs.map((d) => String(d.msisdn))))
      this.companyLines.set(key, found)
      found.catch(() => this.companyLines.delete(key))
    }
    return found
  }

  private accountLineIds(accountId: Id): Promise<Id[]> {
    const key = String(accountId)
    let found = this.accountLines.get(key)
    if (!found) {
      found = findAll(this.payload, 'lines', { account: { equals: accountId } }).then((docs) => docs.map((d) => d.id))
      this.accountLines.set(key, found)
      found.catch(() => this.accountLines.delete(key))
    }
    return found
  }

  /** The line with this MSISDN, or null when none. */
  async byMsisdn(msisdn: string): Promise<LineSnapshot | null> {
    let lineId = this.msisdnToLine.get(msisdn)
    if (lineId === undefined) {
      const res = await this.payload.find({
        collection: 'lines' as never,
        where: { msisdn: { equals: msisdn } } as never,
        depth: 0,
        limit: 1,
        overrideAccess: true,
      })
      const doc = res.docs[0] as unknown as Doc | undefined
      if (!doc) return null
      lineId = doc.id
      this.msisdnToLine.set(msisdn, lineId)
    }
    return this.byId(lineId)
  }

  byId(lineId: Id): Promise<LineSnapshot | null> {
    const key = String(lineId)
    let found = this.byLine.get(key)
    if (!found) {
      const generation = this.generation
      found = this.load(lineId)
      this.byLine.set(key, found)
      found.then(
        (s) => {
          if (!s || generation !== this.generation) {
            if (this.byLine.get(key) === found) this.byLine.delete(key)
          } else this.companyOf.set(key, String(s.companyId))
        },
        () => this.byLine.delete(key),
      )
    }
    return found
  }

  private async load(lineId: Id): Promise<LineSnapshot | null> {
    const payload = this.payload
    const line = (await payload
      .findByID({ collection: 'lines' as never, id: lineId, depth: 0, overrideAccess: true, disableErrors: true })
      .catch(() => null)) as unknown as Doc | null
    if (!line) return null
    const companyId = idOf(line.company)!
    const accountId = idOf(line.account)!
    const profileId = idOf(line.profile)
    const [company, profile, holidays, offers, pools, transfers, companyLines, operators, accountLines] = await Promise.all([
      payload.findByID({ collection: 'companies' as never, id: companyId, depth: 0, overrideAccess: true }) as unknown as Promise<Doc>,
      profileId == null
        ? Promise.resolve(null)
        : (payload
            .findByID({ collection: 'profiles' as never, id: profileId, depth: 0, overrideAccess: true, disableErrors: true })
            .catch(() => null) as unknown as Promise<Doc | null>),
      findAll(payload, 'holidays', { company: { equals: companyId } }),
      findAll(payload, 'offers', { line: { equals: lineId }, kind: { equals: 'individual' } }),
      findAll(payload, 'offers', { account: { equals: accountId }, kind: { equals: 'shared' } }),
      findAll(payload, 'transfers', { or: [{ fromLine: { equals: lineId } }, { toLine: { equals: lineId } }] }),
      this.companyMsisdns(companyId),
      this.operatorIndex(),
      this.accountLineIds(accountId),
    ])
    const offerData: OfferData[] = offers.map((o) => ({
      id: String(o.id),
      name: `${o.offer} - ${o.package}`,
      unit: o.unit,
      amount: Number(o.amount ?? 0),
      categories: Array.isArray(o.categories) && o.categories.length ? o.categories : undefined,
    }))
    // A transfer moves franchise of an offer between lines; it counts for the offers of this line it names.
    const transferData: FranchiseTransfer[] = []
    const own = new Set(offerData.map((o) => o.id))
    for (const t of transfers) {
      const offerId = String(idOf(t.offer))
      const into = String(idOf(t.toLine)) === String(lineId)
      if (into && !own.has(offerId)) {
        // The franchise comes from another line's offer: give this line a matching offer of the transferred amount.
        const src = (await payload
          .findByID({ collection: 'offers' as never, id: idOf(t.offer)!, depth: 0, overrideAccess: true, disableErrors: true })
          .catch(() => null)) as unknown as Doc | null
        if (src) {
          offerData.push({ id: offerId, name: `${src.offer} - ${src.package}`, unit: src.unit, amount: 0 })
          own.add(offerId)
        }
      }
      if (own.has(offerId)) transferData.push({ offerId, amount: Number(t.amount ?? 0), direction: into ? 'in' : 'out' })
    }
    // Counters of the pool are keyed by its first MB offer; its size is all of them (src/domain/pools.ts).
    const inPool = poolOffers(pools)
    const poolData: SharedPoolData | null = inPool.length
      ? { offerId: String(inPool[0].id), name: inPool.map((o) => `${o.offer} - ${o.package}`).join(' + '), totalMB: poolTotalMB(inPool) }
      : null
    const holidayData: HolidayData[] = holidays.map((h) => ({ date: String(h.date), name: h.name, ddd: h.ddd ?? null, state: h.state ?? null }))
    const snapshot = compileSnapshot({
      company: {
        renewalDay: Number(company.renewalDay ?? 1),
        csp: company.csp ?? '21',
        interruptAtLimit: Boolean(company.interruptAtLimit),
      },
      line: {
        id: String(line.id),
        msisdn: String(line.msisdn),
        status: line.status ?? 'active',
        companyId: String(companyId),
        accountId: String(accountId),
      },
      profile: profileData(profile),
      holidays: holidayData,
      offers: offerData,
      transfers: transferData,
      pool: poolData,
      quota: line.quota?.control ? { control: line.quota.control, amountMB: line.quota.amountMB ?? undefined } : null,
      companyLines,
      operators,
    })
    return {
      snapshot,
      lineId: line.id,
      companyId,
      accountId,
      msisdn: String(line.msisdn),
      accountLineIds: accountLines,
    }
  }

  /** Forget what a change in `collection` may have made stale. */
  invalidate(collection: string, doc: Doc | null | undefined, previous?: Doc | null): void {
    this.generation++
    if (collection === 'operator-prefixes' || collection === 'ported-numbers') {
      this.operators = null
      this.byLine.clear()
      return
    }
    if (collection === 'lines') {
      // The MSISDN may have changed, and the company's line set feeds intragroup classification.
      this.msisdnToLine.clear()
      this.accountLines.clear()
    }
    const companies = new Set<string>()
    for (const d of [doc, previous]) {
      if (!d) continue
      const company = collection === 'companies' ? d.id : idOf(d.company)
      if (company !== undefined) companies.add(String(company))
    }
    if (companies.size === 0) {
      this.clear()
      return
    }
    for (const c of companies) this.companyLines.delete(c)
    // Everything a snapshot reads belongs to its company: drop the company's lines (and loads in flight).
    for (const key of [...this.byLine.keys()]) {
      const company = this.companyOf.get(key)
      if (company === undefined || companies.has(company)) this.byLine.delete(key)
    }
  }

  clear(): void {
    this.byLine.clear()
    this.companyOf.clear()
    this.companyLines.clear()
    this.accountLines.clear()
    this.msisdnToLine.clear()
  }
}
