import type { Access, FieldAccess, Where } from 'payload'
import { actorOf } from './policy'
import { companyIdsOf, isSupport, isViewer, sameId, type AccessUser } from './roles'

/**
 * Tenant rules shared by every collection. A company user sees only documents whose
 * `company` is one of its companies; `support` sees every company. Writers are every
 * role but `viewer`. Department scope for sub-admins is layered on top in scoped.ts.
 */
/** Blocked users and users with a temporary password act as nobody (see policy.ts). */
const userOf = (req: { user?: unknown }): AccessUser | null => actorOf(req)

export const companyWhere = (user: AccessUser, field = 'company'): Where => ({
  [field]: { in: companyIdsOf(user) },
})

export const authenticated: Access = ({ req }) => Boolean(userOf(req))

export const supportOnly: Access = ({ req }) => isSupport(userOf(req))

export const nobody: Access = () => false

export const tenantRead: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (isSupport(user)) return true
  return companyWhere(user)
}

export const tenantWrite: Access = ({ req }) => {
  const user = userOf(req)
  if (!user || isViewer(user)) return false
  if (isSupport(user)) return true
  return companyWhere(user)
}

/** Create carries no stored document: check the company named in the incoming data. */
export const tenantCreate: Access = ({ req, data }) => {
  const user = userOf(req)
  if (!user || isViewer(user)) return false
  if (isSupport(user)) return true
  if (!data) return true // admin asks "may I create at all" without data
  return companyIdsOf(user).some((id) => sameId(id, data.company))
}

/** Field access: only support may change this field (e.g. a company's CNPJ). */
export const supportOnlyField: FieldAccess = ({ req }) => isSupport(userOf(req))
