/**
 * The tariffs of each company, compiled and sorted by validFrom, as the engine prices usage
 * with them. Read in one query for the companies a batch needs; dropped in this process when a
 * tariff changes (the collection's hooks) and, for the other processes, after TARIFF_CACHE_S
 * (5 s): a tariff edited at 10:00 prices events recorded from ~10:00:05 everywhere.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'
import type { Tariff } from '../payload-types'
import { tariffCacheS } from '../lib/settings'
import { compileTariff, sortTariffs, type CompiledTariff, type TariffData } from '../engine/core'
import { idKey } from '../domain/ids'

type Id = string | number

interface Entry {
  sorted: readonly CompiledTariff[]
  loadedAt: number
}

// Read once per process (process.env is slow to read on authorize's path).
let ttl: number | undefined
const ttlMs = () => {
  if (ttl === undefined) {
    ttl = tariffCacheS() * 1000
  }
  return ttl
}

interface StoredTariff {
  id: Id
  company: Id | { id: Id }
  validFrom: string
  voicePerMinute?: number | null
  smsPerMessage?: number | null
  dataPerMB?: number | null
  firstIncrementS?: number | null
  nextIncrementS?: number | null
  categories?: { category: string; price: number }[] | null
}


export function tariffDataOf(doc: StoredTariff): TariffData {
  return {
    id: String(doc.id),
    validFrom: Date.parse(doc.validFrom),
    voicePerMinute: doc.voicePerMinute ?? 0,
    smsPerMessage: doc.smsPerMessage ?? 0,
    dataPerMB: doc.dataPerMB ?? 0,
    firstIncrementS: doc.firstIncrementS ?? 30,
    nextIncrementS: doc.nextIncrementS ?? 6,
    categories: (doc.categories ?? []) as TariffData['categories'],
  }
}

export class TariffBook {
  private byCompany = new Map<string, Entry>()

  constructor(private readonly payload: Payload) {}

  /** Each company's tariffs, ascending by validFrom (loaded together when missing or stale). */
  async forCompanies(companies: Iterable<Id>): Promise<Map<string, readonly CompiledTariff[]>> {
    const now = Date.now()
    const ttl = ttlMs()
    const wanted = [...new Set([...companies].map(String))]
    const missing = wanted.filter((c) => {
      const e = this.byCompany.get(c)
      return !e || now - e.loadedAt >= ttl
    })
    if (missing.length) {
      const res = await this.payload.find({
        collection: 'tariffs',
        where: { company: { in: missing } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
      const found = new Map<string, CompiledTariff[]>(missing.map((c) => [c, []]))
      for (const doc of res.docs) found.get(idKey(doc.company) ?? '')?.push(compileTariff(tariffDataOf(doc)))
      for (const [c, list] of found) this.byCompany.set(c, { sorted: sortTariffs(list), loadedAt: now })
    }
    return new Map(wanted.map((c) => [c, this.byCompany.get(c)!.sorted]))
  }

  /** A company's tariffs when loaded and fresh (no promise: authorize's fast path), else null. */
  cached(company: Id): readonly CompiledTariff[] | null {
    const e = this.byCompany.get(String(company))
    return e && Date.now() - e.loadedAt < ttlMs() ? e.sorted : null
  }

  invalidate(company: Id | { id: Id } | null | undefined): void {
    if (company == null) this.byCompany.clear()
    else this.byCompany.delete(idKey(company) ?? '')
  }
}

const books = new WeakMap<Payload, TariffBook>()

export function tariffBookOf(payload: Payload): TariffBook {
  let book = books.get(payload)
  if (!book) books.set(payload, (book = new TariffBook(payload)))
  return book
}

export const invalidateTariffs: CollectionAfterChangeHook<Tariff> & CollectionAfterDeleteHook<Tariff> = ({ doc, previousDoc, req }: { doc?: Tariff; previousDoc?: Tariff; req: PayloadRequest }) => {
  const book = tariffBookOf(req.payload)
  book.invalidate(doc?.company)
  if (previousDoc?.company) book.invalidate(previousDoc.company)
  return doc
}
