/**
 * Request checks shared by the Next API routes (./apiGuard.ts) and the engine's fast path
 * (src/engine/http.ts), on plain header values so both can call them.
 */
import { MAX_QUERY_DEPTH, nestingDepth } from './nesting'
import { serverUrl } from '../lib/settings'

export const COOKIE_NAME = 'payload-token'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface RequestFacts {
  method: string
  host?: string | null
  origin?: string | null
  referer?: string | null
  secFetchSite?: string | null
  authorization?: string | null
  cookie?: string | null
}

const originOf = (url: string | null | undefined): string | null => {
  if (!url) return null
  try {
    return new URL(url).origin
  } catch {
    return 'null'
  }
}

const hasSessionCookie = (cookie: string | null | undefined) => !!cookie && cookie.split(';').some((c) => c.trim().startsWith(`${COOKIE_NAME}=`))

/**
 * CSRF: a write authenticated by the session cookie (no Authorization header) must come from
 * the app's own origin — PUBLIC_URL, or the host the request was sent to. The Origin header
 * decides, else the Referer's origin; a browser that sends neither but says the request is
 * cross-site (Sec-Fetch-Site) is refused too. API-key and JWT-header requests are not affected
 * (a cross-site page cannot set the Authorization header without CORS, which is closed).
 */
export function crossSiteWrite(f: RequestFacts, publicUrl = serverUrl()): boolean {
  if (!UNSAFE.has(f.method.toUpperCase()) || f.authorization || !hasSessionCookie(f.cookie)) return false
  const from = f.origin && f.origin !== 'null' ? f.origin : (originOf(f.referer) ?? (f.origin === 'null' ? 'null' : null))
  if (from === null) return f.secFetchSite === 'cross-site'
  if (publicUrl && originOf(publicUrl) === from) return false
  const host = f.host?.toLowerCase()
  try {
    return !host || new URL(from).host.toLowerCase() !== host
  } catch {
    return true
  }
}

/** A Content-Type check: that media type, with or without parameters. */
const mediaType = (type: string) => {
  const pattern = new RegExp(`^${type}\\s*(;|$)`, 'i')
  return (contentType: string | null | undefined) => !!contentType && pattern.test(contentType.trim())
}
/** JSON bodies only as application/json (text/plain is what a cross-site form can send without a preflight). */
export const isJson = mediaType('application/json')
/** Payload's own admin forms and uploads send multipart/form-data (with a `_payload` JSON field). */
export const isMultipart = mediaType('multipart/form-data')
/** A form-encoded body: only Payload's admin sends one, as the query of a read (method override GET). */
export const isUrlEncoded = mediaType('application/x-www-form-urlencoded')

export const ERRORS = {
  crossSite: 'Requisição de outra origem recusada',
  tooLarge: (limit: number) => `Corpo da requisição grande demais (máximo ${limit} bytes)`,
  mediaType: 'Envie o corpo como application/json',
} as const

/** `where`/`data` sent as JSON text in the query string must parse, and stay shallow. */
export function badQueryString(url: URL): string | null {
  for (const name of ['where', 'data']) {
    const text = url.searchParams.get(name)
    if (text == null || text === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return `${name}: JSON inválido`
    }
    if (nestingDepth(parsed) > MAX_QUERY_DEPTH) return `${name}: aninhamento profundo demais (máximo ${MAX_QUERY_DEPTH} níveis)`
  }
  return null
}

