import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { getRaw, readXlsx } from './helpers'

let app: TestApp
let world: World
const tokens: Record<string, string> = {}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  for (const [i, name] of ['Natal', 'Tiradentes', 'Aniversário de SP'].entries()) {
    await app.payload.create({ collection: 'holidays', data: { company: world.a.company.id, date: `2026-12-2${i}`, name, ...(i === 2 ? { state: 'SP' } : {}) } as never, overrideAccess: true })
  }
  tokens.admin = await loginAs(app.rest, app.payload, world.a.users.admin)
  tokens.subadmin = await loginAs(app.rest, app.payload, world.a.users.subadmin)
})
afterAll(async () => app?.close())

/** The export and the REST list answer for the same query string. */
async function both(slug: string, query: string, token: string) {
  const file = await getRaw(app.config, `/${slug}/export${query ? `?${query}` : ''}`, token)
  expect(file.status, file.body.toString('utf8').slice(0, 300)).toBe(200)
  const list = await app.rest.get(`/${slug}?${query}${query ? '&' : ''}limit=0&depth=1`, token)
  expect(list.status).toBe(200)
  return { table: await readXlsx(file.body), docs: list.body.docs as any[] }
}

describe('immediate "Download" of a filtered admin list', () => {
  it('lines: exactly the filtered rows, with the list columns', async () => {
    const dep = world.a.departments[1]
    const { table, docs } = await both('lines', `where[department][equals]=${dep.id}&sort=msisdn`, tokens.admin)
    expect(table[0]).toEqual(['Nome', 'Nº da linha', 'Nº da conta', 'Departamento', 'Perfil da linha', 'Status', 'Ramal', 'ICCID', 'IMSI'])
    expect(docs.length).toBe(2)
    expect(table.slice(1)).toEqual(docs.map((l) => [l.name, l.msisdn, l.account.number, dep.name, world.a.profile.name, 'Ativo', '', l.iccid, l.imsi]))
  })

  it("a sub-admin's download holds only its departments' lines", async () => {
    const { table, docs } = await both('lines', '', tokens.subadmin)
    expect(docs.length).toBe(2)
    expect(table.slice(1).map((r) => r[1]).sort()).toEqual(world.a.lines.filter((l) => l.department === world.a.departments[0].id).map((l) => l.msisdn).sort())
  })

  it('holidays, departments, profiles and users follow their REST lists', async () => {
    const holidays = await both('holidays', 'where[state][equals]=SP', tokens.admin)
    expect(holidays.table).toEqual([['Data', 'Nome', 'DDD', 'Estado', 'Abrangência'], ['22/12/2026', 'Aniversário de SP', '', 'SP', 'Estadual']])
    for (const [slug, first] of [['departments', (d: any) => d.name], ['profiles', (d: any) => d.name], ['users', (d: any) => `${d.firstName} ${d.lastName}`]] as const) {
      const { table, docs } = await both(slug, '', tokens.admin)
      expect(docs.length).toBeGreaterThan(0)
      expect(table.slice(1).map((r) => r[0])).toEqual(docs.map(first))
    }
  })

  it("the admin list's search box (?search=) filters like the list", async () => {
    const file = await getRaw(app.config, `/lines/export?search=${encodeURIComponent('linha 1')}`, tokens.admin)
    expect(file.status).toBe(200)
    const table = await readXlsx(file.body)
    expect(table.slice(1).map((r) => r[0])).toEqual(['Empresa A linha 1'])
  })

  it('refuses what the list refuses: no access, unknown fields', async () => {
    expect((await getRaw(app.config, '/transactions/export', tokens.subadmin)).status).toBe(403)
    expect((await getRaw(app.config, '/lines/export?where[colour][equals]=blue', tokens.admin)).status).toBe(400)
    const anonymous = await app.rest.get('/lines/export')
    expect(anonymous.status).toBe(401)
  })
})
