import type { Access, CollectionSlug, Endpoint, PayloadRequest, SanitizedConfig, Where } from 'payload'
import { actorOf } from './policy'
import { companyIdsOf, isSupport, sameId, type AccessUser } from './roles'

/**
 * Access for the collections Payload adds itself (issue 10, finding 15). They are added while
 * the config is sanitised, after our collections, so their access is set on the sanitised
 * config (`withInternalCollectionAccess` in payload.config.ts).
 * - `payload-locked-documents`: a lock is seen, taken over or removed only inside the
 *   companies of its user; it is created only by a user in its own name, on a document that
 *   user can read. (Payload's admin writes locks through the database adapter; the admin's
 *   lock checks read them through this access.)
 * - `payload-preferences`: only its own user's, and nothing for a token that opens nothing
 *   (blocked, temporary password).
 */
export const LOCKS = 'payload-locked-documents'
export const PREFERENCES = 'payload-preferences'

type Ref = { relationTo?: string; value?: unknown } | null | undefined

const isSelfRef = (actor: AccessUser, ref: Ref): boolean => ref?.relationTo === 'users' && sameId(ref.value, actor.id)

/** Users that share one of the actor's (selected) companies, the actor included. */
async function colleagueIds(req: PayloadRequest, actor: AccessUser): Promise<(string | number)[]> {
  const companies = companyIdsOf(actor)
  if (companies.length === 0) return [actor.id]
  const found = await req.payload.find({ collection: 'users', where: { companies: { in: companies } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: {} })
  return [actor.id, ...found.docs.map((u) => u.id)]
}

const lockWhere = async (req: PayloadRequest, actor: AccessUser): Promise<Where> => ({
  and: [{ 'user.relationTo': { equals: 'users' } }, { 'user.value': { in: await colleagueIds(req, actor) } }],
})

async function mayLock(req: PayloadRequest, actor: AccessUser, data: Record<string, unknown> | undefined): Promise<boolean> {
  if (!data) return true // "may I create at all"
  if (!isSelfRef(actor, data.user as Ref)) return false
  const document = data.document as Ref
  if (!document?.relationTo || document.value == null) return Boolean(data.globalSlug)
  if (!(document.relationTo in req.payload.collections)) return false
  const readable = await req.payload.count({ collection: document.relationTo as CollectionSlug, where: { id: { equals: document.value } }, overrideAccess: false, req })
  return readable.totalDocs === 1
}

const locksInCompanies: Access = async ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  return isSupport(actor) || lockWhere(req, actor)
}

const lockAccess = {
  create: (async ({ req, data }) => {
    const actor = actorOf(req)
    if (!actor) return false
    return isSupport(actor) ? isSelfRef(actor, data?.user as Ref) || !data : mayLock(req, actor, data)
  }) as Access,
  read: locksInCompanies,
  update: (async ({ req, data }) => {
    const actor = actorOf(req)
    if (!actor) return false
    if (data?.user !== undefined && !isSelfRef(actor, data.user as Ref)) return false
    return locksInCompanies({ req, data })
  }) as Access,
  delete: locksInCompanies,
}

const ownPreferences: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  const own: Where = { and: [{ 'user.value': { equals: actor.id } }, { 'user.relationTo': { equals: 'users' } }] }
  return own
}

const preferenceAccess = { create: (({ req }) => Boolean(actorOf(req))) as Access, read: ownPreferences, update: ownPreferences, delete: ownPreferences }

/** Payload's /payload-preferences/:key endpoints check only that someone is logged in. */
const onlyForActors = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  handler: (req) => (actorOf(req) ? endpoint.handler(req) : Response.json({ errors: [{ message: 'Faça login.' }] }, { status: 403 })),
})

export async function withInternalCollectionAccess(config: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const sanitized = await config
  for (const collection of sanitized.collections) {
    if (collection.slug === LOCKS) collection.access = { ...collection.access, ...lockAccess }
    if (collection.slug === PREFERENCES) {
      collection.access = { ...collection.access, ...preferenceAccess }
      if (Array.isArray(collection.endpoints)) collection.endpoints = collection.endpoints.map(onlyForActors)
    }
  }
  return sanitized
}
