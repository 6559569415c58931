import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Payload } from 'payload'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { pages, type Doc } from '../../../src/reports/source'
import { sqlPages } from '../../../src/reports/sqlPages'
import { getRaw, readXlsx } from './helpers'

let app: TestApp
let world: World
let token: string
const TIED = 60
const CREATED = '2026-11-20T10:00:00.000Z'

/** Lines inserted in one statement share their `createdAt` (as a bulk import or the large seed leaves them). */
async function insertTiedLines(payload: Payload) {
  const db = payload.db as unknown as { drizzle: { insert: (t: unknown) => { values: (rows: object[]) => Promise<unknown> } }; tables: Record<string, unknown> }
  const a = world.a
  await db.drizzle.insert(db.tables.lines).values(
    Array.from({ length: TIED }, (_, n) => ({
      company: a.company.id,
      account: a.account.id,
      department: a.departments[n % 2].id,
      profile: a.profile.id,
      msisdn: `55119${String(20_000_000 + n).padStart(8, '0')}`,
      name: `Em lote ${n}`,
      status: 'active',
      createdAt: CREATED,
      updatedAt: CREATED,
    })),
  )
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  await insertTiedLines(app.payload)
  token = await loginAs(app.rest, app.payload, world.a.users.admin)
})
afterAll(async () => app?.close())

const ids = async (source: AsyncGenerator<Doc[]>) => {
  const out: unknown[] = []
  for await (const page of source) out.push(...page.map((d) => d.id))
  return out
}

describe('list download: keyset pages read straight from SQL', () => {
  it('gives the adapter path\'s rows in its order, across page boundaries and ties of the sort field', async () => {
    const where = { company: { equals: world.a.company.id } }
    for (const [sortField, desc] of [['createdAt', true], ['createdAt', false], [undefined, false], ['msisdn', true]] as const) {
      const options = { collection: 'lines' as const, where, sortField, desc, select: { name: true, msisdn: true, createdAt: true } as const, pageSize: 7 }
      const sql = sqlPages(app.payload, options)
      expect(sql, 'SQLite and PostgreSQL take the SQL read').not.toBeNull()
      expect(await ids(sql!)).toEqual(await ids(pages(app.payload, options)))
    }
  })

  it('hands out dates as the adapter does (ISO)', async () => {
    const first = await sqlPages(app.payload, { collection: 'lines', where: { name: { equals: 'Em lote 0' } }, select: { createdAt: true } })!.next()
    expect(first.value?.[0].createdAt).toBe(CREATED)
  })

  it('the download reads no page of lines through the adapter, and lists what the REST list lists', async () => {
    const find = vi.spyOn(app.payload.db, 'find')
    try {
      const file = await getRaw(app.config, '/lines/export?sort=-createdAt', token)
      expect(file.status).toBe(200)
      const table = await readXlsx(file.body)
      // Only the one-row check of the sort (as the REST list checks it); no page of lines through the adapter.
      expect(find.mock.calls.filter(([args]) => args.collection === 'lines').map(([args]) => args.limit)).toEqual([1])
      const list = await app.rest.get('/lines?sort=-createdAt&limit=0&depth=0', token)
      const listed = (list.body.docs as Doc[]).map((d) => d.msisdn).sort()
      expect(table.slice(1).map((r) => r[1]).sort()).toEqual(listed)
      expect(table.length - 1).toBe(TIED + world.a.lines.length)
    } finally {
      find.mockRestore()
    }
  })

  it('a where that needs a join takes the adapter path', () => {
    expect(sqlPages(app.payload, { collection: 'usage', where: { 'line.department': { equals: world.a.departments[0].id } }, select: { units: true } })).toBeNull()
  })
})
