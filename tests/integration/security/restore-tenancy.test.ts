/**
 * Issue 10, finding 3: a restore may only touch documents of the restoring company, matched
 * by what identifies them, never by a bare id another tenant may now hold; ids are never reused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'
import { create, remove } from '../audit/fixtures'

let app: TestApp
let world: World

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
})
afterAll(async () => app?.close())

const user = (id: unknown): Promise<any> => app.payload.findByID({ collection: 'users', id: id as never, depth: 0, overrideAccess: true })

/** Gives `collection`'s document `id` to company B as a database that reuses ids would (SQLite without AUTOINCREMENT). */
async function takeId(collection: string, id: unknown, data: Record<string, unknown>): Promise<any> {
  return app.payload.create({ collection: collection as never, data: { ...data, id } as never, overrideAccess: true, depth: 0, context: { restoring: true } })
}

/** Runs the queue until the restore is final. */
async function restoreThrough(token: string, backup: unknown): Promise<any> {
  const res = await app.rest.post('/restores', { backup }, token)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  await app.payload.jobs.run({ limit: 10 })
  return app.payload.findByID({ collection: 'restores', id: res.body.doc.id, depth: 0, overrideAccess: true })
}

describe('a restore never rewrites another tenant', () => {
  it('ids are never reused: a document created after a deletion gets a new id', async () => {
    const a = await create(app.payload, 'departments', { company: world.a.company.id, name: 'Efêmero' })
    await remove(app.payload, 'departments', a.id)
    const b = await create(app.payload, 'departments', { company: world.b.company.id, name: 'Outro' })
    expect(Number(b.id)).toBeGreaterThan(Number(a.id))
  })

  it("ALFA's users restore leaves CLARO's user that holds a deleted ALFA user's id untouched", async () => {
    const alfa = await loginAs(app.rest, app.payload, world.a.users.admin)
    const claro = await loginAs(app.rest, app.payload, world.b.users.admin)
    const gone = await create(app.payload, 'users', {
      username: generateCpf(world.rng),
      email: 'sai.alfa@example.com',
      password: PASSWORD,
      firstName: 'Sai',
      lastName: 'Alfa',
      role: 'admin',
      companies: [world.a.company.id],
    })
    const backup = await app.rest.post('/backups', { company: world.a.company.id, category: 'users' }, alfa)
    expect(backup.status, JSON.stringify(backup.body)).toBe(201)
    await app.payload.jobs.run()
    expect((await app.rest.delete(`/users/${String(gone.id)}`, alfa)).status).toBe(200)

    const made = await app.rest.post(
      '/users',
      { username: generateCpf(world.rng), email: 'novo.claro@example.com', password: PASSWORD, firstName: 'Novo', lastName: 'Claro', role: 'viewer', companies: [world.b.company.id] },
      claro,
    )
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    // On SQLite without AUTOINCREMENT CLARO's user gets the deleted id by itself; otherwise it is given
    // to it as an id-reusing database would: either way the restore must not rewrite it.
    let victim = made.body.doc
    if (String(victim.id) !== String(gone.id)) {
      await remove(app.payload, 'users', victim.id)
      victim = await takeId('users', gone.id, { username: victim.username, email: 'novo.claro@example.com', password: PASSWORD, firstName: 'Novo', lastName: 'Claro', role: 'viewer', companies: [world.b.company.id] })
    }
    expect(String(victim.id)).toBe(String(gone.id))
    const before = await user(victim.id)

    const done = await restoreThrough(alfa, backup.body.doc.id)
    expect(done.status, JSON.stringify(done)).toBe('success')
    const after = await user(victim.id)
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null })
    expect(after.companies.map(String)).toEqual([String(world.b.company.id)])

    // ALFA's user is back, under a new id, in ALFA only.
    const back = await app.payload.find({ collection: 'users', where: { username: { equals: gone.username } }, depth: 0, overrideAccess: true })
    expect(back.docs).toHaveLength(1)
    const restored: any = back.docs[0]
    expect(String(restored.id)).not.toBe(String(gone.id))
    expect(restored.companies.map(String)).toEqual([String(world.a.company.id)])
    expect([restored.email, restored.role, restored.firstName]).toEqual(['sai.alfa@example.com', 'admin', 'Sai'])
  })

  it('a re-created department does not collide with the other company\'s document that holds its id', async () => {
    const alfa = await loginAs(app.rest, app.payload, world.a.users.admin)
    const dept = await create(app.payload, 'departments', { company: world.a.company.id, name: 'Logística' })
    await app.payload.update({ collection: 'lines', id: world.a.lines[2].id, data: { department: dept.id } as never, overrideAccess: true })
    const backup = await app.rest.post('/backups', { company: world.a.company.id, category: 'departments' }, alfa)
    expect(backup.status).toBe(201)
    await app.payload.jobs.run()
    await remove(app.payload, 'departments', dept.id)
    const held = await takeId('departments', dept.id, { company: world.b.company.id, name: 'Da Claro' })
    const done = await restoreThrough(alfa, backup.body.doc.id)
    expect(done.status, JSON.stringify(done)).toBe('success')
    const theirs: any = await app.payload.findByID({ collection: 'departments', id: held.id, depth: 0, overrideAccess: true })
    expect([theirs.name, String(theirs.company)]).toEqual(['Da Claro', String(world.b.company.id)])
    const mine = await app.payload.find({ collection: 'departments', where: { and: [{ company: { equals: world.a.company.id } }, { name: { equals: 'Logística' } }] }, depth: 0, overrideAccess: true })
    expect(mine.docs).toHaveLength(1)
    const line: any = await app.payload.findByID({ collection: 'lines', id: world.a.lines[2].id, depth: 0, overrideAccess: true })
    expect(String(line.department)).toBe(String(mine.docs[0].id))
  })
})
