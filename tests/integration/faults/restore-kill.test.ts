/**
 * Issue 12: a restore whose job-runner process is killed with SIGKILL, right after its job was
 * claimed or half-way through, reaches its final state after the sweep, and its result counts
 * and lists every item, those applied before the crash included; no job row is left behind.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sweepRestores } from '../../../src/jobs/restore/run'
import { generateMsisdn } from '../../../src/validation/generate'
import { startTestApp, type TestApp } from '../../helpers/app'
import { makeWorld, type World } from '../../helpers/world'
import { backupOf, create, restoreWithItems, snapshot, update } from '../audit/fixtures'

let app: TestApp
let world: World
const EXTRA_LINES = 56

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  for (let i = 0; i < EXTRA_LINES; i++) {
    await create(app.payload, 'lines', { company: world.a.company.id, account: world.a.account.id, msisdn: generateMsisdn(world.rng, 11), name: `Linha ${i}` })
  }
}, 120_000)
afterAll(async () => app?.close())

/** Runs the queue in another process and SIGKILLs it at `killAt`. */
async function runAndKill(killAt: string): Promise<void> {
  const root = path.resolve(__dirname, '../../..')
  // node itself, not the tsx CLI (which runs node as its own child, out of reach of our SIGKILL).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'restore-worker.ts')], {
    cwd: root,
    // Batches of 10 items: killed inside item 20's batch, the two batches before it are committed.
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL!, GOL_DB_PUSH: 'false', SEED_DEMO: 'false', KILL_AT: killAt, RESTORE_BATCH_SIZE: '10' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += String(d)))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  const reached = await new Promise<boolean>((resolve) => {
    readline.createInterface({ input: child.stdout! }).on('line', (l) => l === 'at-point' && resolve(true))
    void exited.then(() => resolve(false))
  })
  expect(reached, stderr.slice(-2000)).toBe(true)
  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
}

const restoreJobs = async () =>
  ((await app.payload.db.find({ collection: 'payload-jobs' as never, where: { taskSlug: { equals: 'restore' } }, pagination: false })).docs as any[])

const LATER = () => new Date(Date.now() + 11 * 60_000)

describe.each(['start', '20'])('a restore whose process is killed (kill -9 at %s)', (killAt) => {
  it('is recovered by the sweep, ends exact and reports every item', async () => {
    const { payload } = app
    const backup = await backupOf(payload, world.a.company.id, 'subscribers')
    const lines = (await payload.find({ collection: 'lines', where: { company: { equals: world.a.company.id } }, pagination: false, depth: 0, overrideAccess: true })).docs
    for (const line of lines) await update(payload, 'lines', line.id, { name: `Renomeada ${killAt} ${String(line.id)}` })
    const doc = await create(payload, 'restores', { backup: backup.id })

    await runAndKill(killAt)
    const mid = await restoreWithItems(payload, doc.id)
    expect(mid.status).toBe(killAt === 'start' ? 'pending' : 'running')
    expect(mid.applied).toHaveLength(killAt === 'start' ? 0 : Number(killAt))
    expect((await restoreJobs()).map((j) => j.processing)).toEqual([true])

    expect((await sweepRestores(payload)).requeued).toBe(0)
    expect((await sweepRestores(payload, LATER())).requeued).toBe(1)
    await payload.jobs.run({ limit: 10 })

    const done = await restoreWithItems(payload, doc.id)
    expect(done.status, JSON.stringify(done.failed)).toBe('success')
    expect(done.appliedCount).toBe(lines.length)
    expect(done.applied.map((i: any) => String(i.id)).sort()).toEqual(lines.map((l) => String(l.id)).sort())
    expect(done.failedCount).toBe(0)
    expect(await snapshot(payload, world.a.company.id, 'subscribers')).toEqual(backup.data)
    expect(await restoreJobs()).toEqual([])
    const closing = await payload.find({ collection: 'transactions', where: { and: [{ entity: { equals: 'restores' } }, { entityId: { equals: String(doc.id) } }] }, sort: '-id', limit: 1, depth: 0, overrideAccess: true })
    expect((closing.docs[0] as any).event).toBe(`Restauração do backup ${String(backup.name)} concluída: Sucesso (${lines.length} aplicados, 0 com falha)`)
    expect((await sweepRestores(payload, LATER())).requeued).toBe(0)
  }, 120_000)
})
