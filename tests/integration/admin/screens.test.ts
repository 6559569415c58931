/**
 * The admin screens' server components (B, C3–C7) render what the user may see, and
 * nothing of another company: they are called as Payload calls them, with `payload`
 * and the logged `user`, and rendered to HTML.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Dashboard } from '../../../src/admin/dashboard/Dashboard'
import { LineOverview } from '../../../src/admin/lines/LineOverview'
import { engineFor } from '../../../src/engine/service'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World

const html = async (element: Promise<React.ReactElement | null> | React.ReactElement | null) => {
  const el = await element
  return el ? renderToStaticMarkup(el) : ''
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  const { a, b } = world
  const line = a.lines[0]
  await app.payload.create({
    collection: 'offers',
    overrideAccess: true,
    data: { company: a.company.id, account: a.account.id, line: line.id, kind: 'individual', offer: 'Claro Total', package: 'Pacote VOZ', unit: 'minutes', amount: 100 } as never,
  })
  await app.payload.create({
    collection: 'offers',
    overrideAccess: true,
    data: { company: a.company.id, account: a.account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: 'Compartilhado 10GB - Franquia', unit: 'mb', amount: 10_240 } as never,
  })
  await app.payload.update({ collection: 'lines', id: line.id, overrideAccess: true, data: { quota: { control: 'limited', amountMB: 1024 } } as never })
  // Usage goes through the engine, as the network records it: its counters are what the line page shows.
  const engine = await engineFor(app.payload)
  const at = new Date(Date.now() - 60_000)
  const result = await engine.ingest(
    [
      { index: 0, id: 'screens-0', line: line.msisdn, service: 'voice', destination: '991251527', at, units: 600 },
      { index: 1, id: 'screens-1', line: line.msisdn, service: 'data', at, units: 256 * 1_048_576, group: 'Web' },
    ],
    (m) => engine.snapshots.byMsisdn(m),
  )
  expect(result.accepted, JSON.stringify(result.rejected)).toBe(2)
  await app.payload.create({
    collection: 'usage',
    overrideAccess: true,
    data: { service: 'sms', category: 'sms.claro', units: 1, company: b.company.id, line: b.lines[0].id, msisdn: b.lines[0].msisdn, at: at.toISOString(), eventId: 'screens-b' } as never,
  })
})
afterAll(async () => app?.close())

describe('dashboard (B)', () => {
  it("shows the admin's company: lines by status, renewal, CSP, administrators, the cycle's usage", async () => {
    const out = await html(Dashboard({ payload: app.payload, user: { ...world.a.users.admin, collection: 'users' } }))
    expect(out).toContain('Empresa A')
    expect(out).not.toContain('Empresa B')
    expect(out).toMatch(/data-testid="lines-total"[^>]*>4</)
    expect(out).toContain('Renova em')
    expect(out).toContain('Fidelização de CSP')
    expect(out).toContain(world.a.users.admin.email)
    expect(out).toContain('Dados: total 256 MB')
    expect(out).toContain('Voz: total 10 min')
    expect(out).toContain('SMS: total 0 SMS')
  })

  it('speaks English when the admin language is English', async () => {
    const out = await html(Dashboard({ payload: app.payload, user: { ...world.a.users.admin, collection: 'users' }, i18n: { language: 'en' } }))
    expect(out).toContain('Total lines')
    expect(out).toContain('Renews in')
    expect(out).not.toContain('Qtde total de linhas')
  })

  it("a sub-admin's counts cover only its departments", async () => {
    const out = await html(Dashboard({ payload: app.payload, user: { ...world.a.users.subadmin, collection: 'users' } }))
    expect(out).toMatch(/data-testid="lines-total"[^>]*>2</)
  })
})

describe('line page (C3–C7)', () => {
  it('shows registration data, the offer with consumption and %, the shared quota and its use', async () => {
    const line = world.a.lines[0]
    const out = await html(LineOverview({ id: line.id, payload: app.payload, user: { ...world.a.users.admin, collection: 'users' } }))
    expect(out).toContain(String(line.iccid))
    expect(out).toContain('Pacote VOZ')
    expect(out).toContain('100 MIN')
    expect(out).toContain('10 MIN')
    expect(out).toContain('10 %')
    expect(out).toContain('Compartilhado 10GB - Franquia')
    expect(out).toContain('Limite configurado: <strong>1 GB</strong>')
    expect(out).toContain('Utilizado: <strong>256 MB</strong>')
    expect(out).toContain('25 %')
  })

  it('shows the franchise after a Claro Pós transfer, as GET /api/engine/balance does', async () => {
    const [from, to] = [world.a.lines[0], world.a.lines[1]]
    const voice = (await app.payload.find({ collection: 'offers', where: { and: [{ line: { equals: from.id } }, { unit: { equals: 'minutes' } }] }, overrideAccess: true, depth: 0 })).docs[0]
    const token = await loginAs(app.rest, app.payload, world.a.users.admin)
    const moved = await app.rest.post('/transfers', { company: world.a.company.id, offer: voice.id, fromLine: from.id, toLine: to.id, amount: 30 }, token)
    expect(moved.status, JSON.stringify(moved.body)).toBe(201)
    const out = await html(LineOverview({ id: from.id, payload: app.payload, user: { ...world.a.users.admin, collection: 'users' } }))
    expect(out).toContain('70 MIN')
    expect(out).not.toContain('100 MIN')
    const balance = await app.rest.get(`/engine/balance?line=${from.msisdn}`, token)
    expect(balance.status, JSON.stringify(balance.body)).toBe(200)
    const franchise = balance.body.franchises.find((f: { id: unknown }) => String(f.id) === String(voice.id))
    expect(franchise).toMatchObject({ capacity: 70 * 60, used: 600 })
    // 10 of 70 minutes, as the balance's percent.
    expect(out).toContain('14,29 %')
  })

  it("renders nothing for another company's line, or for a line outside a sub-admin's departments", async () => {
    const admin = { ...world.a.users.admin, collection: 'users' }
    expect(await LineOverview({ id: world.b.lines[0].id, payload: app.payload, user: admin })).toBeNull()
    // Support working on company B sees none of company A's line pages (nor B's while on A).
    const onB = { ...world.support, selectedCompany: world.b.company.id, collection: 'users' }
    expect(await LineOverview({ id: world.a.lines[0].id, payload: app.payload, user: onB })).toBeNull()
    expect(await LineOverview({ id: world.b.lines[0].id, payload: app.payload, user: onB })).not.toBeNull()
    const subadmin = { ...world.a.users.subadmin, collection: 'users' }
    expect(await LineOverview({ id: world.a.lines[1].id, payload: app.payload, user: subadmin })).toBeNull()
  })
})

describe('admin lists follow the company support selected', () => {
  /** The rows of an admin list as Payload builds them: the collection's baseFilter, then the user's access. */
  async function listed(slug: 'users' | 'lines', user: Record<string, unknown>) {
    const config = app.payload.collections[slug].config
    const req = { user: { ...user, collection: 'users' }, payload: app.payload } as never
    const where = (await config.admin.baseFilter?.({ req, limit: 100, page: 1, sort: 'id' })) ?? undefined
    const found = await app.payload.find({ collection: slug, where: where as never, limit: 1000, depth: 0, overrideAccess: false, user: { ...user, collection: 'users' } as never })
    return found.docs as Record<string, any>[]
  }

  it("Usuários: only the selected company's users (all of them before a selection)", async () => {
    const companyIds = (u: Record<string, any>) => (u.companies ?? []).map((c: unknown) => String(typeof c === 'object' ? (c as { id: unknown }).id : c))
    const unselected = await listed('users', { ...world.support, selectedCompany: null })
    expect(unselected.some((u) => companyIds(u).includes(String(world.b.company.id)))).toBe(true)
    for (const cw of [world.a, world.b]) {
      const users = await listed('users', { ...world.support, selectedCompany: cw.company.id })
      expect(users.length).toBeGreaterThan(0)
      expect(users.every((u) => companyIds(u).includes(String(cw.company.id)))).toBe(true)
      const lines = await listed('lines', { ...world.support, selectedCompany: cw.company.id })
      expect(lines.map((l) => l.id).sort()).toEqual(cw.lines.map((l) => l.id).sort())
    }
  })
})
