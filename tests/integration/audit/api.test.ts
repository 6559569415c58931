import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'
import { backupWithData, CATEGORIES, enrich, restoreWithItems, snapshot, update } from './fixtures'

let app: TestApp
let world: World
let admin: string
let adminB: string

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  await enrich(app.payload, world.a, 'A')
  admin = await loginAs(app.rest, app.payload, world.a.users.admin)
  adminB = await loginAs(app.rest, app.payload, world.b.users.admin)
})
afterAll(async () => app?.close())

async function sheetOf(path: string, token: string) {
  const url = new URL(`http://localhost/api${path}`)
  const { REST_GET } = await import('@payloadcms/next/routes')
  const res = await REST_GET(app.config)(new Request(url, { headers: { authorization: `JWT ${token}` } }), {
    params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }),
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('spreadsheetml')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await res.arrayBuffer())
  return { book, disposition: res.headers.get('content-disposition') }
}

describe('backups (J1)', () => {
  it('one category by REST: the content is read from the database, never taken from the client', async () => {
    const res = await app.rest.post('/backups', { company: world.a.company.id, category: 'departments', data: { sources: { departments: [] } }, itemCount: 99 }, admin)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    // The answer comes at once, pending, without content; the backup job writes the file.
    const doc = res.body.doc
    expect(doc).toMatchObject({ status: 'pending', itemCount: 0 })
    expect(doc.data).toBeUndefined()
    expect(doc.name).toMatch(/^departamento_\d{14}$/)
    expect(String(doc.createdBy?.id ?? doc.createdBy)).toBe(String(world.a.users.admin.id))
    await app.payload.jobs.run()
    const done = await app.rest.get(`/backups/${String(doc.id)}`, admin)
    expect(done.body).toMatchObject({ status: 'ok', itemCount: 2 })
    expect(done.body.data).toBeUndefined()
    expect((await backupWithData(app.payload, doc.id)).data).toEqual(await snapshot(app.payload, world.a.company.id, 'departments'))
  })

  it('several categories at once, all or nothing; only company admins', async () => {
    const all = await app.rest.post('/backups/batch', { categories: CATEGORIES }, admin)
    expect(all.status, JSON.stringify(all.body)).toBe(201)
    await app.payload.jobs.run({ limit: 20 })
    expect(all.body.docs.map((d: any) => d.category)).toEqual(CATEGORIES)
    expect(all.body.docs.every((d: any) => String(d.company) === String(world.a.company.id))).toBe(true)
    expect((await app.rest.post('/backups/batch', { categories: ['general', 'nada'] }, admin)).status).toBe(400)
    expect((await app.rest.post('/backups/batch', { categories: [] }, admin)).status).toBe(400)
    const sub = await loginAs(app.rest, app.payload, world.a.users.subadmin)
    expect((await app.rest.post('/backups/batch', { categories: ['general'] }, sub)).status).toBe(403)
    // A company's admin cannot back up another company.
    expect((await app.rest.post('/backups/batch', { company: world.b.company.id, categories: ['general'] }, admin)).status).toBe(403)
    expect((await app.rest.post('/backups', { company: world.b.company.id, category: 'general' }, admin)).status).toBe(403)
  })

  it('the last five of a category, downloadable as a spreadsheet, deletable', async () => {
    const last = await app.rest.get('/backups?where[category][equals]=subscribers&sort=-createdAt&limit=5&depth=0', admin)
    expect(last.status).toBe(200)
    const backup = last.body.docs[0]
    const { book, disposition } = await sheetOf(`/backups/${String(backup.id)}/download`, admin)
    expect(disposition).toBe(`attachment; filename="${String(backup.name)}.xlsx"`)
    const sheet = book.getWorksheet('Assinantes')!
    expect(sheet.rowCount).toBe(1 + world.a.lines.length)
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual(expect.arrayContaining(['id', 'nome', 'msisdn', 'department', 'quota.control']))
    expect((await app.rest.get(`/backups/${String(backup.id)}/download`, adminB)).status).toBe(404)
    expect([403, 404]).toContain((await app.rest.delete(`/backups/${String(backup.id)}`, adminB)).status)
    expect((await app.rest.patch(`/backups/${String(backup.id)}`, { name: 'x' }, admin)).status).toBe(403)
    expect((await app.rest.delete(`/backups/${String(backup.id)}`, admin)).status).toBe(200)
  })
})

describe('ids', () => {
  it('a client cannot choose the id of a new document (only the restore re-creates with an id)', async () => {
    const res = await app.rest.post('/departments', { id: 424242, company: world.a.company.id, name: 'Id escolhido' }, admin)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(String(res.body.doc.id)).not.toBe('424242')
    const local: any = await app.payload.create({ collection: 'departments', data: { id: 434343, company: world.a.company.id, name: 'Id local' } as never, overrideAccess: true })
    expect(String(local.id)).not.toBe('434343')
  })
})

describe('restore by REST, preview and history (J2, J3, H7, L)', () => {
  it('preview lists what would change and changes nothing; the restore then does exactly that', async () => {
    const created = await app.rest.post('/backups?depth=0', { company: world.a.company.id, category: 'departments' }, admin)
    await app.payload.jobs.run()
    const backup = await backupWithData(app.payload, created.body.doc.id)
    await update(app.payload, 'departments', world.a.departments[0].id, { name: 'Comercial' })
    await app.rest.post('/departments', { company: world.a.company.id, name: 'Diretoria' }, admin)
    const before = await snapshot(app.payload, world.a.company.id, 'departments')
    const preview = await app.rest.get(`/backups/${String(backup.id)}/preview`, admin)
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ create: 0, update: 1, delete: 1 })
    // Changes are listed in key order (the preview is a sorted merge of the file and the rows), not grouped by action.
    expect(preview.body.changes).toHaveLength(2)
    expect(preview.body.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'departments', action: 'delete', title: 'Diretoria', changes: [] }),
      expect.objectContaining({ kind: 'departments', action: 'update', title: 'Empresa A Vendas', changes: ['Nome do departamento de: Comercial para: Empresa A Vendas'] }),
    ]))
    expect(await snapshot(app.payload, world.a.company.id, 'departments')).toEqual(before)

    const requested = await app.rest.post('/restores', { backup: backup.id }, admin)
    expect(requested.status, JSON.stringify(requested.body)).toBe(201)
    expect(requested.body.doc).toMatchObject({ status: 'pending', category: 'departments' })
    expect(String(requested.body.doc.company?.id ?? requested.body.doc.company)).toBe(String(world.a.company.id))
    await app.payload.jobs.run()
    const done = await app.rest.get(`/restores/${String(requested.body.doc.id)}`, admin)
    expect(done.body).toMatchObject({ status: 'success', appliedCount: 2, failedCount: 0 })
    expect(await snapshot(app.payload, world.a.company.id, 'departments')).toEqual(backup.data)
    const { book } = await sheetOf(`/restores/${String(done.body.id)}/applied`, admin)
    const rows = book.getWorksheet('Aplicados')!
    expect(rows.rowCount).toBe(3)
    expect((rows.getRow(1).values as unknown[]).slice(1)).toEqual(['Tipo', 'Registro', 'Nome', 'Ação', 'Alterações'])
    const failed = await sheetOf(`/restores/${String(done.body.id)}/failed`, admin)
    expect(failed.book.getWorksheet('Com erro')!.rowCount).toBeLessThanOrEqual(1)
    // The outcome is written to the trail with the requester as its author.
    const trail = await app.payload.find({ collection: 'transactions', where: { entity: { equals: 'restores' } }, sort: '-id', limit: 1, overrideAccess: true })
    expect(trail.docs[0]).toMatchObject({ userLogin: world.a.users.admin.username, role: 'Administrador' })
    expect((trail.docs[0] as any).event).toBe(`Restauração do backup ${String(backup.name)} concluída: Sucesso (2 aplicados, 0 com falha)`)
  })

  it('nobody edits or deletes a restore; viewers and other companies do not reach it', async () => {
    const [restore] = (await app.rest.get('/restores?limit=1', admin)).body.docs
    expect((await app.rest.patch(`/restores/${String(restore.id)}`, { status: 'error' }, admin)).status).toBe(403)
    expect((await app.rest.delete(`/restores/${String(restore.id)}`, admin)).status).toBe(403)
    expect((await app.rest.get(`/restores/${String(restore.id)}`, adminB)).status).toBe(404)
    expect((await app.rest.get(`/restores/${String(restore.id)}/applied`, adminB)).status).toBe(404)
    expect((await app.rest.post('/restores', { backup: 999999 }, admin)).status).toBe(403)
  })

  it('a restore of users never removes the user who asked for it', async () => {
    const backup = (await app.rest.post('/backups?depth=0', { company: world.a.company.id, category: 'users' }, admin)).body.doc
    await app.payload.jobs.run()
    const newcomer: any = await app.payload.create({
      collection: 'users',
      data: { username: '11144477735', email: 'recem@example.com', password: PASSWORD, firstName: 'Recém', lastName: 'Chegado', role: 'admin', companies: [world.a.company.id] } as never,
      overrideAccess: true,
    })
    await update(app.payload, 'users', world.a.users.viewer.id, { firstName: 'Mudou' })
    const token = await loginAs(app.rest, app.payload, newcomer)
    const requested = await app.rest.post('/restores', { backup: backup.id }, token)
    expect(requested.status, JSON.stringify(requested.body)).toBe(201)
    await app.payload.jobs.run()
    const done: any = await restoreWithItems(app.payload, requested.body.doc.id)
    expect(done.status).toBe('partial')
    expect(done.failed).toEqual([expect.objectContaining({ id: newcomer.id, reason: 'O usuário que pediu a restauração não é removido por ela' })])
    expect(await app.payload.findByID({ collection: 'users', id: newcomer.id, depth: 0, overrideAccess: true, disableErrors: true })).not.toBeNull()
  })

  it('a backup in use by a pending restore cannot be deleted; once done, deleting it keeps the restore in the history by name', async () => {
    const backup = (await app.rest.post('/backups?depth=0', { company: world.a.company.id, category: 'transfers' }, admin)).body.doc
    await app.payload.jobs.run()
    const requested = await app.rest.post('/restores', { backup: backup.id }, admin)
    expect(requested.status, JSON.stringify(requested.body)).toBe(201)
    expect(requested.body.doc.backupName).toBe(backup.name)
    const refused = await app.rest.delete(`/backups/${String(backup.id)}`, admin)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('restauração em andamento')
    await app.payload.jobs.run()
    expect((await app.rest.delete(`/backups/${String(backup.id)}`, admin)).status).toBe(200)
    const kept: any = await app.payload.findByID({ collection: 'restores', id: requested.body.doc.id, depth: 0, overrideAccess: true })
    expect(kept).toMatchObject({ status: 'success', backupName: backup.name })
  })

  it('history by period and type, validated', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const hist = await app.rest.get(`/restores/history?from=${today}&to=${today}&category=departments`, admin)
    expect(hist.status, JSON.stringify(hist.body)).toBe(200)
    expect(hist.body.docs.length).toBeGreaterThan(0)
    expect(hist.body.docs.every((d: any) => d.category === 'departments' && d.applied === undefined)).toBe(true)
    expect((await app.rest.get(`/restores/history?category=general`, admin)).body.docs).toEqual([])
    expect((await app.rest.get(`/restores/history?from=${today}`, adminB)).body.docs).toEqual([])
    const bad = await app.rest.get('/restores/history?from=2020-01-01&to=2026-01-01', admin)
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toBe('O período máximo de consulta é de 180 dias.')
    expect((await app.rest.get('/restores/history', undefined)).status).toBe(401)
  })
})
