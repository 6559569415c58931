import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'
import { withAtomicJobClaim } from './jobClaim'
import { DATA_DIR, databaseKind, databaseUrl, dbPushOff, payloadMigrating, pgPoolMax, schemaByMigrations } from './settings'
import { sqliteTransactions } from './transactionGate'
import { neutralUniqueErrors } from './uniqueErrors'

type RawIndex = { on: string | string[]; unique?: boolean }
type RawTables = Record<string, { indexes?: Record<string, RawIndex> }>

/** The adapter's raw tables, which the schema hooks change (their declared arguments omit the adapter @payloadcms/drizzle passes them). */
const rawTablesOf = (args: { schema: unknown }): RawTables => (args as unknown as { adapter: { rawTables: RawTables } }).adapter.rawTables
const columnsOf = (i: RawIndex): string[] => (Array.isArray(i.on) ? i.on : [i.on])

/**
 * Drops every plain index whose columns lead another index of the same table (Payload indexes
 * each relationship column on its own, and `usage` also has (line, at) and (company, at)): the
 * longer index serves the same lookups, and each index costs every insert (bench/RESULTS.md).
 */
function dropPrefixIndexes<S>(args: { schema: S }): S {
  for (const table of Object.values(rawTablesOf(args))) {
    const indexes = Object.entries(table.indexes ?? {})
    for (const [key, index] of indexes) {
      const own = columnsOf(index)
      const covered = indexes.some(([other, o]) => other !== key && columnsOf(o).length > own.length && own.every((c, i) => columnsOf(o)[i] === c))
      if (!index.unique && covered) delete table.indexes![key]
    }
  }
  return args.schema
}

/**
 * Compound indexes whose ties are ordered by id too: keyset pages `(sort, id) < (…)` read them in
 * order (src/reports/sqlPages.ts). A collection's `indexes` cannot name `id`, so it is appended here;
 * without it PostgreSQL re-sorts every tied row on each page (lines bulk-loaded share a createdAt).
 */
const ORDERED_BY_ID: { table: string; on: string[] }[] = [{ table: 'lines', on: ['company', 'createdAt'] }]

function idTieBreaks<S>(args: { schema: S }): S {
  const tables = rawTablesOf(args)
  for (const { table, on } of ORDERED_BY_ID) {
    for (const index of Object.values(tables[table]?.indexes ?? {})) {
      const columns = columnsOf(index)
      if (columns.length === on.length && on.every((c, i) => columns[i] === c)) index.on = [...columns, 'id']
    }
  }
  return args.schema
}

/**
 * The schema comes from the committed migrations in production (`npm start`) and in the
 * scripts (`npm run seed`, `npm run worker`: GOL_DB_MIGRATE=true), on any database those may
 * open; only `npm run dev` and the tests push it. A database once pushed cannot take the
 * migrations (Payload would stop at an interactive prompt), so it is refused at once.
 */
export { schemaByMigrations }

/** GOL_DB_PUSH=false turns the development schema push off (used to test the migrations). */
const pushOverride = (): { push?: boolean } => (dbPushOff() || schemaByMigrations() ? { push: false } : {})

/** The command that rebuilds a database from the migrations, named in the refusal. */
export const REBUILD_COMMAND = 'npm run payload -- migrate:fresh --force-accept-warning && npm run seed'

export class DevPushedDatabaseError extends Error {
  constructor() {
    super(
      'Este banco recebeu o esquema em modo de desenvolvimento (push: `npm run dev` ou um seed antigo) e não pode receber as migrações sem perda de dados ' +
        '(o Payload pararia perguntando "Would you like to proceed? (y/N)"). ' +
        `Recrie-o a partir das migrações (apaga os dados): DATABASE_URL=… ${REBUILD_COMMAND}`,
    )
    this.name = 'DevPushedDatabaseError'
  }
}

/** True when the database was pushed in development mode (Payload's marker: a migration of batch -1). */
async function devPushed(adapter: BaseDatabaseAdapter): Promise<boolean> {
  const found = await adapter.payload
    .find({ collection: 'payload-migrations', where: { batch: { equals: -1 } }, limit: 1, depth: 0, overrideAccess: true })
    .catch(() => null) // no migrations table yet: a new database
  return Boolean(found?.docs.length)
}

/**
 * Runs the committed migrations after connecting, wherever schemaByMigrations() says so (the
 * adapter alone runs them only under NODE_ENV=production), after refusing a pushed database.
 */
function migrateOnConnect(adapterObj: DatabaseAdapterObj, migrations: { name: string }[]): DatabaseAdapterObj {
  if (!schemaByMigrations()) return adapterObj
  return onAdapter(adapterObj, (adapter) => {
    const connect = adapter.connect
    adapter.connect = async function (options) {
      await connect?.call(adapter, options)
      if (payloadMigrating()) return // the payload CLI migrates itself
      if (await devPushed(adapter)) {
        adapter.payload.logger.fatal(new DevPushedDatabaseError().message)
        throw new DevPushedDatabaseError()
      }
      // Payload's Migration type takes `(args: unknown)`; each adapter's migrations take that adapter's own args.
      await adapter.migrate({ migrations: migrations as never })
    }
  })
}

const migrationsDir = (kind: string) => path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'src/migrations', kind)

/** The adapter object whose adapter, once created, goes through `change`. */
function onAdapter(adapterObj: DatabaseAdapterObj, change: (adapter: BaseDatabaseAdapter) => void): DatabaseAdapterObj {
  const init = adapterObj.init
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = init(args) as BaseDatabaseAdapter
      change(adapter)
      return adapter
    },
  }
}

/**
 * The database adapter named by DATABASE_URL. Adapters are imported lazily so a
 * deployment on one engine never loads the others' drivers. The schema is pushed or
 * migrated as schemaByMigrations() says.
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
    return migrateOnConnect(atomicJobClaims(oneTransactionAtATime(sqliteAdapter({
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
      beforeSchemaInit: [dropPrefixIndexes, idTieBreaks],
      ...pushOverride(),
    }))), migrations)
  }
  if (kind === 'postgres') {
    const { postgresAdapter } = await import('@payloadcms/db-postgres')
    const { migrations } = await import('../migrations/postgres')
    return migrateOnConnect(atomicJobClaims(postgresAdapter({
      pool: { connectionString: url, max: pgPoolMax() },
      allowIDOnCreate: true,
      migrationDir: migrationsDir('postgres'),
      beforeSchemaInit: [dropPrefixIndexes, idTieBreaks],
      ...pushOverride(),
    })), migrations)
  }
  const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
  return mongooseAdapter({ url, allowIDOnCreate: true })
}

/** A job runs once however many runners there are: the claim is a conditional update (src/lib/jobClaim.ts). */
const atomicJobClaims = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => onAdapter(adapterObj, withAtomicJobClaim)

/** SQLite: this process's write transactions queue on one gate (see src/lib/transactionGate.ts). */
function oneTransactionAtATime(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return onAdapter(adapterObj, (adapter) => {
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
  })
}
