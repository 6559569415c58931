import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recoverStaleJobs } from '../../../src/jobs/runner'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, type World } from '../../helpers/world'
import { start, type Proc } from './processes'

/**
 * Issue 12, jobs in production: real worker processes (`npm run worker`) on one database.
 * The multi-process tests need PostgreSQL (skipped on SQLite, whose single file is not shared
 * by app instances in production); the recovery of an abandoned job runs on both.
 */
const postgres = process.env.TEST_DB === 'postgres'
const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'gol-ops-reports-'))
let app: TestApp
let world: World
let token: string
const workers: Proc[] = []

beforeAll(async () => {
  app = await startTestApp({ env: { GOL_REPORTS_DIR: reportsDir } })
  world = await makeWorld(app.payload)
  token = await loginAs(app.rest, app.payload, world.a.users.admin)
})
afterAll(async () => {
  for (const w of workers) w.kill()
  await app?.close()
  rmSync(reportsDir, { recursive: true, force: true })
})

/** A worker as `npm run worker` runs it, on the test's database (already pushed: neither push nor migrate). */
function worker(script = 'scripts/worker.ts', env: Record<string, string> = {}): Proc {
  const w = start('tsx', [script], {
    DATABASE_URL: process.env.DATABASE_URL,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
    GOL_DB_PUSH: 'false',
    GOL_DB_MIGRATE: 'false',
    SEED_DEMO: 'false',
    GOL_REPORTS_DIR: reportsDir,
    SMTP_URL: undefined,
    REDIS_URL: undefined,
    NODE_ENV: undefined,
    ...env,
  })
  workers.push(w)
  return w
}

async function requestReports(n: number): Promise<(string | number)[]> {
  const ids: (string | number)[] = []
  for (let i = 0; i < n; i++) {
    const res = await app.rest.post('/reports', { kind: 'subscribers' }, token)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    ids.push(res.body.doc.id)
  }
  return ids
}

const reports = async (ids: (string | number)[]) =>
  (await app.payload.find({ collection: 'reports', where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true })).docs as any[]

async function waitFinished(ids: (string | number)[], ms: number): Promise<any[]> {
  const until = Date.now() + ms
  for (;;) {
    const docs = await reports(ids)
    if (docs.every((d) => d.status !== 'pending')) return docs
    if (Date.now() > until) throw new Error(`still pending after ${ms} ms: ${docs.filter((d) => d.status === 'pending').map((d) => d.id).join(', ')}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** The "report ready" e-mails of each report (the outbox, as SMTP_URL is unset); written just after the report is marked done, so wait a little. */
async function readyMails(ids: (string | number)[]): Promise<Map<string, number>> {
  const until = Date.now() + 5000
  for (;;) {
    const count = await countReadyMails(ids)
    if ([...count.values()].every((n) => n > 0) || Date.now() > until) return count
    await new Promise((r) => setTimeout(r, 250))
  }
}

async function countReadyMails(ids: (string | number)[]): Promise<Map<string, number>> {
  const { docs } = await app.payload.find({ collection: 'outbox', where: { subject: { like: 'Relatório pronto' } }, pagination: false, depth: 0, overrideAccess: true })
  const count = new Map(ids.map((id) => [String(id), 0]))
  for (const mail of docs as any[]) {
    const id = String(mail.text ?? '').match(/\/api\/reports\/([^/]+)\/download/)?.[1]
    if (id && count.has(id)) count.set(id, count.get(id)! + 1)
  }
  return count
}

async function stop(w: Proc) {
  w.kill('SIGTERM')
  await Promise.race([w.exited, new Promise((r) => setTimeout(r, 15_000))])
  w.kill('SIGKILL')
}

describe('several runners on one database', () => {
  it('two workers never run the same job twice, and every queued report completes', async (ctx) => {
    if (!postgres) ctx.skip()
    const ids = await requestReports(8)
    const a = worker()
    const b = worker()
    await Promise.all([a.waitFor(/GOL worker: executando/), b.waitFor(/GOL worker: executando/)])
    const docs = await waitFinished(ids, 180_000)
    const mails = await readyMails(ids)
    const ran = (w: Proc) => [...w.output().matchAll(/Running (\d+) jobs/g)].reduce((s, m) => s + Number(m[1]), 0)
    console.log(`two workers, ${ids.length} reports: done ${docs.filter((d) => d.status === 'done').length}, "ready" e-mails ${[...mails.values()].reduce((s, n) => s + n, 0)}, jobs run by A ${ran(a)}, by B ${ran(b)}`)
    await Promise.all([stop(a), stop(b)])
    expect(docs.map((d) => d.status)).toEqual(ids.map(() => 'done'))
    expect([...mails.values()]).toEqual(ids.map(() => 1))
    expect(docs.map((d) => d.attempts)).toEqual(ids.map(() => 1))
  }, 240_000)

  // The survivor runs with short stale/heartbeat settings (the defaults, 60 s stale and a check
  // every 30 s, only make the test wait): the property is the same, the wait 5 times shorter.
  it('a worker killed (kill -9) mid-report: another one retries it once it is stale, one e-mail', async (ctx) => {
    if (!postgres) ctx.skip()
    const [id] = await requestReports(1)
    const doomed = worker('tests/integration/faults/fixtures/slow-worker.ts')
    await doomed.waitFor(new RegExp(`report-started ${String(id)} 1`), 90_000)
    doomed.kill('SIGKILL')
    await doomed.exited
    const killedAt = Date.now()
    const survivor = worker('scripts/worker.ts', { JOB_STALE_SECONDS: '12', JOB_HEARTBEAT_SECONDS: '2' })
    const [doc] = await waitFinished([id], 120_000)
    const seconds = (Date.now() - killedAt) / 1000
    console.log(`report killed mid-run: ${doc.status} after ${seconds.toFixed(0)} s (attempts ${doc.attempts}); JOB_STALE_SECONDS=12, recovery every 6 s`)
    console.log(survivor.output().split('\n').filter((l) => /tarefa|Running|report|Relat|error/i.test(l)).join('\n'))
    await stop(survivor)
    expect(doc.status).toBe('done')
    expect(doc.attempts).toBe(2)
    expect(seconds).toBeLessThan(60)
    expect((await readyMails([id])).get(String(id))).toBe(1)
  }, 300_000)
})

describe('jobs abandoned by a dead process', () => {
  const abandon = (id: string | number, totalTried: number) =>
    app.payload.db.updateOne({ collection: 'payload-jobs', id, data: { processing: true, totalTried, updatedAt: new Date(Date.now() - 5 * 60_000).toISOString() } })

  it('a report on its last try is failed and the requester told; an earlier try is released and completes', async () => {
    const [last, earlier] = await requestReports(2)
    const [lastDoc, earlierDoc] = await Promise.all([last, earlier].map((id) => app.payload.findByID({ collection: 'reports', id, depth: 0, overrideAccess: true }) as Promise<any>))
    await abandon(lastDoc.job, 2)
    await abandon(earlierDoc.job, 0)
    const result = await recoverStaleJobs(app.payload)
    expect(result).toMatchObject({ released: 1, failed: 1 })
    const failed = (await app.payload.findByID({ collection: 'reports', id: last, depth: 0, overrideAccess: true })) as any
    expect(failed.status).toBe('failed')
    expect(failed.error).toContain('Interrompido 3 vezes')
    const told = await app.payload.find({ collection: 'outbox', where: { subject: { like: 'Falha no relatório' } }, pagination: false, depth: 0, overrideAccess: true })
    expect(told.docs.some((m: any) => String(m.subject).includes(failed.name))).toBe(true)
    const job = (await app.payload.findByID({ collection: 'payload-jobs', id: lastDoc.job, depth: 0, overrideAccess: true })) as any
    expect(job).toMatchObject({ processing: false, hasError: true })
    await app.payload.jobs.run({ queue: 'reports', limit: 10 })
    const done = (await app.payload.findByID({ collection: 'reports', id: earlier, depth: 0, overrideAccess: true })) as any
    expect(done.status).toBe('done')
    expect(done.attempts).toBe(2)
  })

  it('any job (here a housekeeping one) left processing reaches a final state; a job still beating is left alone', async () => {
    const dead = (await app.payload.jobs.queue({ task: 'purgeRetention' as never, input: {} as never, queue: 'maintenance' })) as { id: string | number }
    const alive = (await app.payload.jobs.queue({ task: 'purgeRetention' as never, input: {} as never, queue: 'maintenance' })) as { id: string | number }
    await abandon(dead.id, 0)
    await app.payload.db.updateOne({ collection: 'payload-jobs', id: alive.id, data: { processing: true, updatedAt: new Date().toISOString() } })
    await recoverStaleJobs(app.payload)
    const after = async (id: string | number) => (await app.payload.findByID({ collection: 'payload-jobs', id, depth: 0, overrideAccess: true })) as any
    expect(await after(dead.id)).toMatchObject({ processing: false, hasError: true })
    expect(await after(alive.id)).toMatchObject({ processing: true })
    // A second recoverer finds nothing left to do (the release is conditional).
    expect(await recoverStaleJobs(app.payload)).toEqual({ released: 0, failed: 0 })
  })
})
