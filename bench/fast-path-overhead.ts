/**
 * The HTTP handling of the engine's fast path alone: `npx tsx bench/fast-path-overhead.ts [--seconds N] [--connections N] [--in-process]`.
 * src/engine/http.ts on a plain Node server with a stub decision and a stub Payload (no auth
 * strategies, no database), driven with autocannon on loopback: what the request checks, body
 * reading, JSON parsing and answer headers cost per request, without the build the full
 * benchmark (bench/http.ts) needs. Compare two versions of src/engine/http.ts by running it on
 * each (the machine is shared: run them alternately, more than once).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import autocannon from 'autocannon'
import type { Payload } from 'payload'
import { createEngineHttp } from '../src/engine/http'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const seconds = arg('seconds', 10)
const connections = arg('connections', 10)

const payload = { authStrategies: [] } as unknown as Payload
const decision = { allow: true, granted: 60, category: 'voice.local.fixed', reason: { code: 'OK', message: 'Permitido.' } }
const fast = createEngineHttp([{ method: 'POST', path: '/api/engine/authorize', handler: async (_p, c) => ({ status: c.body ? 200 : 400, body: decision }) }], async () => payload)
const server = http.createServer((req, res) => {
  if (!fast.handle(req, res)) res.writeHead(404).end()
})
server.keepAliveTimeout = 65_000
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
const port = (server.address() as AddressInfo).port

/**
 * CPU time of the handler alone (no sockets, no HTTP parsing): `requests` calls of handle() with
 * an in-memory request and answer, timed by process.cpuUsage (less sensitive to a busy machine than wall time).
 */
async function inProcess(requests: number): Promise<number> {
  const body = Buffer.from(JSON.stringify({ line: '5519991234567', service: 'voice', destination: '32345678', units: 60 }))
  const headers = { authorization: 'users API-Key 00000000-0000-0000-0000-000000000000', 'content-type': 'application/json', 'content-length': String(body.length), host: '127.0.0.1' }
  const one = () =>
    new Promise<void>((resolve) => {
      const req = Readable.from([body]) as Readable & { headers: typeof headers; method: string; url: string }
      Object.assign(req, { headers, method: 'POST', url: '/api/engine/authorize' })
      const res = { shouldKeepAlive: true, headersSent: false, writeHead: () => res, setHeader: () => undefined, end: () => resolve(), destroy: () => resolve() }
      fast.handle(req as never, res as never)
    })
  for (let i = 0; i < 2_000; i++) await one()
  const start = process.cpuUsage()
  for (let i = 0; i < requests; i++) await one()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / requests
}

if (process.argv.includes('--in-process')) {
  const runs = [] as number[]
  for (let i = 0; i < 5; i++) runs.push(await inProcess(20_000))
  runs.sort((a, b) => a - b)
  console.log(`fast-path-overhead (in process): ${runs[2].toFixed(1)} µs CPU per request (median of 5 × 20 000; min ${runs[0].toFixed(1)}, max ${runs[4].toFixed(1)}; load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')})`)
  process.exit(0)
}

const result = await autocannon({
  url: `http://127.0.0.1:${port}/api/engine/authorize`,
  method: 'POST',
  connections,
  duration: seconds,
  headers: { authorization: 'users API-Key 00000000-0000-0000-0000-000000000000', 'content-type': 'application/json' },
  body: JSON.stringify({ line: '5519991234567', service: 'voice', destination: '32345678', units: 60 }),
})
server.close()
const load = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')
console.log(
  `fast-path-overhead: ${Math.round(result.requests.average).toLocaleString('en')} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
    `${result.requests.total.toLocaleString('en')} requests, non-2xx ${result.non2xx}, errors ${result.errors} (${connections} connections, ${seconds} s; load ${load}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`,
)
process.exit(0)
