import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { rawUser } from '../../helpers/security'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'

/**
 * Finding 16 (issue 10): PATCH /api/users/<self> {password} skipped the current-password
 * check, so a stolen session (or an unlocked screen) could take the account for good.
 */
let app: TestApp
let world: World

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
})
afterAll(async () => app?.close())

describe('changing one’s own password through the collection', () => {
  it('needs the current password: without it, or with a wrong one, a 400 and nothing changes', async () => {
    const user = world.a.users.subadmin
    const token = await loginAs(app.rest, app.payload, user)
    const hash = (await rawUser(app.payload, user.id)).hash
    const none = await app.rest.patch(`/users/${user.id}`, { password: 'Tomada@1234' }, token)
    expect(none.status).toBe(400)
    expect(none.body.errors?.[0]?.data?.errors?.[0]?.path).toBe('currentPassword')
    const wrong = await app.rest.patch(`/users/${user.id}`, { password: 'Tomada@1234', currentPassword: 'Errada@123' }, token)
    expect(wrong.status).toBe(400)
    const gql = await app.rest.gql(`mutation($id: Int!) { updateUser(id: $id, data: { password: "Tomada@1234" }) { id } }`, { id: Number(user.id) }, token)
    expect(gql.body.data?.updateUser ?? null).toBeNull()
    expect((await rawUser(app.payload, user.id)).hash).toBe(hash)
  })

  it('with the current password it changes', async () => {
    const user = world.a.users.admin
    const token = await loginAs(app.rest, app.payload, user)
    const res = await app.rest.patch(`/users/${user.id}`, { password: 'Nova@Senha123', currentPassword: PASSWORD }, token)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    await expect(app.payload.login({ collection: 'users', data: { username: user.username, password: 'Nova@Senha123' } as never, context: { golTwoStepLogin: true } })).resolves.toBeTruthy()
  })
})
