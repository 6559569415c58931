/**
 * The checks every Next API route runs before Payload sees the request
 * (src/app/(payload)/api/[...slug]/route.ts and graphql/route.ts wrap their handlers with
 * `guarded`): the Origin check of cookie-authenticated writes (403), the body limit checked
 * before and while reading (413), JSON only as application/json (415), malformed query
 * strings and over-nested GraphQL (400); and the security headers on every answer.
 */
import { bodyLimitFor } from './settings'
import { badQueryString, crossSiteWrite, ERRORS, isJson, isMultipart, isUrlEncoded } from './checks'
import { nestingDepth, MAX_QUERY_DEPTH } from './nesting'
import { SECURITY_HEADERS } from './securityHeaders.mjs'

type Handler<C> = (req: Request, ctx: C) => Promise<Response> | Response

const jsonError = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** The body, read to at most `limit` bytes (Content-Length first, then counting a chunked stream); null past the limit. */
export async function readBounded(req: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limit) return null
  if (!req.body) return new Uint8Array(0)
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    body.set(c, at)
    at += c.byteLength
  }
  return body
}

/** Sets the security headers on an answer (a copy when its headers are immutable). */
export function withSecurityHeaders(res: Response): Response {
  try {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.headers.set(k, v)
    return res
  } catch {
    const copy = new Response(res.body, res)
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) copy.headers.set(k, v)
    return copy
  }
}

/** A GraphQL body whose query text or variables nest deeper than any real query does. */
function badGraphql(body: Uint8Array): string | null {
  let parsed: { query?: unknown; variables?: unknown }
  try {
    parsed = JSON.parse(new TextDecoder().decode(body))
  } catch {
    return null // graphql-http answers a body it cannot parse with its own 400
  }
  const depth = Math.max(typeof parsed?.query === 'string' ? nestingDepth(parsed.query) : 0, nestingDepth(parsed?.variables))
  return depth > MAX_QUERY_DEPTH ? `Consulta aninhada profunda demais (máximo ${MAX_QUERY_DEPTH} níveis)` : null
}

async function check(req: Request, graphql: boolean): Promise<{ refused: Response } | { req: Request }> {
  const h = req.headers
  const facts = { method: req.method, host: h.get('host') ?? new URL(req.url).host, origin: h.get('origin'), referer: h.get('referer'), secFetchSite: h.get('sec-fetch-site'), authorization: h.get('authorization'), cookie: h.get('cookie') }
  if (crossSiteWrite(facts)) return { refused: jsonError(403, ERRORS.crossSite) }
  const url = new URL(req.url)
  const badQuery = badQueryString(url)
  if (badQuery) return { refused: jsonError(400, badQuery) }
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return { req }
  const limit = bodyLimitFor(url.pathname)
  const body = await readBounded(req, limit)
  if (body === null) return { refused: jsonError(413, ERRORS.tooLarge(limit)) }
  if (body.byteLength === 0) return { req: new Request(req.url, { method: req.method, headers: h }) }
  const type = h.get('content-type')
  // The admin's relationship fields read with POST + `X-Payload-HTTP-Method-Override: GET` and
  // the query form-encoded in the body (long queries): a read, checked as its query string is.
  if (!graphql && isUrlEncoded(type) && h.get('x-payload-http-method-override')?.toUpperCase() === 'GET') {
    const badBodyQuery = badQueryString(new URL(`${url.origin}${url.pathname}?${new TextDecoder().decode(body)}`))
    if (badBodyQuery) return { refused: jsonError(400, badBodyQuery) }
    return { req: new Request(req.url, { method: req.method, headers: h, body: body as BodyInit }) }
  }
  if (!isJson(type) && !(isMultipart(type) && !graphql)) return { refused: jsonError(415, ERRORS.mediaType) }
  if (graphql) {
    const bad = badGraphql(body)
    if (bad) return { refused: jsonError(400, bad) }
  }
  return { req: new Request(req.url, { method: req.method, headers: h, body: body as BodyInit }) }
}

/** Wraps a Next route handler with the checks above. */
export function guarded<C>(handler: Handler<C>, options: { graphql?: boolean } = {}): Handler<C> {
  return async (req, ctx) => {
    const checked = await check(req, options.graphql ?? false)
    return withSecurityHeaders('refused' in checked ? checked.refused : await handler(checked.req, ctx))
  }
}
