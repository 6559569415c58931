/**
 * CPU profile of `POST /api/engine/usage` below HTTP (issue 11: ingest CPU per event):
 * `npx tsx bench/profile-ingest.ts [sqlite|postgres] [batches] [lines] [profile.cpuprofile]`.
 * Payload on a fresh database, in-process (memory) counters, one company of N lines; then
 * `batches` usage bodies of 10 000 events over random lines, each as the fast path handles it:
 * JSON text parsed, then the engine's request function (`usageRequest`: checks, snapshots,
 * rating, persistence, counters). The first batch warms up; the others are timed, and profiled
 * (V8's CPU profiler, open the file in Chrome DevTools) when a file is named. Prints one JSON
 * line: wall and CPU µs per event. Not part of `npm run bench`.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { generateCnpj, generateMsisdn, mulberry32 } from '../src/validation/generate'
import { benchPayload } from './database'

const kind = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres'
const BATCHES = Number(process.argv[3] ?? 6)
const LINES = Number(process.argv[4] ?? 2000)
const BATCH = 10_000
const PROFILE = process.argv[5]
const AT0 = Date.parse('2026-11-17T03:00:00Z')

async function main() {
  const { db, payload } = await benchPayload(kind, 'profile')
  const { usageRequest } = await import('../src/engine/endpoints')

  const rng = mulberry32(7)
  const create = (collection: 'companies' | 'accounts' | 'lines' | 'offers', data: Record<string, unknown>) =>
    payload.create({ collection, data: data as never, overrideAccess: true, depth: 0 }) as Promise<{ id: number }> // a bench's loose data
  const company = await create('companies', { cnpj: generateCnpj(rng), name: 'Profile', clientNumber: '12345670', renewalDay: 16 })
  const account = await create('accounts', { company: company.id, number: '900000003' })
  const msisdns: string[] = []
  const seen = new Set<string>()
  while (msisdns.length < LINES) {
    const m = generateMsisdn(rng, 11)
    if (seen.has(m)) continue
    seen.add(m)
    const line = await create('lines', { company: company.id, account: account.id, msisdn: m, name: `Profile ${msisdns.length}` })
    if (msisdns.length < 100) await create('offers', { company: company.id, account: account.id, line: line.id, offer: 'Claro Pós', package: 'Voz 100 min', kind: 'individual', unit: 'minutes', amount: 100 })
    msisdns.push(m)
  }
  const user = { id: 0, collection: 'users', role: 'support', companies: [] }
  const body = (b: number) => {
    const events = []
    for (let j = 0; j < BATCH; j++) {
      const i = b * BATCH + j
      const line = msisdns[Math.floor(rng() * LINES)]
      const at = new Date(AT0 + (i % 86_400) * 20_000).toISOString()
      const r = i % 10
      if (r < 6) events.push({ id: `p-${i}`, line, service: 'voice', destination: '32345678', at, units: 1 + (i % 300) })
      else if (r < 9) events.push({ id: `p-${i}`, line, service: 'sms', destination: '11991234567', at, units: 1 })
      else events.push({ id: `p-${i}`, line, service: 'data', at, units: 1024 * (1 + (i % 500)) })
    }
    return JSON.stringify({ events })
  }
  const texts = Array.from({ length: BATCHES }, (_, b) => body(b))
  let accepted = 0
  let wall = 0
  let cpu = 0
  const inspector = new Session()
  for (let b = 0; b < BATCHES; b++) {
    if (b === 1 && PROFILE) {
      inspector.connect()
      await inspector.post('Profiler.enable')
      await inspector.post('Profiler.start')
    }
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const r = await usageRequest(payload, user, JSON.parse(texts[b]))
    const c = process.cpuUsage(c0)
    if (r.status !== 200) throw new Error(JSON.stringify(r.body).slice(0, 500))
    const res = r.body as { accepted: number; rejected: unknown[] }
    if (res.rejected.length) throw new Error(`rejected: ${JSON.stringify(res.rejected.slice(0, 3))}`)
    if (b > 0) {
      wall += performance.now() - t0
      cpu += (c.user + c.system) / 1000
      accepted += res.accepted
    }
  }
  if (PROFILE) writeFileSync(PROFILE, JSON.stringify((await inspector.post('Profiler.stop')).profile))
  console.log(JSON.stringify({ kind, lines: LINES, events: accepted, wallUsPerEvent: +((wall * 1000) / accepted).toFixed(1), cpuUsPerEvent: +((cpu * 1000) / accepted).toFixed(1) }))
  await new Promise((r) => setTimeout(r, 2000)) // the batches' alerts run after their answer
  await payload.destroy()
  await db.drop()
  process.exit(0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
