/**
 * The audit trail's hooks (H2, J4): every create, update and delete of tenant data and
 * users writes a `transactions` entry in the same database transaction as the change
 * (the nested create gets the hook's `req`, which carries the transaction). Wired once,
 * in src/collections/index.ts, by `withAuditHooks`.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, CollectionSlug, PayloadRequest } from 'payload'
import type { Transaction } from '../../payload-types'
import { ROLE_LABELS, type Role } from '../../access/roles'
import { idsOnlyWhenRestoring } from './ids'
import { describeChangedParts, describeCreate, describeDelete, describeUpdate, entityOf, ptLabel, type Described, type FieldLike, type Resolve } from './describe'

/** Engine-internal and bookkeeping collections: no audit (and never the trail itself). Backups and restores write their own entries. */
export const NOT_AUDITED = new Set(['transactions', 'usage', 'consumption', 'notifications', 'outbox', 'login-challenges', 'password-recoveries', 'backups', 'restores', 'restore-items'])

/** Collections whose updates are the system's bookkeeping (a report's progress): only their creation and deletion are audited. */
const UPDATES_NOT_AUDITED = new Set(['reports'])

/** Who acted: the request's user, or the system (seed, jobs without a requester). */
export interface Actor {
  id?: string | number
  role?: string | null
  username?: string | null
}

export const SYSTEM_ROLE = 'Sistema'
export const SYSTEM_LOGIN = 'sistema'

export const roleLabel = (role: unknown): string => (role && ROLE_LABELS[role as Role] ? ROLE_LABELS[role as Role][0] : SYSTEM_ROLE)

export function actorFrom(req: PayloadRequest): Actor | undefined {
  const user = req.user as (Actor & { collection?: string }) | null | undefined
  if (user && (!user.collection || user.collection === 'users')) return user
  return req.context?.auditActor as Actor | undefined
}

import { idOf, relationId } from '../../domain/ids'

export type AuditEntry = Described & { companies: unknown[]; entity?: string; entityId?: unknown; actor?: Actor }

/** The `transactions` rows of an entry: one per company (users may belong to several). */
export function transactionRows(req: PayloadRequest, entry: AuditEntry, at = new Date().toISOString()): Omit<Transaction, 'id' | 'createdAt' | 'updatedAt'>[] {
  const actor = entry.actor ?? actorFrom(req)
  const companies = [...new Set(entry.companies.map(idOf).filter((c) => c != null).map(String))]
  return (companies.length ? companies : [undefined]).map((company) => ({
    at,
    role: roleLabel(actor?.role),
    user: actor?.id == null ? null : relationId(actor.id),
    userLogin: actor?.username ?? SYSTEM_LOGIN,
    event: entry.event,
    description: entry.description,
    entity: entry.entity,
    entityId: entry.entityId == null ? undefined : String(entry.entityId),
    company: company == null ? null : relationId(Number.isNaN(Number(company)) ? company : Number(company)),
  }))
}

/** Writes one entry per company (users may belong to several), inside `req`'s transaction. */
export async function writeTransaction(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  for (const data of transactionRows(req, entry)) {
    await req.payload.create({ collection: 'transactions', data, overrideAccess: true, depth: 0, req })
  }
}

/** The companies a document belongs to. */
export function companiesOf(slug: string, ...docs: (Record<string, unknown> | undefined)[]): unknown[] {
  return docs.flatMap((d) => {
    if (!d) return []
    if (slug === 'companies') return [d.id]
    if (slug === 'users') return Array.isArray(d.companies) ? d.companies : []
    return [d.company]
  })
}

/** (collection, id) of every relationship value in a document, to be named in the description. */
function relationsOf(fields: FieldLike[], doc: Record<string, unknown> | undefined, out: [string, unknown][] = []): [string, unknown][] {
  if (!doc) return out
  for (const f of fields) {
    if (!f.name) {
      relationsOf(f.fields ?? [], doc, out)
      continue
    }
    const v = doc[f.name]
    if (f.type === 'group') relationsOf(f.fields ?? [], (v ?? {}) as Record<string, unknown>, out)
    else if (f.type === 'array' && Array.isArray(v)) v.forEach((row) => relationsOf(f.fields ?? [], row as Record<string, unknown>, out))
    else if (f.type === 'relationship' && typeof f.relationTo === 'string' && f.name !== 'company' && v != null) {
      for (const item of Array.isArray(v) ? v : [v]) out.push([f.relationTo, idOf(item)])
    }
  }
  return out
}

/** A resolver that names related documents by their admin title, read in the same transaction. */
export async function resolverFor(req: PayloadRequest, fields: FieldLike[], ...docs: (Record<string, unknown> | undefined)[]): Promise<Resolve> {
  const names = new Map<string, string>()
  const wanted = docs.flatMap((d) => relationsOf(fields, d))
  for (const [collection, id] of wanted) {
    const key = `${collection}:${String(id)}`
    if (names.has(key) || id == null) continue
    const config = (req.payload.collections as unknown as Record<string, { config: CollectionConfig } | undefined>)[collection]?.config
    const found = await req.payload.db.findOne({ collection: collection as CollectionSlug, where: { id: { equals: id } }, req }).catch(() => null)
    const titleField = config?.admin?.useAsTitle ?? 'id'
    const doc = found as Record<string, unknown> | null
    if (doc) names.set(key, String(doc[titleField] ?? id))
  }
  return (collection, id) => names.get(`${collection}:${String(id)}`)
}

const skip = (req: PayloadRequest) => Boolean(req.context?.skipAudit)

function auditHooks(config: CollectionConfig) {
  const fields = config.fields as FieldLike[]
  const entity = entityOf(config.slug, ptLabel(config.labels?.singular, config.slug).toLowerCase())
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, data }) => {
    if (skip(req) || (operation === 'update' && UPDATES_NOT_AUDITED.has(config.slug))) return doc
    const resolve = await resolverFor(req, fields, doc, previousDoc)
    const extra = operation === 'update' && config.slug === 'users' && data?.password ? ['senha alterada'] : []
    const described =
      operation === 'create' ? describeCreate(entity, fields, doc, resolve) : describeUpdate(entity, fields, previousDoc ?? {}, doc, resolve, extra)
    if (!described) return doc
    const entry = { companies: companiesOf(config.slug, doc, previousDoc), entity: config.slug, entityId: doc.id }
    await writeTransaction(req, { ...described, ...entry })
    // The guide lists the summary above the detail of the same save: written after it.
    const summary = operation === 'update' ? describeChangedParts(entity, fields, previousDoc ?? {}, doc, resolve) : null
    if (summary) await writeTransaction(req, { ...summary, ...entry })
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    if (skip(req)) return doc
    // A deleted company can no longer own the entry: it is kept without company (support sees it).
    const companies = config.slug === 'companies' ? [] : companiesOf(config.slug, doc)
    await writeTransaction(req, { ...describeDelete(entity, doc), companies, entity: config.slug, entityId: doc.id })
    return doc
  }
  return { afterChange, afterDelete }
}

/** The collections with the audit hooks added to every audited one (and the id guard of restores to all). */
export function withAuditHooks(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => {
    const guarded = { ...c, hooks: { ...c.hooks, beforeOperation: [idsOnlyWhenRestoring, ...(c.hooks?.beforeOperation ?? [])] } }
    if (NOT_AUDITED.has(c.slug)) return guarded
    const { afterChange, afterDelete } = auditHooks(c)
    return {
      ...guarded,
      hooks: {
        ...guarded.hooks,
        afterChange: [...(c.hooks?.afterChange ?? []), afterChange],
        afterDelete: [...(c.hooks?.afterDelete ?? []), afterDelete],
      },
    }
  })
}
