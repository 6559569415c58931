import { describe, expect, it } from 'vitest'
import { crossSiteWrite, isJson } from '../../../src/http/checks'

// Finding 17: which cookie-authenticated writes are refused as cross-site.
const cookie = 'payload-lng=pt; payload-token=abc'
const write = (facts: Record<string, string>, publicUrl?: string) => crossSiteWrite({ method: 'POST', host: 'gol.local:3000', cookie, ...facts }, publicUrl)

describe('crossSiteWrite', () => {
  it('refuses another origin, by Origin, by Referer, or by Sec-Fetch-Site when neither is sent', () => {
    expect(write({ origin: 'https://evil.example' })).toBe(true)
    expect(write({ origin: 'null' })).toBe(true)
    expect(write({ referer: 'https://evil.example/x' })).toBe(true)
    expect(write({ 'secFetchSite': 'cross-site' })).toBe(true)
    expect(write({ origin: 'http://gol.local:3001' })).toBe(true)
  })

  it("accepts the app's own origin: the Host the request was sent to, or PUBLIC_URL", () => {
    expect(write({ origin: 'http://gol.local:3000' })).toBe(false)
    expect(write({ origin: 'https://gol.local:3000' })).toBe(false)
    expect(write({ referer: 'http://gol.local:3000/admin' })).toBe(false)
    expect(write({ origin: 'https://gol.example.com' }, 'https://gol.example.com/')).toBe(false)
    expect(write({})).toBe(false)
  })

  it('leaves reads, API keys and JWT headers, and requests without the session cookie alone', () => {
    expect(crossSiteWrite({ method: 'GET', host: 'gol.local', cookie, origin: 'https://evil.example' })).toBe(false)
    expect(write({ origin: 'https://evil.example', authorization: 'users API-Key k' })).toBe(false)
    expect(crossSiteWrite({ method: 'DELETE', host: 'gol.local', cookie: 'payload-lng=pt', origin: 'https://evil.example' })).toBe(false)
    expect(crossSiteWrite({ method: 'DELETE', host: 'gol.local', cookie, origin: 'https://evil.example' })).toBe(true)
  })
})

describe('isJson', () => {
  it('only application/json, with or without parameters', () => {
    expect(isJson('application/json')).toBe(true)
    expect(isJson('application/json; charset=utf-8')).toBe(true)
    expect(isJson('text/plain')).toBe(false)
    expect(isJson('application/jsonx')).toBe(false)
    expect(isJson(undefined)).toBe(false)
  })
})
