import type { Payload } from 'payload'
import { relId, type Doc } from './source'

/** A package a line may be notified about, as H4 names it. */
export interface LinePackage {
  offer: string
  package: string
}

/** Line id → package key (the engine's notice key: `offer:<id>`, `pool:<id>`, `quota:<line id>`) → names. */
export type PackagesByLine = Map<string, Map<string, LinePackage>>

/**
 * H4: every package the engine can notify each of these lines about, keyed as its notices are
 * (src/engine/core/rate.ts `collectNotices`, src/engine/adapters/companyLines.ts `franchisesOf`):
 * - the line's own individual offers, and the offers it received by a franchise transfer
 *   (the engine gives the receiving line an offer of the origin offer's id);
 * - its account's shared data pool (one package, keyed by the first pool offer);
 * - its own data quota, when the quota is limited.
 * The lines need `account` and `quota`.
 */
export async function packagesOf(payload: Payload, lines: Doc[]): Promise<PackagesByLine> {
  const ids = lines.map((l) => l.id)
  const accounts = [...new Set(lines.map((l) => relId(l.account)).filter((a) => a != null))]
  const [own, received, shared] = await Promise.all([
    payload.db.find<Doc>({ collection: 'offers', where: { and: [{ line: { in: ids } }, { kind: { equals: 'individual' } }] }, sort: 'id', pagination: false }),
    payload.db.find<Doc>({ collection: 'transfers', where: { toLine: { in: ids } }, sort: 'id', pagination: false, select: { offer: true, toLine: true } }),
    accounts.length
      ? payload.db.find<Doc>({ collection: 'offers', where: { and: [{ account: { in: accounts } }, { kind: { equals: 'shared' } }, { unit: { equals: 'mb' } }] }, sort: 'id', pagination: false })
      : Promise.resolve({ docs: [] as Doc[] }),
  ])
  const transferred = received.docs.map((t) => relId(t.offer)).filter((id) => id != null)
  const origin = transferred.length
    ? (await payload.db.find<Doc>({ collection: 'offers', where: { id: { in: transferred } }, pagination: false, select: { offer: true, package: true } })).docs
    : []
  const offerById = new Map([...own.docs, ...origin].map((o) => [String(o.id), o]))

  const out: PackagesByLine = new Map(lines.map((l) => [String(l.id), new Map()]))
  const add = (line: unknown, key: string, names: LinePackage) => {
    const packages = out.get(String(relId(line)))
    if (packages && !packages.has(key)) packages.set(key, names)
  }
  const offerNames = (o: Doc): LinePackage => ({ offer: String(o.offer ?? ''), package: String(o.package ?? '') })
  for (const o of own.docs) add(o.line, `offer:${String(o.id)}`, offerNames(o))
  for (const t of received.docs) {
    const offer = offerById.get(String(relId(t.offer)))
    if (offer) add(t.toLine, `offer:${String(offer.id)}`, offerNames(offer))
  }
  const poolOf = new Map<string, Doc[]>()
  for (const o of shared.docs) poolOf.set(String(relId(o.account)), [...(poolOf.get(String(relId(o.account))) ?? []), o])
  for (const line of lines) {
    const pool = poolOf.get(String(relId(line.account)))
    if (pool?.length) add(line.id, `pool:${String(pool[0].id)}`, { offer: pool.map((o) => o.offer).join(' + '), package: pool.map((o) => o.package).join(' + ') })
    const quota = line.quota as { control?: string; amountMB?: number | null } | undefined
    if (quota?.control === 'limited') add(line.id, `quota:${String(line.id)}`, { offer: 'Cota de dados', package: `Cota de dados ${String(quota.amountMB ?? 0)} MB` })
  }
  return out
}
