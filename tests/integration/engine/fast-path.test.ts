import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINE_FAST_ROUTES } from '../../../src/engine/endpoints'
import { AUTHORIZE_PATH, createEngineHttp, ENGINE_HTTP } from '../../../src/engine/http'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

// The engine's fast path (server.mjs) on a plain Node HTTP server: same answers and rules as the Payload endpoint.
let app: TestApp
let world: World
let server: http.Server
let base: string
let keyA: string
let sessionA: string

const TUESDAY_NOON = '2026-11-24T15:00:00.000Z'
const LOCAL_FIXED = '32345678'
const line = (i: number, w: 'a' | 'b' = 'a') => String(world[w].lines[i].msisdn)

const post = async (body: unknown, authorization?: string, path = AUTHORIZE_PATH) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: res.status === 418 ? null : await res.json() }
}

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  keyA = randomUUID()
  await app.payload.update({ collection: 'users', id: world.a.users.admin.id, data: { enableAPIKey: true, apiKey: keyA } as never, overrideAccess: true })
  sessionA = await loginAs(app.rest, app.payload, world.a.users.admin)
  const fast = createEngineHttp(ENGINE_FAST_ROUTES, async () => app.payload)
  server = http.createServer((req, res) => {
    if (!fast.handle(req, res)) res.writeHead(418).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await app?.close()
})

describe('engine fast path (POST /api/engine/authorize without Next)', () => {
  it('is registered on globalThis when the endpoints load (server.mjs finds it there)', () => {
    expect(typeof (globalThis as Record<symbol, any>)[ENGINE_HTTP]?.handle).toBe('function')
  })

  it('the registered handler answers with the Payload instance the config\'s onInit handed it (no import of the config)', async () => {
    const registered = (globalThis as Record<symbol, { handle: (req: http.IncomingMessage, res: http.ServerResponse) => boolean }>)[ENGINE_HTTP]
    const other = http.createServer((req, res) => {
      if (!registered.handle(req, res)) res.writeHead(418).end()
    })
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r))
    try {
      const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}${AUTHORIZE_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `users API-Key ${keyA}` },
        body: JSON.stringify({ line: line(2), service: 'voice', destination: LOCAL_FIXED, units: 60, at: TUESDAY_NOON }),
      })
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ allow: true, granted: 60 })
    } finally {
      await new Promise((r) => other.close(r))
    }
  })

  it('answers as the Payload endpoint, with an API key and with a session JWT', async () => {
    const body = { line: line(0), service: 'voice', destination: LOCAL_FIXED, units: 120, at: TUESDAY_NOON }
    const viaPayload = await app.rest.post('/engine/authorize', body, sessionA)
    const viaKey = await post(body, `users API-Key ${keyA}`)
    const viaJwt = await post(body, `JWT ${sessionA}`)
    expect(viaPayload.status).toBe(200)
    expect(viaKey).toEqual({ status: 200, body: viaPayload.body })
    expect(viaJwt).toEqual({ status: 200, body: viaPayload.body })
    expect(viaKey.body).toMatchObject({ allow: true, granted: 120, category: 'voice.local.fixed', reason: { code: 'OK' } })
  })

  it('401 without credentials or with an unknown key; 404 for another company; 400 for a bad body', async () => {
    const body = { line: line(0), service: 'voice', destination: LOCAL_FIXED }
    expect((await post(body)).status).toBe(401)
    expect((await post(body, `users API-Key ${randomUUID()}`)).status).toBe(401)
    expect((await post({ ...body, line: line(0, 'b') }, `users API-Key ${keyA}`)).status).toBe(404)
    const bad = await post({ line: '123', service: 'fax' }, `users API-Key ${keyA}`)
    expect(bad.status).toBe(400)
    expect(bad.body.fields.map((f: { path: string; field: string }) => [f.path, f.field])).toEqual(expect.arrayContaining([['line', 'line'], ['service', 'service']]))
    expect((await post('not json', `users API-Key ${keyA}`)).status).toBe(400)
  })

  it('hands every other request on', async () => {
    expect((await post({}, `users API-Key ${keyA}`, '/api/engine/balance')).status).toBe(418)
    expect((await post({}, `users API-Key ${keyA}`, '/api/engine/authorizeX')).status).toBe(418)
    expect((await post({}, `users API-Key ${keyA}`, '/api/engine/holds/')).status).toBe(418)
    expect((await post({}, `users API-Key ${keyA}`, '/api/engine/holds/a/b')).status).toBe(418)
    expect((await fetch(`${base}${AUTHORIZE_PATH}`)).status).toBe(418)
    expect((await fetch(`${base}/api/engine/usage`)).status).toBe(418)
  })

  it('shares the engine with the Payload side: a saved profile applies to the next fast decision (E3)', async () => {
    const body = { line: line(1), service: 'voice', destination: LOCAL_FIXED, at: TUESDAY_NOON }
    expect((await post(body, `users API-Key ${keyA}`)).body.reason.code).toBe('OK')
    await app.payload.update({ collection: 'profiles', id: world.a.profile.id, data: { limits: [{ category: 'voice.local.fixed', control: 'blocked' }] } as never, overrideAccess: true })
    expect((await post(body, `users API-Key ${keyA}`)).body).toMatchObject({ allow: false, reason: { code: 'CATEGORY_BLOCKED' } })
    await app.payload.update({ collection: 'profiles', id: world.a.profile.id, data: { limits: [] } as never, overrideAccess: true })
    expect((await post(body, `users API-Key ${keyA}`)).body.reason.code).toBe('OK')
  })
})

/**
 * The same request through both paths: Payload's endpoint (the Next route handler, with its
 * request checks) and the fast path. Answers are compared with the hold ids each path's own
 * grants got replaced by their order of appearance.
 */
type Via = 'payload' | 'fast'
async function send(via: Via, method: 'POST' | 'DELETE', path: string, body?: unknown, authorization?: string, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...headers }
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  const res =
    via === 'payload'
      ? await app.rest.raw(new Request(`http://localhost${path}`, { method, headers: h, body: text }))
      : await fetch(`${base}${path}`, { method, headers: h, body: text })
  const raw = await res.text()
  return { status: res.status, body: raw ? JSON.parse(raw) : null }
}

/** A network element's session on `msisdn` (held call, Gy update, usage with its hold, a call that never connected) through one path. */
async function session(via: Via, msisdn: string, auth: string, run: string) {
  const ids: string[] = []
  const answers: unknown[] = []
  const keep = (a: { status: number; body: any }) => {
    if (a.body?.hold?.id && !ids.includes(a.body.hold.id)) ids.push(a.body.hold.id)
    answers.push(a)
    return a
  }
  const call = { line: msisdn, service: 'voice', destination: LOCAL_FIXED, units: 120, at: TUESDAY_NOON }
  const first = keep(await send(via, 'POST', '/api/engine/authorize', call, auth))
  const h1 = first.body.hold.id as string
  keep(await send(via, 'POST', `/api/engine/holds/${h1}`, { used: 30, more: 60 }, auth))
  keep(await send(via, 'POST', `/api/engine/holds/${h1}`, { used: -1 }, auth))
  keep(
    await send(
      via,
      'POST',
      '/api/engine/usage',
      {
        events: [
          { id: `${run}-1`, line: msisdn, service: 'voice', destination: LOCAL_FIXED, at: TUESDAY_NOON, units: 45, hold: h1 },
          { id: `${run}-2`, line: msisdn, service: 'fax', at: TUESDAY_NOON, units: 1 },
          { id: `${run}-1`, line: msisdn, service: 'voice', destination: LOCAL_FIXED, at: TUESDAY_NOON, units: 45 },
          { id: `${run}-3`, line: line(0, 'b'), service: 'sms', destination: '19991234567', at: TUESDAY_NOON, units: 1 },
        ],
      },
      auth,
    ),
  )
  keep(await send(via, 'POST', `/api/engine/holds/${h1}`, { used: 50 }, auth))
  const second = keep(await send(via, 'POST', '/api/engine/authorize', call, auth))
  const h2 = second.body.hold.id as string
  keep(await send(via, 'DELETE', `/api/engine/holds/${h2}`, undefined, auth))
  keep(await send(via, 'DELETE', `/api/engine/holds/${h2}`, undefined, auth))
  keep(await send(via, 'DELETE', '/api/engine/holds/no-such-hold', undefined, auth))
  keep(await send(via, 'POST', '/api/engine/usage', { events: 'x' }, auth))
  keep(await send(via, 'POST', '/api/engine/usage', 'events=1', auth, { 'content-type': 'text/plain' }))
  keep(await send(via, 'POST', '/api/engine/usage?where=%7B', { events: [] }, auth))
  let text = JSON.stringify(answers).replaceAll(msisdn, '<line>')
  ids.forEach((id, i) => (text = text.replaceAll(id, `<hold ${i + 1}>`)))
  return { answers: JSON.parse(text.replace(/"expiresAt":"[^"]+"/g, '"expiresAt":"<t>"')) as { status: number; body: any }[], holds: [h1, h2] }
}

describe('engine fast path: usage and holds answer as the Payload endpoints', () => {
  beforeAll(async () => {
    await app.payload.update({ collection: 'companies', id: world.a.company.id, data: { interruptAtLimit: true } as never, overrideAccess: true })
    await app.payload.update({ collection: 'profiles', id: world.a.profile.id, data: { limits: [{ category: 'voice.local.fixed', control: 'limited', quantity: 10 }] } as never, overrideAccess: true })
  })
  afterAll(async () => {
    await app.payload.update({ collection: 'profiles', id: world.a.profile.id, data: { limits: [] } as never, overrideAccess: true })
  })

  it('a whole session (hold, update, usage naming it, release, bad bodies) gets the same answers on both paths', async () => {
    const viaPayload = await session('payload', line(2), `JWT ${sessionA}`, 'p')
    const viaFast = await session('fast', line(3), `users API-Key ${keyA}`, 'f')
    expect(viaFast.answers).toEqual(viaPayload.answers)
    const statuses = viaFast.answers.map((a) => a.status)
    expect(statuses).toEqual([200, 200, 400, 200, 404, 200, 200, 404, 404, 400, 415, 400])
    // The update answered 60 more (30 used + 60 held); the usage named the hold and ended it.
    expect(viaFast.answers[1].body).toMatchObject({ allow: true, granted: 60, hold: { id: '<hold 1>' } })
    expect(viaFast.answers[3].body).toMatchObject({ accepted: 1, duplicates: 1 })
    expect(viaFast.answers[3].body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 3])
    expect(viaFast.answers[4].body.errors[0].message).toContain('<hold 1>')
    expect(viaFast.answers[6].body).toEqual({ released: true, id: '<hold 2>', units: 120 })
    // Both recorded the call.
    for (const i of [2, 3]) {
      const rows = await app.payload.find({ collection: 'consumption' as never, where: { line: { equals: world.a.lines[i].id }, key: { equals: 'cat:voice.local.fixed' } } as never, overrideAccess: true })
      expect(rows.docs.map((d) => (d as unknown as { units: number }).units)).toEqual([45])
    }
  })

  it('refuses a viewer, a stranger and another company’s key the same way on both paths', async () => {
    const viewer = `JWT ${await loginAs(app.rest, app.payload, world.a.users.viewer)}`
    const keyB = randomUUID()
    await app.payload.update({ collection: 'users', id: world.b.users.admin.id, data: { enableAPIKey: true, apiKey: keyB } as never, overrideAccess: true })
    const other = `users API-Key ${keyB}`
    const stranger = `users API-Key ${randomUUID()}`
    const held = await send('fast', 'POST', '/api/engine/authorize', { line: line(2), service: 'voice', destination: LOCAL_FIXED, units: 60, at: TUESDAY_NOON }, `users API-Key ${keyA}`)
    const hold = held.body.hold.id as string
    const usage = { events: [{ id: 'x-1', line: line(2), service: 'voice', destination: LOCAL_FIXED, at: TUESDAY_NOON, units: 10, hold }] }
    const requests: [string, 'POST' | 'DELETE', string, unknown][] = [
      ['usage', 'POST', '/api/engine/usage', usage],
      ['update', 'POST', `/api/engine/holds/${hold}`, { used: 10 }],
      ['release', 'DELETE', `/api/engine/holds/${hold}`, undefined],
    ]
    const expected: Record<string, number[]> = { viewer: [403, 403, 403], stranger: [401, 401, 401], other: [200, 404, 404], nobody: [401, 401, 401] }
    for (const [who, auth] of [['viewer', viewer], ['stranger', stranger], ['other', other], ['nobody', undefined]] as const) {
      const statuses: number[] = []
      for (const [, method, path, body] of requests) {
        const a = await send('payload', method, path, body, auth)
        const b = await send('fast', method, path, body, auth)
        expect(b, `${who} ${method} ${path}`).toEqual(a)
        statuses.push(b.status)
        if (who === 'other' && path.endsWith('/usage')) expect(b.body).toEqual({ accepted: 0, duplicates: 0, rejected: [{ index: 0, error: `line: linha ${line(2)} não encontrada` }] })
      }
      expect(statuses, who).toEqual(expected[who])
    }
    // None of them touched the hold: its owner still releases it whole.
    expect(await send('fast', 'DELETE', `/api/engine/holds/${hold}`, undefined, `users API-Key ${keyA}`)).toEqual({ status: 200, body: { released: true, id: hold, units: 60 } })
  })

  it('a cross-site cookie write is refused on both paths', async () => {
    const headers = { cookie: `payload-token=${sessionA}`, origin: 'https://evil.example', host: 'localhost' }
    for (const [method, path] of [['POST', '/api/engine/usage'], ['DELETE', '/api/engine/holds/x']] as const) {
      const a = await send('payload', method, path, method === 'POST' ? { events: [] } : undefined, undefined, headers)
      const b = await send('fast', method, path, method === 'POST' ? { events: [] } : undefined, undefined, headers)
      expect(a.status).toBe(403)
      expect(b).toEqual(a)
    }
  })
})
