import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { makeWorld, type World } from '../../helpers/world'
import { SAMPLES, withRelations } from './samples'

let app: TestApp
let world: World

/**
 * Production runs the committed migrations instead of pushing the schema: on a fresh
 * database with the push off, the migrations alone must give every collection the
 * columns the config writes. A schema change without `npm run migrate:create` fails here.
 */
beforeAll(async () => {
  app = await startTestApp({ push: false })
  const { migrations } = app.dbKind === 'postgres' ? await import('../../../src/migrations/postgres') : await import('../../../src/migrations/sqlite')
  await app.payload.db.migrate({ migrations: migrations as never })
  world = await makeWorld(app.payload)
})
afterAll(async () => app?.close())

describe('the committed migrations match the collections', () => {
  it.each(SAMPLES)('$collection: a full document is written and read back', async (sample) => {
    const data = await withRelations(app.payload, world, sample.collection, sample.create(world))
    const created: any = await app.payload.create({ collection: sample.collection as never, data: data as never, overrideAccess: true })
    const read: any = await app.payload.findByID({ collection: sample.collection as never, id: created.id, overrideAccess: true, depth: 0 })
    expect(read.id).toEqual(created.id)
  })
})
