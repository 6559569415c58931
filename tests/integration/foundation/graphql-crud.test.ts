import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { SAMPLES, withRelations } from './samples'

let app: TestApp
let world: World
let token: string
const singularOf = new Map<string, string>()

/** Select fields travel as GraphQL enums, whose names Payload derives from the values. */
const ENUM_KEYS = new Set(['kind', 'unit', 'status', 'role', 'category', 'control', 'type', 'usage', 'scope', 'days', 'csp', 'threshold', 'service', 'operator', 'format', 'channel', 'state'])
const enumName = (v: string) => (/^\d/.test(v) ? `_${v}` : v).replace(/[.\-/]/g, '_')
function toGraphQLInput(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => toGraphQLInput(v, key))
  if (value && typeof value === 'object' && key !== 'data' && key !== 'params') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toGraphQLInput(v, k)]))
  }
  return typeof value === 'string' && ENUM_KEYS.has(key) ? enumName(value) : value
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  token = await loginAs(app.rest, app.payload, world.support)
  const schema = await app.rest.gql('{ __schema { mutationType { fields { name } } } }', {}, token)
  const creates: string[] = schema.body.data.__schema.mutationType.fields.map((f: any) => f.name).filter((n: string) => n.startsWith('create'))
  for (const sample of SAMPLES) {
    const stem = sample.collection.replace(/-/g, '').toLowerCase()
    const match = creates
      .map((n) => n.slice('create'.length))
      .find((s) => [stem, stem.replace(/ies$/, 'y'), stem.replace(/es$/, ''), stem.replace(/s$/, '')].includes(s.toLowerCase()))
    if (match) singularOf.set(sample.collection, match)
  }
})
afterAll(async () => app?.close())

describe.each(SAMPLES)('GraphQL $collection', (sample) => {
  it('create, read, update, delete as support (or refused where closed to everyone)', async () => {
    const name = singularOf.get(sample.collection) as string
    expect(name, `no GraphQL mutations found for ${sample.collection}`).toBeDefined()
    const closed = new Set(sample.closed ?? [])
    const data = toGraphQLInput(await withRelations(app.payload, world, sample.collection, sample.create(world)))
    const created = await app.rest.gql(`mutation($data: mutation${name}Input!) { create${name}(data: $data) { id } }`, { data }, token)
    if (closed.has('create')) {
      expect(created.body.errors?.length).toBeGreaterThan(0)
      return
    }
    expect(created.body.errors, JSON.stringify(created.body.errors)).toBeUndefined()
    const id = created.body.data[`create${name}`].id
    const read = await app.rest.gql(`query($id: Int!) { ${name}(id: $id) { id } }`, { id }, token)
    expect(read.body.data[name].id).toBe(id)
    const update = toGraphQLInput(sample.update)
    const updated = await app.rest.gql(`mutation($id: Int!, $data: mutation${name}UpdateInput!) { update${name}(id: $id, data: $data) { id } }`, { id, data: update }, token)
    if (closed.has('update')) expect(updated.body.errors?.length).toBeGreaterThan(0)
    else expect(updated.body.errors, JSON.stringify(updated.body.errors)).toBeUndefined()
    const removed = await app.rest.gql(`mutation($id: Int!) { delete${name}(id: $id) { id } }`, { id }, token)
    const exists = await app.payload.count({ collection: sample.collection as never, where: { id: { equals: id } }, overrideAccess: true })
    if (closed.has('delete')) {
      expect(removed.body.errors?.length).toBeGreaterThan(0)
      expect(exists.totalDocs).toBe(1)
    } else {
      expect(removed.body.errors, JSON.stringify(removed.body.errors)).toBeUndefined()
      expect(exists.totalDocs).toBe(0)
    }
  })
})
