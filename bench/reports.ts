/**
 * Report benchmark: a 1 000 000-row report (H1 calls and SMS history) written by the real
 * background job into a streamed .xlsx, on SQLite and on PostgreSQL when reachable.
 *   npx tsx bench/reports.ts                 → both engines, prints a JSON line per engine
 *   npx tsx bench/reports.ts --rows 100000   → fewer rows
 * `runReportsBench({quick})` is what bench/run.ts calls. Each engine runs in two child
 * processes: one seeds the usage rows (bulk insert through the adapter's drizzle tables),
 * a fresh one generates the report, so its peak resident memory (getrusage maxrss) is the
 * report's alone. Targets: under 60 s and under 400 MB. BENCH_ENGINES=sqlite limits the
 * engines; BENCH_KEEP=1 keeps the seeded database (printed) for `--report <url> <company> <dir>`.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)
export const REPORT_TARGETS = { seconds: 60, rssMB: 400 }

interface Figure {
  engine: string
  rows: number
  seedSeconds: number
  reportSeconds: number
  cpuSeconds: number
  load: number
  peakRssMB: number
  bootRssMB: number
  fileMB: number
  status: string
}

async function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`
  if (kind === 'sqlite') {
    const dir = path.join(os.tmpdir(), 'gol-bench')
    mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `reports_${suffix}.db`)
    return { url: `file:${file}`, drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true })) }
  }
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const name = `gol_bench_reports_${suffix}`
  const c = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 })
  try {
    await c.connect()
    await c.query(`CREATE DATABASE ${name}`)
    await c.end()
  } catch {
    return null
  }
  return {
    url: admin.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin })
      await d.connect()
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await d.end()
    },
  }
}

function child(args: string[], env: Record<string, string>): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const p = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [SELF, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    p.stdout.on('data', (d) => (out += String(d)))
    p.stderr.on('data', (d) => (err += String(d)))
    p.on('close', (code) => {
      const line = out.split('\n').reverse().find((l) => l.startsWith('{"bench"'))
      if (code === 0 && line) resolve(JSON.parse(line))
      else reject(new Error(`bench child ${args.join(' ')} exited ${code}:\n${(err + out).slice(-3000)}`))
    })
  })
}

async function boot(url: string) {
  process.env.DATABASE_URL = url
  process.env.SEED_DEMO = 'false'
  process.env.JOBS_AUTORUN = 'false'
  process.env.PAYLOAD_SECRET ??= 'bench-secret'
  delete process.env.SMTP_URL
  const { getPayload } = await import('payload')
  const config = await (await import('../payload.config')).default
  return getPayload({ config })
}

/** Child 1: a company with 1 000 lines and `rows` usage events in the last 20 days, straight into the tables. */
async function seed(url: string, rows: number) {
  const started = Date.now()
  const payload = await boot(url)
  const { seedLargeTenant } = await import('../src/seed/large')
  const company = await seedLargeTenant(payload, 1000)
  const lines = (await payload.find({ collection: 'lines', where: { company: { equals: company.id } }, limit: 0, pagination: false, depth: 0, select: { msisdn: true } as never })).docs as { id: number; msisdn: string }[]
  const db = payload.db as unknown as { drizzle: any; tables: Record<string, any> }
  const table = db.tables.usage
  const now = Date.now()
  const span = 20 * 86_400_000
  const CHUNK = 2000
  const categories = ['voice.local.claro', 'voice.local.other', 'sms.claro', 'sms.other', 'voice.national.fixed']
  for (let i = 0; i < rows; i += CHUNK) {
    const batch = []
    for (let j = i; j < Math.min(rows, i + CHUNK); j++) {
      const line = lines[j % lines.length]
      const category = categories[j % categories.length]
      const at = new Date(now - Math.floor((j / rows) * span)).toISOString()
      batch.push({
        eventId: `bench-${j}`,
        line: line.id,
        msisdn: line.msisdn,
        service: category.startsWith('sms') ? 'sms' : 'voice',
        category,
        destination: category.startsWith('sms') ? '35743' : '+5519991251527',
        at,
        units: category.startsWith('sms') ? 1 : 30 + (j % 600),
        company: company.id,
        createdAt: at,
        updatedAt: at,
      })
    }
    await db.drizzle.insert(table).values(batch)
  }
  // Refresh the planner's statistics after the bulk load, as autovacuum/ANALYZE would on a live database
  // (without them PostgreSQL reads the whole period for every page instead of walking the (company, at) index).
  const raw = payload.db as unknown as { pool?: { query: (q: string) => Promise<unknown> }; client?: { execute: (q: string) => Promise<unknown> } }
  if (raw.pool) await raw.pool.query('ANALYZE usage')
  else if (raw.client) await raw.client.execute('ANALYZE')
  const seedSeconds = (Date.now() - started) / 1000
  console.log(JSON.stringify({ bench: 'seed', company: company.id, seedSeconds }))
  await payload.destroy()
  process.exit(0)
}

/** Child 2: the report, through the queue, as the app runs it. */
async function report(url: string, company: string, dir: string) {
  process.env.GOL_REPORTS_DIR = dir
  const payload = await boot(url)
  const bootRssMB = process.memoryUsage().rss / 2 ** 20
  const day = (ms: number) => new Date(ms - 3 * 3_600_000).toISOString().slice(0, 10)
  const started = Date.now()
  const cpu0 = process.cpuUsage()
  const doc = await payload.create({ collection: 'reports', data: { company: Number(company) || company, kind: 'calls', format: 'xlsx', params: { from: day(Date.now() - 25 * 86_400_000), to: day(Date.now()) } } as never, overrideAccess: true })
  await payload.jobs.run({ queue: 'reports', limit: 1, sequential: true })
  const seconds = (Date.now() - started) / 1000
  const cpu = process.cpuUsage(cpu0)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const load = os.loadavg()[0]
  const done = (await payload.findByID({ collection: 'reports', id: doc.id, overrideAccess: true, depth: 0 })) as { status: string; rowCount: number; file: string; error?: string }
  const { reportPath } = await import('../src/reports/storage')
  const fileMB = done.file ? statSync(reportPath(done.file)).size / 2 ** 20 : 0
  const peakRssMB = process.resourceUsage().maxRSS / 1024
  console.log(JSON.stringify({ bench: 'report', status: done.status, error: done.error, rows: done.rowCount, reportSeconds: seconds, cpuSeconds, load, peakRssMB, bootRssMB, fileMB }))
  await payload.destroy()
  process.exit(0)
}

async function benchEngine(kind: 'sqlite' | 'postgres', rows: number): Promise<Figure | null> {
  const db = await freshDatabase(kind)
  if (!db) return null
  const dir = path.join(os.tmpdir(), `gol-bench-reports-${process.pid}-${kind}`)
  try {
    const seeded = await child(['--seed', db.url, String(rows)], {})
    if (process.env.BENCH_KEEP) console.log('kept', db.url, seeded.company)
    if (process.env.BENCH_KEEP) return null
    // The schema exists (the seed pushed it): like a production process, the report's does not push (nor load drizzle-kit).
    const r = await child(['--report', db.url, String(seeded.company), dir], { GOL_DB_PUSH: 'false' })
    return { engine: kind, rows: r.rows, seedSeconds: seeded.seedSeconds, reportSeconds: r.reportSeconds, cpuSeconds: r.cpuSeconds, load: r.load, peakRssMB: r.peakRssMB, bootRssMB: r.bootRssMB, fileMB: r.fileMB, status: r.error ? `${r.status}: ${r.error}` : r.status }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    if (!process.env.BENCH_KEEP) await db.drop()
  }
}

const f1 = (n: number) => n.toFixed(1)

/** Called by bench/run.ts: the figures and a markdown section. */
export async function runReportsBench(options: { quick?: boolean; rows?: number } = {}) {
  const rows = options.rows ?? (options.quick ? 100_000 : 1_000_000)
  const figures: Figure[] = []
  for (const kind of (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[]) {
    const f = await benchEngine(kind, rows)
    if (f) figures.push(f)
  }
  const ok = (f: Figure) => f.status === 'done' && f.reportSeconds < REPORT_TARGETS.seconds && f.peakRssMB < REPORT_TARGETS.rssMB
  const markdown = [
    `H1 report of ${rows.toLocaleString('en')} usage rows into a streamed .xlsx by the background job (target: < ${REPORT_TARGETS.seconds} s and < ${REPORT_TARGETS.rssMB} MB peak RSS of the process writing it).`,
    '',
    '| engine | rows | report time | CPU time | load avg (2 cores) | peak RSS | RSS after boot | file | seeding | status | target |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map((f) => `| ${f.engine} | ${f.rows?.toLocaleString('en')} | ${f1(f.reportSeconds)} s | ${f1(f.cpuSeconds)} s | ${f1(f.load)} | ${f1(f.peakRssMB)} MB | ${f1(f.bootRssMB)} MB | ${f1(f.fileMB)} MB | ${f1(f.seedSeconds)} s | ${f.status} | ${ok(f) ? '**met**' : '**missed**'} |`),
  ].join('\n')
  return { figures, markdown }
}

const [mode, ...rest] = process.argv.slice(2)
if (mode === '--seed') await seed(rest[0], Number(rest[1]))
else if (mode === '--report') await report(rest[0], rest[1], rest[2])
else if (process.argv[1] === SELF) {
  const rowsArg = process.argv.indexOf('--rows')
  const result = await runReportsBench({ rows: rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : undefined })
  for (const f of result.figures) console.log(JSON.stringify(f))
  console.log(result.markdown)
}
