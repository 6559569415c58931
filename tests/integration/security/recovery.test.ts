import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { fromPeer, mailsTo, temporaryPasswordSentTo } from '../../helpers/security'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'

/**
 * Finding 12 (issue 10): anyone could POST /api/users/recover {email} and the password was
 * replaced at once (sessions ended); and e-mail is not unique across companies, so CLARO's
 * recovery reset ALFA's user with the same address. Recovery now names one account (CPF and
 * e-mail), and the temporary password replaces the current one only when it is used.
 */
let app: TestApp
let world: World

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
})
afterAll(async () => app?.close())

const recover = (body: unknown) => app.rest.request('POST', '/users/recover', { body, headers: fromPeer() })

const temporaryOf = (email: string, before: number) => temporaryPasswordSentTo(app.payload, email, before)

const passwordWorks = async (user: any, password: string) =>
  (await app.rest.request('POST', '/users/login', { body: { username: user.username, password }, headers: fromPeer() })).status === 200

describe('password recovery', () => {
  it('a stranger’s request changes nothing until the temporary password is used', async () => {
    const user = world.a.users.subadmin
    const token = await loginAs(app.rest, app.payload, user)
    const before = (await mailsTo(app.payload, user.email)).length
    expect((await recover({ username: user.username, email: user.email })).status).toBe(200)
    const temporary = await temporaryOf(user.email, before)
    expect(temporary).toBeDefined()
    // the current password and the open session go on working
    expect((await app.rest.get('/lines?limit=1', token)).status).toBe(200)
    expect(await passwordWorks(user, PASSWORD)).toBe(true)
    // the temporary one works too; once used, it is the password (to be replaced) and the old one ends
    const res = await app.rest.request('POST', '/users/login', { body: { username: user.username, password: temporary }, headers: fromPeer() })
    expect(res.status).toBe(200)
    expect(await passwordWorks(user, PASSWORD)).toBe(false)
    expect((await app.rest.get('/lines?limit=1', token)).status).toBe(403)
    const after = await app.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true, depth: 0 })
    expect(after.mustChangePassword).toBe(true)
  })

  it('names one account: the same e-mail in two companies resets only the named CPF', async () => {
    const email = 'mesmo.email@example.com'
    const make = (company: any) =>
      app.payload.create({
        collection: 'users',
        data: { username: generateCpf(world.rng), email, password: PASSWORD, firstName: 'M', lastName: 'E', role: 'viewer', companies: [company.id] } as never,
        overrideAccess: true,
      })
    const inA = await make(world.a.company)
    const inB = await make(world.b.company)
    for (const [named, other] of [
      [inA, inB],
      [inB, inA],
    ]) {
      const before = (await mailsTo(app.payload, email)).length
      expect((await recover({ username: named.username, email })).status).toBe(200)
      const temporary = await temporaryOf(email, before)
      expect(temporary).toBeDefined()
      expect(await passwordWorks(other, temporary!), 'the other account takes the temporary password').toBe(false)
      expect(await passwordWorks(named, temporary!), 'the named account takes it').toBe(true)
    }
  })

  it('a CPF with another account’s e-mail, or an e-mail alone, sends nothing and answers alike', async () => {
    const user = world.b.users.subadmin
    const before = (await mailsTo(app.payload, user.email)).length
    const mismatch = await recover({ username: world.b.users.admin.username, email: user.email })
    const unknown = await recover({ username: generateCpf(world.rng), email: user.email })
    expect(mismatch.status).toBe(200)
    expect(mismatch.body).toEqual(unknown.body)
    const alone = await recover({ email: user.email })
    expect(alone.status).toBe(400)
    expect(alone.body.errors?.[0]?.data?.errors?.[0]?.path).toBe('username')
    await new Promise((r) => setTimeout(r, 300))
    expect((await mailsTo(app.payload, user.email)).length).toBe(before)
    expect(await passwordWorks(user, PASSWORD)).toBe(true)
  })

  it('the temporary password expires unused', async () => {
    const user = world.b.users.viewer
    const before = (await mailsTo(app.payload, user.email)).length
    await recover({ username: user.username, email: user.email })
    const temporary = await temporaryOf(user.email, before)
    expect(temporary).toBeDefined()
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 25 * 3_600_000)
      expect(await passwordWorks(user, temporary!)).toBe(false)
    } finally {
      vi.useRealTimers()
    }
    expect(await passwordWorks(user, PASSWORD)).toBe(true)
  })
})
