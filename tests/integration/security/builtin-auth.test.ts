import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { mailsTo, rawUser } from '../../helpers/security'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'

/**
 * Finding 1 (issue 10): Payload's own auth operations beside our two-step login.
 * GraphQL loginUser gave a working token without the e-mailed code, and its messages told
 * an unknown CPF from a wrong password and a locked account. Every built-in operation the
 * two-step login replaces is closed, answers alike for every input, and changes nothing.
 */
let app: TestApp
let world: World

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
})
afterAll(async () => app?.close())

const sessionsOf = async (id: number | string) => ((await rawUser(app.payload, id)).sessions ?? []).length

describe('GraphQL auth mutations', () => {
  it('loginUser gives no token, no cookie, no session, and the same answer for every account', async () => {
    const victim = world.a.users.admin
    const locked = world.b.users.viewer
    for (let i = 0; i < 6; i++) await app.payload.login({ collection: 'users', data: { username: locked.username, password: 'Errada@123' } as never }).catch(() => undefined)
    const before = await sessionsOf(victim.id)
    const ask = (username: string, password: string) =>
      app.rest.gql(`mutation($u: String!, $p: String) { loginUser(username: $u, password: $p) { token exp user { id } } }`, { u: username, p: password })
    const right = await ask(victim.username, PASSWORD)
    const wrong = await ask(victim.username, 'Errada@123')
    const unknown = await ask(generateCpf(world.rng), 'Errada@123')
    const lockedAnswer = await ask(locked.username, PASSWORD)
    for (const res of [right, wrong, unknown, lockedAnswer]) {
      expect(res.body.data?.loginUser?.token ?? null).toBeNull()
      expect(res.headers.get('set-cookie')).toBeNull()
    }
    expect(JSON.stringify(wrong.body)).toBe(JSON.stringify(right.body))
    expect(JSON.stringify(unknown.body)).toBe(JSON.stringify(right.body))
    expect(JSON.stringify(lockedAnswer.body)).toBe(JSON.stringify(right.body))
    expect(await sessionsOf(victim.id)).toBe(before)
  })

  it('forgotPasswordUser and resetPasswordUser send nothing and reset nothing', async () => {
    const victim = world.a.users.viewer
    const mails = (await mailsTo(app.payload, victim.email)).length
    const forgot = await app.rest.gql(`mutation($u: String!) { forgotPasswordUser(username: $u) }`, { u: victim.username })
    expect(forgot.body.data?.forgotPasswordUser ?? null).not.toBe(true)
    expect((await mailsTo(app.payload, victim.email)).length).toBe(mails)
    expect((await rawUser(app.payload, victim.id)).resetPasswordToken ?? null).toBeNull()
    // even with a reset token in the database, the built-in reset stays closed
    await app.payload.db.updateOne({ collection: 'users', id: victim.id, data: { resetPasswordToken: 'known-token', resetPasswordExpiration: new Date(Date.now() + 3_600_000).toISOString() }, returning: false })
    const reset = await app.rest.gql(`mutation { resetPasswordUser(token: "known-token", password: "Tomada@123") { token } }`)
    expect(reset.body.data?.resetPasswordUser?.token ?? null).toBeNull()
    expect(await loginAs(app.rest, app.payload, victim)).toEqual(expect.any(String))
  })

  it('verifyEmailUser is closed', async () => {
    const res = await app.rest.gql(`mutation { verifyEmailUser(token: "x") }`)
    expect(res.body.data?.verifyEmailUser ?? null).not.toBe(true)
  })

  it('refreshTokenUser extends only a live session of a user that may still work', async () => {
    const user = world.a.users.subadmin
    const token = await loginAs(app.rest, app.payload, user)
    const ok = await app.rest.gql(`mutation { refreshTokenUser { refreshedToken } }`, {}, token)
    expect(ok.body.data?.refreshTokenUser?.refreshedToken).toEqual(expect.any(String))
    await app.payload.update({ collection: 'users', id: user.id, data: { blocked: true } as never, overrideAccess: true })
    try {
      const blocked = await app.rest.gql(`mutation { refreshTokenUser { refreshedToken } }`, {}, token)
      expect(blocked.body.data?.refreshTokenUser?.refreshedToken ?? null).toBeNull()
      const rest = await app.rest.post('/users/refresh-token', {}, token)
      expect(rest.status).toBeGreaterThanOrEqual(400)
      expect(rest.body?.refreshedToken).toBeUndefined()
    } finally {
      await app.payload.update({ collection: 'users', id: user.id, data: { blocked: false } as never, overrideAccess: true })
    }
    // a stranger has nothing to refresh
    expect((await app.rest.post('/users/refresh-token', {})).status).toBeGreaterThanOrEqual(400)
  })
})

describe('REST built-in auth endpoints', () => {
  it('forgot-password answers alike for every account (no 500), sends nothing and sets no reset token', async () => {
    const victim = world.b.users.admin
    const mails = (await mailsTo(app.payload, victim.email)).length
    const known = await app.rest.post('/users/forgot-password', { username: victim.username })
    const byEmail = await app.rest.post('/users/forgot-password', { email: victim.email })
    const unknown = await app.rest.post('/users/forgot-password', { username: generateCpf(world.rng) })
    for (const res of [known, byEmail, unknown]) {
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.body).toEqual(known.body)
    }
    expect((await mailsTo(app.payload, victim.email)).length).toBe(mails)
    expect((await rawUser(app.payload, victim.id)).resetPasswordToken ?? null).toBeNull()
  })

  it('reset-password gives no token even for a token present in the database', async () => {
    const victim = world.b.users.subadmin
    await app.payload.db.updateOne({ collection: 'users', id: victim.id, data: { resetPasswordToken: 'rest-token', resetPasswordExpiration: new Date(Date.now() + 3_600_000).toISOString() }, returning: false })
    const res = await app.rest.post('/users/reset-password', { token: 'rest-token', password: 'Tomada@123' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.body?.token).toBeUndefined()
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await loginAs(app.rest, app.payload, victim)).toEqual(expect.any(String))
  })

  it('first-register and verify open nothing on a database that has users', async () => {
    const first = await app.rest.post('/users/first-register', { username: generateCpf(world.rng), email: 'intruso@example.com', password: 'Intruso@123', firstName: 'I', lastName: 'I', role: 'support' })
    expect(first.status).toBeGreaterThanOrEqual(400)
    expect(first.body?.token).toBeUndefined()
    expect((await app.payload.find({ collection: 'users', where: { email: { equals: 'intruso@example.com' } }, overrideAccess: true })).totalDocs).toBe(0)
    const verify = await app.rest.post(`/users/verify/${world.a.users.admin.id}`, {})
    expect(verify.status).toBeGreaterThanOrEqual(400)
  })
})
