import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { getRaw, readXlsx } from '../reports/helpers'

let app: TestApp
let world: World
const tokens: Record<string, string> = {}
const POOL_MB = 10_240

const quotas = async (ids: (string | number)[]) => {
  const res = await app.payload.find({ collection: 'lines', where: { id: { in: ids } }, depth: 0, overrideAccess: true, pagination: false })
  return Object.fromEntries(res.docs.map((l: any) => [String(l.id), { control: l.quota?.control, amountMB: l.quota?.amountMB ?? null }]))
}
const pathsOf = (body: any): string[] => (body?.errors?.[0]?.data?.errors ?? []).map((e: { path: string }) => e.path)

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  for (const w of [world.a, world.b]) {
    await app.payload.create({
      collection: 'offers',
      overrideAccess: true,
      data: { company: w.company.id, account: w.account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: 'Claro Total Compartilhado 10GB', unit: 'mb', amount: POOL_MB } as never,
    })
  }
  tokens.admin = await loginAs(app.rest, app.payload, world.a.users.admin)
  tokens.subadmin = await loginAs(app.rest, app.payload, world.a.users.subadmin)
  tokens.viewer = await loginAs(app.rest, app.payload, world.a.users.viewer)
})
afterAll(async () => app?.close())

describe('GET /api/offers/distribution', () => {
  it('lists only the accounts of the user company that have a shared offer', async () => {
    const res = await app.rest.get('/offers/distribution', tokens.admin)
    expect(res.status).toBe(200)
    expect(res.body.accounts.map((a: any) => a.id)).toEqual([world.a.account.id])
    expect(res.body.accounts[0].poolMB).toBe(POOL_MB)
  })

  it('answers the pool, totals and every line of the account', async () => {
    const res = await app.rest.get(`/offers/distribution?account=${world.a.account.id}`, tokens.admin)
    expect(res.status).toBe(200)
    expect(res.body.totals).toMatchObject({ lines: 4, poolMB: POOL_MB, configuredMB: 0, freeMB: POOL_MB })
    expect(res.body.lines).toHaveLength(4)
    expect(res.body.lines[0]).toHaveProperty('quota.control')
  })

  it('support sees the accounts of the company it selected only (and their lines)', async () => {
    const support = await loginAs(app.rest, app.payload, world.support)
    for (const w of [world.a, world.b]) {
      await app.payload.update({ collection: 'users', id: world.support.id, data: { selectedCompany: w.company.id } as never, overrideAccess: true })
      const res = await app.rest.get('/offers/distribution', support)
      expect(res.status).toBe(200)
      expect(res.body.accounts.map((a: any) => a.id)).toEqual([w.account.id])
      const other = w === world.a ? world.b : world.a
      expect((await app.rest.get(`/offers/distribution?account=${other.account.id}`, support)).status).toBe(404)
      const lines = await getRaw(app.config, '/lines/export', support)
      expect(lines.status).toBe(200)
      expect((await readXlsx(lines.body)).slice(1).map((r) => r[1]).sort()).toEqual(w.lines.map((l) => l.msisdn).sort())
    }
  })

  it('does not open another company account', async () => {
    const res = await app.rest.get(`/offers/distribution?account=${world.b.account.id}`, tokens.admin)
    expect(res.status).toBe(404)
  })
})

describe('POST /api/offers/distribution', () => {
  const ids = () => world.a.lines.map((l) => l.id)

  it('refuses a distribution above the pool, with a total error, and writes nothing', async () => {
    const before = await quotas(ids())
    const res = await app.rest.post(
      '/offers/distribution',
      { account: world.a.account.id, lines: ids().map((id) => ({ id, control: 'limited', amountMB: 3000 })) },
      tokens.admin,
    )
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual(['total'])
    expect(res.body.errors[0].data.errors[0].message).toContain('excede o limite do pool')
    expect(await quotas(ids())).toEqual(before)
  })

  it('refuses one quota above the pool and a negative one, per line, and writes nothing', async () => {
    const before = await quotas(ids())
    const res = await app.rest.post(
      '/offers/distribution',
      {
        account: world.a.account.id,
        lines: [
          { id: ids()[0], control: 'limited', amountMB: 100 },
          { id: ids()[1], control: 'limited', amountMB: POOL_MB + 1 },
          { id: ids()[2], control: 'limited', amountMB: -5 },
        ],
      },
      tokens.admin,
    )
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual(expect.arrayContaining(['lines.1.amountMB', 'lines.2.amountMB']))
    expect(pathsOf(res.body)).not.toContain('lines.0.amountMB')
    expect(await quotas(ids())).toEqual(before)
  })

  it('saves a whole distribution within the pool', async () => {
    const [a, b, c, d] = ids()
    const res = await app.rest.post(
      '/offers/distribution',
      {
        account: world.a.account.id,
        lines: [
          { id: a, control: 'limited', amountMB: 4096 },
          { id: b, control: 'limited', amountMB: 6144 },
          { id: c, control: 'blocked' },
          { id: d, control: 'unlimited', amountMB: 999 },
        ],
      },
      tokens.admin,
    )
    expect(res.status).toBe(200)
    expect(res.body.totals).toEqual({ poolMB: POOL_MB, configuredMB: POOL_MB, freeMB: 0 })
    const after = await quotas(ids())
    expect(after[String(a)]).toEqual({ control: 'limited', amountMB: 4096 })
    expect(after[String(b)]).toEqual({ control: 'limited', amountMB: 6144 })
    expect(after[String(c)]).toEqual({ control: 'blocked', amountMB: null })
    expect(after[String(d)]).toEqual({ control: 'unlimited', amountMB: null })
  })

  it('counts the lines not sent: one more MB on a full pool is refused', async () => {
    const res = await app.rest.post('/offers/distribution', { account: world.a.account.id, lines: [{ id: ids()[2], control: 'limited', amountMB: 1 }] }, tokens.admin)
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual(['total'])
  })

  it('a viewer may not save a distribution', async () => {
    const before = await quotas(ids())
    const res = await app.rest.post('/offers/distribution', { account: world.a.account.id, lines: [{ id: ids()[0], control: 'blocked' }] }, tokens.viewer)
    expect(res.status).toBe(403)
    expect(await quotas(ids())).toEqual(before)
  })

  it('a company may not touch another company lines or account', async () => {
    const bIds = world.b.lines.map((l) => l.id)
    const before = await quotas(bIds)
    const onB = await app.rest.post('/offers/distribution', { account: world.b.account.id, lines: [{ id: bIds[0], control: 'blocked' }] }, tokens.admin)
    expect(onB.status).toBe(400)
    expect(pathsOf(onB.body)).toEqual(['account'])
    const mixed = await app.rest.post('/offers/distribution', { account: world.a.account.id, lines: [{ id: bIds[0], control: 'blocked' }] }, tokens.admin)
    expect(mixed.status).toBe(400)
    expect(pathsOf(mixed.body)).toEqual(['lines.0.id'])
    expect(await quotas(bIds)).toEqual(before)
  })

  it('a sub-admin sets its department lines only, all or nothing', async () => {
    const mine = world.a.lines.filter((l) => l.department === world.a.departments[0].id).map((l) => l.id)
    const other = world.a.lines.filter((l) => l.department !== world.a.departments[0].id).map((l) => l.id)
    const before = await quotas(ids())
    const res = await app.rest.post(
      '/offers/distribution',
      { account: world.a.account.id, lines: [{ id: mine[0], control: 'unlimited' }, { id: other[0], control: 'unlimited' }] },
      tokens.subadmin,
    )
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual(['lines.1.id'])
    expect(await quotas(ids())).toEqual(before)
    const ok = await app.rest.post('/offers/distribution', { account: world.a.account.id, lines: [{ id: mine[0], control: 'limited', amountMB: 1024 }] }, tokens.subadmin)
    expect(ok.status).toBe(200)
    expect((await quotas([mine[0]]))[String(mine[0])]).toEqual({ control: 'limited', amountMB: 1024 })
  })

  it('refuses a malformed body with field errors', async () => {
    const res = await app.rest.post('/offers/distribution', { account: world.a.account.id, lines: [{ id: ids()[0], control: 'muito' }] }, tokens.admin)
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual(['lines.0.control'])
  })
})

describe('the admin create page (docAccess with only {_status})', () => {
  it('an admin may open "Criar perfil"; a viewer may not', async () => {
    const admin = await app.rest.post('/profiles/access', { _status: 'draft' }, tokens.admin)
    expect(admin.status).toBe(200)
    expect(admin.body.create).toBe(true)
    const viewer = await app.rest.post('/profiles/access', { _status: 'draft' }, tokens.viewer)
    expect(viewer.body.create ?? false).toBe(false)
  })

  it('a create naming another company is still refused', async () => {
    const res = await app.rest.post('/profiles', { company: world.b.company.id, name: 'Intruso' }, tokens.admin)
    expect(res.status).toBe(403)
  })
})
