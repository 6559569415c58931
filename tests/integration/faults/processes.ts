import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../../..')

export interface Proc {
  child: ChildProcess
  /** Everything written to stdout and stderr so far. */
  output: () => string
  /** Resolves with the first match of `pattern` in the output (waiting for it), rejects after `ms` or on exit. */
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpMatchArray>
  /** The exit code (or signal name), once it has exited. */
  exited: Promise<number | string>
  kill: (signal?: NodeJS.Signals) => void
}

/**
 * Starts a real process (node or tsx) in the repository, with the environment given on top of
 * this one's, stdin closed (no TTY, as under a supervisor), output collected.
 */
export function start(command: 'tsx' | 'node', args: string[], env: Record<string, string | undefined>): Proc {
  // tsx through node's --import, not the tsx launcher: the launcher runs the script in a child
  // process, which a kill -9 of the launcher would leave running.
  const argv = command === 'tsx' ? ['--import', 'tsx', ...args] : args
  const merged: NodeJS.ProcessEnv = { ...process.env }
  // Vitest's own markers would switch test behaviour on in the child (jobs autoRun off …).
  for (const key of Object.keys(merged)) if (key.startsWith('VITEST') || key === 'TEST') delete merged[key]
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k]; else merged[k] = v
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: merged, stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  const listeners = new Set<() => void>()
  const append = (d: Buffer) => {
    text += String(d)
    for (const l of listeners) l()
  }
  child.stdout!.on('data', append)
  child.stderr!.on('data', append)
  // 'close', not 'exit': the output is then read to the end.
  const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal ?? -1)))
  const waitFor = (pattern: RegExp, ms = 60_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = text.match(pattern)
        if (!m) return
        done()
        resolve(m)
      }
      const timer = setTimeout(() => (done(), reject(new Error(`timeout waiting for ${String(pattern)}; output:\n${text.slice(-3000)}`))), ms)
      const done = () => (clearTimeout(timer), listeners.delete(check))
      void exited.then((code) => setTimeout(() => {
        if (!listeners.has(check)) return
        done()
        reject(new Error(`process exited (${String(code)}) before ${String(pattern)}; output:\n${text.slice(-3000)}`))
      }, 50))
      listeners.add(check)
      check()
    })
  return { child, output: () => text, waitFor, exited, kill: (signal = 'SIGKILL') => void child.kill(signal) }
}

/** The production build the server tests run (CI builds it before the tests; tests/e2e uses it too). */
export const BUILD_DIR = process.env.NEXT_DIST_DIR_E2E || '.next-e2e'
export const hasBuild = (): boolean => existsSync(path.join(ROOT, BUILD_DIR, 'BUILD_ID'))

/** `npm start` (server.mjs, production) on `port`, resolved once it listens. */
export async function startServer(port: number, env: Record<string, string | undefined>): Promise<Proc> {
  const server = start('node', ['server.mjs'], {
    NEXT_DIST_DIR: BUILD_DIR,
    PORT: String(port),
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
    SMTP_URL: undefined,
    REDIS_URL: undefined,
    GOL_DB_PUSH: undefined,
    GOL_DB_MIGRATE: undefined,
    PAYLOAD_FORCE_DRIZZLE_PUSH: undefined,
    ...env,
  })
  await server.waitFor(/GOL ready on/, 120_000)
  return server
}
