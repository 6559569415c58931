/**
 * Backup and restore benchmark (issue 16): a company of 100 000 lines (src/seed/large.ts), on
 * PostgreSQL and SQLite, in child processes: one seeds the database (its memory is not the
 * backup's), another boots the app and measures, as support would run them:
 *   the `subscribers` backup by the real job into its file; `CHANGED` lines (default: all of
 *   them) renamed straight in the table; the preview (counts and first page, from the file
 *   and the database); the restore of those lines by the real job, checked exact.
 * Prints a JSON line per engine with seconds, CPU seconds (the machine may be shared), items/s,
 * peak RSS of the measuring process (getrusage maxrss), the load average, and each target as
 * PASS/FAIL.
 *   npx tsx bench/backup.ts [--lines 100000] [--changed 100000]   (BENCH_ENGINES=postgres,sqlite)
 * Databases are named `${BENCH_DB_PREFIX:-gol_bench}_…` and dropped at the end.
 * `runBackupBench({quick})` is what bench/run.ts calls. Targets (PostgreSQL): backup < 5 s,
 * preview < 5 s, restore ≥ 2 000 items/s and < 60 s, peak RSS < 500 MB.
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startPayload } from './database'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)
export const BACKUP_TARGETS = { backupSeconds: 5, previewSeconds: 5, restoreItemsPerSecond: 2000, restoreSeconds: 60, rssMB: 500 }

interface Phase {
  seconds: number
  cpuSeconds: number
}

interface Figure {
  engine: string
  lines: number
  changed: number
  seedSeconds: number
  backup: Phase & { fileMB: number; items: number }
  preview: Phase & { totalChanges: number }
  restore: Phase & { itemsPerSecond: number; status: string; exact: boolean }
  peakRssMB: number
  load: string
  targets: Record<string, 'PASS' | 'FAIL'>
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')

async function boot(url: string) {
  Object.assign(process.env, { DATABASE_URL: url, SEED_DEMO: 'false', JOBS_AUTORUN: 'false', PAYLOAD_FORCE_DRIZZLE_PUSH: 'true' })
  process.env.PAYLOAD_SECRET ??= 'bench-secret'
  return startPayload()
}

/** Child 1: the company, seeded straight into the tables. Prints `{"company":…,"seedSeconds":…}`. */
async function seed(url: string, lineCount: number) {
  const payload = await boot(url)
  const t = Date.now()
  const { seedLargeTenant } = await import('../src/seed/large')
  const company = (await seedLargeTenant(payload, lineCount)) as { id: number }
  console.log(JSON.stringify({ company: company.id, seedSeconds: (Date.now() - t) / 1000 }))
}

/** Child 2: backup, preview and restore of that company. */
async function measure(engine: string, url: string, companyId: number, lineCount: number, changed: number, seedSeconds: number): Promise<Figure> {
  const own = !process.env.GOL_BACKUPS_DIR
  process.env.GOL_BACKUPS_DIR ??= path.join(os.tmpdir(), `gol-bench-backups-${process.pid}`)
  if (own) process.on('exit', () => rmSync(process.env.GOL_BACKUPS_DIR!, { recursive: true, force: true }))
  const payload = await boot(url)
  console.error(`${engine} booted: RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB`)
  const { runBackup } = await import('../src/jobs/restore/backup')
  const { backupFileOf, backupPath } = await import('../src/collections/Backups/snapshot/backupFile')
  const { previewRestore } = await import('../src/collections/Backups/snapshot/plan')
  const { runRestore } = await import('../src/jobs/restore/run')
  const { statSync } = await import('node:fs')
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<[T, Phase]> => {
    const [t, cpu] = [Date.now(), process.cpuUsage()]
    const value = await work()
    const used = process.cpuUsage(cpu)
    const phase = { seconds: (Date.now() - t) / 1000, cpuSeconds: Math.round((used.user + used.system) / 1e4) / 100 }
    // Each phase as it ends, so a run cut short still says how far it got.
    const mb = (n: number) => Math.round(n / 1024 / 1024)
    console.error(`${engine} ${name}: ${phase.seconds} s (CPU ${phase.cpuSeconds} s), RSS ${mb(process.memoryUsage().rss)} MB (peak ${mb(process.resourceUsage().maxRSS * 1024)} MB), load ${loadAverage()}`)
    return [value, phase]
  }
  const quiet = { overrideAccess: true, depth: 0 } as const

  const [backup, backupPhase] = await timed('backup', async () => {
    const doc = (await payload.create({ collection: 'backups', data: { company: companyId, category: 'subscribers' } as never, ...quiet })) as unknown as { id: number; name: string; company: number }
    await runBackup(payload, doc.id)
    return (await payload.findByID({ collection: 'backups', id: doc.id, ...quiet })) as unknown as { id: number; name: string; company: number; itemCount: number; status: string }
  })
  if (backup.status !== 'ok') throw new Error(`backup ${backup.status}`)
  const fileMB = Math.round(statSync(backupPath(backupFileOf(backup))).size / 1e5) / 10

  const first = (await payload.find({ collection: 'lines', where: { company: { equals: companyId } }, sort: 'id', limit: 1, ...quiet })).docs[0] as { id: number }
  // Straight in the table, in one statement (the adapter's updateMany would read every row back).
  const { and, eq, lt } = await import('drizzle-orm')
  const { sqlOf, tableOf } = await import('../src/collections/Backups/snapshot/sql')
  const db = sqlOf(payload)!
  const lines = tableOf(db, 'lines')
  await db.adapter.drizzle.update(lines).set({ name: 'Renomeada no bench' }).where(and(eq(lines.company, companyId), lt(lines.id, first.id + changed)))

  const [preview, previewPhase] = await timed('preview', () => previewRestore({ payload, company: companyId }, 'subscribers', backupFileOf(backup), 1, 100))
  if (preview.totalChanges !== changed) throw new Error(`preview: ${preview.totalChanges} changes, expected ${changed}`)

  const [outcome, restorePhase] = await timed('restore', async () => {
    const restore = (await payload.create({ collection: 'restores', data: { backup: backup.id } as never, ...quiet })) as unknown as { id: number }
    return runRestore(payload, restore.id)
  })
  const left = await payload.count({ collection: 'lines', where: { and: [{ company: { equals: companyId } }, { name: { equals: 'Renomeada no bench' } }] }, overrideAccess: true })
  const exact = left.totalDocs === 0 && outcome.appliedCount === changed && outcome.failedCount === 0
  const itemsPerSecond = Math.round(outcome.appliedCount / Math.max(restorePhase.seconds, 0.001))
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024)
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL') as 'PASS' | 'FAIL'
  return {
    engine,
    lines: lineCount,
    changed,
    seedSeconds,
    backup: { ...backupPhase, fileMB, items: backup.itemCount },
    preview: { ...previewPhase, totalChanges: preview.totalChanges },
    restore: { ...restorePhase, itemsPerSecond, status: `${outcome.status} (${outcome.appliedCount} applied, ${outcome.failedCount} failed)`, exact },
    peakRssMB,
    load: loadAverage(),
    targets: {
      [`backup < ${BACKUP_TARGETS.backupSeconds} s`]: verdict(backupPhase.seconds < BACKUP_TARGETS.backupSeconds),
      [`preview < ${BACKUP_TARGETS.previewSeconds} s`]: verdict(previewPhase.seconds < BACKUP_TARGETS.previewSeconds),
      [`restore ≥ ${BACKUP_TARGETS.restoreItemsPerSecond} items/s`]: verdict(itemsPerSecond >= BACKUP_TARGETS.restoreItemsPerSecond),
      [`restore < ${BACKUP_TARGETS.restoreSeconds} s`]: verdict(restorePhase.seconds < BACKUP_TARGETS.restoreSeconds),
      'restore exact': verdict(exact),
      [`peak RSS < ${BACKUP_TARGETS.rssMB} MB`]: verdict(peakRssMB < BACKUP_TARGETS.rssMB),
    },
  }
}

function child(args: string[]): Promise<{ line?: string; out: string }> {
  return new Promise((resolve) => {
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each child there.
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []
    const p = spawn(process.execPath, [...profile, '--import', 'tsx', SELF, ...args], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    p.stdout.on('data', (d) => (out += String(d)))
    p.stderr.on('data', (d) => {
      out += String(d)
      if (/ s \(CPU |booted/.test(String(d))) process.stderr.write(d)
    })
    p.on('close', () => resolve({ line: out.split('\n').reverse().find((l) => l.startsWith('{')), out }))
  })
}

async function engineRun(engine: string, lines: number, changed: number): Promise<Figure | { engine: string; error: string }> {
  process.env.TEST_DB = engine
  const { createTestDatabase } = await import('../tests/helpers/testDatabase')
  const db = await createTestDatabase({ prefix: process.env.BENCH_DB_PREFIX || 'gol_bench' })
  try {
    const seeded = await child(['--seed', db.url, '--lines', String(lines)])
    if (!seeded.line) return { engine, error: seeded.out.slice(-3000) }
    const { company, seedSeconds } = JSON.parse(seeded.line) as { company: number; seedSeconds: number }
    const measured = await child(['--measure', engine, db.url, String(company), '--lines', String(lines), '--changed', String(changed), '--seed-seconds', String(seedSeconds)])
    const line = measured.line?.startsWith('{"engine"') ? measured.line : undefined
    if (!line) console.error(measured.out.slice(-3000))
    return line ? (JSON.parse(line) as Figure) : { engine, error: measured.out.slice(-3000) }
  } finally {
    await db.drop().catch(() => undefined)
  }
}

const phaseText = (p: Phase) => `${p.seconds} s (CPU ${p.cpuSeconds} s)`

export async function runBackupBench({ quick = false } = {}): Promise<{ markdown: string; figures: unknown[] }> {
  const lines = arg('--lines', quick ? 20_000 : 100_000)
  const changed = arg('--changed', lines)
  const figures = []
  for (const engine of (process.env.BENCH_ENGINES ?? 'postgres,sqlite').split(',')) figures.push(await engineRun(engine, lines, changed))
  const rows = figures.map((f) =>
    'error' in f
      ? `| ${f.engine} | failed: ${f.error.split('\n').slice(-3).join(' ').slice(0, 300)} | | | | | | |`
      : `| ${f.engine} | ${f.lines.toLocaleString('en')} | ${phaseText(f.backup)}, ${f.backup.fileMB} MB file | ${phaseText(f.preview)} | ${f.changed.toLocaleString('en')} items in ${phaseText(f.restore)} = ${f.restore.itemsPerSecond.toLocaleString('en')} items/s, ${f.restore.status}${f.restore.exact ? ', exact' : ', NOT exact'} | ${f.peakRssMB} MB | ${f.load} | ${Object.entries(f.targets).map(([k, v]) => `${k}: ${v}`).join('; ')} |`,
  )
  const markdown = [
    '`npx tsx bench/backup.ts`: a company of that many lines seeded straight into the tables (own process), then in',
    'another process the subscribers backup by the real job, N lines renamed, the preview, the restore by the real job.',
    `Targets (PostgreSQL, 100 000 lines): backup < ${BACKUP_TARGETS.backupSeconds} s, preview < ${BACKUP_TARGETS.previewSeconds} s, restore ≥ ${BACKUP_TARGETS.restoreItemsPerSecond} items/s and < ${BACKUP_TARGETS.restoreSeconds} s, peak RSS < ${BACKUP_TARGETS.rssMB} MB.`,
    '',
    '| engine | lines | backup | preview | restore | peak RSS | load after | targets |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
  return { markdown, figures }
}

if (process.argv[1] === SELF) {
  const seedArg = process.argv.indexOf('--seed')
  const measureArg = process.argv.indexOf('--measure')
  const done = (p: Promise<unknown>) =>
    p.then(
      () => process.exit(0),
      (e) => {
        console.error(e)
        process.exit(1)
      },
    )
  if (seedArg > 0) done(seed(process.argv[seedArg + 1], arg('--lines', 100_000)))
  else if (measureArg > 0) {
    const [engine, url, company] = process.argv.slice(measureArg + 1, measureArg + 4)
    const lines = arg('--lines', 100_000)
    done(measure(engine, url, Number(company), lines, arg('--changed', lines), arg('--seed-seconds', 0)).then((f) => console.log(JSON.stringify(f))))
  } else {
    done(
      runBackupBench({ quick: process.argv.includes('--quick') }).then((r) => {
        console.log(r.markdown)
        for (const f of r.figures as Figure[]) if (f.targets) console.log(`${f.engine}: ${Object.entries(f.targets).map(([k, v]) => `${k} ${v}`).join(', ')}; peak RSS ${f.peakRssMB} MB; load ${f.load}`)
      }),
    )
  }
}
