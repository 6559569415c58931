import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { markStamped } from '../../../src/lib/peer.mjs'
import { generateCpf } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { fromPeer } from '../../helpers/security'
import { makeWorld, type World } from '../../helpers/world'

/**
 * Finding 9 (issue 10): the rate limits trusted the client. The first X-Forwarded-For value
 * picked the bucket (rotating it: 40 logins, none refused), and without the header every
 * client shared one bucket (30 bad logins locked the next real user out). The bucket is now
 * the TCP peer's address (stamped by server.mjs), and proxy headers count only when the peer
 * is a proxy listed in TRUST_PROXY. The tests stand in for server.mjs: they call the route
 * handlers with the header it writes.
 */
let app: TestApp
let world: World

beforeAll(async () => {
  delete process.env.TRUST_PROXY
  app = await startTestApp()
  world = await makeWorld(app.payload)
  markStamped()
})
afterAll(async () => {
  delete process.env.TRUST_PROXY
  await app?.close()
})

const badLogin = (headers: Record<string, string>) => app.rest.request('POST', '/users/login', { body: { username: generateCpf(world.rng), password: 'Errada@123' }, headers })

/** Sends n bad logins, a few at a time; returns their statuses in order. */
async function badLogins(n: number, headersOf: (i: number) => Record<string, string>): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < n; i += 6) {
    const batch = Array.from({ length: Math.min(6, n - i) }, (_, k) => badLogin(headersOf(i + k)).then((r) => r.status))
    statuses.push(...(await Promise.all(batch)))
  }
  return statuses
}

describe('the address a rate limit counts', () => {
  it('rotating X-Forwarded-For from an untrusted peer does not escape its bucket', async () => {
    const peer = fromPeer('198.51.100.20')
    const statuses = await badLogins(32, (i) => ({ ...peer, 'x-forwarded-for': `203.0.113.${i + 1}`, 'x-real-ip': `192.0.2.${i + 1}` }))
    expect(statuses.filter((s) => s === 401)).toHaveLength(30)
    expect(statuses.filter((s) => s === 429)).toHaveLength(2)
  }, 120_000)

  it('different real peers do not share one bucket', async () => {
    const statuses = await badLogins(4, (i) => fromPeer(`198.51.100.${30 + i}`))
    expect(statuses).toEqual([401, 401, 401, 401])
    // the exhausted peer of the test above is still refused
    expect((await badLogin(fromPeer('198.51.100.20'))).status).toBe(429)
  })

  it('behind a trusted proxy, the client is the last untrusted X-Forwarded-For hop', async () => {
    process.env.TRUST_PROXY = '10.0.0.0/8, 192.168.1.1'
    try {
      const viaProxy = (client: string) => ({ ...fromPeer('10.1.2.3'), 'x-forwarded-for': client })
      const exhausted = await badLogins(31, () => viaProxy('203.0.113.200'))
      expect(exhausted.at(-1)).toBe(429)
      // another client behind the same proxy has its own bucket
      expect((await badLogin(viaProxy('203.0.113.201'))).status).toBe(401)
      // a value the client prepends does not move it out of its bucket (the proxy appends the real one)
      expect((await badLogin(viaProxy('1.2.3.4, 203.0.113.200'))).status).toBe(429)
      // a chain of trusted proxies is walked back to the client
      expect((await badLogin(viaProxy('203.0.113.200, 192.168.1.1'))).status).toBe(429)
      // an untrusted peer's proxy headers still count for nothing
      expect((await badLogin({ ...fromPeer('198.51.100.20'), 'x-forwarded-for': '203.0.113.202' })).status).toBe(429)
    } finally {
      delete process.env.TRUST_PROXY
    }
  }, 120_000)
})
