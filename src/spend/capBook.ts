/**
 * The money caps of each company, as the engine applies them: read in one query per company,
 * dropped in this process when a cap changes and, elsewhere, after SPEND_CACHE_S (5 s).
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'
import { spendCacheS } from '../lib/settings'
import { idKey, type Id } from '../domain/ids'
import type { SpendCap } from '../payload-types'

export type CapKind = 'line' | 'department' | 'company'

export interface MoneyCap {
  id: string
  kind: CapKind
  /** The line, department or company id it applies to. */
  target: string
  name: string
  /** Centavos per cycle. */
  cents: number
  control: 'notify' | 'block'
}

/** Where a cap's money used and held lives in the counter store (its own scope, `money` field). */
export const capScope = (cap: Pick<MoneyCap, 'kind' | 'target'>) => `spend:${cap.kind}:${cap.target}`

// Read once per process (process.env is slow to read on authorize's path).
let ttl: number | undefined
const ttlMs = () => {
  if (ttl === undefined) {
    ttl = spendCacheS() * 1000
  }
  return ttl
}


export interface CapLine {
  lineId: Id
  companyId: Id
  departmentId: Id | null
}

interface CompanyCaps {
  caps: MoneyCap[]
  loadedAt: number
  byLine: Map<string, MoneyCap[]>
  byDepartment: Map<string, MoneyCap[]>
  company: MoneyCap[]
  /** Blocking caps per line (line → department → company), computed on first use. */
  blocking: Map<string, MoneyCap[]>
}

const push = (m: Map<string, MoneyCap[]>, k: string, c: MoneyCap) => m.set(k, [...(m.get(k) ?? []), c])
const ORDER = { line: 0, department: 1, company: 2 }

export class CapBook {
  private byCompany = new Map<string, CompanyCaps>()

  constructor(private readonly payload: Payload) {}

  private fresh(company: Id): CompanyCaps | null {
    const hit = this.byCompany.get(String(company))
    return hit && Date.now() - hit.loadedAt < ttlMs() ? hit : null
  }

  /** The blocking caps of a line in order line → department → company when its company is loaded and fresh, else null. */
  blockingOf(l: CapLine): MoneyCap[] | null {
    const c = this.fresh(l.companyId)
    if (!c) return null
    const key = `${String(l.lineId)}|${String(l.departmentId)}`
    let found = c.blocking.get(key)
    if (!found) {
      found = [...(c.byLine.get(String(l.lineId)) ?? []), ...(l.departmentId == null ? [] : (c.byDepartment.get(String(l.departmentId)) ?? [])), ...c.company]
        .filter((x) => x.control === 'block')
        .sort((a, b) => ORDER[a.kind] - ORDER[b.kind])
      c.blocking.set(key, found)
    }
    return found
  }

  async ofCompany(company: Id): Promise<MoneyCap[]> {
    const key = String(company)
    const hit = this.fresh(company)
    if (hit) return hit.caps
    const res = await this.payload.find({ collection: 'spend-caps', where: { company: { equals: company } }, pagination: false, depth: 0, overrideAccess: true })
    const caps: MoneyCap[] = []
    for (const d of res.docs) {
      const target = d.scope === 'line' ? idKey(d.line) : d.scope === 'department' ? idKey(d.department) : key
      if (target == null) continue
      caps.push({ id: String(d.id), kind: d.scope ?? 'company' /* required: never null (the target above reads null as company) */, target, name: d.name ?? '', cents: Math.round(Number(d.amount) * 100), control: d.control === 'notify' ? 'notify' : 'block' })
    }
    const entry: CompanyCaps = { caps, loadedAt: Date.now(), byLine: new Map(), byDepartment: new Map(), company: [], blocking: new Map() }
    for (const c of caps) {
      if (c.kind === 'line') push(entry.byLine, c.target, c)
      else if (c.kind === 'department') push(entry.byDepartment, c.target, c)
      else entry.company.push(c)
    }
    this.byCompany.set(key, entry)
    return caps
  }

  /** The caps a line draws on: its own, its department's, its company's. */
  async ofLine(l: CapLine): Promise<MoneyCap[]> {
    await this.ofCompany(l.companyId)
    const c = this.byCompany.get(String(l.companyId))!
    return [...(c.byLine.get(String(l.lineId)) ?? []), ...(l.departmentId == null ? [] : (c.byDepartment.get(String(l.departmentId)) ?? [])), ...c.company]
  }

  invalidate(company: unknown): void {
    const id = idKey(company)
    if (id == null) this.byCompany.clear()
    else this.byCompany.delete(id)
  }
}

const books = new WeakMap<Payload, CapBook>()

export function capBookOf(payload: Payload): CapBook {
  let book = books.get(payload)
  if (!book) books.set(payload, (book = new CapBook(payload)))
  return book
}

export const invalidateCaps: CollectionAfterChangeHook<SpendCap> & CollectionAfterDeleteHook<SpendCap> = ({ doc, previousDoc, req }: { doc?: SpendCap; previousDoc?: SpendCap; req: PayloadRequest }) => {
  const book = capBookOf(req.payload)
  book.invalidate(doc?.company)
  if (previousDoc?.company) book.invalidate(previousDoc.company)
  return doc
}
