import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { rawUser } from '../../helpers/security'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'

/**
 * Finding 4 (issue 10): any logged-in user could unlock any account (Payload's default
 * `access.unlock`), undoing the lockout that stops password guessing in another company.
 * Unlock is support's, and an admin's for users of its own companies only.
 */
let app: TestApp
let world: World

const lock = async (user: any) => {
  for (let i = 0; i < 6; i++) await app.payload.login({ collection: 'users', data: { username: user.username, password: 'Errada@123' } as never, context: { golTwoStepLogin: true } }).catch(() => undefined)
  const raw = await rawUser(app.payload, user.id)
  expect(new Date(raw.lockUntil).getTime()).toBeGreaterThan(Date.now())
}
const isLocked = async (user: any) => {
  const raw = await rawUser(app.payload, user.id)
  return Boolean(raw.lockUntil && new Date(raw.lockUntil).getTime() > Date.now())
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
})
afterAll(async () => app?.close())

describe('unlock', () => {
  it('nobody unlocks an account of another company, nor a viewer or sub-admin any account; REST and GraphQL', async () => {
    const victim = world.b.users.admin
    const shared = await app.payload.create({
      collection: 'users',
      data: { username: generateCpf(world.rng), email: 'shared.unlock@example.com', password: PASSWORD, firstName: 'S', lastName: 'U', role: 'viewer', companies: [world.a.company.id, world.b.company.id] } as never,
      overrideAccess: true,
    })
    await lock(victim)
    await lock(shared)
    const adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
    const viewerA = await loginAs(app.rest, app.payload, world.a.users.viewer)
    const subadminA = await loginAs(app.rest, app.payload, world.a.users.subadmin)
    for (const token of [adminA, viewerA, subadminA, undefined]) {
      for (const target of [victim, shared]) {
        const rest = await app.rest.post('/users/unlock', { username: target.username }, token)
        expect(rest.status, JSON.stringify(rest.body)).toBeGreaterThanOrEqual(400)
        const gql = await app.rest.gql(`mutation($u: String!) { unlockUser(username: $u) }`, { u: target.username }, token)
        expect(gql.body.data?.unlockUser ?? null).not.toBe(true)
        expect(await isLocked(target)).toBe(true)
      }
    }
  })

  it('an admin unlocks a user of its own company; support any user', async () => {
    const own = world.a.users.viewer
    await lock(own)
    const adminA = await loginAs(app.rest, app.payload, world.a.users.admin)
    const res = await app.rest.post('/users/unlock', { username: own.username }, adminA)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(await isLocked(own)).toBe(false)
    const victim = world.b.users.admin
    expect(await isLocked(victim)).toBe(true)
    const support = await loginAs(app.rest, app.payload, world.support)
    const gql = await app.rest.gql(`mutation($u: String!) { unlockUser(username: $u) }`, { u: victim.username }, support)
    expect(gql.body.data?.unlockUser).toBe(true)
    expect(await isLocked(victim)).toBe(false)
  })
})
