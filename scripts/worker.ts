/**
 * `npm run worker`: the jobs queue (reports, restores, scheduled housekeeping) in its own
 * process. Start the app instances with JOBS_AUTORUN=false and run as many workers as
 * needed (a job is claimed atomically, src/lib/jobClaim.ts); give all the same DATABASE_URL,
 * PAYLOAD_SECRET and GOL_REPORTS_DIR (the worker writes report files the app serves). On
 * SIGINT/SIGTERM it stops claiming, lets running jobs finish (or releases them) and exits.
 */
process.env.JOBS_AUTORUN = 'true'
// The committed migrations, never a schema push, on the app's database (src/lib/database.ts).
process.env.GOL_DB_MIGRATE ??= 'true'
process.env.SEED_DEMO ??= 'false'

const { getPayload } = await import('payload')
const config = (await import('../payload.config')).default
const { stopRunner } = await import('../src/jobs/runner')
const payload = await getPayload({ config, cron: true })
payload.logger.info('GOL worker: executando a fila de tarefas (relatórios, restaurações, manutenção)')

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    payload.logger.info(`GOL worker: ${signal}, encerrando (tarefas em execução terminam ou são liberadas)`)
    void stopRunner(payload)
      .then(() => payload.destroy())
      .finally(() => process.exit(0))
  })
}

export {}
