import type { Where } from 'payload'
/** Roles exactly as in SPEC "Users and roles". */
export const ROLES = ['support', 'admin', 'subadmin', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, readonly [string, string]> = {
  support: ['Suporte Claro', 'Claro support'],
  admin: ['Administrador', 'Administrator'],
  subadmin: ['Sub-administrador', 'Sub-administrator'],
  viewer: ['Perfil de consulta', 'Viewer'],
}

type Relation = string | number | { id: string | number } | null | undefined

/** The part of an authenticated user the access rules read. */
export interface AccessUser {
  id: string | number
  role?: Role | null
  companies?: Relation[] | null
  departments?: Relation[] | null
  selectedCompany?: Relation
  collection?: string
}

/** The id of a relationship value, populated (`{id}`) or not; accepts what a hook's `data` holds. */
import { idOf } from '../domain/ids'
export { idOf }

export const idsOf = (rels: readonly (Relation | unknown)[] | null | undefined): (string | number)[] =>
  (rels ?? []).map(idOf).filter((id): id is string | number => id !== undefined)

export const isSupport = (user: AccessUser | null | undefined): boolean => user?.role === 'support'
export const isViewer = (user: AccessUser | null | undefined): boolean => user?.role === 'viewer'
/**
 * The companies a user works in. After company selection (A5) only the selected one,
 * so the choice scopes everything; `all` lists every company it belongs to.
 */
export const companyIdsOf = (user: AccessUser | null | undefined, options: { all?: boolean } = {}): (string | number)[] => {
  const all = idsOf(user?.companies)
  const selected = idOf(user?.selectedCompany)
  if (options.all || selected === undefined) return all
  return all.some((id) => String(id) === String(selected)) ? [selected] : all
}
/**
 * The one company a user works on now (A5): the selected one (support must select one; it
 * reaches every company otherwise), else its only company; undefined when it has to choose.
 */
export const workingCompanyOf = (user: AccessUser | null | undefined): string | number | undefined => {
  if (!user) return undefined
  const selected = idOf(user.selectedCompany)
  if (isSupport(user)) return selected
  const companies = companyIdsOf(user)
  if (selected !== undefined && companies.some((c) => String(c) === String(selected))) return selected
  return companies.length === 1 ? companies[0] : undefined
}

/**
 * What narrows a read to the company the user works on, beyond its access rules: support
 * reads every company, so once it selected one, its screens and lists keep to that one.
 * Null for the other roles (their access already holds only the selected company).
 */
export const selectedCompanyWhere = (user: AccessUser | null | undefined, path = 'company'): Where | null => {
  const selected = isSupport(user) ? idOf(user?.selectedCompany) : undefined
  return selected === undefined ? null : { [path]: { equals: selected } }
}

export const departmentIdsOf = (user: AccessUser | null | undefined): (string | number)[] => idsOf(user?.departments)

export const sameId = (a: Relation | unknown, b: Relation | unknown): boolean => {
  const x = idOf(a)
  const y = idOf(b)
  return x !== undefined && y !== undefined && String(x) === String(y)
}
