/**
 * The usage store of a Payload instance, chosen once by its database (./store.ts has the
 * interface): PostgreSQL, SQLite (both through Payload's drizzle tables), else the Local API
 * (MongoDB).
 */
import type { Payload } from 'payload'
import { LocalApiUsageStore } from './localApi'
import { PostgresUsageStore } from './postgres'
import { SqliteUsageStore } from './sqlite'
import type { UsageStore } from './store'

export * from './store'
export { pgCopyMany } from './postgres'

const stores = new WeakMap<Payload, UsageStore>()

function createUsageStore(payload: Payload): UsageStore {
  const db = payload.db as { drizzle?: unknown; tables?: unknown; name?: string }
  if (!db.drizzle || !db.tables) return new LocalApiUsageStore(payload)
  return db.name === 'postgres' ? new PostgresUsageStore(payload) : new SqliteUsageStore(payload)
}

/** The usage store of this Payload instance (created on first use, then the same). */
export function usageStoreFor(payload: Payload): UsageStore {
  let store = stores.get(payload)
  if (!store) stores.set(payload, (store = createUsageStore(payload)))
  return store
}
