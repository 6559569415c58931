/**
 * The money caps of each company, as the engine applies them: read in one query per company,
 * dropped in this process when a cap changes and, elsewhere, after SPEND_CACHE_S (5 s).
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'

type Id = string | number

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

const ttlMs = () => {
  const v = Number(process.env.SPEND_CACHE_S)
  return (process.env.SPEND_CACHE_S && Number.isFinite(v) && v >= 0 ? v : 5) * 1000
}

const idOf = (v: unknown) => (v == null ? null : String(typeof v === 'object' ? (v as { id: Id }).id : v))

export interface CapLine {
  lineId: Id
  companyId: Id
  departmentId: Id | null
}

export class CapBook {
  private byCompany = new Map<string, { caps: MoneyCap[]; loadedAt: number }>()

  constructor(private readonly payload: Payload) {}

  async ofCompany(company: Id): Promise<MoneyCap[]> {
    const key = String(company)
    const hit = this.byCompany.get(key)
    if (hit && Date.now() - hit.loadedAt < ttlMs()) return hit.caps
    const res = await this.payload.find({ collection: 'spend-caps' as never, where: { company: { equals: company } } as never, pagination: false, depth: 0, overrideAccess: true })
    const caps: MoneyCap[] = []
    for (const d of res.docs as any[]) {
      const target = d.scope === 'line' ? idOf(d.line) : d.scope === 'department' ? idOf(d.department) : key
      if (target == null) continue
      caps.push({ id: String(d.id), kind: d.scope, target, name: d.name ?? '', cents: Math.round(Number(d.amount) * 100), control: d.control === 'notify' ? 'notify' : 'block' })
    }
    this.byCompany.set(key, { caps, loadedAt: Date.now() })
    return caps
  }

  /** The caps a line draws on: its own, its department's, its company's. */
  async ofLine(l: CapLine): Promise<MoneyCap[]> {
    const caps = await this.ofCompany(l.companyId)
    if (!caps.length) return caps
    const line = String(l.lineId)
    const dep = l.departmentId == null ? null : String(l.departmentId)
    return caps.filter((c) => (c.kind === 'line' && c.target === line) || (c.kind === 'department' && c.target === dep) || c.kind === 'company')
  }

  invalidate(company: unknown): void {
    const id = idOf(company)
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

export const invalidateCaps: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc, previousDoc, req }: any) => {
  const book = capBookOf(req.payload)
  book.invalidate(doc?.company)
  if (previousDoc?.company) book.invalidate(previousDoc.company)
  return doc
}
