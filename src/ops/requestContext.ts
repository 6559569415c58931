import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'
import { idOf } from '../access/roles'

const REQUEST = Symbol.for('gol.request')

/** The request being answered: server.mjs runs each request in an AsyncLocalStorage holding this (src/server/requestLog.mjs). */
type RequestRecord = { userId?: string | number; companyId?: string | number }

/** Notes the caller of the request being answered, for the request's log line (LOG_FORMAT=json). */
export function noteCaller(user: unknown): void {
  const store = (globalThis as Record<symbol, { getStore(): RequestRecord | undefined } | undefined>)[REQUEST]?.getStore()
  if (!store || !user || store.userId !== undefined) return
  const u = user as { id?: string | number; selectedCompany?: unknown; companies?: unknown[] }
  store.userId = u.id
  store.companyId = idOf(u.selectedCompany) ?? (u.companies?.length === 1 ? idOf(u.companies[0]) : undefined)
}

const noteHook: CollectionBeforeOperationHook = ({ args, req }) => {
  noteCaller(req?.user)
  return args
}

/** Every collection notes the authenticated caller of the request (REST, GraphQL, admin, endpoints reading through the Local API with `req`). */
export const withCallerNoted = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((c) => ({ ...c, hooks: { ...c.hooks, beforeOperation: [noteHook, ...(c.hooks?.beforeOperation ?? [])] } }))
