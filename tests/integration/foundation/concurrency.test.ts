import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startAdminApp, type TestApp } from '../../helpers/app'
import { type World } from '../../helpers/world'

let app: TestApp
let world: World
let admin: string

beforeAll(async () => ({ app, world, adminToken: admin } = await startAdminApp()))
afterAll(async () => app?.close())

const until = async <T>(probe: () => Promise<T | undefined>, ms = 5000): Promise<T | undefined> => {
  const end = Date.now() + ms
  for (;;) {
    const found = await probe()
    if (found !== undefined || Date.now() > end) return found
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('concurrent writes', () => {
  it('many simultaneous REST updates all succeed (SQLite transactions queue instead of failing busy)', async () => {
    const lines = world.a.lines.slice(0, 8)
    const results = await Promise.all(lines.map((line, i) => app.rest.patch(`/lines/${line.id}`, { extension: `${7000 + i}` }, admin)))
    expect(results.map((r) => r.status)).toEqual(lines.map(() => 200))
    for (const [i, line] of lines.entries()) {
      const saved = await app.payload.findByID({ collection: 'lines', id: line.id, overrideAccess: true, depth: 0 })
      expect(saved.extension).toBe(`${7000 + i}`)
    }
  })

  it('a user created without password (the welcome e-mail is sent inside the create transaction) is saved and e-mailed', async () => {
    const email = 'novo.usuario@example.com'
    const res = await app.rest.post(
      '/users',
      { username: generateCpf(world.rng), email, firstName: 'Novo', lastName: 'Usuário', role: 'viewer', companies: [world.a.company.id] },
      admin,
    )
    expect(res.status).toBe(201)
    const mail = await until(async () => {
      const found = await app.payload.find({ collection: 'outbox', where: { to: { equals: email } }, overrideAccess: true, depth: 0 })
      return found.docs[0]
    })
    expect(mail?.subject).toBeTruthy()
  })
})
