/**
 * `npm run migrate:create -- <name>`: writes a migration for SQLite and one for
 * PostgreSQL from the current collections, each against a fresh empty database,
 * so both engines' committed migrations stay in step with the schema.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

const name = process.argv[2] ?? 'schema'
const pgAdmin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

function create(databaseUrl: string) {
  execFileSync('npx', ['payload', 'migrate:create', name], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO: 'false', NODE_ENV: 'production' } })
}

create(`file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'gol-mig-')), 'm.db')}`)
const db = `gol_migrations_${process.pid}`
const client = new pg.Client({ connectionString: pgAdmin })
await client.connect()
await client.query(`CREATE DATABASE ${db}`)
try {
  create(pgAdmin.replace(/\/[^/]*$/, `/${db}`))
} finally {
  await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
  await client.end()
}
