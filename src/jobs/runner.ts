import type { Payload, TaskConfig } from 'payload'
import { beatJobs, isSqlAdapter, releaseStaleJob } from '../lib/jobClaim'
import { numberSetting } from '../lib/settings'

type Id = string | number
type StaleJob = { id: Id; taskSlug?: string | null; input?: Record<string, unknown> | null; totalTried?: number | null }

/** What a task does when one of its jobs is found abandoned by a dead process (e.g. tell a report's requester). */
export type OnAbandoned = (payload: Payload, job: StaleJob, outcome: { tries: number; final: boolean }) => Promise<void>

const seconds = (name: string, fallback: number) => numberSetting(name, fallback) * 1000

/** This process's runner: the jobs it is running, the last beat, and the timer. */
const runner = {
  running: new Set<Id>(),
  abandoned: new Map<string, OnAbandoned>(),
  timer: undefined as NodeJS.Timeout | undefined,
  lastBeat: 0,
  payload: undefined as Payload | undefined,
  recovering: false,
}

/** `then` is told when a job of task `slug` is recovered from a dead process. */
export function whenAbandoned(slug: string, then: OnAbandoned): void {
  runner.abandoned.set(slug, then)
}

/** A task whose jobs are marked alive (a heartbeat on the job) while this process runs them. */
export function tracked<T extends TaskConfig<any>>(task: T): T {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  return {
    ...task,
    handler: (async (args: Parameters<typeof handler>[0]) => {
      const id = (args.job as { id: Id }).id
      runner.running.add(id)
      try {
        return await handler(args)
      } finally {
        runner.running.delete(id)
      }
      // The same handler type as the task's, which TypeScript cannot name for a generic task.
    }) as never,
  }
}

const attemptsOf = (payload: Payload, slug: string | null | undefined): number => {
  const task = payload.config.jobs.tasks?.find((t) => t.slug === slug)
  const retries = task?.retries
  return 1 + (typeof retries === 'number' ? retries : Number((retries as { attempts?: number } | undefined)?.attempts ?? 0))
}

/**
 * Jobs left `processing` by a process that died (no heartbeat for JOB_STALE_SECONDS, 60) are
 * released for another try, or failed for good when their task has no try left; the task is
 * told (onAbandoned). Safe with several recoverers: each release is a conditional update.
 */
export async function recoverStaleJobs(payload: Payload, now = new Date()): Promise<{ released: number; failed: number }> {
  const adapter = payload.db
  if (!isSqlAdapter(adapter)) return { released: 0, failed: 0 }
  const staleBefore = new Date(now.getTime() - seconds('JOB_STALE_SECONDS', 60)).toISOString()
  const { docs } = await adapter.find({
    collection: 'payload-jobs',
    where: { and: [{ processing: { equals: true } }, { updatedAt: { less_than: staleBefore } }] },
    limit: 100,
    pagination: false,
  })
  let released = 0
  let failed = 0
  for (const job of docs as unknown as StaleJob[]) {
    if (runner.running.has(job.id)) continue // ours and alive (a beat is late)
    const tries = Number(job.totalTried ?? 0) + 1
    const final = tries >= attemptsOf(payload, job.taskSlug)
    if (!(await releaseStaleJob(adapter, job.id, staleBefore, { totalTried: tries, hasError: final }))) continue
    if (final) {
      failed++
      await adapter.updateOne({ collection: 'payload-jobs', id: job.id, data: { error: { message: `processo encerrado durante a execução (${tries} tentativa(s))` } }, returning: false })
    } else released++
    payload.logger.warn(`tarefa ${String(job.id)} (${String(job.taskSlug)}) abandonada por um processo encerrado: ${final ? 'falhou' : 'liberada para nova tentativa'} (${tries})`)
    await runner.abandoned.get(String(job.taskSlug))?.(payload, job, { tries, final }).catch((err: unknown) => payload.logger.error({ err, msg: `tarefa ${String(job.id)}: aviso de abandono falhou` }))
  }
  return { released, failed }
}

/** One tick: beat this process's jobs; every third tick, recover abandoned ones. */
async function tick(payload: Payload, n: number) {
  const adapter = payload.db
  if (isSqlAdapter(adapter)) await beatJobs(adapter, [...runner.running])
  runner.lastBeat = Date.now()
  if (n % 3 === 0 && !runner.recovering) {
    runner.recovering = true
    try {
      await recoverStaleJobs(payload)
    } finally {
      runner.recovering = false
    }
  }
}

/** Starts the runner's heartbeat and recovery (once per process), beside Payload's job crons. */
export function startRunner(payload: Payload): void {
  if (runner.timer) return
  runner.payload = payload
  runner.lastBeat = Date.now()
  let n = 0
  runner.timer = setInterval(() => {
    void tick(payload, ++n).catch((err: unknown) => payload.logger.error({ err, msg: 'batimento das tarefas falhou' }))
  }, seconds('JOB_HEARTBEAT_SECONDS', 10))
  runner.timer.unref()
}

/** The runner's state for the readiness check: alive when its last beat is recent. */
export function runnerStatus(): { running: boolean; alive: boolean; jobs: number; lastBeatMs?: number } {
  if (!runner.timer) return { running: false, alive: true, jobs: 0 }
  const age = Date.now() - runner.lastBeat
  return { running: true, alive: age < 3 * seconds('JOB_HEARTBEAT_SECONDS', 10) + 5000, jobs: runner.running.size, lastBeatMs: age }
}

/**
 * Graceful stop: no new job is claimed (Payload's crons stopped), the running ones get up to
 * `waitMs` to finish; those still running are released (this try not counted) so another
 * runner takes them at once.
 */
export async function stopRunner(payload: Payload, waitMs = seconds('JOB_DRAIN_SECONDS', 20)): Promise<{ finished: boolean; released: Id[] }> {
  const crons = payload.crons.splice(0, payload.crons.length)
  await Promise.all(crons.map((c) => c.stop()))
  if (runner.timer) clearInterval(runner.timer)
  runner.timer = undefined
  const until = Date.now() + waitMs
  while (runner.running.size && Date.now() < until) await new Promise((r) => setTimeout(r, 200))
  const left = [...runner.running]
  if (left.length) await payload.db.updateJobs({ where: { and: [{ id: { in: left } }, { processing: { equals: true } }] }, data: { processing: false }, returning: false })
  return { finished: !left.length, released: left }
}
