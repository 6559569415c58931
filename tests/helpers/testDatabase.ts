import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

/**
 * A fresh database per test file, of the kind named by TEST_DB (sqlite by default,
 * postgres for the production engine), named `<prefix>_…`. Returns its URL and a function that drops it.
 */
export async function createTestDatabase({ prefix = 'gol_test' } = {}): Promise<{ url: string; kind: string; drop: () => Promise<void> }> {
  const kind = process.env.TEST_DB ?? 'sqlite'
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`
  if (kind === 'sqlite') {
    const dir = path.join(os.tmpdir(), 'gol-tests')
    mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `${prefix}_${suffix}.db`)
    return {
      kind,
      url: `file:${file}`,
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
      },
    }
  }
  if (kind === 'postgres') {
    const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
    const name = `${prefix}_${suffix}`
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    await client.query(`CREATE DATABASE ${name}`)
    await client.end()
    const url = admin.replace(/\/[^/]*$/, `/${name}`)
    return {
      kind,
      url,
      drop: async () => {
        const c = new pg.Client({ connectionString: admin })
        await c.connect()
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await c.end()
      },
    }
  }
  throw new Error(`TEST_DB desconhecido: ${kind}`)
}
