import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const GRACEFUL = path.resolve(__dirname, '../../../src/server/graceful.mjs')

/** A plain HTTP server under graceful(); prints "up" once listening. */
const SERVER = `
import http from 'node:http'
import { graceful } from ${JSON.stringify(GRACEFUL)}
// As in the real server: Next keeps the process alive on an uncaught exception; the app's shutdown
// may not finish (HANG=1), so only the forced exit ends the process.
process.on('uncaughtException', () => {})
if (process.env.HANG) globalThis[Symbol.for('gol.lifecycle')] = { shutdown: () => new Promise(() => {}) }
const server = http.createServer((_req, res) => res.end('ok'))
graceful(server, { timeoutMs: 1000 })
server.listen(0, '127.0.0.1', () => process.stdout.write('up\\n'))
`

function start(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
  const up = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, up, exited }
}

const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))])

describe('graceful shutdown', () => {
  it('SIGTERM: stops and exits 0', async () => {
    const s = start()
    await s.up
    s.child.kill('SIGTERM')
    expect(await within(s.exited, 10_000)).toBe(0)
  })

  it('a shutdown that does not finish is forced out after SHUTDOWN_TIMEOUT_MS, also with nobody reading its output', async () => {
    const s = start({ HANG: '1' })
    await s.up
    s.child.stdout.destroy() // writes to fd 1 now fail with EPIPE
    s.child.kill('SIGTERM')
    expect(await within(s.exited, 10_000)).not.toBe('timeout')
  })
})
