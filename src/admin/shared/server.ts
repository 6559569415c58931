import type { CollectionSlug, Payload, TypedUser, Where } from 'payload'
import { companyIdsOf, isSupport, type AccessUser } from '../../access/roles'
import { idOf } from '../../domain/ids'

/**
 * The logged user as Payload's Local API wants it for `overrideAccess: false` reads. The admin hands
 * its views and components the user untyped (server props); it is the users document that logged in.
 */
export const viewer = (user: unknown): TypedUser => user as TypedUser

/** The company a logged user works on (A5): the selected one, else its first company. */
export async function currentCompany(payload: Payload, user: unknown): Promise<Record<string, any> | null> {
  const u = user as (AccessUser & { selectedCompany?: unknown }) | null
  if (!u) return null
  const selected = idOf(u.selectedCompany)
  const ids = companyIdsOf(u)
  const where: Where | undefined =
    selected !== undefined ? { id: { equals: selected } } : isSupport(u) ? undefined : { id: { in: ids } }
  const found = await payload.find({ collection: 'companies', where, limit: 1, depth: 0, sort: 'name', overrideAccess: false, user: viewer(u) })
  return (found.docs[0] as Record<string, any> | undefined) ?? null
}

/** Counts as the user sees them (tenant and department rules apply). */
export async function countAs(payload: Payload, user: unknown, collection: CollectionSlug, where: Where): Promise<number> {
  const { totalDocs } = await payload.count({ collection, where, overrideAccess: false, user: viewer(user) })
  return totalDocs
}
