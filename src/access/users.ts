import type { CollectionBeforeChangeHook, FieldAccess } from 'payload'
import { Forbidden } from 'payload'
import { actorOf } from './policy'
import { companyIdsOf, departmentIdsOf, idsOf, isSupport, type AccessUser, type Role } from './roles'

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

const asIds = (v: unknown): string[] => idsOf((v == null ? [] : Array.isArray(v) ? v : [v]) as never).map(String)
const within = (ids: string[], allowed: (string | number)[]): boolean => ids.every((id) => allowed.map(String).includes(id))

/**
 * Value checks the access table cannot express: an admin cannot create support users
 * nor attach (or detach) companies it does not have; a sub-admin only manages viewers
 * of its own departments.
 */
export const guardUserChange: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
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
  return data
}
