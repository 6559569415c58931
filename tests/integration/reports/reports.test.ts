import { readyBackup } from '../../helpers/backups'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { cycleFor } from '../../../src/engine/core/cycle'
import { getRaw, readCsvZip, readXlsx, spParts, type Table } from './helpers'

let app: TestApp
let world: World
const tokens: Record<string, string> = {}
const dir = mkdtempSync(path.join(os.tmpdir(), 'gol-reports-'))
const DAY = 86_400_000
const now = Date.now()
const isoDay = (ms: number): string => spParts(new Date(ms).toISOString())[0].split('/').reverse().join('-')
const FROM = isoDay(now - 20 * DAY)
const TO = isoDay(now)
/** The world's companies renew on the 16th: the cycle running now, and the one before. */
const CYCLE = cycleFor(new Date(), 16).key
const OLD_CYCLE = cycleFor(new Date(new Date(`${CYCLE}T12:00:00Z`).getTime() - 5 * 86_400_000), 16).key
const CATEGORY_PT: Record<string, string> = { 'voice.local.claro': 'Local para Móvel Claro', 'sms.claro': 'SMS para Móvel Claro', 'sms.special': 'SMS a Número Especial Grátis' }

const create = (collection: string, data: Record<string, unknown>) =>
  app.payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<any>

beforeAll(async () => {
  app = await startTestApp({ env: { GOL_REPORTS_DIR: dir, REPORT_RETRY_DELAY_MS: '0' } })
  world = await makeWorld(app.payload)
  let n = 0
  for (const cw of [world.a, world.b]) {
    for (const [i, line] of cw.lines.entries()) {
      for (let k = 0; k < 6; k++) {
        const at = new Date(now - (k * 3 + i) * DAY - k * 3_600_000 - i * 61_000).toISOString()
        const base = { company: cw.company.id, line: line.id, msisdn: line.msisdn, at }
        await create('usage', { ...base, eventId: `v${n++}`, service: 'voice', category: 'voice.local.claro', destination: '+5519991251527', units: 61 + k * 17 })
        await create('usage', { ...base, eventId: `s${n++}`, service: 'sms', category: k % 2 ? 'sms.claro' : 'sms.special', destination: k % 2 ? '+5519991251527' : '35743', units: 1 })
        await create('usage', { ...base, eventId: `d${n++}`, service: 'data', category: 'data', units: (k + 1) * 1_234_567, group: k % 2 ? 'Web' : 'WhatsApp', package: 'Pacote Mensageria' })
      }
    }
    for (let k = 0; k < 5; k++) {
      await create('transactions', { company: cw.company.id, at: new Date(now - k * 2 * DAY).toISOString(), role: '(C) Admin costumer', userLogin: cw.users.admin.username, event: `Evento; "${k}"`, description: 'Modificação de perfil' })
    }
    const backup = await readyBackup(app.payload, cw.company.id)
    await create('restores', { company: cw.company.id, backup: backup.id, category: 'departments', status: 'success' })
    await create('restores', { company: cw.company.id, backup: backup.id, category: 'departments', status: 'partial' })
    await create('offers', { company: cw.company.id, account: cw.account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: 'Pacote 100GB', unit: 'mb', amount: 100_000 })
    const voice = await create('offers', { company: cw.company.id, account: cw.account.id, line: cw.lines[0].id, kind: 'individual', offer: 'Claro Pós', package: 'Pacote VOZ', unit: 'minutes', amount: 100 })
    // H4: a franchise received by transfer (line 2) and limited data quotas (lines 1 and 3) are packages too.
    await create('transfers', { company: cw.company.id, offer: voice.id, fromLine: cw.lines[0].id, toLine: cw.lines[2].id, amount: 10 })
    for (const line of [cw.lines[1], cw.lines[3]]) {
      await app.payload.update({ collection: 'lines', id: line.id, data: { quota: { control: 'limited', amountMB: 1024 } } as never, overrideAccess: true })
    }
    await create('notifications', { company: cw.company.id, line: cw.lines[1].id, msisdn: cw.lines[1].msisdn, offer: 'cota de dados', package: 'cota de dados', packageKey: `quota:${cw.lines[1].id}`, threshold: '60', cycle: CYCLE, status: 'sent' })
    for (const threshold of ['60', '80']) {
      await create('notifications', { company: cw.company.id, line: cw.lines[0].id, msisdn: cw.lines[0].msisdn, offer: 'Claro Total', package: 'Pacote 100GB', packageKey: 'pool', threshold, cycle: CYCLE, status: threshold === '60' ? 'sent' : 'queued' })
    }
    // A notice of an earlier cycle: listed only when that cycle is asked for.
    await create('notifications', { company: cw.company.id, line: cw.lines[1].id, msisdn: cw.lines[1].msisdn, offer: 'Claro Pós', package: 'Pacote VOZ', packageKey: 'offer:x', threshold: '100', cycle: OLD_CYCLE, status: 'sent' })
  }
  for (const [key, user] of [['admin', world.a.users.admin], ['subadmin', world.a.users.subadmin], ['adminB', world.b.users.admin], ['viewer', world.a.users.viewer]] as const) {
    tokens[key] = await loginAs(app.rest, app.payload, user)
  }
})
afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
})

const runQueue = () => app.payload.jobs.run({ queue: 'reports', limit: 50, sequential: true })

async function request(body: Record<string, unknown>, token = tokens.admin) {
  const res = await app.rest.post('/reports', body, token)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc
}

async function generate(body: Record<string, unknown>, token = tokens.admin): Promise<{ doc: any; table: Table }> {
  const created = await request(body, token)
  expect(created.status).toBe('pending')
  await runQueue()
  const doc = await app.payload.findByID({ collection: 'reports', id: created.id, overrideAccess: true, depth: 0 })
  expect(doc.status, String(doc.error)).toBe('done')
  const file = await getRaw(app.config, `/reports/${created.id}/download`, token)
  expect(file.status).toBe(200)
  if (doc.format === 'csv') {
    expect(doc.name).toMatch(/\.csv\.zip$/)
    const { rows } = await readCsvZip(file.body)
    return { doc, table: rows }
  }
  expect(file.headers.get('content-type')).toContain('spreadsheetml')
  return { doc, table: await readXlsx(file.body) }
}

const find = async (collection: string, where: any, sort: string | string[]) =>
  (await app.payload.find({ collection: collection as never, where, sort: sort as never, pagination: false, overrideAccess: true, depth: 0 })).docs as any[]

const lineById = (id: unknown) => [...world.a.lines, ...world.b.lines].find((l) => l.id === id)!
const hms = (s: number) => [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((x) => String(x).padStart(2, '0')).join(':')

async function expectedUsage(services: string[], departments?: unknown[]) {
  const start = new Date(`${FROM}T03:00:00.000Z`).toISOString()
  const end = new Date(Date.parse(`${TO}T03:00:00.000Z`) + DAY).toISOString()
  const docs = await find('usage', { and: [{ company: { equals: world.a.company.id } }, { service: { in: services } }, { at: { greater_than_equal: start } }, { at: { less_than: end } }] }, ['-at', '-id'])
  return docs.filter((u) => !departments || departments.includes(lineById(u.line).department))
}

describe('report files match the database', () => {
  it('H1 calls and SMS (.xlsx): headers and every row', async () => {
    const { table } = await generate({ kind: 'calls', params: { from: FROM, to: TO } })
    expect(table[0]).toEqual(['Telefone origem', 'Usuário origem', 'Data', 'Hora', 'Telefone destino', 'Duração', 'Tipo de chamadas'])
    const usage = await expectedUsage(['voice', 'sms', 'collect'])
    expect(usage.length).toBeGreaterThan(20)
    expect(table.slice(1)).toEqual(
      usage.map((u) => [`+${u.msisdn}`, lineById(u.line).name, ...spParts(u.at), u.destination, u.service === 'sms' ? '0' : hms(u.units), CATEGORY_PT[u.category]]),
    )
  })

  it('e-mails the requester a link when the report is done', async () => {
    const { doc } = await generate({ kind: 'subscribers' })
    const mail = await app.payload.find({ collection: 'outbox', where: { to: { equals: world.a.users.admin.email } }, sort: '-createdAt', limit: 1, overrideAccess: true, depth: 0 })
    expect(mail.docs[0].subject).toContain(doc.name)
    expect(mail.docs[0].text).toContain(`/api/reports/${doc.id}/download`)
  })

  it("H1 as a sub-admin (.csv.zip): only its departments' lines", async () => {
    const deps = [world.a.departments[0].id]
    const { table, doc } = await generate({ kind: 'calls', format: 'csv', departments: deps, params: { from: FROM, to: TO } }, tokens.subadmin)
    expect(doc.requestedBy).toBe(world.a.users.subadmin.id)
    const usage = await expectedUsage(['voice', 'sms', 'collect'], deps)
    expect(usage.length).toBeGreaterThan(5)
    expect(table[0]).toEqual(['Telefone origem', 'Usuário origem', 'Data', 'Hora', 'Telefone destino', 'Duração', 'Tipo de chamadas'])
    expect(table.slice(1)).toEqual(
      usage.map((u) => [`+${u.msisdn}`, lineById(u.line).name, ...spParts(u.at), u.destination, u.service === 'sms' ? '0' : hms(u.units), CATEGORY_PT[u.category]]),
    )
    const other = new Set(world.a.lines.filter((l) => l.department !== deps[0]).map((l) => `+${l.msisdn}`))
    expect(table.slice(1).some((r) => other.has(String(r[0])))).toBe(false)
  })

  it('H1 filtered by line', async () => {
    const line = world.a.lines[1]
    const { table } = await generate({ kind: 'calls', params: { from: FROM, to: TO, line: line.msisdn } })
    const usage = (await expectedUsage(['voice', 'sms', 'collect'])).filter((u) => u.line === line.id)
    expect(table.length - 1).toBe(usage.length)
    expect(new Set(table.slice(1).map((r) => r[0]))).toEqual(new Set([`+${line.msisdn}`]))
  })

  it('H3 data history', async () => {
    const { table } = await generate({ kind: 'data', params: { from: FROM, to: TO } })
    expect(table[0]).toEqual(['Telefone origem', 'Usuário origem', 'Data', 'Hora', 'Consumo (MB)', 'Grupo de classificação', 'Oferta e pacote usado'])
    const usage = await expectedUsage(['data'])
    expect(table.slice(1)).toEqual(usage.map((u) => [`+${u.msisdn}`, lineById(u.line).name, ...spParts(u.at), Math.round((u.units / 1048576) * 100) / 100, u.group, u.package]))
  })

  it('H2 transactions (.csv.zip, with a user filter)', async () => {
    const { table } = await generate({ kind: 'transactions', format: 'csv', params: { from: FROM, to: TO, user: world.a.users.admin.username } })
    expect(table[0]).toEqual(['Data', 'Perfil de gestão', 'Usuário', 'Evento', 'Descrição'])
    const start = new Date(`${FROM}T03:00:00.000Z`).toISOString()
    const docs = await find('transactions', { and: [{ company: { equals: world.a.company.id } }, { userLogin: { equals: world.a.users.admin.username } }, { at: { greater_than_equal: start } }] }, ['-at', '-id'])
    expect(docs.length).toBeGreaterThanOrEqual(5)
    expect(table.slice(1)).toEqual(docs.map((t) => [spParts(t.at).join(' '), t.role, t.userLogin, t.event, t.description]))
  })

  // A package never notified in the cycle is listed with "-" in every column: the line's own offers, the ones it
  // received by transfer, its account's pool and its limited data quota.
  const pool = (line: { [k: string]: any }) => [line.msisdn, 'Claro Total Compartilhado', 'Pacote 100GB', '-', '-', '-']
  const voice = (line: { [k: string]: any }) => [line.msisdn, 'Claro Pós', 'Pacote VOZ', '-', '-', '-']
  const quota = (line: { [k: string]: any }, sixty = '-') => [line.msisdn, 'Cota de dados', 'Cota de dados 1024 MB', sixty, '-', '-']

  it('H4 notifications', async () => {
    const [l0, l1, l2, l3] = world.a.lines
    const { table } = await generate({ kind: 'notifications' })
    expect(table).toEqual([
      ['Nº de linha', 'Oferta', 'Pacote', '60%', '80%', '100%'],
      voice(l0),
      [l0.msisdn, 'Claro Total', 'Pacote 100GB', 'Sim', 'Não', '-'],
      pool(l1),
      quota(l1, 'Sim'),
      voice(l2),
      pool(l2),
      pool(l3),
      quota(l3),
    ])
  })

  it('H4 notifications of another cycle, by the cycle filter', async () => {
    const [l0, l1, l2, l3] = world.a.lines
    const { table } = await generate({ kind: 'notifications', params: { cycle: OLD_CYCLE } })
    expect(table).toEqual([
      ['Nº de linha', 'Oferta', 'Pacote', '60%', '80%', '100%'],
      voice(l0),
      pool(l0),
      [l1.msisdn, 'Claro Pós', 'Pacote VOZ', '-', '-', 'Sim'],
      pool(l1),
      quota(l1),
      voice(l2),
      pool(l2),
      pool(l3),
      quota(l3),
    ])
  })

  it('H5 subscriber list, with a status filter', async () => {
    const { table } = await generate({ kind: 'subscribers', params: { status: 'active' } })
    expect(table[0]).toEqual(['Nome', 'Nº da linha', 'Nº da conta', 'Departamento', 'Oferta', 'Perfil da linha', 'Status'])
    const lines = await find('lines', { company: { equals: world.a.company.id } }, 'id')
    const depName = (id: unknown) => world.a.departments.find((d) => d.id === id)?.name ?? 'Linhas sem departamento'
    expect(table.slice(1)).toEqual(
      lines.map((l, i) => [l.name, l.msisdn, world.a.account.number, depName(l.department), i === 0 ? 'Claro Pós, Claro Total Compartilhado' : 'Claro Total Compartilhado', world.a.profile.name, 'Ativo']),
    )
  })

  it('H7 restore history', async () => {
    const { table } = await generate({ kind: 'restores' })
    const docs = await find('restores', { company: { equals: world.a.company.id } }, ['-createdAt', '-id'])
    const STATUS: Record<string, string> = { pending: 'Pendente', running: 'Em andamento', success: 'Sucesso', partial: 'Parcial', error: 'Erro' }
    const backupName = async (id: unknown) => (await app.payload.findByID({ collection: 'backups', id: id as never, overrideAccess: true, depth: 0 })).name
    const expected = [['Tipo', 'Nome', 'Data', 'Estado']]
    for (const r of docs) expected.push(['Departamento', `${await backupName(r.backup)}.csv`, spParts(r.createdAt).join(' '), STATUS[r.status]])
    expect(docs.length).toBe(2)
    expect(table).toEqual(expected)
  })
})

describe('paged reads', () => {
  it('keyset pages over (at, id) give every row once, in order, across equal timestamps', async () => {
    const { usagePages } = await import('../../../src/reports/source')
    const start = new Date(`${FROM}T03:00:00.000Z`).toISOString()
    const end = new Date(Date.parse(`${TO}T03:00:00.000Z`) + DAY).toISOString()
    const got: unknown[] = []
    for await (const page of usagePages(app.payload, { company: world.a.company.id, services: ['voice', 'sms'], start, end, departments: [] }, 4)) {
      expect(page.length).toBeLessThanOrEqual(4)
      got.push(...page.map((u) => u.id))
    }
    const expected = await expectedUsage(['voice', 'sms'])
    expect(got).toEqual(expected.map((u) => u.id))
  })
})

describe('bad requests are refused field by field (400)', () => {
  const errorsOf = (body: any) => (body.errors?.[0]?.data?.errors ?? []).map((e: any) => e.path)
  it.each([
    ['a period over 30 days for calls', { kind: 'calls', params: { from: isoDay(now - 40 * DAY), to: TO } }, 'params.to'],
    ['inverted dates', { kind: 'data', params: { from: TO, to: FROM } }, 'params.to'],
    ['an invalid date', { kind: 'transactions', params: { from: '2026-02-30', to: TO } }, 'params.from'],
    ['a missing period', { kind: 'calls', params: {} }, 'params.from'],
    ['an unknown filter', { kind: 'calls', params: { from: FROM, to: TO, colour: 'blue' } }, 'params.colour'],
    ['a filter of another report', { kind: 'subscribers', params: { user: '12345678901' } }, 'params.user'],
    ['an unknown line', { kind: 'calls', params: { from: FROM, to: TO, line: world?.b.lines[0].msisdn ?? '5519999999999' } }, 'params.line'],
    ['an unknown kind', { kind: 'everything' }, 'kind'],
  ])('%s', async (_, body, path) => {
    const payload = typeof body === 'function' ? (body as () => object)() : body
    const res = await app.rest.post('/reports', payload, tokens.admin)
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(errorsOf(res.body)).toContain(path)
  })

  it('a period of exactly 180 days for data is accepted', async () => {
    await request({ kind: 'data', params: { from: isoDay(now - 179 * DAY), to: TO } })
  })
})

describe('who may ask for, list and download', () => {
  it('a sub-admin must name its own departments and may not ask for company-wide reports', async () => {
    expect((await app.rest.post('/reports', { kind: 'subscribers' }, tokens.subadmin)).status).toBe(403)
    expect((await app.rest.post('/reports', { kind: 'subscribers', departments: [world.a.departments[1].id] }, tokens.subadmin)).status).toBe(403)
    expect((await app.rest.post('/reports', { kind: 'transactions', departments: [world.a.departments[0].id], params: { from: FROM, to: TO } }, tokens.subadmin)).status).toBeGreaterThanOrEqual(400)
    expect((await app.rest.post('/reports', { kind: 'subscribers' }, tokens.viewer)).status).toBe(403)
  })

  it('lists and downloads only within the company, and a sub-admin only its own', async () => {
    const { doc: mine } = await generate({ kind: 'subscribers', departments: [world.a.departments[0].id] }, tokens.subadmin)
    const { doc: company } = await generate({ kind: 'subscribers' })
    const listSub = await app.rest.get('/reports?limit=100&depth=0', tokens.subadmin)
    expect(listSub.body.docs.map((d: any) => d.id)).toContain(mine.id)
    expect(listSub.body.docs.map((d: any) => d.id)).not.toContain(company.id)
    expect(listSub.body.docs.every((d: any) => d.requestedBy === world.a.users.subadmin.id)).toBe(true)
    expect((await getRaw(app.config, `/reports/${company.id}/download`, tokens.subadmin)).status).toBe(404)
    expect((await getRaw(app.config, `/reports/${company.id}/download`, tokens.adminB)).status).toBe(404)
    expect((await getRaw(app.config, `/reports/${mine.id}/download`, tokens.admin)).status).toBe(200)
    const listB = await app.rest.get('/reports?limit=100&depth=0', tokens.adminB)
    expect(listB.body.docs).toEqual([])
    const mineRows = await readXlsx((await getRaw(app.config, `/reports/${mine.id}/download`, tokens.subadmin)).body)
    expect(mineRows.slice(1).map((r) => r[3])).toEqual(world.a.lines.filter((l) => l.department === world.a.departments[0].id).map(() => world.a.departments[0].name))
  })

  it('summary counts done, pending and failed', async () => {
    await request({ kind: 'subscribers' })
    const res = await app.rest.get('/reports/summary', tokens.admin)
    expect(res.status).toBe(200)
    const all = await find('reports', { company: { equals: world.a.company.id } }, 'id')
    const count = (s: string) => all.filter((r) => r.status === s).length
    expect(res.body).toEqual({ done: count('done'), pending: count('pending'), failed: count('failed') })
    expect(res.body.pending).toBeGreaterThan(0)
    const sub = await app.rest.get('/reports/summary', tokens.subadmin)
    expect(sub.body.done).toBe(all.filter((r) => r.status === 'done' && r.requestedBy === world.a.users.subadmin.id).length)
    expect(sub.body.done).toBeLessThan(res.body.done)
  })

  it('a pending report is not served', async () => {
    const doc = await request({ kind: 'subscribers' })
    const res = await getRaw(app.config, `/reports/${doc.id}/download`, tokens.admin)
    expect(res.status).toBe(409)
    await runQueue()
  })
})

describe('crashes: retried, never stuck pending, never half-written', () => {
  it('a try that throws is retried and the report completes', async () => {
    const { reportFaults } = await import('../../../src/reports/generate')
    reportFaults.beforeWrite = (_r, attempt) => {
      if (attempt === 1) throw new Error('disco cheio (simulado)')
    }
    try {
      const doc = await request({ kind: 'subscribers' })
      await runQueue()
      const after1 = await app.payload.findByID({ collection: 'reports', id: doc.id, overrideAccess: true, depth: 0 })
      expect(after1.status).toBe('pending')
      expect(after1.error).toContain('disco cheio')
      await runQueue()
      const after2 = await app.payload.findByID({ collection: 'reports', id: doc.id, overrideAccess: true, depth: 0 })
      expect(after2.status).toBe('done')
      expect(after2.attempts).toBe(2)
    } finally {
      delete reportFaults.beforeWrite
    }
  })

  it('a report that always fails ends failed with the reason, after every try', async () => {
    const { reportFaults, REPORT_ATTEMPTS } = await import('../../../src/reports/generate')
    reportFaults.beforeWrite = () => {
      throw new Error('banco indisponível (simulado)')
    }
    try {
      const doc = await request({ kind: 'subscribers' })
      for (let i = 0; i < REPORT_ATTEMPTS + 1; i++) await runQueue()
      const after = await app.payload.findByID({ collection: 'reports', id: doc.id, overrideAccess: true, depth: 0 })
      expect(after.status).toBe('failed')
      expect(after.error).toContain('banco indisponível')
      expect(after.attempts).toBe(REPORT_ATTEMPTS)
      expect((await getRaw(app.config, `/reports/${doc.id}/download`, tokens.admin)).status).toBe(409)
    } finally {
      delete reportFaults.beforeWrite
    }
  })

  it('a process that died mid-report: the sweep releases the job, the next run finishes it', async () => {
    const { sweepReports } = await import('../../../src/reports/maintenance')
    const doc = await request({ kind: 'subscribers' })
    const fresh = await app.payload.findByID({ collection: 'reports', id: doc.id, overrideAccess: true, depth: 0 })
    // The worker claimed the job and died: processing forever, no heartbeat.
    await app.payload.db.updateOne({ collection: 'payload-jobs', id: String(fresh.job), data: { processing: true } })
    await runQueue()
    expect((await app.payload.findByID({ collection: 'reports', id: doc.id, overrideAccess: true, depth: 0 })).status).toBe('pending')
    const later = new Date(Date.now() + 11 * 60_000)
    const swept = await sweepReports(app.payload, later)
    expect(swept.released).toBeGreaterThanOrEqual(1)
    await runQueue()
    expect((await app.payload.findByID({ collection: 'reports', id: doc.id, overrideAccess: true, depth: 0 })).status).toBe('done')
  })

  it('the sweep fails a pending report whose job is gone', async () => {
    const { sweepReports } = await import('../../../src/reports/maintenance')
    const doc = await request({ kind: 'subscribers' })
    const fresh = await app.payload.findByID({ collection: 'reports', id: doc.id, overrideAccess: true, depth: 0 })
    await app.payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { equals: String(fresh.job) } } })
    await sweepReports(app.payload, new Date(Date.now() + 11 * 60_000))
    const after = await app.payload.findByID({ collection: 'reports', id: doc.id, overrideAccess: true, depth: 0 })
    expect(after.status).toBe('failed')
    expect(after.error).toBeTruthy()
  })
})

describe('retention', () => {
  it('purges transactions and restores older than 180 days', async () => {
    const { purgeRetention } = await import('../../../src/reports/maintenance')
    const old = await create('transactions', { company: world.a.company.id, at: new Date(now - 181 * DAY).toISOString(), event: 'antigo' })
    const recent = await create('transactions', { company: world.a.company.id, at: new Date(now - 179 * DAY).toISOString(), event: 'recente' })
    const result = await purgeRetention(app.payload)
    expect(result.transactions).toBeGreaterThanOrEqual(1)
    expect((await find('transactions', { id: { equals: old.id } }, 'id')).length).toBe(0)
    expect((await find('transactions', { id: { equals: recent.id } }, 'id')).length).toBe(1)
  })

  it('purges the item logs of the restores it purges, and only theirs', async () => {
    const { purgeRetention } = await import('../../../src/reports/maintenance')
    const company = world.a.company.id
    const restoreAt = async (days: number) => {
      const at = new Date(now - days * DAY).toISOString()
      const doc = (await app.payload.db.create({ collection: 'restores', data: { company, category: 'general', status: 'success', backupName: 'gerais_x', createdAt: at, updatedAt: at } })) as { id: number | string }
      for (const title of ['um', 'dois']) {
        await app.payload.db.create({ collection: 'restore-items' as never, data: { restore: doc.id, company, outcome: 'applied', kind: 'holidays', itemId: '1', title, action: 'update', changes: [] } })
      }
      return doc
    }
    const old = await restoreAt(181)
    const recent = await restoreAt(10)
    const items = (restore: unknown) => app.payload.db.count({ collection: 'restore-items' as never, where: { restore: { equals: restore } } }).then((r) => r.totalDocs)
    const result = await purgeRetention(app.payload)
    expect(result.restoreItems).toBeGreaterThanOrEqual(2)
    expect(await items(old.id)).toBe(0)
    expect(await items(recent.id)).toBe(2)
    expect((await find('restores', { id: { equals: old.id } }, 'id')).length).toBe(0)
    expect((await find('restores', { id: { equals: recent.id } }, 'id')).length).toBe(1)
  })
})
