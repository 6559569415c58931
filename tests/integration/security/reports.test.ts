import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { getRaw, readCsvZip } from '../reports/helpers'

// Findings 8 (a report's name became part of its file path) and 10 (CSV formula injection).
let app: TestApp
let world: World
const tokens: Record<string, string> = {}
const dir = mkdtempSync(path.join(os.tmpdir(), 'gol-sec-reports-'))
const HOSTILE_NAME = `=cmd|' /C calc'!A0`

beforeAll(async () => {
  app = await startTestApp({ env: { GOL_REPORTS_DIR: dir, REPORT_RETRY_DELAY_MS: '0' } })
  world = await makeWorld(app.payload)
  tokens.a = await loginAs(app.rest, app.payload, world.a.users.admin)
  tokens.b = await loginAs(app.rest, app.payload, world.b.users.admin)
})
afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
})

const runQueue = () => app.payload.jobs.run({ queue: 'reports', limit: 50, sequential: true })
const stored = (id: unknown) => app.payload.findByID({ collection: 'reports', id: id as never, overrideAccess: true, depth: 0 }) as Promise<any>

async function ask(token: string, body: Record<string, unknown> = { kind: 'subscribers', format: 'csv' }) {
  const res = await app.rest.post('/reports', body, token)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc
}

async function downloadCsv(id: unknown, token: string) {
  const file = await getRaw(app.config, `/reports/${String(id)}/download`, token)
  expect(file.status).toBe(200)
  return (await readCsvZip(file.body)).rows
}

describe("a report's name is display-only (finding 8)", () => {
  it("another company's admin cannot aim its report's file at a report of CLARO (REST and GraphQL)", async () => {
    const mine = await ask(tokens.a)
    await runQueue()
    const done = await stored(mine.id)
    expect(done.status).toBe('done')
    const before = await downloadCsv(mine.id, tokens.a)

    const theirs = await ask(tokens.b, { kind: 'subscribers', format: 'csv', name: '../../x.csv.zip' })
    expect(theirs.name).not.toContain('..')
    const target = `../../../${String(world.a.company.id)}/${String(done.id)}-${String(done.name)}`
    const patched = await app.rest.patch(`/reports/${String(theirs.id)}`, { name: target }, tokens.b)
    expect([200, 400, 403]).toContain(patched.status)
    const gql = await app.rest.gql(`mutation($id: Int!, $name: String) { updateReport(id: $id, data: { name: $name }) { name } }`, { id: Number(theirs.id), name: target }, tokens.b)
    expect(JSON.stringify(gql.body)).not.toContain(target)
    expect((await stored(theirs.id)).name).toBe(theirs.name)

    await runQueue()
    const generated = await stored(theirs.id)
    expect(generated.status).toBe('done')
    // Files are named by the server's ids only.
    expect(generated.file).toBe(`${String(world.b.company.id)}/${String(theirs.id)}.csv.zip`)
    expect(await downloadCsv(mine.id, tokens.a)).toEqual(before)
    expect(JSON.stringify(before)).not.toContain('Empresa B')
  })

  it('the name cannot be changed after creation, even by the company that asked for it', async () => {
    const mine = await ask(tokens.a, { kind: 'subscribers', format: 'xlsx' })
    await app.rest.patch(`/reports/${String(mine.id)}`, { name: 'outro-nome.xlsx' }, tokens.a)
    expect((await stored(mine.id)).name).toBe(mine.name)
  })
})

describe('CSV reports neutralise formulas (finding 10)', () => {
  it('a line named like a formula is written as text; other cells untouched', async () => {
    const line = world.a.lines[0]
    await app.payload.update({ collection: 'lines', id: line.id, data: { name: HOSTILE_NAME } as never, overrideAccess: true })
    await app.payload.update({ collection: 'lines', id: world.a.lines[1].id, data: { name: '-2+3' } as never, overrideAccess: true })
    const report = await ask(tokens.a)
    await runQueue()
    const rows = await downloadCsv(report.id, tokens.a)
    const names = rows.slice(1).map((r) => r[0])
    expect(names).toContain(`'${HOSTILE_NAME}`)
    expect(names).toContain(`'-2+3`)
    expect(names.some((n) => /^[=+\-@\t\r]/.test(n))).toBe(false)
    expect(rows.slice(1).map((r) => r[1])).toContain(String(line.msisdn))
  })
})
