import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { Redis } from 'ioredis'

/**
 * The two-process tests (engine holds, spend caps): each "app process" is a fixture run by tsx
 * that boots the app, prints `ready`, waits for `go <epoch ms>` on stdin, races from that
 * instant and prints its result as one JSON line (tests/helpers/raceFixture.ts is its side).
 */

export const redisTestUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

/** True when Redis answers at `url` (the two-process tests skip without it). */
export async function redisReachable(url = redisTestUrl): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  const up = await probe.connect().then(
    () => probe.ping().then(() => true),
    () => false,
  )
  probe.disconnect()
  return up
}

export interface RaceProcess<R> {
  child: ChildProcess
  go: (at: number) => void
  result: Promise<R>
}

/** Starts one app process running `fixture`; resolves once it has booted (printed `ready`). */
export function raceProcess<R>(fixture: string, env: Record<string, string>): Promise<RaceProcess<R>> {
  const root = path.resolve(__dirname, '../..')
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [fixture], { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += String(d)))
  const lines = readline.createInterface({ input: child.stdout! })
  return new Promise((resolveReady, rejectReady) => {
    let resolveResult: (v: R) => void
    let rejectResult: (e: Error) => void
    const result = new Promise<R>((res, rej) => ((resolveResult = res), (rejectResult = rej)))
    lines.on('line', (l) => {
      if (l === 'ready') resolveReady({ child, go: (at) => child.stdin!.write(`go ${at}\n`), result })
      else if (l.startsWith('{')) resolveResult(JSON.parse(l) as R)
    })
    child.on('exit', (code) => {
      const e = new Error(`app process exited with ${String(code)}: ${stderr.slice(-2000)}`)
      rejectReady(e)
      rejectResult(e)
    })
  })
}
