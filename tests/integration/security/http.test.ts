import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'

// Findings 13 (request bodies) and 17 (framing, sniffing, cross-site writes, text/plain JSON),
// through the routes Next serves (route.ts exports) and the engine's fast path (server.mjs).
const LIMIT = 64 * 1024
let app: TestApp
let world: World
let session: string
let apiKey: string
let server: http.Server
let base: string

beforeAll(async () => {
  app = await startTestApp({ env: { MAX_BODY_BYTES: String(LIMIT), MAX_UPLOAD_BYTES: String(8 * 2 ** 20), PUBLIC_URL: 'https://gol.example.com' } })
  world = await makeWorld(app.payload)
  session = await loginAs(app.rest, app.payload, world.a.users.admin)
  apiKey = randomUUID()
  await app.payload.update({ collection: 'users', id: world.a.users.admin.id, data: { enableAPIKey: true, apiKey } as never, overrideAccess: true })
  const { ENGINE_FAST_ROUTES } = await import('../../../src/engine/endpoints')
  const { createEngineHttp } = await import('../../../src/engine/http')
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

const route = (path: string, init: RequestInit) => app.rest.raw(new Request(`http://localhost/api${path}`, init))
const departments = () => app.payload.count({ collection: 'departments', overrideAccess: true }).then((r) => r.totalDocs)
const authorizeBody = () => JSON.stringify({ line: String(world.a.lines[0].msisdn), service: 'voice', destination: '32345678', units: 60 })

/** A chunked body of `total` bytes that records how much of it was pulled. */
function chunkedBody(total: number) {
  const pulled = { bytes: 0 }
  const chunk = new TextEncoder().encode(`{"pad":"${'x'.repeat(16 * 1024)}`)
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close()
      pulled.bytes += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
  return { stream, pulled }
}

describe('request bodies have one limit, answered 413 before reading them whole (finding 13)', () => {
  it('Next routes: a declared Content-Length over the limit is refused before reading', async () => {
    const { stream, pulled } = chunkedBody(200 * 2 ** 20)
    const res = await route('/departments', { method: 'POST', headers: { authorization: `JWT ${session}`, 'content-type': 'application/json', 'content-length': String(200 * 2 ** 20) }, body: stream, duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].message).toMatch(/grande demais/)
    expect(pulled.bytes).toBeLessThanOrEqual(LIMIT + 32 * 1024)
  })

  it('Next routes: a chunked body is counted while streaming and refused past the limit', async () => {
    const before = await departments()
    const { stream, pulled } = chunkedBody(50 * 2 ** 20)
    const res = await route('/departments', { method: 'POST', headers: { authorization: `JWT ${session}`, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    expect(pulled.bytes).toBeLessThanOrEqual(LIMIT + 64 * 1024)
    expect(await departments()).toBe(before)
  })

  it('the spreadsheet import has its own larger limit', async () => {
    const content = Buffer.alloc(3 * LIMIT, 7).toString('base64')
    const res = await app.rest.post('/lines/import', { fileName: 'x.csv', content }, session)
    expect(res.status).not.toBe(413)
    expect(res.status).toBe(400)
  })

  it('the engine fast path answers 413 with a JSON error instead of resetting the connection', async () => {
    const res = await fetch(`${base}/api/engine/authorize`, { method: 'POST', headers: { authorization: `users API-Key ${apiKey}`, 'content-type': 'application/json' }, body: `{"pad":"${'x'.repeat(200 * 1024)}"}` })
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].message).toMatch(/grande demais/)
    const ok = await fetch(`${base}/api/engine/authorize`, { method: 'POST', headers: { authorization: `users API-Key ${apiKey}`, 'content-type': 'application/json' }, body: authorizeBody() })
    expect(ok.status).toBe(200)
  })
})

describe('framing, sniffing, cross-site writes and JSON media type (finding 17)', () => {
  const expectSecurityHeaders = (h: Headers) => {
    expect(h.get('x-frame-options')).toBe('DENY')
    expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(h.get('x-content-type-options')).toBe('nosniff')
  }

  it('every API answer carries the headers (REST, GraphQL, errors, the fast path)', async () => {
    expectSecurityHeaders((await route('/lines', { headers: { authorization: `JWT ${session}` } })).headers)
    expectSecurityHeaders((await route('/lines/abc', { headers: { authorization: `JWT ${session}` } })).headers)
    expectSecurityHeaders((await app.rest.gql('{ Lines { docs { id } } }', {}, session)).headers)
    const fast = await fetch(`${base}/api/engine/authorize`, { method: 'POST', headers: { authorization: `users API-Key ${apiKey}`, 'content-type': 'application/json' }, body: authorizeBody() })
    expectSecurityHeaders(fast.headers)
  })

  it('a cookie-authenticated write from another origin is refused 403 and changes nothing', async () => {
    const before = await departments()
    const cookie = `payload-token=${session}`
    const body = JSON.stringify({ name: 'Depto CSRF', company: world.a.company.id })
    for (const headers of [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const res = await route('/departments', { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body })
      expect(res.status, JSON.stringify(headers)).toBe(403)
    }
    const gql = await app.rest.rawGraphql(new Request('http://localhost/api/graphql', { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ query: 'mutation { createDepartment(data: { name: "Depto CSRF" }) { id } }' }) }))
    expect(gql.status).toBe(403)
    expect(await departments()).toBe(before)
  })

  // (The Host rule, for deployments without PUBLIC_URL, is checked in tests/unit/security/origin.test.ts: with
  // PUBLIC_URL set, Payload's own csrf list ignores a session cookie sent from any other origin.)
  it('the same write from the app itself (PUBLIC_URL), or with an API key from anywhere, goes through', async () => {
    const cookie = `payload-token=${session}`
    const post = (headers: Record<string, string>, name: string) =>
      route('/departments', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name, company: world.a.company.id }) })
    expect((await post({ cookie, origin: 'https://gol.example.com' }, 'Depto público')).status).toBe(201)
    expect((await post({ authorization: `users API-Key ${apiKey}`, origin: 'https://evil.example' }, 'Depto chave')).status).toBe(201)
  })

  it('the fast path refuses a cookie-authenticated decision from another origin', async () => {
    const res = await fetch(`${base}/api/engine/authorize`, { method: 'POST', headers: { cookie: `payload-token=${session}`, origin: 'https://evil.example', 'content-type': 'application/json' }, body: authorizeBody() })
    expect(res.status).toBe(403)
  })

  it('JSON is accepted only as application/json: text/plain answers 415 (custom endpoints, REST, the fast path)', async () => {
    const auth = { authorization: `users API-Key ${apiKey}` }
    const textPlain = { ...auth, 'content-type': 'text/plain' }
    expect((await route('/engine/authorize', { method: 'POST', headers: textPlain, body: authorizeBody() })).status).toBe(415)
    expect((await route('/reports', { method: 'POST', headers: textPlain, body: JSON.stringify({ kind: 'subscribers' }) })).status).toBe(415)
    expect((await route('/departments', { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' })).status).toBe(415)
    // The admin's relationship fields read with a form-encoded query and the GET override: a read, checked as a query string.
    const read = { ...auth, 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' }
    const listed = await route('/departments', { method: 'POST', headers: read, body: 'limit=5&depth=0&sort=name' })
    expect(listed.status).toBe(200)
    expect((await listed.json()).docs.length).toBeGreaterThan(0)
    expect((await route('/departments', { method: 'POST', headers: read, body: 'limit=-1' })).status).toBe(400)
    const fast = await fetch(`${base}/api/engine/authorize`, { method: 'POST', headers: textPlain, body: authorizeBody() })
    expect(fast.status).toBe(415)
    expect((await fetch(`${base}/api/engine/authorize`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json; charset=utf-8' }, body: authorizeBody() })).status).toBe(200)
  })
})
