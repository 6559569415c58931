/**
 * Backup and restore benchmark (issue 16): a company of 100 000 lines (src/seed/large.ts), on
 * SQLite and on PostgreSQL when reachable, each in its own child process:
 *   backup of `subscribers` by the real job into its file; `CHANGED` lines renamed straight in
 *   the table; the preview's plan (file against the database); the restore of those lines by
 *   the real job. Prints a JSON line per engine with seconds, items/s and peak RSS (getrusage
 *   maxrss of the child: the seed included).
 *   npx tsx bench/backup.ts [--lines 100000] [--changed 5000]
 * `runBackupBench({quick})` is what bench/run.ts calls. Targets (PostgreSQL): backup < 5 s,
 * preview < 5 s, restore ≥ 2 000 items/s, peak RSS < 500 MB.
 */
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)
export const BACKUP_TARGETS = { backupSeconds: 5, previewSeconds: 5, restoreItemsPerSecond: 2000, rssMB: 500 }

interface Figure {
  engine: string
  lines: number
  changed: number
  seedSeconds: number
  backupSeconds: number
  fileMB: number
  previewSeconds: number
  restoreSeconds: number
  restoreItemsPerSecond: number
  restoreStatus: string
  peakRssMB: number
  load: string
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

async function measure(engine: string, lineCount: number, changed: number): Promise<Figure> {
  process.env.TEST_DB = engine
  const { createTestDatabase } = await import('../tests/helpers/testDatabase')
  const db = await createTestDatabase()
  Object.assign(process.env, { DATABASE_URL: db.url, SEED_DEMO: 'false', JOBS_AUTORUN: 'false', PAYLOAD_FORCE_DRIZZLE_PUSH: 'true', GOL_BACKUPS_DIR: path.join(os.tmpdir(), `gol-bench-backups-${process.pid}`) })
  process.env.PAYLOAD_SECRET ??= 'bench-secret'
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config: await (await import('../payload.config')).default })
  payload.logger.level = 'warn'
  try {
    const { seedLargeTenant } = await import('../src/seed/large')
    const { runBackup } = await import('../src/jobs/restore/backup')
    const { backupFileOf, backupPath, loadSnapshot } = await import('../src/jobs/restore/backupFile')
    const { planRestore, runRestore } = await import('../src/jobs/restore/run')
    const { statSync } = await import('node:fs')
    const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10
    // Each phase as it ends, so a run cut short still says how far it got.
    const phase = (name: string, value: unknown) => console.error(`${engine} ${name}: ${String(value)}`)
    let t = Date.now()
    const company = (await seedLargeTenant(payload, lineCount)) as { id: number }
    const seedSeconds = seconds(t)
    phase('seed s', seedSeconds)
    const quiet = { overrideAccess: true, depth: 0 } as const

    t = Date.now()
    const backup = (await payload.create({ collection: 'backups', data: { company: company.id, category: 'subscribers' } as never, ...quiet })) as unknown as { id: number; name: string; company: number }
    await runBackup(payload, backup.id)
    const backupSeconds = seconds(t)
    const fileMB = Math.round(statSync(backupPath(backupFileOf(backup))).size / 1e5) / 10
    phase('backup s', backupSeconds)

    const first = (await payload.find({ collection: 'lines', where: { company: { equals: company.id } }, sort: 'id', limit: 1, ...quiet })).docs[0] as { id: number }
    await payload.db.updateMany({ collection: 'lines', where: { and: [{ company: { equals: company.id } }, { id: { less_than: first.id + changed } }] }, data: { name: 'Renomeada no bench' } })

    t = Date.now()
    const snapshot = await loadSnapshot(backupFileOf(backup), ['lines'])
    const plan = await planRestore({ payload, company: company.id }, 'subscribers', snapshot)
    const previewSeconds = seconds(t)
    phase('preview s', previewSeconds)
    if (plan.length !== changed) throw new Error(`preview: ${plan.length} changes, expected ${changed}`)

    t = Date.now()
    const restore = (await payload.create({ collection: 'restores', data: { backup: backup.id } as never, ...quiet })) as unknown as { id: number }
    const outcome = await runRestore(payload, restore.id)
    const restoreSeconds = seconds(t)
    return {
      engine,
      lines: lineCount,
      changed,
      seedSeconds,
      backupSeconds,
      fileMB,
      previewSeconds,
      restoreSeconds,
      restoreItemsPerSecond: Math.round(outcome.appliedCount / Math.max(restoreSeconds, 0.1)),
      restoreStatus: `${outcome.status} (${outcome.appliedCount} applied, ${outcome.failedCount} failed)`,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    }
  } finally {
    await payload.destroy().catch(() => undefined)
    // Dropping the database ends the pool's connections: their errors are expected here.
    ;(payload.db as { pool?: { on: (e: string, f: () => void) => void } }).pool?.on('error', () => undefined)
    await db.drop().catch(() => undefined)
  }
}

function child(engine: string, lines: number, changed: number): Promise<Figure | { engine: string; error: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', SELF, '--engine', engine, '--lines', String(lines), '--changed', String(changed)], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    p.stdout.on('data', (d) => (out += String(d)))
    p.stderr.on('data', (d) => (out += String(d)))
    p.on('close', () => {
      const line = out.split('\n').reverse().find((l) => l.startsWith('{"engine"'))
      resolve(line ? (JSON.parse(line) as Figure) : { engine, error: out.slice(-3000) })
      if (!line) console.error(out.slice(-3000))
    })
  })
}

export async function runBackupBench({ quick = false } = {}): Promise<{ markdown: string; figures: unknown[] }> {
  const lines = arg('--lines', quick ? 20_000 : 100_000)
  const changed = arg('--changed', quick ? 500 : 5_000)
  const figures = []
  for (const engine of (process.env.BENCH_ENGINES ?? 'postgres,sqlite').split(',')) figures.push(await child(engine, lines, changed))
  const rows = figures.map((f) =>
    'error' in f
      ? `| ${f.engine} | failed: ${f.error.split('\n').slice(-3).join(' ').slice(0, 300)} | | | | | |`
      : `| ${f.engine} | ${f.lines.toLocaleString('en')} | ${f.backupSeconds} s (${f.fileMB} MB file) | ${f.previewSeconds} s | ${f.changed.toLocaleString('en')} items in ${f.restoreSeconds} s = ${f.restoreItemsPerSecond.toLocaleString('en')} items/s, ${f.restoreStatus} | ${f.peakRssMB} MB | ${f.load} |`,
  )
  const markdown = [
    '`npx tsx bench/backup.ts`: a company of that many lines seeded straight into the tables, the',
    'subscribers backup by the real job, N lines renamed, the preview plan, the restore by the real job.',
    `Targets (PostgreSQL, 100 000 lines): backup < ${BACKUP_TARGETS.backupSeconds} s, preview < ${BACKUP_TARGETS.previewSeconds} s, restore ≥ ${BACKUP_TARGETS.restoreItemsPerSecond} items/s, peak RSS < ${BACKUP_TARGETS.rssMB} MB.`,
    '',
    '| engine | lines | backup | preview | restore | peak RSS | load after |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
  return { markdown, figures }
}

if (process.argv[1] === SELF) {
  const engineArg = process.argv.indexOf('--engine')
  if (engineArg > 0) {
    measure(process.argv[engineArg + 1], arg('--lines', 100_000), arg('--changed', 5_000)).then(
      (f) => {
        console.log(JSON.stringify(f))
        process.exit(0)
      },
      (e) => {
        console.error(e)
        process.exit(1)
      },
    )
  } else {
    runBackupBench({ quick: process.argv.includes('--quick') }).then((r) => {
      console.log(r.markdown)
      process.exit(0)
    })
  }
}
