/**
 * Issue 16: backups, previews and restores read a company's lines straight from the table
 * (PostgreSQL through one cursor, SQLite by keyset pages); the Local API path stays for
 * MongoDB. Both must read the same documents, so the backup file is byte-for-byte the same,
 * and a reader that stops early must give its database connection back.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupFileOf } from '../../../src/collections/Backups/snapshot/backupFile'
import { CATEGORY_SOURCES, pagesOf, streamItems, type Data } from '../../../src/collections/Backups/snapshot/categories'
import { linePages } from '../../../src/collections/Backups/snapshot/lineRows'
import { planSource } from '../../../src/collections/Backups/snapshot/plan'
import { seedLargeTenant } from '../../../src/seed/large'
import { startTestApp, type TestApp } from '../../helpers/app'
import { backupOf } from './fixtures'

/** More lines than a page of the table path (500) several times over, with a page's edge in the middle. */
const LINES = 1750
let app: TestApp
let company: number | string
let other: number | string

const lines = CATEGORY_SOURCES.subscribers[0]

async function collect(pages: AsyncIterable<Data[]>): Promise<Data[]> {
  const out: Data[] = []
  for await (const page of pages) out.push(...page)
  return out
}

/** Each document as its line of a backup file would hold it. */
const fileLines = (docs: Data[], payload: Payload) =>
  docs.map((doc) => {
    const data = lines.pick(doc, { payload, company, links: new Map(), scope: new Set() })
    return JSON.stringify({ kind: 'lines', id: doc.id, title: lines.title(data, doc), data })
  })

beforeAll(async () => {
  app = await startTestApp()
  const { payload } = app
  company = ((await seedLargeTenant(payload, LINES, { seed: 1 })) as { id: number | string }).id
  other = ((await seedLargeTenant(payload, 300, { seed: 2 })) as { id: number | string }).id
  const theirs = (await payload.db.find({ collection: 'lines', where: { company: { equals: other } }, sort: 'id', limit: 300, pagination: false })).docs as Data[]
  const ours = (await payload.db.find({ collection: 'lines', where: { company: { equals: company } }, sort: 'id', limit: 5, pagination: false })).docs as Data[]
  // Lines of the company among the other's ids (not one run of ids), and every kind of value a line holds.
  for (const line of theirs.filter((_, i) => i % 7 === 0)) await payload.db.updateOne({ collection: 'lines', id: line.id as never, data: { company } })
  await payload.db.updateOne({ collection: 'lines', id: ours[0].id as never, data: { quota: { control: 'limited', amountMB: 1536.5 }, extension: '4321' } })
  await payload.db.updateOne({ collection: 'lines', id: ours[1].id as never, data: { quota: { control: 'blocked', amountMB: null }, department: null, status: 'suspended' } })
  await payload.db.updateOne({ collection: 'lines', id: ours[2].id as never, data: { name: null, iccid: null, imsi: null } })
}, 300_000)
afterAll(async () => app?.close())

describe('a company\'s lines read from the table', () => {
  it('are the documents the Local API reads, in the same order: the same backup file', async () => {
    const { payload } = app
    const fromTable = await collect(linePages(payload, company)!)
    const fromApi = await collect(pagesOf({ payload, company }, 'lines', { company: { equals: company } }))
    expect(fromTable.length).toBe(LINES + Math.ceil(300 / 7))
    expect(fromTable.map((d) => d.id)).toEqual(fromApi.map((d) => d.id))
    expect(fileLines(fromTable, payload)).toEqual(fileLines(fromApi, payload))
    // What a backup writes is what the Local API path would have written.
    const written: string[] = []
    for await (const page of streamItems({ payload, company }, lines)) for (const item of page) written.push(JSON.stringify({ kind: 'lines', ...item }))
    expect(written).toEqual(fileLines(fromApi, payload))
  }, 120_000)

  it('give their connection back when the reader stops early, many times over (more than the pool holds)', async () => {
    const { payload } = app
    const backup = await backupOf(payload, company, 'subscribers')
    expect(backup.status).toBe('ok')
    await payload.db.updateMany({ collection: 'lines', where: { company: { equals: company } }, data: { name: 'Renomeada' } })
    for (let i = 0; i < 15; i++) {
      for await (const page of linePages(payload, company)!) {
        expect(page.length).toBeGreaterThan(0)
        break
      }
      // The comparison stopped after its first steps: both its readers stop too.
      for await (const steps of planSource({ payload, company }, lines, backupFileOf(backup))) {
        expect(steps[0].action).toBe('update')
        break
      }
    }
    expect((await payload.count({ collection: 'lines', where: { company: { equals: company } }, overrideAccess: true })).totalDocs).toBe(LINES + Math.ceil(300 / 7))
  }, 120_000)
})
