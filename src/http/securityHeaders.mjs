/**
 * Headers on every response (Next pages and API through next.config.mjs and src/http/apiGuard.ts,
 * the engine's fast path in src/engine/http.ts): no framing by other sites (clickjacking), no
 * MIME sniffing, no full URLs in Referer to other sites. Plain JS so next.config.mjs can import it.
 */
export const SECURITY_HEADERS = Object.freeze({
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
})
