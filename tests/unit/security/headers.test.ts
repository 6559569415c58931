import { describe, expect, it } from 'vitest'
import { SECURITY_HEADERS } from '../../../src/http/securityHeaders.mjs'

// Finding 17: Next sends the security headers on every page (next.config.mjs `headers()`).
describe('next.config.mjs sends the security headers on every path', () => {
  it('one rule for every path with X-Frame-Options, frame-ancestors and nosniff', async () => {
    const config = (await import('../../../next.config.mjs')).default as { headers?: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> }
    const rules = (await config.headers?.()) ?? []
    const all = rules.find((r) => r.source === '/:path*')
    expect(all, JSON.stringify(rules)).toBeDefined()
    const headers = Object.fromEntries(all!.headers.map((h) => [h.key, h.value]))
    expect(headers).toMatchObject(SECURITY_HEADERS)
    expect(headers['X-Frame-Options']).toBe('DENY')
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'")
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
  })
})
