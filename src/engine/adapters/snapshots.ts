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
/** Lines read per round by preload (bounds the size of each `in` list). */
const PRELOAD_CHUNK = 500

/** The documents one line's snapshot is compiled from. */
interface LineSources {
  company: Doc
  profile: Doc | null
  holidays: Doc[]
  offers: Doc[]
  pools: Doc[]
  transfers: Doc[]
}

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
    return this.byLine.get(key) ?? this.remember(key, this.load(lineId), this.generation)
  }

  /**
   * Loads, in a few queries for all of them, the snapshots of the lines among `msisdns` not
   * cached yet (a usage batch names hundreds of lines; one by one each costs several queries).
   * Answers once every load has settled; a line that failed is simply not cached.
   */
  async preload(msisdns: Iterable<string>): Promise<void> {
    const missing = [...new Set(msisdns)].filter((m) => {
      const id = this.msisdnToLine.get(m)
      return id === undefined || !this.byLine.has(String(id))
    })
    for (let i = 0; i < missing.length; i += PRELOAD_CHUNK) {
      const generation = this.generation
      const lines = (await findAll(this.payload, 'lines', { msisdn: { in: missing.slice(i, i + PRELOAD_CHUNK) } })).filter((l) => !this.byLine.has(String(l.id)))
      if (!lines.length) continue
      if (generation === this.generation) for (const l of lines) this.msisdnToLine.set(String(l.msisdn), l.id)
      const sources = this.sourcesOf(lines)
      await Promise.allSettled(lines.map((line, j) => this.remember(String(line.id), sources.then((all) => this.assemble(line, all[j])), generation)))
    }
  }

  /** Caches a load unless it found nothing, failed, or an invalidation came while it ran. */
  private remember(key: string, found: Promise<LineSnapshot | null>, generation: number): Promise<LineSnapshot | null> {
    this.byLine.set(key, found)
    found.then(
      (s) => {
        if (!s || generation !== this.generation) {
          if (this.byLine.get(key) === found) this.byLine.delete(key)
        } else this.companyOf.set(key, String(s.companyId))
      },
      () => {
        if (this.byLine.get(key) === found) this.byLine.delete(key)
      },
    )
    return found
  }

  private async load(lineId: Id): Promise<LineSnapshot | null> {
    const line = (await this.payload
      .findByID({ collection: 'lines' as never, id: lineId, depth: 0, overrideAccess: true, disableErrors: true })
      .catch(() => null)) as unknown as Doc | null
    if (!line) return null
    const [sources] = await this.sourcesOf([line])
    return this.assemble(line, sources)
  }

  /** What the snapshots of these lines are made of, read for all of them at once. */
  private async sourcesOf(lines: Doc[]): Promise<LineSources[]> {
    const payload = this.payload
    const distinct = (ids: (Id | undefined)[]) => [...new Set(ids.filter((id): id is Id => id != null).map(String))]
    const lineIds = lines.map((l) => l.id)
    const companyIds = distinct(lines.map((l) => idOf(l.company)))
    const accountIds = distinct(lines.map((l) => idOf(l.account)))
    const profileIds = distinct(lines.map((l) => idOf(l.profile)))
    const [companies, profiles, holidays, offers, pools, transfers] = await Promise.all([
      findAll(payload, 'companies', { id: { in: companyIds } }),
      profileIds.length ? findAll(payload, 'profiles', { id: { in: profileIds } }) : Promise.resolve([]),
      findAll(payload, 'holidays', { company: { in: companyIds } }),
      findAll(payload, 'offers', { line: { in: lineIds }, kind: { equals: 'individual' } }),
      findAll(payload, 'offers', { account: { in: accountIds }, kind: { equals: 'shared' } }),
      findAll(payload, 'transfers', { or: [{ fromLine: { in: lineIds } }, { toLine: { in: lineIds } }] }),
    ])
    const byId = (docs: Doc[]) => new Map(docs.map((d) => [String(d.id), d]))
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
    const companyById = byId(companies)
    const profileById = byId(profiles)
    const holidaysOf = groupBy(holidays, 'company')
    const offersOf = groupBy(offers, 'line')
    const poolsOf = groupBy(pools, 'account')
    const transfersOf = groupBy(transfers, 'fromLine', 'toLine')
    return lines.map((line) => {
      const company = companyById.get(String(idOf(line.company)))
      if (!company) throw new Error(`company ${String(idOf(line.company))} of line ${String(line.id)} not found`)
      return {
        company,
        profile: profileById.get(String(idOf(line.profile))) ?? null,
        holidays: holidaysOf.get(String(company.id)) ?? [],
        offers: offersOf.get(String(line.id)) ?? [],
        pools: poolsOf.get(String(idOf(line.account))) ?? [],
        transfers: transfersOf.get(String(line.id)) ?? [],
      }
    })
  }

  private async assemble(line: Doc, { company, profile, holidays, offers, pools, transfers }: LineSources): Promise<LineSnapshot> {
    const payload = this.payload
    const lineId = line.id
    const companyId = idOf(line.company)!
    const accountId = idOf(line.account)!
    const [companyLines, operators, accountLines] = await Promise.all([this.companyMsisdns(companyId), this.operatorIndex(), this.accountLineIds(accountId)])
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
