import type { Access, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, FieldAccess, PayloadRequest } from 'payload'
import { APIError, Forbidden, ValidationError } from 'payload'
import { passwordMatches, type StoredPassword } from '../../../auth/passwords'
import { consume, RateLimited } from '../../../auth/rateLimit'
import { actorOf } from '../../../access/policy'
import { companyIdsOf, departmentIdsOf, idsOf, isSupport, type AccessUser, type Role } from '../../../access/roles'

/**
 * Field-level rules of the users collection (I): fields a role may not change are
 * read-only for it, and nobody changes its own role, companies or departments.
 */
const isSelf = (actor: AccessUser, id: unknown): boolean => id != null && String(id) === String(actor.id)

const fieldFor =
  (roles: Role[]): FieldAccess =>
  ({ req, id }) => {
    const actor = actorOf(req)
    if (!actor?.role || !roles.includes(actor.role)) return false
    return isSupport(actor) || !isSelf(actor, id)
  }

/** role and companies: support, and admins on other users. */
export const roleFieldUpdate: FieldAccess = fieldFor(['support', 'admin'])
export const companiesFieldUpdate: FieldAccess = fieldFor(['support', 'admin'])
/** departments: also sub-admins, on their viewers. */
export const departmentsFieldUpdate: FieldAccess = fieldFor(['support', 'admin', 'subadmin'])
export const roleFieldCreate: FieldAccess = fieldFor(['support', 'admin', 'subadmin'])

const asIds = (v: unknown): string[] => idsOf(v == null ? [] : Array.isArray(v) ? v : [v]).map(String)
const within = (ids: string[], allowed: (string | number)[]): boolean => ids.every((id) => allowed.map(String).includes(id))

/**
 * Value checks the access table cannot express: an admin cannot create support users
 * nor attach (or detach) companies it does not have; a sub-admin only manages viewers
 * of its own departments.
 */
export const guardUserChange: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const actor = actorOf(req)
  if (!actor || isSupport(actor)) return data
  const role = data.role ?? originalDoc?.role
  if (data.role !== undefined && data.role !== originalDoc?.role && role === 'support') throw new Forbidden(req.t)
  const before = asIds(originalDoc?.companies)
  const after = data.companies !== undefined ? asIds(data.companies) : before
  const changed = [...after.filter((c) => !before.includes(c)), ...before.filter((c) => !after.includes(c))]
  if (!within(changed, companyIdsOf(actor))) throw new Forbidden(req.t)
  if (actor.role === 'subadmin' && !(operation === 'update' && isSelf(actor, originalDoc?.id))) {
    const departments = data.departments !== undefined ? asIds(data.departments) : asIds(originalDoc?.departments)
    if (role !== 'viewer' || departments.length === 0 || !within(departments, departmentIdsOf(actor))) throw new Forbidden(req.t)
  }
  const departmentsBefore = asIds(originalDoc?.departments)
  const departmentsAfter = data.departments !== undefined ? asIds(data.departments) : departmentsBefore
  // A user's role and departments are its authority in every company it belongs to.
  if (operation === 'update' && originalDoc) {
    const roleChanged = data.role !== undefined && data.role !== originalDoc.role
    const departmentsChanged = departmentsAfter.length !== departmentsBefore.length || !within(departmentsAfter, departmentsBefore)
    if ((roleChanged || departmentsChanged) && !managesEveryCompanyOf(actor, originalDoc)) throw new Forbidden(req.t)
  }
  const added = departmentsAfter.filter((d) => !departmentsBefore.includes(d))
  if (added.length > 0 && !(await departmentsOfCompanies(req, added, companyIdsOf(actor, { all: true })))) throw new Forbidden(req.t)
  return data
}

/** Whether every one of these departments belongs to one of these companies. */
async function departmentsOfCompanies(req: PayloadRequest, departments: string[], companies: (string | number)[]): Promise<boolean> {
  const inside = await req.payload.count({ collection: 'departments', where: { and: [{ id: { in: departments } }, { company: { in: companies } }] }, overrideAccess: true, req })
  return inside.totalDocs === departments.length
}

/**
 * Deleting a user removes it from every company it belongs to: support's, or a manager's of all
 * of them; a sub-admin's only when every department of the user is the sub-admin's too.
 */
export const guardUserDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const actor = actorOf(req)
  if (!actor || isSupport(actor)) return
  const user = await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req, select: { companies: true, departments: true } })
  const departments = asIds(user.departments)
  const inDepartments = actor.role !== 'subadmin' || (departments.length > 0 && within(departments, departmentIdsOf(actor)))
  if (!managesEveryCompanyOf(actor, user) || !inDepartments) throw new Forbidden(req.t)
}

/** The fields that let whoever sets them act as the user. */
const CREDENTIALS = ['password', 'email', 'username', 'enableAPIKey', 'apiKey', 'blocked'] as const

const sameValue = (field: (typeof CREDENTIALS)[number], next: unknown, before: unknown): boolean => {
  if (field === 'password') return next === undefined || next === null || next === ''
  if (field === 'blocked' || field === 'enableAPIKey') return Boolean(next) === Boolean(before)
  const norm = (v: unknown) => (v == null ? '' : String(v).trim().toLowerCase())
  return norm(next) === norm(before)
}

/**
 * Whether the actor manages every company the user belongs to: a user shared between
 * companies is only as safe as the weakest of their admins otherwise (issue 10, finding 2).
 */
export const managesEveryCompanyOf = (actor: AccessUser, user: { companies?: unknown }): boolean => {
  if (isSupport(actor)) return true
  if (actor.role !== 'admin' && actor.role !== 'subadmin') return false
  const theirs = asIds(user.companies)
  return theirs.length > 0 && within(theirs, companyIdsOf(actor, { all: true }))
}

/**
 * Credentials, e-mail, API key and blocked state change only by the user itself (its own
 * password only with the current one, `currentPassword`), by support, or by a manager of
 * every company the user belongs to. Unchanged values that a form sends along are no change.
 */
export const guardCredentials: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const actor = actorOf(req)
  if (!actor || operation !== 'update' || !originalDoc) return data
  const raw = (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: originalDoc.id } }, req })) as StoredPassword & { apiKey?: string | null; username?: string }
  const currentKey = raw?.apiKey ? safeDecrypt(req, raw.apiKey) : ''
  const changed = CREDENTIALS.filter((f) => f in data && !sameValue(f, data[f], f === 'apiKey' ? currentKey : originalDoc[f]))
  if (changed.length === 0) return data
  const self = isSelf(actor, originalDoc.id)
  if (!self && !managesEveryCompanyOf(actor, originalDoc)) throw new Forbidden(req.t)
  if (!changed.includes('password')) return data
  if (self && !isSupport(actor)) await requireCurrentPassword(req, raw, data.currentPassword)
  // A password someone else set is temporary: its user replaces it at the next login.
  return { ...data, mustChangePassword: !self }
}

function safeDecrypt(req: PayloadRequest, value: string): string {
  try {
    return req.payload.decrypt(value)
  } catch {
    return value
  }
}

async function requireCurrentPassword(req: PayloadRequest, stored: StoredPassword & { username?: string }, given: unknown) {
  const wrong = () => new ValidationError({ collection: 'users', errors: [{ path: 'currentPassword', message: 'Informe a sua senha atual para trocar a senha.' }] })
  if (typeof given !== 'string' || !given) throw wrong()
  try {
    await consume([['loginAccount', stored.username]])
  } catch (e) {
    if (e instanceof RateLimited) throw new APIError(e.message, 429)
    throw e
  }
  if (!(await passwordMatches(stored, given))) throw wrong()
}

/**
 * access.unlock (Payload's default lets any logged-in user unlock anyone): support, and
 * managers for the users of their own companies only — the users whose every company is theirs.
 */
export const unlockAccess: Access = async ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  if (isSupport(actor)) return true
  if (actor.role !== 'admin') return false
  const mine = companyIdsOf(actor, { all: true })
  if (mine.length === 0) return false
  const candidates = await req.payload.find({ collection: 'users', where: { companies: { in: mine } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { companies: true } })
  const ids = candidates.docs.filter((u) => managesEveryCompanyOf(actor, u)).map((u) => u.id)
  return { id: { in: ids } }
}
