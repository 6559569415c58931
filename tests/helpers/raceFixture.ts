import readline from 'node:readline'
import type { Payload } from 'payload'
import type { Engine } from '../../src/engine/service'

/** The app's Payload in a fixture process (the environment names the test database), its log quiet but for warnings. */
export async function bootApp(): Promise<Payload> {
  const { getPayload } = await import('payload')
  const config = await (await import('../../payload.config')).default
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  return payload
}

/**
 * The fixture's side of tests/helpers/raceProcess.ts: boots the app's Payload config (the
 * environment names the test database and Redis), checks the counters are in Redis, lets
 * `prepare` warm what the race needs, prints `ready`, waits for `go <epoch ms>`, spins to that
 * instant, runs `race` and prints its result as one JSON line; then closes and exits.
 */
export function runRaceFixture<P, R>(prepare: (payload: Payload, engine: Engine) => Promise<P>, race: (prepared: P, engine: Engine) => Promise<R>): void {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })

  async function main() {
    const payload = await bootApp()
    const { engineFor } = await import('../../src/engine/service')
    const engine = await engineFor(payload)
    if (engine.counters.kind !== 'redis') throw new Error('counters are not in Redis')
    const prepared = await prepare(payload, engine)
    console.log('ready')
    const rl = readline.createInterface({ input: process.stdin })
    const startAt = await new Promise<number>((resolve) => rl.once('line', (l) => resolve(Number(l.split(' ')[1]))))
    rl.close()
    while (Date.now() < startAt) {
      /* spin to the common instant */
    }
    console.log(JSON.stringify(await race(prepared, engine)))
    await engine.close()
    await payload.destroy()
    process.exit(0)
  }
}
