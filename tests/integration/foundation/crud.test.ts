import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { SAMPLES, withRelations } from './samples'

let app: TestApp
let world: World
let token: string

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  token = await loginAs(app.rest, app.payload, world.support)
})
afterAll(async () => app?.close())

describe.each(SAMPLES)('$collection', (sample) => {
  const slug = sample.collection as never

  it('Local API: create, read, update, delete', async () => {
    const data = await withRelations(app.payload, world, sample.collection, sample.create(world))
    const created: any = await app.payload.create({ collection: slug, data: data as never, overrideAccess: true })
    const read: any = await app.payload.findByID({ collection: slug, id: created.id, overrideAccess: true, depth: 0 })
    expect(read.id).toEqual(created.id)
    const updated = await app.payload.update({ collection: slug, id: created.id, data: sample.update as never, overrideAccess: true, depth: 0 })
    expect(updated).toMatchObject(sample.update)
    await app.payload.delete({ collection: slug, id: created.id, overrideAccess: true })
    const gone = await app.payload.find({ collection: slug, where: { id: { equals: created.id } }, overrideAccess: true })
    expect(gone.totalDocs).toBe(0)
  })

  it('REST as support: create, read, update, delete (or 403 where closed to everyone)', async () => {
    const closed = new Set(sample.closed ?? [])
    const data = await withRelations(app.payload, world, sample.collection, sample.create(world))
    const created = await app.rest.post(`/${sample.collection}`, data, token)
    if (closed.has('create')) {
      expect(created.status).toBe(403)
      return
    }
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    const read = await app.rest.get(`/${sample.collection}/${id}?depth=0`, token)
    expect(read.status).toBe(200)
    expect(read.body.id).toEqual(id)
    const updated = await app.rest.patch(`/${sample.collection}/${id}`, sample.update, token)
    expect(updated.status).toBe(closed.has('update') ? 403 : 200)
    const removed = await app.rest.delete(`/${sample.collection}/${id}`, token)
    expect(removed.status).toBe(closed.has('delete') ? 403 : 200)
    const after = await app.rest.get(`/${sample.collection}/${id}`, token)
    expect(after.status).toBe(closed.has('delete') ? 200 : 404)
  })
})
