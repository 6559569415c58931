/**
 * Issue 16: backups of a company with thousands of lines are written by a job into a file and
 * round-trip exactly; no answer about backups or restores carries their content unless asked
 * for (REST and GraphQL); only the last five backups of a category are kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedLargeTenant } from '../../../src/seed/large'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'
import { backupOf, create, remove, restore, snapshot, update } from './fixtures'

const LINES = 3000
let app: TestApp
let world: World
let company: { id: number | string }
let token: string

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  company = (await seedLargeTenant(app.payload, LINES)) as { id: number | string }
  const admin = await create(app.payload, 'users', {
    username: generateCpf(world.rng),
    email: 'grande@example.com',
    password: PASSWORD,
    firstName: 'Admin',
    lastName: 'Grande',
    role: 'admin',
    companies: [company.id],
  })
  token = await loginAs(app.rest, app.payload, admin)
}, 300_000)
afterAll(async () => app?.close())

describe(`a company of ${LINES} lines`, () => {
  it('a subscribers backup is made by the job, downloads, previews by page and restores exactly', async () => {
    const { payload } = app
    const made = await app.rest.post('/backups', { company: company.id, category: 'subscribers' }, token)
    expect(made.status).toBe(201)
    expect(made.body.doc).toMatchObject({ status: 'pending' })
    expect(made.body.doc.data).toBeUndefined()
    const backup = await backupOf(payload, company.id, 'subscribers')
    expect(backup).toMatchObject({ status: 'ok', itemCount: LINES })
    expect(backup.data.sources.lines).toHaveLength(LINES)

    const lines = backup.data.sources.lines as { id: number }[]
    for (const line of lines.slice(0, 150)) await update(payload, 'lines', line.id, { name: `Renomeada ${line.id}` })
    for (const line of lines.slice(150, 160)) await remove(payload, 'lines', line.id)
    const preview = await app.rest.get(`/backups/${String(backup.id)}/preview?limit=50&page=2`, token)
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ create: 10, update: 150, delete: 0, totalChanges: 160, page: 2, limit: 50, totalPages: 4 })
    expect(preview.body.changes).toHaveLength(50)

    const done = await restore(payload, backup)
    expect(done.status, JSON.stringify(done.failed.slice(0, 3))).toBe('success')
    expect([done.appliedCount, done.applied.length]).toEqual([160, 160])
    expect(await snapshot(payload, company.id, 'subscribers')).toEqual(backup.data)

    const sheet = await fetchRaw(`/backups/${String(backup.id)}/download`)
    expect(sheet.status).toBe(200)
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml')
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await sheet.arrayBuffer())
    expect(book.getWorksheet('Assinantes')!.rowCount).toBe(1 + LINES)
  }, 600_000)

  it('no answer carries a backup\'s or a restore\'s content by default', async () => {
    const { payload } = app
    const backup = await backupOf(payload, company.id, 'departments')
    const requested = await app.rest.post('/restores', { backup: backup.id }, token)
    expect(requested.status).toBe(201)
    expect(Object.keys(requested.body.doc.backup).sort()).toEqual(['category', 'createdAt', 'id', 'itemCount', 'name', 'status'])
    await payload.jobs.run()
    const answers = [
      await app.rest.get('/backups', token),
      await app.rest.get(`/backups/${String(backup.id)}`, token),
      await app.rest.get('/restores', token),
      await app.rest.get(`/restores/${String(requested.body.doc.id)}`, token),
      await app.rest.get('/restores/history', token),
    ]
    for (const res of answers) {
      expect(res.status).toBe(200)
      expect(JSON.stringify(res.body)).not.toMatch(/"(data|sources|applied|failed|changes)"/)
    }
    expect((await app.rest.get('/restore-items', token)).status).toBe(403)
    // GraphQL: the list reads names, dates, counts and status; there is no content to ask for.
    const list = await app.rest.gql('{ Backups { docs { id name category status itemCount createdAt } } Restores { docs { id status appliedCount failedCount } } }', {}, token)
    expect(list.body.errors, JSON.stringify(list.body.errors)).toBeUndefined()
    expect(list.body.data.Backups.docs.length).toBeGreaterThan(0)
    for (const query of ['{ Backups { docs { data } } }', '{ Restores { docs { applied } } }', '{ Restores { docs { failed } } }']) {
      const res = await app.rest.gql(query, {}, token)
      expect(JSON.stringify(res.body.errors), query).toMatch(/Cannot query field/)
    }
  }, 120_000)

  it('a restore of every line, changed straight in the table, is applied in batches, exact, one audit entry per line in the usual words', async () => {
    const { payload } = app
    const backup = await backupOf(payload, company.id, 'subscribers')
    const lines = backup.data.sources.lines as { id: number; title: string; data: { name: string } }[]
    await payload.db.updateMany({ collection: 'lines', where: { company: { equals: company.id } }, data: { name: 'Renomeada em massa', status: 'suspended' } })
    const preview = await app.rest.get(`/backups/${String(backup.id)}/preview?limit=1000&page=3`, token)
    expect(preview.body).toMatchObject({ create: 0, update: LINES, delete: 0, totalChanges: LINES, page: 3, totalPages: Math.ceil(LINES / 1000) })
    expect(preview.body.changes).toHaveLength(LINES - 2000)
    const done = await restore(payload, backup)
    expect(done.status, JSON.stringify(done.failed.slice(0, 3))).toBe('success')
    expect([done.appliedCount, done.applied.length, done.failedCount]).toEqual([LINES, LINES, 0])
    expect(await snapshot(payload, company.id, 'subscribers')).toEqual(backup.data)
    const entries = await payload.find({
      collection: 'transactions',
      where: { and: [{ company: { equals: company.id } }, { entity: { equals: 'lines' } }, { description: { equals: 'Restauração do Backup de assinante' } }, { event: { like: 'Renomeada em massa' } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    expect(entries.docs).toHaveLength(LINES)
    const first = entries.docs.find((d: any) => d.entityId === String(lines[0].id)) as any
    expect([first.role, first.userLogin, first.event]).toEqual([
      'Sistema',
      'sistema',
      `A configuração para o assinante "${lines[0].title}" foi restaurada: Nome de: Renomeada em massa para: ${lines[0].data.name}; Status de: Suspenso para: Ativo`,
    ])
  }, 600_000)

  it('a line that cannot be put back fails alone inside its batch: the batch is applied again item by item', async () => {
    const { payload } = app
    const backup = await backupOf(payload, company.id, 'subscribers')
    const lines = backup.data.sources.lines as { id: number; data: { iccid: string } }[]
    const victim = lines[5]
    // Two batches' worth of lines changed (the first, with the victim, is applied again item by item).
    const changed = lines.slice(0, 600).map((l) => l.id)
    await payload.db.updateMany({ collection: 'lines', where: { id: { in: changed } }, data: { name: 'Outra vez' } })
    // Its chip now belongs to another company's line: putting it back would break the chip's uniqueness.
    await payload.db.updateOne({ collection: 'lines', id: victim.id, data: { iccid: '8955000000000000001' } })
    await payload.db.updateOne({ collection: 'lines', id: world.b.lines[0].id, data: { iccid: victim.data.iccid } })
    const done = await restore(payload, backup)
    expect(done.status).toBe('partial')
    expect(done.failed.map((f: any) => String(f.id))).toEqual([String(victim.id)])
    expect(done.appliedCount).toBe(changed.length - 1)
    const now = await snapshot(payload, company.id, 'subscribers')
    for (const [i, item] of (now.sources.lines as any[]).entries()) {
      if (i === 5) expect(item.data).toMatchObject({ name: 'Outra vez', iccid: '8955000000000000001' })
      else expect(item).toEqual(lines[i])
    }
    await payload.db.updateOne({ collection: 'lines', id: world.b.lines[0].id, data: { iccid: null } })
    expect((await restore(payload, backup)).status).toBe('success')
    expect(await snapshot(payload, company.id, 'subscribers')).toEqual(backup.data)
  }, 600_000)

  it('only the last five backups of a category are kept', async () => {
    const { payload } = app
    const made = []
    for (let i = 0; i < 7; i++) made.push(await backupOf(payload, company.id, 'general'))
    const kept = await payload.find({ collection: 'backups', where: { and: [{ company: { equals: company.id } }, { category: { equals: 'general' } }] }, sort: '-createdAt', depth: 0, overrideAccess: true })
    expect(kept.docs.map((d) => String(d.id))).toEqual(made.slice(2).reverse().map((d) => String(d.id)))
  }, 120_000)
})

async function fetchRaw(path: string): Promise<Response> {
  const url = new URL(`http://localhost/api${path}`)
  const { REST_GET } = await import('@payloadcms/next/routes')
  return REST_GET(app.config)(new Request(url, { headers: { authorization: `JWT ${token}` } }), {
    params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }),
  })
}
