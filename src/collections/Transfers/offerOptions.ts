import type { FilterOptions, Where } from 'payload'
import { idOf } from '../../domain/ids'

/**
 * G: the offers a transfer may pick are the origin line's individual offers, its own or received
 * by an earlier transfer (what hooks/available.ts accepts); before the origin is picked, any individual offer.
 */
export const offersOfOrigin: FilterOptions = async ({ req, siblingData }): Promise<Where> => {
  const from = idOf((siblingData as { fromLine?: unknown } | undefined)?.fromLine)
  if (from == null) return { kind: { equals: 'individual' } }
  const received = await req.payload.find({ collection: 'transfers', where: { toLine: { equals: from } }, depth: 0, pagination: false, overrideAccess: true, req })
  const ids = [...new Set(received.docs.map((t) => idOf(t.offer)).filter((v) => v != null))]
  return { and: [{ kind: { equals: 'individual' } }, { or: [{ line: { equals: from } }, ...(ids.length ? [{ id: { in: ids } }] : [])] }] }
}
