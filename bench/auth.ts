/**
 * Auth paths' latency: `npx tsx bench/auth.ts [iterations]`. Boots the Payload config on a
 * fresh SQLite file (no server: the same route handlers Next serves, as the integration
 * tests do) and times, sequentially:
 *   - the two-step login: POST /api/users/login (right password) + POST /login/otp with the
 *     code read from the outbox;
 *   - a request authenticated by API key, and by session token (GET /api/lines?limit=1).
 * Each login comes from its own client address and users rotate, so the rate limits stay out
 * of the way. Prints mean and p50/p90 in ms and peak RSS. Issue 10 asked that the security
 * fixes leave these within 10 %.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const iterations = Number(process.argv[2] ?? 20)
const dir = mkdtempSync(path.join(os.tmpdir(), 'gol-bench-auth-'))
process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`
process.env.SEED_DEMO = 'false'
process.env.PAYLOAD_SECRET ??= 'bench-secret'
delete process.env.SMTP_URL
delete process.env.REDIS_URL

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]
  return `mean ${(s.reduce((a, b) => a + b, 0) / s.length).toFixed(1)} ms, p50 ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms (n=${s.length})`
}

async function main() {
  // The peer header exists only after issue 10; on older code the forwarded header keeps addresses apart.
  const peer = await import('../src/lib/peer.mjs' as string).catch(() => null)
  peer?.markStamped?.()
  const { getPayload } = await import('payload')
  const { REST_GET, REST_POST } = await import('@payloadcms/next/routes')
  const { generateCnpj, generateCpf, mulberry32 } = await import('../src/validation/generate')
  const config = await (await import('../payload.config')).default
  const payload = await getPayload({ config })
  const rng = mulberry32(42)
  const company = await payload.create({ collection: 'companies', data: { cnpj: generateCnpj(rng), name: 'Bench', clientNumber: '12345678', renewalDay: 1 } as never, overrideAccess: true })
  const password = 'Bench@Senha123'
  const users = []
  for (let i = 0; i < 5; i++) {
    users.push(
      await payload.create({
        collection: 'users',
        data: { username: generateCpf(rng), email: `bench${i}@example.com`, password, firstName: 'B', lastName: 'B', role: 'admin', companies: [company.id], enableAPIKey: i === 0, apiKey: i === 0 ? 'bench-api-key-0123456789abcdef' : undefined } as never,
        overrideAccess: true,
      }),
    )
  }
  const get = REST_GET(config)
  const post = REST_POST(config)
  let ip = 0
  const call = async (handler: typeof get, method: string, route: string, body?: unknown, auth?: string) => {
    ip++
    const address = `198.51.${Math.floor(ip / 250) % 250}.${(ip % 250) + 1}`
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-gol-peer': address, 'x-forwarded-for': address }
    if (auth) headers.authorization = auth
    const url = new URL(`http://localhost/api${route}`)
    const res = await handler(new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) })
    return { status: res.status, body: (await res.json()) as Record<string, any> }
  }

  const logins: number[] = []
  let token = ''
  for (let i = 0; i < iterations; i++) {
    const user = users[i % users.length] as { username: string; email: string }
    const t0 = performance.now()
    const first = await call(post, 'POST', '/users/login', { username: user.username, password })
    const mail = await payload.find({ collection: 'outbox', where: { to: { equals: user.email } }, sort: '-createdAt', limit: 1, overrideAccess: true, depth: 0 })
    const code = /(?<!\d)(\d{5})(?!\d)/.exec(String((mail.docs[0] as { text?: string })?.text ?? ''))?.[1]
    const otp = await call(post, 'POST', '/users/login/otp', { challenge: first.body.challenge, code })
    logins.push(performance.now() - t0)
    if (otp.status !== 200) throw new Error(`login failed: ${first.status} ${otp.status} ${JSON.stringify(otp.body)}`)
    token = otp.body.token
  }
  const timed = async (auth: string) => {
    const ms: number[] = []
    for (let i = 0; i < iterations * 10; i++) {
      const t0 = performance.now()
      const res = await call(get, 'GET', '/lines?limit=1&depth=0', undefined, auth)
      ms.push(performance.now() - t0)
      if (res.status !== 200) throw new Error(`GET /lines: ${res.status}`)
    }
    return ms
  }
  const apiKey = await timed('users API-Key bench-api-key-0123456789abcdef')
  const jwt = await timed(`JWT ${token}`)
  console.log(`auth: two-step login ${stats(logins)}`)
  console.log(`auth: API-key request ${stats(apiKey)}`)
  console.log(`auth: session-token request ${stats(jwt)}`)
  console.log(`auth: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  await payload.destroy()
}

main()
  .catch((e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }))
