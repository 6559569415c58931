import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { filledPeriod } from '../../../src/admin/backup/period'
import { readyBackup } from '../../helpers/backups'
import { getRaw, readXlsx, spParts } from './helpers'

/** The on-screen reports (H1–H5, H7): GET /api/reports/view/:kind and its streamed Download. */
let app: TestApp
let world: World
const tokens: Record<string, string> = {}
const DAY = 86_400_000
const now = Date.now()
const isoDay = (ms: number): string => spParts(new Date(ms).toISOString())[0].split('/').reverse().join('-')
const FROM = isoDay(now - 20 * DAY)
const TO = isoDay(now)
const TRANSACTIONS = 130

const create = (collection: string, data: Record<string, unknown>) =>
  app.payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<any>

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  let n = 0
  for (const cw of [world.a, world.b]) {
    for (const [i, line] of cw.lines.entries()) {
      for (let k = 0; k < 3; k++) {
        const at = new Date(now - (k * 3 + i) * DAY - i * 61_000).toISOString()
        // Line 0 calls line 1 of its own company: the destination shows line 1's name.
        const destination = i === 0 ? `+${cw.lines[1].msisdn}` : '+5519991251527'
        await create('usage', { company: cw.company.id, line: line.id, msisdn: line.msisdn, at, eventId: `v${n++}`, service: 'voice', category: 'voice.local.claro', destination, units: 61 })
      }
    }
  }
  for (let k = 0; k < TRANSACTIONS; k++) {
    await create('transactions', { company: world.a.company.id, at: new Date(now - k * 60_000).toISOString(), role: '(C) Admin costumer', userLogin: world.a.users.admin.username, event: `Alteração ${k}`, description: 'Modificação de perfil' })
  }
  await create('transactions', { company: world.b.company.id, at: new Date(now).toISOString(), role: '(C) Admin costumer', userLogin: world.b.users.admin.username, event: 'Só da B', description: 'x' })
  // A change of line 0 (its own transaction) and two restores of company A.
  await app.payload.update({ collection: 'lines', id: world.a.lines[0].id, data: { name: 'Linha Zero' } as never, overrideAccess: true })
  const backup = await readyBackup(app.payload, world.a.company.id)
  for (const status of ['success', 'partial']) await create('restores', { company: world.a.company.id, backup: backup.id, category: 'departments', status })
  for (const [key, user] of [['admin', world.a.users.admin], ['subadmin', world.a.users.subadmin], ['adminB', world.b.users.admin], ['support', world.support]] as const) {
    tokens[key] = await loginAs(app.rest, app.payload, user)
  }
})
afterAll(async () => app?.close())

const view = (kind: string, query: string, token = tokens.admin) => app.rest.get(`/reports/view/${kind}?${query}`, token)
async function download(kind: string, query: string, token = tokens.admin) {
  const file = await getRaw(app.config, `/reports/view/${kind}/download?${query}`, token)
  expect(file.status, file.body.toString('utf8').slice(0, 300)).toBe(200)
  expect(file.headers.get('content-type')).toContain('spreadsheetml')
  return readXlsx(file.body)
}

describe('on-screen reports', () => {
  it('H2: 100 rows a page, the total, and a Download equal to the pages', async () => {
    const query = `from=${FROM}&to=${TO}`
    const first = await view('transactions', query)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.headers).toEqual(['Data', 'Perfil de gestão', 'Usuário', 'Evento', 'Descrição'])
    expect(first.body.period).toEqual({ max: 180, required: true })
    const total = first.body.total
    expect(total).toBeGreaterThanOrEqual(TRANSACTIONS)
    expect(first.body.rows).toHaveLength(100)
    const second = await view('transactions', `${query}&page=2`)
    expect(second.body.rows).toHaveLength(total - 100)
    const table = await download('transactions', query)
    expect(table[0]).toEqual(first.body.headers)
    expect(table.slice(1)).toEqual([...first.body.rows, ...second.body.rows])
    expect(table.flat()).not.toContain('Só da B')
  })

  it('H2: the user filter narrows the list and the file alike', async () => {
    const query = `from=${FROM}&to=${TO}&user=${world.a.users.admin.username}`
    const res = await view('transactions', query)
    const { totalDocs } = await app.payload.count({ collection: 'transactions', where: { and: [{ company: { equals: world.a.company.id } }, { userLogin: { equals: world.a.users.admin.username } }] }, overrideAccess: true })
    expect(totalDocs).toBeGreaterThanOrEqual(TRANSACTIONS)
    expect(res.body.total).toBe(totalDocs)
    expect(res.body.rows.every((r: string[]) => r[2] === world.a.users.admin.username)).toBe(true)
  })

  it('period rules: over the limit, inverted or missing → 400 on the field', async () => {
    const over = await view('calls', `from=${isoDay(now - 40 * DAY)}&to=${TO}`)
    expect(over.status).toBe(400)
    expect(over.body.errors[0].data.errors[0].path).toBe('params.to')
    const inverted = await view('transactions', `from=${TO}&to=${FROM}`)
    expect(inverted.status).toBe(400)
    expect((await view('data', '')).status).toBe(400)
    const dl = await getRaw(app.config, `/reports/view/calls/download?from=${isoDay(now - 40 * DAY)}&to=${TO}`, tokens.admin)
    expect(dl.status).toBe(400)
  })

  it("H1: the company's calls only, with the called line's name and the Download equal", async () => {
    const res = await view('calls', `from=${FROM}&to=${TO}`)
    expect(res.status).toBe(200)
    expect(res.body.headers).toEqual(['Telefone origem', 'Usuário origem', 'Data', 'Hora', 'Telefone destino', 'Duração', 'Tipo de chamadas'])
    const own = new Set(world.a.lines.map((l) => `+${l.msisdn}`))
    expect(res.body.total).toBeGreaterThan(6)
    expect(res.body.rows.every((r: string[]) => own.has(r[0]))).toBe(true)
    const fromLine0 = res.body.rows.filter((r: string[]) => r[0] === `+${world.a.lines[0].msisdn}`)
    expect(fromLine0.length).toBeGreaterThan(0)
    expect(fromLine0[0][4]).toBe(`+${world.a.lines[1].msisdn} (${world.a.lines[1].name})`)
    expect((await download('calls', `from=${FROM}&to=${TO}`)).slice(1)).toEqual(res.body.rows)
  })

  it('H1: line and department filters', async () => {
    const line = world.a.lines[2]
    const byLine = await view('calls', `from=${FROM}&to=${TO}&line=${line.msisdn}`)
    expect(byLine.body.total).toBeGreaterThan(0)
    expect(byLine.body.rows.every((r: string[]) => r[0] === `+${line.msisdn}`)).toBe(true)
    const dep = world.a.departments[1]
    const byDep = await view('calls', `from=${FROM}&to=${TO}&departments=${dep.id}`)
    const inDep = new Set(world.a.lines.filter((l) => l.department === dep.id).map((l) => `+${l.msisdn}`))
    expect(byDep.body.total).toBeGreaterThan(0)
    expect(byDep.body.rows.every((r: string[]) => inDep.has(r[0]))).toBe(true)
    const foreignLine = await view('calls', `from=${FROM}&to=${TO}&line=${world.b.lines[0].msisdn}`)
    expect(foreignLine.status).toBe(400)
    expect(foreignLine.body.errors[0].data.errors[0]).toMatchObject({ path: 'params.line', message: `Linha ${world.b.lines[0].msisdn} não encontrada` })
    // The admin in English reads it in English.
    const inEnglish = await app.rest.request('GET', `/reports/view/calls?from=${FROM}&to=${TO}&line=${world.b.lines[0].msisdn}`, { token: tokens.admin, headers: { 'accept-language': 'en' } })
    expect(inEnglish.body.errors[0].data.errors[0]).toMatchObject({ path: 'params.line', message: `Line ${world.b.lines[0].msisdn} not found` })
    const foreignDep = await view('calls', `from=${FROM}&to=${TO}&departments=${world.b.departments[0].id}`)
    expect(foreignDep.status).toBe(400)
  })

  it('a sub-admin sees its own departments only, and no transactions', async () => {
    const res = await view('subscribers', '', tokens.subadmin)
    expect(res.status).toBe(200)
    const mine = world.a.lines.filter((l) => l.department === world.a.departments[0].id).map((l) => l.msisdn)
    expect(res.body.rows.map((r: string[]) => r[1]).sort()).toEqual([...mine].sort())
    expect((await view('subscribers', `departments=${world.a.departments[1].id}`, tokens.subadmin)).status).toBe(403)
    expect((await view('transactions', `from=${FROM}&to=${TO}`, tokens.subadmin)).status).toBe(403)
  })

  it('H5: total, status filter and the Oferta column', async () => {
    const res = await view('subscribers', 'status=active')
    expect(res.body.total).toBe(world.a.lines.length)
    expect(res.body.headers).toContain('Oferta')
    expect((await download('subscribers', 'status=active')).slice(1)).toEqual(res.body.rows)
  })

  it('follows the selected company: company B, and support on whichever it selected', async () => {
    const b = await view('subscribers', '', tokens.adminB)
    expect(b.body.rows.map((r: string[]) => r[1]).sort()).toEqual(world.b.lines.map((l) => l.msisdn).sort())
    expect((await view('subscribers', '', tokens.support)).status).toBe(400)
    for (const cw of [world.a, world.b]) {
      await app.payload.update({ collection: 'users', id: world.support.id, data: { selectedCompany: cw.company.id } as never, overrideAccess: true })
      const res = await view('subscribers', '', tokens.support)
      expect(res.status).toBe(200)
      expect(res.body.rows.map((r: string[]) => r[1]).sort()).toEqual(cw.lines.map((l) => l.msisdn).sort())
    }
  })

  it('a stranger is refused; an unknown kind is 404', async () => {
    expect((await app.rest.get('/reports/view/calls')).status).toBe(401)
    expect((await view('colour', '')).status).toBe(404)
  })

  it("C7: a line's calls and transactions, 100 a page, with a Download equal to the list; 30 days at most", async () => {
    const line = world.a.lines[0]
    const query = `from=${isoDay(now - 29 * DAY)}&to=${TO}`
    const calls = await app.rest.get(`/reports/line-history/${line.id}/calls?${query}`, tokens.admin)
    expect(calls.status, JSON.stringify(calls.body)).toBe(200)
    expect(calls.body.headers).toEqual(['Data', 'CP + CA + Número', 'Duração / Volume', 'Tipo de chamada'])
    expect(calls.body.total).toBe(3)
    expect(calls.body.rows.map((r: string[]) => r[3])).toEqual(['Local para Móvel Claro', 'Local para Móvel Claro', 'Local para Móvel Claro'])
    expect(calls.body.rows[0][2]).toBe('00:01:01')
    const file = await getRaw(app.config, `/reports/line-history/${line.id}/calls/download?${query}`, tokens.admin)
    expect(file.status).toBe(200)
    expect((await readXlsx(file.body)).slice(1)).toEqual(calls.body.rows)
    const changes = await app.rest.get(`/reports/line-history/${line.id}/transactions?${query}`, tokens.admin)
    expect(changes.status).toBe(200)
    expect(changes.body.rows.some((r: string[]) => r[3].includes('Linha Zero'))).toBe(true)
    const changesFile = await getRaw(app.config, `/reports/line-history/${line.id}/transactions/download?${query}`, tokens.admin)
    expect((await readXlsx(changesFile.body)).slice(1)).toEqual(changes.body.rows)
    const long = await app.rest.get(`/reports/line-history/${line.id}/calls?from=${isoDay(now - 40 * DAY)}&to=${TO}`, tokens.admin)
    expect(long.status).toBe(400)
    expect(long.body.errors[0].data.errors[0]).toMatchObject({ path: 'to', message: 'O período máximo é de 30 dias' })
    expect((await app.rest.get(`/reports/line-history/${world.b.lines[0].id}/calls?${query}`, tokens.admin)).status).toBe(404)
    // A sub-admin reaches only the lines of its departments.
    const outside = world.a.lines.find((l) => l.department !== world.a.departments[0].id)!
    expect((await app.rest.get(`/reports/line-history/${outside.id}/calls?${query}`, tokens.subadmin)).status).toBe(404)
  })

  it('H7 screen: the Download has the rows the restore history lists (same period, same order)', async () => {
    const period = filledPeriod('', '')
    const query = new URLSearchParams(period).toString()
    const listed = await app.rest.get(`/restores/history?${query}&limit=200`, tokens.admin)
    expect(listed.status).toBe(200)
    expect(listed.body.docs.length).toBe(2)
    const sheet = await download('restores', query)
    expect(sheet[0]).toEqual(['Tipo', 'Nome', 'Data', 'Estado'])
    const STATUS: Record<string, string> = { pending: 'Pendente', running: 'Em andamento', success: 'Sucesso', partial: 'Parcial', error: 'Erro' }
    expect(sheet.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual(listed.body.docs.map((d: any) => ['Departamento', spParts(d.createdAt).join(' '), STATUS[d.status]]))
  })
})
