import { readyBackup } from '../../helpers/backups'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'
import { SAMPLES, type Sample } from '../foundation/samples'

/**
 * The SPEC's roles table, cell by cell, written here by hand (NOT read from
 * src/access/policy.ts, so removing any rule there makes a cell fail):
 * every role × every collection × create/read/update/delete, through REST, and the
 * visible set through GraphQL, across two companies (A, B) and two departments of A
 * (d0: the sub-admin's and the department viewer's; d1: not theirs).
 */
type Actor = 'support' | 'admin' | 'subadmin' | 'viewer' | 'companyViewer'
type Target = 'A0' | 'A1' | 'Aadmin' | 'B' | 'G'
type Op = 'create' | 'read' | 'update' | 'delete'
const ACTORS: Actor[] = ['support', 'admin', 'subadmin', 'viewer', 'companyViewer']

const GLOBAL = new Set(['operator-prefixes', 'ported-numbers', 'outbox'])
const LINE_SCOPED = new Set(['lines', 'usage', 'consumption', 'notifications', 'departments'])
const PRIVATE = new Set(['transactions', 'reports', 'backups', 'restores'])

function targetsOf(collection: string): Target[] {
  if (GLOBAL.has(collection)) return ['G']
  if (collection === 'users') return ['A0', 'A1', 'Aadmin', 'B']
  if (LINE_SCOPED.has(collection)) return ['A0', 'A1', 'B']
  return ['A0', 'B']
}

/** The SPEC table. */
function expected(actor: Actor, sample: Sample, target: Target, op: Op): boolean {
  const c = sample.collection
  if (sample.closed?.includes(op as never)) return false
  if (actor === 'support') return true
  if (c === 'outbox') return false
  if (c === 'operator-prefixes' || c === 'ported-numbers') return op === 'read'
  if (target === 'B') return false
  if (c === 'companies') return op === 'read' || (actor === 'admin' && op === 'update')
  if (actor === 'admin') return true
  const write = op !== 'read'
  if (actor === 'companyViewer') return !write
  const ownDepartment = target === 'A0'
  if (actor === 'viewer') {
    if (write) return false
    if (c === 'users' || LINE_SCOPED.has(c)) return ownDepartment
    return !PRIVATE.has(c)
  }
  // subadmin: its departments' lines, and the viewer users of its departments; company settings read-only.
  if (c === 'lines' || c === 'departments') return ownDepartment && (op === 'read' || op === 'update')
  if (c === 'users') return ownDepartment
  if (PRIVATE.has(c)) return false
  if (LINE_SCOPED.has(c)) return ownDepartment && op === 'read'
  return op === 'read'
}

let app: TestApp
let world: World
const tokens = {} as Record<Actor, string>
const actorDoc = {} as Record<Actor, any>
let n = 0

const unique = (data: Record<string, unknown>, collection: string): Record<string, unknown> => {
  n++
  const out = { ...data }
  if (typeof out.name === 'string') out.name = `${out.name} ${n}`
  if (collection === 'accounts') out.number = String(70_000_000 + n)
  if (collection === 'usage') out.eventId = `evt-matrix-${n}`
  if (collection === 'consumption') out.key = `k${n}`
  if (collection === 'notifications') out.packageKey = `p${n}`
  if (collection === 'operator-prefixes') out.prefix = `55199${String(n).padStart(4, '0')}`
  if (collection === 'users') out.email = `m${n}@example.com`
  return out
}

/** Valid data for a document of `collection` in the target's company and department. */
async function dataFor(sample: Sample, target: Target): Promise<Record<string, unknown>> {
  const cw = target === 'B' ? world.b : world.a
  const w = { ...world, a: cw } as World
  const dep = target === 'A1' ? cw.departments[1] : cw.departments[0]
  const line = target === 'A1' ? cw.lines[1] : cw.lines[0] // lines[i] is in departments[i % 2]
  const data = unique(sample.create(w), sample.collection)
  switch (sample.collection) {
    case 'lines':
      data.department = dep.id
      break
    case 'usage':
    case 'consumption':
    case 'notifications':
      data.line = line.id
      break
    case 'users':
      Object.assign(data, { username: generateCpf(world.rng), role: target === 'Aadmin' ? 'admin' : 'viewer', companies: [cw.company.id], departments: target === 'Aadmin' ? [] : [dep.id] })
      break
    case 'transfers': {
      const offer = await app.payload.create({
        collection: 'offers',
        data: { company: cw.company.id, account: cw.account.id, line: cw.lines[0].id, kind: 'individual', offer: 'Claro Pós', package: 'Pacote VOZ', unit: 'minutes', amount: 1000 } as never,
        overrideAccess: true,
      })
      data.offer = offer.id
      break
    }
    case 'restores': {
      const backup = await readyBackup(app.payload, cw.company.id)
      data.backup = backup.id
      break
    }
  }
  return data
}

/** A stored document for the target. The department of A0 is the sub-admin's own department itself. */
async function docFor(sample: Sample, target: Target): Promise<any> {
  if (sample.collection === 'departments' && target === 'A0') return world.a.departments[0]
  if (sample.collection === 'companies') return target === 'B' ? world.b.company : world.a.company
  return app.payload.create({ collection: sample.collection as never, data: (await dataFor(sample, target)) as never, overrideAccess: true, depth: 0 })
}

const ok = (status: number) => status >= 200 && status < 300

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  const companyViewer = await app.payload.create({
    collection: 'users',
    data: { username: generateCpf(world.rng), email: 'cviewer@example.com', password: PASSWORD, firstName: 'Consulta', lastName: 'Empresa', role: 'viewer', companies: [world.a.company.id], departments: [] } as never,
    overrideAccess: true,
  })
  Object.assign(actorDoc, { support: world.support, admin: world.a.users.admin, subadmin: world.a.users.subadmin, viewer: world.a.users.viewer, companyViewer })
  for (const actor of ACTORS) tokens[actor] = await loginAs(app.rest, app.payload, actorDoc[actor])
})
afterAll(async () => app?.close())

describe.each(SAMPLES)('$collection', (sample) => {
  const c = sample.collection
  const targets = targetsOf(c)

  it.each(ACTORS)('REST create/read/update/delete as %s', async (actor) => {
    const failures: string[] = []
    const check = (target: Target, op: Op, status: number, body: unknown) => {
      const want = expected(actor, sample, target, op)
      if (ok(status) !== want) failures.push(`${actor} ${op} ${c}@${target}: expected ${want ? 'allowed' : 'refused'}, got ${status} ${JSON.stringify(body).slice(0, 160)}`)
    }
    for (const target of targets) {
      if (c !== 'companies' || target === 'B') {
        // create (a new company has no target: only one check)
        const data = c === 'companies' ? unique(sample.create(world), c) : await dataFor(sample, target)
        if (c !== 'departments' || target !== 'A0') {
          const res = await app.rest.post(`/${c}`, data, tokens[actor])
          check(target, 'create', res.status, res.body)
          if (!ok(res.status)) {
            const id = res.body?.doc?.id
            expect(id).toBeUndefined()
          }
        }
      }
      const doc = await docFor(sample, target)
      const read = await app.rest.get(`/${c}/${doc.id}?depth=0`, tokens[actor])
      check(target, 'read', read.status, read.body)
      const update = c === 'departments' ? { name: target === 'A0' ? world.a.departments[0].name : `Dep ${actor} ${target}` } : sample.update
      const upd = await app.rest.patch(`/${c}/${doc.id}`, update, tokens[actor])
      check(target, 'update', upd.status, upd.body)
      if (c === 'companies' || (c === 'departments' && target === 'A0')) continue // the world's own documents stay
      const victim = await docFor(sample, target)
      const del = await app.rest.delete(`/${c}/${victim.id}`, tokens[actor])
      check(target, 'delete', del.status, del.body)
      const still = await app.payload.count({ collection: c as never, where: { id: { equals: victim.id } }, overrideAccess: true })
      if (ok(del.status) === (still.totalDocs === 1)) failures.push(`${actor} delete ${c}@${target}: status ${del.status} but document ${still.totalDocs ? 'kept' : 'gone'}`)
    }
    expect(failures).toEqual([])
  })

  it.each(ACTORS)('GraphQL list as %s sees exactly the readable targets', async (actor) => {
    const schema = await app.rest.gql(`{ __schema { queryType { fields { name type { name fields { name } } } } } }`, {}, tokens.support)
    const stem = c.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase())
    const fields = schema.body.data.__schema.queryType.fields as { name: string; type: { name: string; fields?: { name: string }[] } }[]
    const list = fields.find((f) => f.name.startsWith(stem) && f.type.fields?.some((x) => x.name === 'docs'))
    expect(list, `GraphQL list query for ${c}`).toBeDefined()
    const docs: Record<string, any> = {}
    for (const target of targets) docs[target] = await docFor(sample, target)
    const res = await app.rest.gql(`{ ${list!.name}(limit: 1000) { docs { id } } }`, {}, tokens[actor])
    const seen = new Set((res.body.data?.[list!.name]?.docs ?? []).map((d: { id: unknown }) => String(d.id)))
    for (const target of targets) {
      expect(seen.has(String(docs[target].id)), `${actor} sees ${c}@${target} through GraphQL`).toBe(expected(actor, sample, target, 'read'))
    }
  })
})

describe('field-level rules', () => {
  it('nobody changes its own role, companies or departments', async () => {
    for (const actor of ['admin', 'subadmin'] as const) {
      const me = actorDoc[actor]
      await app.rest.patch(`/users/${me.id}`, { role: 'support', companies: [world.a.company.id, world.b.company.id], departments: [world.a.departments[1].id] }, tokens[actor])
      const after = await app.payload.findByID({ collection: 'users', id: me.id, overrideAccess: true, depth: 0 })
      expect(after.role).toBe(actor)
      expect((after.companies as unknown[]).map(String)).toEqual([String(world.a.company.id)])
      expect(((after.departments as unknown[]) ?? []).map(String)).toEqual((me.departments ?? []).map(String))
    }
  })

  it('an admin cannot create support users nor attach a company it does not have', async () => {
    const base = { password: PASSWORD, firstName: 'X', lastName: 'Y' }
    const support = await app.rest.post('/users', { ...base, username: generateCpf(world.rng), email: 'f1@example.com', role: 'support', companies: [world.a.company.id] }, tokens.admin)
    expect(support.status).toBe(403)
    const other = await app.rest.post('/users', { ...base, username: generateCpf(world.rng), email: 'f2@example.com', role: 'viewer', companies: [world.a.company.id, world.b.company.id] }, tokens.admin)
    expect(other.status).toBe(403)
    const viewer = world.a.users.viewer
    const attach = await app.rest.patch(`/users/${viewer.id}`, { companies: [world.a.company.id, world.b.company.id] }, tokens.admin)
    expect(attach.status).toBe(403)
    const promote = await app.rest.patch(`/users/${viewer.id}`, { role: 'support' }, tokens.admin)
    expect(promote.status).toBe(403)
    const after = await app.payload.findByID({ collection: 'users', id: viewer.id, overrideAccess: true, depth: 0 })
    expect(after.role).toBe('viewer')
    expect((after.companies as unknown[]).map(String)).toEqual([String(world.a.company.id)])
  })

  it('a sub-admin creates only viewers of its departments and keeps lines in them', async () => {
    const base = { password: PASSWORD, firstName: 'X', lastName: 'Y', companies: [world.a.company.id] }
    const admin = await app.rest.post('/users', { ...base, username: generateCpf(world.rng), email: 's1@example.com', role: 'admin', departments: [world.a.departments[0].id] }, tokens.subadmin)
    expect(admin.status).toBe(403)
    const elsewhere = await app.rest.post('/users', { ...base, username: generateCpf(world.rng), email: 's2@example.com', role: 'viewer', departments: [world.a.departments[1].id] }, tokens.subadmin)
    expect(elsewhere.status).toBe(403)
    const mine = await app.rest.post('/users', { ...base, username: generateCpf(world.rng), email: 's3@example.com', role: 'viewer', departments: [world.a.departments[0].id] }, tokens.subadmin)
    expect(mine.status).toBe(201)
    const promote = await app.rest.patch(`/users/${mine.body.doc.id}`, { role: 'admin' }, tokens.subadmin)
    const after = await app.payload.findByID({ collection: 'users', id: mine.body.doc.id, overrideAccess: true, depth: 0 })
    expect(after.role, `status ${promote.status}`).toBe('viewer')
    const move = await app.rest.patch(`/lines/${world.a.lines[0].id}`, { department: world.a.departments[1].id }, tokens.subadmin)
    expect(move.status).toBe(403)
    const line = await app.payload.findByID({ collection: 'lines', id: world.a.lines[0].id, overrideAccess: true, depth: 0 })
    expect(String(line.department)).toBe(String(world.a.departments[0].id))
  })
})

/**
 * The side doors of issue 10, per role (and a stranger): Payload's own auth mutations,
 * unlock, a user shared between companies, and the locks of payload-locked-documents.
 */
describe('side doors', () => {
  type Who = Actor | 'stranger'
  const WHO: Who[] = [...ACTORS, 'stranger']
  const tokenOf = (who: Who) => (who === 'stranger' ? undefined : tokens[who])
  // As five wrong passwords leave it (tests/integration/security/unlock.test.ts locks by logging in).
  const lockUser = (user: any) =>
    app.payload.db.updateOne({ collection: 'users', id: user.id, data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 900_000).toISOString() }, returning: false })
  const isLocked = async (user: any) => {
    const raw = (await app.payload.db.findOne({ collection: 'users', where: { id: { equals: user.id } } })) as any
    return Boolean(raw?.lockUntil && new Date(raw.lockUntil).getTime() > Date.now())
  }
  const newUser = (companies: unknown[], email: string) =>
    app.payload.create({
      collection: 'users',
      data: { username: generateCpf(world.rng), email, password: PASSWORD, firstName: 'Porta', lastName: 'Lateral', role: 'viewer', companies } as never,
      overrideAccess: true,
    }) as Promise<any>

  it.each(WHO)('GraphQL loginUser, forgotPasswordUser and resetPasswordUser open nothing for %s', async (who) => {
    const target = world.a.users.admin
    const login = await app.rest.gql(`mutation($u: String!, $p: String) { loginUser(username: $u, password: $p) { token } }`, { u: target.username, p: PASSWORD }, tokenOf(who))
    expect(login.body.data?.loginUser?.token ?? null).toBeNull()
    const forgot = await app.rest.gql(`mutation($u: String!) { forgotPasswordUser(username: $u) }`, { u: target.username }, tokenOf(who))
    expect(forgot.body.data?.forgotPasswordUser ?? null).not.toBe(true)
    const reset = await app.rest.gql(`mutation { resetPasswordUser(token: "x", password: "Tomada@123") { token } }`, {}, tokenOf(who))
    expect(reset.body.data?.resetPasswordUser?.token ?? null).toBeNull()
  })

  it.each(WHO)('unlock as %s: support any user, an admin the users of its own company only', async (who) => {
    const ownA = await newUser([world.a.company.id], `lock.a.${who}@example.com`)
    const inB = await newUser([world.b.company.id], `lock.b.${who}@example.com`)
    const shared = await newUser([world.a.company.id, world.b.company.id], `lock.ab.${who}@example.com`)
    const want: Record<string, boolean> = { ownA: who === 'support' || who === 'admin', inB: who === 'support', shared: who === 'support' }
    for (const [name, user] of Object.entries({ ownA, inB, shared })) {
      await lockUser(user)
      const viaGraphQL = name === 'shared'
      if (viaGraphQL) await app.rest.gql(`mutation($u: String!) { unlockUser(username: $u) }`, { u: user.username }, tokenOf(who))
      else await app.rest.post('/users/unlock', { username: user.username }, tokenOf(who))
      expect(await isLocked(user), `${who} unlocks ${name}`).toBe(!want[name])
    }
  })

  it.each(WHO)('a user of companies A and B: %s changes its e-mail only as support', async (who) => {
    const shared = await newUser([world.a.company.id, world.b.company.id], `shared.${who}@example.com`)
    await app.rest.patch(`/users/${shared.id}`, { email: `tomado.${who}@example.com`, blocked: true }, tokenOf(who))
    await app.rest.gql(`mutation($id: Int!) { updateUser(id: $id, data: { apiKey: "chave-${who}-0123456789", enableAPIKey: true }) { id } }`, { id: Number(shared.id) }, tokenOf(who))
    const after = (await app.payload.findByID({ collection: 'users', id: shared.id, overrideAccess: true, depth: 0 })) as any
    expect(after.email === `tomado.${who}@example.com`, `${who} changed the e-mail`).toBe(who === 'support')
    expect(Boolean(after.blocked), `${who} blocked`).toBe(who === 'support')
    expect(Boolean(after.enableAPIKey), `${who} set an API key`).toBe(who === 'support')
  })

  it.each(WHO)('payload-locked-documents as %s: the locks of its own company only', async (who) => {
    const LOCKS = 'payload-locked-documents'
    const lock = (line: any, user: any) =>
      app.payload.create({ collection: LOCKS as never, data: { document: { relationTo: 'lines', value: line.id }, user: { relationTo: 'users', value: user.id } } as never, overrideAccess: true }) as Promise<any>
    const inA = await lock(world.a.lines[2], world.a.users.admin)
    const inB = await lock(world.b.lines[2], world.b.users.admin)
    const seen = new Set(((await app.rest.get(`/${LOCKS}?limit=1000&depth=0`, tokenOf(who))).body?.docs ?? []).map((d: any) => String(d.id)))
    expect(seen.has(String(inA.id)), `${who} sees A's lock`).toBe(who !== 'stranger')
    expect(seen.has(String(inB.id)), `${who} sees B's lock`).toBe(who === 'support')
    await app.rest.delete(`/${LOCKS}/${inB.id}`, tokenOf(who))
    const left = await app.payload.count({ collection: LOCKS as never, where: { id: { equals: inB.id } }, overrideAccess: true })
    expect(left.totalDocs === 0, `${who} deletes B's lock`).toBe(who === 'support')
    const forged = await app.rest.post(`/${LOCKS}`, { document: { relationTo: 'lines', value: world.b.lines[3].id }, user: { relationTo: 'users', value: world.b.users.admin.id } }, tokenOf(who))
    expect(forged.status < 300, `${who} creates a lock in B's admin's name`).toBe(false)
    await app.payload.delete({ collection: LOCKS as never, where: { id: { in: [inA.id, inB.id] } }, overrideAccess: true })
  })
})

describe('engine endpoints per role', () => {
  type EngineOp = 'authorize' | 'usage' | 'balance' | 'simulate'
  const OPS: EngineOp[] = ['authorize', 'usage', 'balance', 'simulate']
  /** The SPEC table for the engine: writing (authorize reserves, usage records) like a line's writer, reading like its reader. */
  function engineExpected(actor: Actor, target: 'A0' | 'A1' | 'B', op: EngineOp): boolean {
    if (actor === 'support') return true
    if (target === 'B') return false
    const write = op === 'authorize' || op === 'usage'
    if (actor === 'admin') return true
    if (actor === 'subadmin') return target === 'A0'
    if (write) return false
    return actor === 'companyViewer' || target === 'A0'
  }
  let n = 0
  async function attempt(actor: Actor, target: 'A0' | 'A1' | 'B', op: EngineOp): Promise<{ allowed: boolean; detail: string }> {
    const line = String((target === 'B' ? world.b.lines[0] : target === 'A1' ? world.a.lines[1] : world.a.lines[0]).msisdn)
    const call = { line, service: 'voice', destination: '1932345678', units: 60 }
    const token = tokens[actor]
    if (op === 'usage') {
      const res = await app.rest.post('/engine/usage', { events: [{ ...call, id: `matrix-engine-${++n}`, at: new Date(Date.now() - 60_000).toISOString() }] }, token)
      return { allowed: res.status === 200 && res.body.accepted === 1, detail: `${res.status} ${JSON.stringify(res.body).slice(0, 120)}` }
    }
    const res = op === 'balance' ? await app.rest.get(`/engine/balance?line=${line}`, token) : await app.rest.post(`/engine/${op}`, call, token)
    return { allowed: res.status === 200, detail: `${res.status} ${JSON.stringify(res.body).slice(0, 120)}` }
  }

  it.each(ACTORS)('authorize, usage, balance and simulate as %s', async (actor) => {
    const failures: string[] = []
    for (const target of ['A0', 'A1', 'B'] as const) {
      for (const op of OPS) {
        const got = await attempt(actor, target, op)
        const want = engineExpected(actor, target, op)
        if (got.allowed !== want) failures.push(`${actor} ${op} @${target}: expected ${want ? 'allowed' : 'refused'}, got ${got.detail}`)
      }
    }
    expect(failures).toEqual([])
  })
})
