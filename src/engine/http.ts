/**
 * The engine's low-latency HTTP path: the calls a network element makes per call or session —
 * POST /api/engine/authorize, POST /api/engine/usage, POST and DELETE /api/engine/holds/:id —
 * answered straight from Node's HTTP server (server.mjs), without the Next route handler and
 * Payload's request building. Same rules as the Payload endpoints: the same request checks as
 * every Next API route (src/http/checks.ts: Origin of cookie writes, query strings, body limit,
 * JSON only), the same auth strategies (API key `Authorization: users API-Key <key>` or session
 * JWT), and the very same request functions (./endpoints.ts `ENGINE_FAST_ROUTES`), so the same
 * answers. Everything else (and these too when the server runs with ENGINE_FAST_PATH=off) goes to Next.
 *
 * What the endpoint pays per request and this path does not: the Next router, building a
 * PayloadRequest (i18n, URL, locale…) and the auth strategies' database lookup. The user
 * an `Authorization`/cookie pair authenticates as is kept ENGINE_AUTH_CACHE_MS (5 s): a
 * revoked key, a logout or a role change reaches this path within that time.
 *
 * The module registers its handler on `globalThis` when the Payload config loads it (Next's
 * instrumentation does, at start), so the server needs no TypeScript of its own; the Payload
 * instance reaches it through `setEnginePayload` when Payload has started (the config's onInit).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { executeAuthStrategies, type Payload } from 'payload'
import { badQueryString, crossSiteWrite, ERRORS, isJson } from '../http/checks'
import { SECURITY_HEADERS } from '../http/securityHeaders.mjs'
import { MAX_BODY_BYTES } from '../http/settings'
import { engineAuthCacheMs } from '../lib/settings'
import { messageBody, parseJson, type Answer } from './answers'

/** What a route's request function receives: the authenticated user (or null), the path's parameters and the parsed body. */
export interface EngineCall {
  user: unknown
  params: Record<string, string>
  body: unknown
}

export interface EngineRoute {
  method: 'POST' | 'DELETE'
  /** `/api/engine/…`, a `:name` segment matches one path segment. */
  path: string
  handler: (payload: Payload, call: EngineCall) => Promise<Answer>
}

export interface EngineHttp {
  /** Takes the request (answering it) when it is the engine's fast route; false = hand it on. */
  handle(req: IncomingMessage, res: ServerResponse): boolean
}

export const ENGINE_HTTP = Symbol.for('gol.engine.http')
export const AUTHORIZE_PATH = '/api/engine/authorize'
const AUTH_TTL_MS = engineAuthCacheMs()
const AUTH_CACHE_MAX = 10_000

// Raw header list (name, value, name, value …): writeHead takes it without building a headers object per answer.
const HEADERS = Object.entries(SECURITY_HEADERS).flat()

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, [...HEADERS, 'content-type', 'application/json', 'content-length', String(Buffer.byteLength(text))])
  res.end(text)
}

const MAX_BODY = MAX_BODY_BYTES

/**
 * The body as text, or null past MAX_BODY_BYTES (Content-Length first, then counting the
 * chunks; the rest is discarded unread, see `discard`).
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      if ((size += c.length) <= MAX_BODY) return void chunks.push(c)
      chunks.length = 0
      req.removeAllListeners('data')
      resolve(null)
    })
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** A refused request's remaining body is read and dropped, and the answer closes the connection. */
function discard(req: IncomingMessage, res: ServerResponse) {
  res.shouldKeepAlive = false
  req.removeAllListeners('data')
  req.resume()
}

/** Refusals before the body is read, as Next's API guard answers them: a cross-site cookie write (403), a malformed query string (400). */
function refusal(req: IncomingMessage, url: string): [number, string] | null {
  const h = req.headers
  if ((h.cookie || h.origin) && crossSiteWrite({ method: req.method ?? 'POST', host: h.host, origin: h.origin, referer: h.referer, secFetchSite: h['sec-fetch-site'] as string | undefined, authorization: h.authorization, cookie: h.cookie })) {
    return [403, ERRORS.crossSite]
  }
  if (url.includes('?')) {
    const bad = badQueryString(new URL(url, 'http://localhost'))
    if (bad) return [400, bad]
  }
  return null
}

function headersOf(req: IncomingMessage): Headers {
  const h = new Headers()
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue
    if (Array.isArray(v)) for (const x of v) h.append(k, x)
    else h.set(k, v)
  }
  return h
}

/** The route and its parameters for a method and path, or null. */
function matcher(routes: EngineRoute[]) {
  const table = routes.map((r) => ({ route: r, parts: r.path.split('/') }))
  return (method: string, path: string): { route: EngineRoute; params: Record<string, string> } | null => {
    if (!path.startsWith('/api/engine/')) return null
    const parts = path.split('/')
    for (const { route, parts: want } of table) {
      if (route.method !== method || want.length !== parts.length) continue
      const params: Record<string, string> = {}
      let ok = true
      for (let i = 0; i < want.length && ok; i++) {
        if (want[i].startsWith(':')) {
          try {
            params[want[i].slice(1)] = decodeURIComponent(parts[i])
          } catch {
            ok = false
          }
          ok &&= parts[i] !== ''
        } else ok = want[i] === parts[i]
      }
      if (ok) return { route, params }
    }
    return null
  }
}

export function createEngineHttp(routes: EngineRoute[], payloadOf: () => Promise<Payload>): EngineHttp {
  const match = matcher(routes)
  const users = new Map<string, { user: Promise<unknown>; until: number }>()
  async function userFor(payload: Payload, req: IncomingMessage): Promise<unknown> {
    const authorization = req.headers.authorization ?? ''
    const cookie = req.headers.cookie ?? ''
    if (!authorization && !cookie) return null
    // Everything the strategies read: the API key or JWT, the cookie, and the origin (CSRF check).
    const key = `${authorization}\n${cookie}\n${req.headers.origin ?? ''}`
    const now = Date.now()
    const hit = users.get(key)
    if (hit && hit.until > now) return hit.user
    if (users.size >= AUTH_CACHE_MAX) users.clear()
    const user = executeAuthStrategies({ headers: headersOf(req), payload, canSetHeaders: false }).then(
      (r) => r.user,
      () => null,
    )
    users.set(key, { user, until: now + AUTH_TTL_MS })
    return user
  }

  async function serve(req: IncomingMessage, res: ServerResponse, url: string, found: { route: EngineRoute; params: Record<string, string> }) {
    try {
      const refused = refusal(req, url)
      if (refused) {
        discard(req, res)
        return send(res, refused[0], messageBody(refused[1]))
      }
      const payload = await payloadOf()
      const user = userFor(payload, req)
      const text = await readBody(req)
      if (text === null) {
        discard(req, res)
        return send(res, 413, messageBody(ERRORS.tooLarge(MAX_BODY)))
      }
      // As Next's guard: an empty body passes whatever its type (DELETE); any other must be JSON.
      if (text !== '' && !isJson(req.headers['content-type'])) return send(res, 415, messageBody(ERRORS.mediaType))
      const r = await found.route.handler(payload, { user: await user, params: found.params, body: parseJson(text) })
      send(res, r.status, r.body)
    } catch (e) {
      console.error(`engine ${found.route.method} ${found.route.path}:`, e)
      if (!res.headersSent) send(res, 500, messageBody('Erro interno'))
      else res.destroy()
    }
  }

  return {
    handle(req, res) {
      const url = req.url
      if (!url || (req.method !== 'POST' && req.method !== 'DELETE')) return false
      const q = url.indexOf('?')
      const found = match(req.method, q < 0 ? url : url.slice(0, q))
      if (!found) return false
      void serve(req, res, url, found)
      return true
    },
  }
}

const PAYLOAD_SLOT = Symbol.for('gol.engine.payload')

/** The Payload instance the fast path serves with, or the requests waiting for it (on globalThis: a Next build may hold this module more than once). */
interface PayloadSlot {
  payload: Payload | null
  waiting: ((payload: Payload) => void)[]
}

function payloadSlot(): PayloadSlot {
  const g = globalThis as Record<symbol, PayloadSlot | undefined>
  return (g[PAYLOAD_SLOT] ??= { payload: null, waiting: [] })
}

/**
 * Hands the fast path its Payload instance once Payload has started (the config's onInit calls
 * it; the last started instance serves): the engine takes the instance from its caller instead
 * of importing the config, which imports the engine's endpoints (no cycle). Requests arriving
 * before wait for it.
 */
export function setEnginePayload(payload: Payload): void {
  const slot = payloadSlot()
  slot.payload = payload
  for (const resume of slot.waiting.splice(0)) resume(payload)
}

const currentPayload = (): Promise<Payload> => {
  const slot = payloadSlot()
  return slot.payload ? Promise.resolve(slot.payload) : new Promise((resolve) => slot.waiting.push(resolve))
}

/** Makes the handler reachable by server.mjs (called by ./endpoints.ts, which the config loads). */
export function registerEngineHttp(routes: EngineRoute[]) {
  ;(globalThis as Record<symbol, unknown>)[ENGINE_HTTP] = createEngineHttp(routes, currentPayload)
}
