import type { Access, AccessResult, CollectionBeforeChangeHook, Where } from 'payload'
import { Forbidden } from 'payload'
import { companyIdsOf, departmentIdsOf, idOf, idsOf, type AccessUser, type Role } from './roles'

/**
 * THE roles table of the SPEC ("Users and roles"), as data. Every collection's
 * create/read/update/delete access is generated from here (tenantCollection and the
 * few collections that are not company-owned call `accessFor(slug)`), so a rule lives
 * in exactly one place.
 *
 * A scope says which documents a role reaches for an operation:
 * - `all`: every document (support);
 * - `company`: documents of the user's companies;
 * - `departments`: documents of the user's departments (inside its companies). A
 *   `viewer` with no department belongs to the whole company and falls back to `company`;
 *   a `subadmin` with no department reaches nothing;
 * - `none`.
 * Collections may still narrow this in their own config (immutable audit trail, say).
 */
export type Scope = 'all' | 'company' | 'departments' | 'none'
export type Operation = 'create' | 'read' | 'update' | 'delete'
type Rules = Record<Operation, Record<Role, Scope>>

export interface Policy {
  rules: Rules
  /** Path from the document to its company id(s). */
  companyPath: string
  /** Path from the document to its department id(s); absent = not department-scoped. */
  departmentPath?: string
}

const row = (support: Scope, admin: Scope, subadmin: Scope, viewer: Scope): Record<Role, Scope> => ({ support, admin, subadmin, viewer })

/** Company-wide data: admins write it; sub-admins and viewers only read it (settings they work under). */
const companyConfig: Rules = {
  create: row('all', 'company', 'none', 'none'),
  read: row('all', 'company', 'company', 'company'),
  update: row('all', 'company', 'none', 'none'),
  delete: row('all', 'company', 'none', 'none'),
}

/** Company-private records (backups, restores, reports, audit): nothing for department-scoped users. */
const companyPrivate: Rules = {
  create: row('all', 'company', 'none', 'none'),
  read: row('all', 'company', 'none', 'departments'),
  update: row('all', 'company', 'none', 'none'),
  delete: row('all', 'company', 'none', 'none'),
}

/** Lines: sub-admins read and edit the lines of their departments. */
const lineRules: Rules = {
  create: row('all', 'company', 'none', 'none'),
  read: row('all', 'company', 'departments', 'departments'),
  update: row('all', 'company', 'departments', 'none'),
  delete: row('all', 'company', 'none', 'none'),
}

/** Per-line records written by the engine: read like the line. */
const lineData: Rules = { ...companyConfig, read: row('all', 'company', 'departments', 'departments') }

export const POLICIES: Record<string, Policy> = {
  companies: {
    companyPath: 'id',
    rules: {
      create: row('all', 'none', 'none', 'none'),
      read: row('all', 'company', 'company', 'company'),
      update: row('all', 'company', 'none', 'none'),
      delete: row('all', 'none', 'none', 'none'),
    },
  },
  accounts: { companyPath: 'company', rules: companyConfig },
  // A sub-admin configures the departments it is attached to (the guide's "Controle de acesso"), nothing else of them.
  departments: {
    companyPath: 'company',
    departmentPath: 'id',
    rules: { ...companyConfig, read: row('all', 'company', 'departments', 'departments'), update: row('all', 'company', 'departments', 'none') },
  },
  profiles: { companyPath: 'company', rules: companyConfig },
  holidays: { companyPath: 'company', rules: companyConfig },
  offers: { companyPath: 'company', rules: companyConfig },
  transfers: { companyPath: 'company', rules: companyConfig },
  // Tariffs (issue 15): the carrier's prices, so support writes them; the company's users read them.
  tariffs: {
    companyPath: 'company',
    rules: { ...companyConfig, create: row('all', 'none', 'none', 'none'), update: row('all', 'none', 'none', 'none'), delete: row('all', 'none', 'none', 'none') },
  },
  lines: { companyPath: 'company', departmentPath: 'department', rules: lineRules },
  // Money caps (issue 15): admins edit them; a sub-admin those of its departments and their lines (company caps have no department).
  'spend-caps': {
    companyPath: 'company',
    departmentPath: 'department',
    rules: {
      create: row('all', 'company', 'departments', 'none'),
      read: row('all', 'company', 'departments', 'departments'),
      update: row('all', 'company', 'departments', 'none'),
      delete: row('all', 'company', 'departments', 'none'),
    },
  },
  usage: { companyPath: 'company', departmentPath: 'line.department', rules: lineData },
  consumption: { companyPath: 'company', departmentPath: 'line.department', rules: lineData },
  notifications: { companyPath: 'company', departmentPath: 'line.department', rules: lineData },
  // A department viewer has no department path here, so `departments` resolves to nothing for it.
  transactions: { companyPath: 'company', rules: companyPrivate },
  // Reports (H6): company users; a sub-admin asks for and reads reports of its own departments (the report's `departments`).
  reports: {
    companyPath: 'company',
    departmentPath: 'departments',
    rules: { ...companyPrivate, create: row('all', 'company', 'departments', 'none'), read: row('all', 'company', 'departments', 'departments') },
  },
  backups: { companyPath: 'company', rules: companyPrivate },
  restores: { companyPath: 'company', rules: companyPrivate },
  // A restore's item log: written and read by the restore code only (its spreadsheets check the restore's access).
  'restore-items': { companyPath: 'company', rules: { create: row('none', 'none', 'none', 'none'), read: row('none', 'none', 'none', 'none'), update: row('none', 'none', 'none', 'none'), delete: row('none', 'none', 'none', 'none') } },
  users: {
    companyPath: 'companies',
    departmentPath: 'departments',
    rules: {
      create: row('all', 'company', 'departments', 'none'),
      read: row('all', 'company', 'departments', 'departments'),
      update: row('all', 'company', 'departments', 'none'),
      delete: row('all', 'company', 'departments', 'none'),
    },
  },
  // The alert log and its webhook deliveries (issue 15): written by the engine only; read like the lines (alerts) or by admins (deliveries).
  'spend-alerts': {
    companyPath: 'company',
    departmentPath: 'department',
    rules: { create: row('none', 'none', 'none', 'none'), read: row('all', 'company', 'departments', 'departments'), update: row('none', 'none', 'none', 'none'), delete: row('all', 'none', 'none', 'none') },
  },
  'webhook-deliveries': {
    companyPath: 'company',
    rules: { create: row('none', 'none', 'none', 'none'), read: row('all', 'company', 'none', 'none'), update: row('none', 'none', 'none', 'none'), delete: row('all', 'none', 'none', 'none') },
  },
  'operator-prefixes': { companyPath: 'company', rules: carrierData() },
  'ported-numbers': { companyPath: 'company', rules: carrierData() },
  outbox: {
    companyPath: 'company',
    rules: { create: row('none', 'none', 'none', 'none'), read: row('all', 'none', 'none', 'none'), update: row('none', 'none', 'none', 'none'), delete: row('all', 'none', 'none', 'none') },
  },
}

function carrierData(): Rules {
  return { create: row('all', 'none', 'none', 'none'), read: row('all', 'all', 'all', 'all'), update: row('all', 'none', 'none', 'none'), delete: row('all', 'none', 'none', 'none') }
}

/**
 * The user behind a request, or null. A blocked user, or one that still has to replace
 * a temporary password, acts as nobody: its tokens open nothing.
 */
export const actorOf = (req: { user?: unknown }): AccessUser | null => {
  const user = (req.user as (AccessUser & { blocked?: boolean; mustChangePassword?: boolean }) | null) ?? null
  if (!user || user.blocked || user.mustChangePassword) return null
  if (user.collection && user.collection !== 'users') return null
  return user
}

/** The scope a user has for an operation, with the viewer fallback applied. */
export function scopeOf(policy: Policy, op: Operation, user: AccessUser | null): Scope {
  return roleScope(policy.rules[op], Boolean(policy.departmentPath), user)
}

function roleScope(byRole: Record<Role, Scope>, departmentScoped: boolean, user: AccessUser | null): Scope {
  if (!user?.role) return 'none'
  const scope = byRole[user.role] ?? 'none'
  if (scope !== 'departments') return scope
  if (departmentIdsOf(user).length === 0) return user.role === 'viewer' ? 'company' : 'none'
  return departmentScoped ? 'departments' : 'none'
}

/**
 * The engine's operations (SPEC K) on a line, in the same table: authorize reserves units and
 * usage records them (writes: support, admins and their integrators' API keys, sub-admins on
 * their departments' lines, never viewers); balance and simulate read like the line.
 */
export type EngineOperation = 'authorize' | 'usage' | 'balance' | 'simulate'

export const ENGINE_RULES: Record<EngineOperation, Record<Role, Scope>> = {
  authorize: row('all', 'company', 'departments', 'none'),
  usage: row('all', 'company', 'departments', 'none'),
  balance: row('all', 'company', 'departments', 'departments'),
  simulate: row('all', 'company', 'departments', 'departments'),
}

/** The engine's scope for a user: `none` = the operation is not for its role at all. */
export const engineScope = (op: EngineOperation, user: AccessUser | null): Scope => roleScope(ENGINE_RULES[op], true, user)

/** May this user run an engine operation on this line (its company and department)? */
export function mayUseEngine(op: EngineOperation, user: AccessUser | null, line: { companyId: unknown; departmentId?: unknown }): boolean {
  const scope = engineScope(op, user)
  if (scope === 'all') return true
  if (scope === 'none') return false
  if (!companyIdsOf(user).some((c) => String(c) === String(line.companyId))) return false
  if (scope === 'company') return true
  return line.departmentId != null && departmentIdsOf(user).some((d) => String(d) === String(line.departmentId))
}

const companyWhere = (policy: Policy, user: AccessUser): Where => ({ [policy.companyPath]: { in: companyIdsOf(user) } })

function whereFor(slug: string, policy: Policy, scope: Scope, user: AccessUser, op: Operation): AccessResult {
  if (scope === 'all') return true
  if (scope === 'none') return false
  if (companyIdsOf(user).length === 0) return false
  const company = companyWhere(policy, user)
  if (scope === 'company') {
    if (slug === 'users' && op !== 'delete') return { or: [{ id: { equals: user.id } }, company] }
    return company
  }
  const inDepartments: Where = { and: [company, { [policy.departmentPath!]: { in: departmentIdsOf(user) } }] }
  if (slug === 'users') {
    // Department-scoped users reach themselves and the viewers of their departments.
    const viewers: Where = { and: [inDepartments, { role: { equals: 'viewer' } }] }
    return op === 'read' || op === 'update' ? { or: [{ id: { equals: user.id } }, viewers] } : viewers
  }
  return inDepartments
}

const subset = (wanted: unknown[], allowed: (string | number)[]): boolean =>
  wanted.every((w) => allowed.some((a) => String(a) === String(w)))

const asArray = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v])

/** Create has no stored document: check the incoming data against the scope. */
function mayCreate(slug: string, policy: Policy, scope: Scope, user: AccessUser, data: Record<string, unknown> | undefined): boolean {
  if (scope === 'all') return true
  if (scope === 'none') return false
  // "May I create at all": asked by the admin without data, or (document permissions of
  // the create page) with nothing but `{_status: 'draft'}`; real creates carry their fields.
  if (!data || Object.keys(data).every((k) => k === '_status')) return true
  const companies = idsOf(asArray(data[policy.companyPath]))
  if (companies.length === 0 || !subset(companies, companyIdsOf(user))) return false
  if (slug === 'users' && data.role === 'support') return false
  if (scope === 'company') return true
  const departments = idsOf(asArray(data[policy.departmentPath!]))
  if (departments.length === 0 || !subset(departments, departmentIdsOf(user))) return false
  return slug !== 'users' || (data.role ?? 'viewer') === 'viewer'
}

/** create/read/update/delete for a collection, all generated from POLICIES. */
export function accessFor(slug: string): Record<Operation, Access> {
  const policy = POLICIES[slug]
  if (!policy) throw new Error(`Sem política de acesso para a coleção ${slug}`)
  const op =
    (operation: Exclude<Operation, 'create'>): Access =>
    ({ req }) => {
      const user = actorOf(req)
      return whereFor(slug, policy, scopeOf(policy, operation, user), user!, operation)
    }
  return {
    create: ({ req, data }) => {
      const user = actorOf(req)
      return user ? mayCreate(slug, policy, scopeOf(policy, 'create', user), user, data) : false
    },
    read: op('read'),
    update: op('update'),
    delete: op('delete'),
  }
}

/**
 * On update, a department-scoped writer may not move a document out of its departments
 * (a sub-admin moving a line to another department) nor into another company.
 */
export const keepInScope =
  (slug: string): CollectionBeforeChangeHook =>
  ({ data, req, operation }) => {
    const user = actorOf(req)
    const policy = POLICIES[slug]
    if (!user || !policy || operation !== 'update') return data
    const scope = scopeOf(policy, 'update', user)
    if (scope === 'all') return data
    if (policy.companyPath !== 'id' && data[policy.companyPath] !== undefined) {
      const companies = idsOf(asArray(data[policy.companyPath]))
      if (slug !== 'users' && !subset(companies, companyIdsOf(user))) throw new Forbidden(req.t)
    }
    if (scope === 'departments' && policy.departmentPath && !policy.departmentPath.includes('.') && policy.departmentPath !== 'id') {
      if (data[policy.departmentPath] !== undefined) {
        const departments = asArray(data[policy.departmentPath]).map((d) => idOf(d))
        if (departments.length === 0 || !subset(departments, departmentIdsOf(user))) throw new Forbidden(req.t)
      }
    }
    return data
  }
