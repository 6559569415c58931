import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World
const tokens: Record<string, string> = {}
const POOL_MB = 10_240
const HEADERS = ['Nº da linha', 'Nome', 'Departamento', 'Perfil', 'Ramal', 'Cota', 'Cota (MB)']

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Assinantes')
  ws.addRow(HEADERS)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}
const csv = (rows: (string | number)[][]) => Buffer.from([HEADERS, ...rows].map((r) => r.join(';')).join('\r\n'), 'utf8').toString('base64')

/** Every line of both companies, as stored (for "nothing else changed"). */
const snapshot = async () => {
  const res = await app.payload.find({ collection: 'lines', depth: 0, overrideAccess: true, pagination: false, sort: 'id' })
  return Object.fromEntries(res.docs.map((l: any) => [String(l.id), l]))
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  await app.payload.create({
    collection: 'offers',
    overrideAccess: true,
    data: { company: world.a.company.id, account: world.a.account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: '10GB', unit: 'mb', amount: POOL_MB } as never,
  })
  await app.payload.create({ collection: 'profiles', overrideAccess: true, data: { company: world.a.company.id, name: 'Vendas externas' } as never })
  tokens.admin = await loginAs(app.rest, app.payload, world.a.users.admin)
  tokens.viewer = await loginAs(app.rest, app.payload, world.a.users.viewer)
})
afterAll(async () => app?.close())

describe('POST /api/lines/import', () => {
  const [l0, l1, l2, l3] = [0, 1, 2, 3].map((i) => () => world.a.lines[i])

  it('a dry run reports per row what would change and changes nothing', async () => {
    const before = await snapshot()
    const content = await xlsx([
      [l0().msisdn, '', 'Empresa A RH', 'Vendas externas', '2001', 'Limitado', '2 GB'],
      [l1().msisdn, '', '-', 'Linhas sem perfil', '', 'Bloqueado', ''],
      [l2().msisdn, '', '', '', '', '', ''],
    ])
    const res = await app.rest.post('/lines/import', { fileName: 'linhas.xlsx', content }, tokens.admin)
    expect(res.status).toBe(200)
    expect(res.body.mode).toBe('dry-run')
    expect(res.body.summary).toMatchObject({ rows: 3, change: 2, unchanged: 1, error: 0, applied: 0 })
    const [r0, r1, r2] = res.body.rows
    expect(r0).toMatchObject({ row: 2, status: 'change' })
    expect(r0.changes).toEqual([
      { field: 'department', from: 'Empresa A Vendas', to: 'Empresa A RH' },
      { field: 'profile', from: 'Empresa A Padrão', to: 'Vendas externas' },
      { field: 'extension', from: null, to: '2001' },
      { field: 'quota', from: 'Ilimitado', to: 'Limitado 2048 MB' },
    ])
    expect(r1.changes.map((c: any) => [c.field, c.to])).toEqual([
      ['department', null],
      ['profile', null],
      ['quota', 'Bloqueado'],
    ])
    expect(r2).toMatchObject({ status: 'unchanged', changes: [] })
    expect(await snapshot()).toEqual(before)
  })

  it('apply changes exactly the rows asked, row by row', async () => {
    const before = await snapshot()
    const content = csv([
      [l0().msisdn, 'Maria', 'Empresa A RH', 'Vendas externas', '2001', 'Limitado', '2048'],
      [l1().msisdn, '', '-', '', '', 'Bloqueado', ''],
    ])
    const res = await app.rest.post('/lines/import', { fileName: 'linhas.csv', content, apply: true }, tokens.admin)
    expect(res.status).toBe(200)
    expect(res.body.summary).toMatchObject({ rows: 2, applied: 2, failed: 0, error: 0 })
    const after = await snapshot()
    const profile = (await app.payload.find({ collection: 'profiles', where: { name: { equals: 'Vendas externas' } }, overrideAccess: true })).docs[0]
    expect(after[String(l0().id)]).toMatchObject({
      name: 'Maria',
      department: world.a.departments[1].id,
      profile: profile.id,
      extension: '2001',
      quota: { control: 'limited', amountMB: 2048 },
    })
    expect(after[String(l1().id)]).toMatchObject({ department: null, profile: world.a.profile.id, quota: { control: 'blocked' } })
    for (const id of Object.keys(before)) {
      if (id === String(l0().id) || id === String(l1().id)) continue
      expect(after[id]).toEqual(before[id])
    }
  })

  // The pool check counts the rows applied before: 2048 (l0) + 2048 (l2, row 2) + 9216 > 10240.
  it('reports bad rows with their reasons and applies only the good ones', async () => {
    const before = await snapshot()
    const content = await xlsx([
      [l2().msisdn, '', 'Empresa A Vendas', '', '3003', 'Limitado', '2048'],
      ['5519000', '', '', '', '', '', ''],
      [world.b.lines[0].msisdn, '', 'Empresa B RH', '', '', '', ''],
      [l3().msisdn, '', 'Departamento Fantasma', '', '', '', ''],
      [l3().msisdn, '', '', '', '12a', '', ''],
      [l0().msisdn, '', '', '', '', 'Limitado', '9 GB'],
      [l0().msisdn, '', '', '', '', 'Muito', ''],
    ])
    const res = await app.rest.post('/lines/import', { fileName: 'linhas.xlsx', content, apply: true }, tokens.admin)
    expect(res.status).toBe(200)
    const rows = res.body.rows
    expect(rows.map((r: any) => r.status)).toEqual(['applied', 'error', 'error', 'error', 'error', 'error', 'error'])
    expect(rows[1].errors[0]).toMatchObject({ path: 'msisdn' })
    expect(rows[2].errors[0].message).toBe('Linha não encontrada nesta empresa')
    expect(rows[3].errors[0].message).toContain('Departamento "Departamento Fantasma" não existe')
    expect(rows[4].errors[0].message).toContain('repetida')
    expect(rows[5].errors[0]).toMatchObject({ path: 'quota.amountMB' })
    expect(rows[5].errors[0].message).toContain('excede o limite do pool')
    expect(rows[6].errors[0].message).toContain('repetida')
    const after = await snapshot()
    expect(after[String(l2().id)]).toMatchObject({ department: world.a.departments[0].id, extension: '3003', quota: { control: 'limited', amountMB: 2048 } })
    for (const id of Object.keys(before)) if (id !== String(l2().id)) expect(after[id]).toEqual(before[id])
  })

  it('the server validation decides: a bad extension is reported by the Lines rules', async () => {
    const before = await snapshot()
    const res = await app.rest.post('/lines/import', { rows: [{ msisdn: l3().msisdn, extension: '12a' }], apply: true }, tokens.admin)
    expect(res.status).toBe(200)
    expect(res.body.rows[0]).toMatchObject({ status: 'failed' })
    expect(res.body.rows[0].errors[0]).toMatchObject({ path: 'extension', message: 'Ramal: de 2 a 8 dígitos' })
    expect(await snapshot()).toEqual(before)
  })

  it('rows sent in chunks keep their spreadsheet row numbers', async () => {
    const res = await app.rest.post('/lines/import', { rows: [{ row: 7, msisdn: l3().msisdn, extension: '4004' }] }, tokens.admin)
    expect(res.status).toBe(200)
    expect(res.body.rows[0]).toMatchObject({ row: 7, status: 'change', changes: [{ field: 'extension', from: null, to: '4004' }] })
  })

  it('a viewer may not import', async () => {
    const before = await snapshot()
    const res = await app.rest.post('/lines/import', { rows: [{ msisdn: l3().msisdn, extension: '4004' }], apply: true }, tokens.viewer)
    expect(res.status).toBe(403)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses an unreadable file and a sheet without the line column', async () => {
    const garbage = await app.rest.post('/lines/import', { fileName: 'x.xlsx', content: Buffer.from('PK nope').toString('base64') }, tokens.admin)
    expect(garbage.status).toBe(400)
    expect(garbage.body.errors[0].data.errors[0].path).toBe('content')
    const noColumn = await app.rest.post('/lines/import', { fileName: 'x.csv', content: Buffer.from('Nome;Ramal\nAna;2001').toString('base64') }, tokens.admin)
    expect(noColumn.status).toBe(400)
    expect(noColumn.body.errors[0].data.errors[0].message).toContain('Nº da linha')
  })

  it('the template holds the user company lines only', async () => {
    const res = await app.rest.request('GET', '/lines/import/template', { token: tokens.admin })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
  })
})
