/**
 * A job-runner process for the kill -9 restore test: boots the app's Payload config on the
 * test database (no push, no seed), runs the default queue and, at the moment named by
 * KILL_AT (`start`: the job claimed, the restore not yet started; a number: that item's writes
 * done, its transaction open), prints `at-point` and waits to be killed.
 */
import type { RestoreProbe } from '../../../src/jobs/restore/run'
import { bootApp } from '../../helpers/raceFixture'

async function main() {
  const payload = await bootApp()
  const { createLocalReq } = await import('payload')
  const hang = (): never => {
    console.log('at-point')
    // Blocks the event loop: nothing else of this process runs until it is killed (or, orphaned, 2 minutes pass).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000)
    process.exit(3)
  }
  const at = process.env.KILL_AT
  // The restore job run below reports to this probe (RestoreProbe in src/collections/Backups/snapshot/apply.ts).
  const restoreProbe: RestoreProbe =
    at === 'start' ? { beforeStart: hang } : { afterWrite: (_step, index) => (index === Number(at) ? hang() : undefined) }
  console.log('ready')
  await payload.jobs.run({ queue: 'default', limit: 10, req: await createLocalReq({ context: { restoreProbe } }, payload) })
  console.log('finished')
  process.exit(0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
