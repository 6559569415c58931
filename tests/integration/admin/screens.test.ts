/**
 * The admin screens' server components (B, C3–C7) render what the user may see, and
 * nothing of another company: they are called as Payload calls them, with `payload`
 * and the logged `user`, and rendered to HTML.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Dashboard } from '../../../src/admin/dashboard/Dashboard'
import { LineOverview } from '../../../src/admin/lines/LineOverview'
import { startTestApp, type TestApp } from '../../helpers/app'
import { makeWorld, type World } from '../../helpers/world'

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
  const at = new Date(Date.now() - 60_000).toISOString()
  const usage = [
    { service: 'voice', category: 'voice.local.claro', units: 600, destination: '991251527' },
    { service: 'data', category: 'data', units: 256 * 1_048_576, group: 'Web' },
  ]
  for (const [i, u] of usage.entries()) {
    await app.payload.create({ collection: 'usage', overrideAccess: true, data: { ...u, company: a.company.id, line: line.id, msisdn: line.msisdn, at, eventId: `screens-${i}` } as never })
  }
  await app.payload.create({
    collection: 'usage',
    overrideAccess: true,
    data: { service: 'sms', category: 'sms.claro', units: 1, company: b.company.id, line: b.lines[0].id, msisdn: b.lines[0].msisdn, at, eventId: 'screens-b' } as never,
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

  it("renders nothing for another company's line, or for a line outside a sub-admin's departments", async () => {
    const admin = { ...world.a.users.admin, collection: 'users' }
    expect(await LineOverview({ id: world.b.lines[0].id, payload: app.payload, user: admin })).toBeNull()
    const subadmin = { ...world.a.users.subadmin, collection: 'users' }
    expect(await LineOverview({ id: world.a.lines[1].id, payload: app.payload, user: subadmin })).toBeNull()
  })
})
