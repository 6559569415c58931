import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'
import { DATA_DIR, databaseKind, databaseUrl } from './settings'
import { sqliteTransactions } from './transactionGate'
import { neutralUniqueErrors } from './uniqueErrors'

type RawIndex = { on: string | string[]; unique?: boolean }

/**
 * Drops every plain index whose columns lead another index of the same table (Payload indexes
 * each relationship column on its own, and `usage` also has (line, at) and (company, at)): the
 * longer index serves the same lookups, and each index costs every insert (bench/RESULTS.md).
 */
function dropPrefixIndexes<S>(args: { schema: S }): S {
  // The hook's declared arguments omit the adapter that @payloadcms/drizzle passes it.
  const tables = (args as unknown as { adapter: { rawTables: Record<string, { indexes?: Record<string, RawIndex> }> } }).adapter.rawTables
  const columns = (i: RawIndex) => (Array.isArray(i.on) ? i.on : [i.on])
  for (const table of Object.values(tables)) {
    const indexes = Object.entries(table.indexes ?? {})
    for (const [key, index] of indexes) {
      const own = columns(index)
      const covered = indexes.some(([other, o]) => other !== key && columns(o).length > own.length && own.every((c, i) => columns(o)[i] === c))
      if (!index.unique && covered) delete table.indexes![key]
    }
  }
  return args.schema
}

/** GOL_DB_PUSH=false turns the development schema push off (used to test the migrations). */
const pushOverride = (): { push?: boolean } => (process.env.GOL_DB_PUSH === 'false' ? { push: false } : {})

const migrationsDir = (kind: string) => path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'src/migrations', kind)

/**
 * The database adapter named by DATABASE_URL. Adapters are imported lazily so a
 * deployment on one engine never loads the others' drivers. Outside production the
 * schema is pushed; in production the committed migrations run on start.
 */
export async function databaseAdapter(url = databaseUrl()): Promise<DatabaseAdapterObj> {
  return neutralUniqueErrors(await engineAdapter(url))
}

async function engineAdapter(url: string): Promise<DatabaseAdapterObj> {
  const kind = databaseKind(url)
  if (kind === 'sqlite') {
    mkdirSync(DATA_DIR, { recursive: true })
    const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
    const { migrations } = await import('../migrations/sqlite')
    return oneTransactionAtATime(sqliteAdapter({
      client: { url },
      // Off by default in the adapter: without it multi-document writes are not atomic.
      transactionOptions: {},
      // A restore re-creates a deleted document with its old id (src/jobs/restore); clients cannot set ids (src/hooks/audit/ids.ts).
      allowIDOnCreate: true,
      // Ids are never reused (issue 10): without it SQLite hands a deleted row's id to the next insert, of any company.
      autoIncrement: true,
      wal: true,
      busyTimeout: 10_000,
      migrationDir: migrationsDir('sqlite'),
      beforeSchemaInit: [dropPrefixIndexes],
      prodMigrations: migrations,
      ...pushOverride(),
    }))
  }
  if (kind === 'postgres') {
    const { postgresAdapter } = await import('@payloadcms/db-postgres')
    const { migrations } = await import('../migrations/postgres')
    return postgresAdapter({
      pool: { connectionString: url, max: Number(process.env.PG_POOL_MAX || 10) },
      allowIDOnCreate: true,
      migrationDir: migrationsDir('postgres'),
      beforeSchemaInit: [dropPrefixIndexes],
      prodMigrations: migrations,
      ...pushOverride(),
    })
  }
  const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
  return mongooseAdapter({ url, allowIDOnCreate: true })
}

/** SQLite: this process's write transactions queue on one gate (see src/lib/transactionGate.ts). */
function oneTransactionAtATime(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  const init = adapterObj.init
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = init(args) as BaseDatabaseAdapter
      const { beginTransaction, commitTransaction, rollbackTransaction } = adapter
      const releases = new Map<string | number, () => void>()
      const release = (id: string | number | null | undefined) => {
        if (id == null) return
        releases.get(id)?.()
        releases.delete(id)
      }
      adapter.beginTransaction = async function (options) {
        const free = await sqliteTransactions.acquire()
        try {
          const id = await beginTransaction.call(adapter, options)
          if (id == null) free()
          else releases.set(id, free)
          return id
        } catch (err) {
          free()
          throw err
        }
      }
      adapter.commitTransaction = async function (incoming) {
        const id = await incoming
        try {
          await commitTransaction.call(adapter, id)
        } finally {
          release(id)
        }
      }
      adapter.rollbackTransaction = async function (incoming) {
        const id = await incoming
        try {
          await rollbackTransaction.call(adapter, id)
        } finally {
          release(id)
        }
      }
      return adapter
    },
  }
}
