/**
 * Graceful shutdown of server.mjs. On SIGTERM (or SIGINT): readiness answers 503 (draining),
 * the server stops accepting connections, answers the requests in flight (usage batches
 * included; keep-alive connections are closed as they go idle), then the app's own shutdown
 * runs (src/ops/lifecycle.ts: running jobs reach a safe point, pools close) and the process
 * exits 0. A second signal, or SHUTDOWN_TIMEOUT_MS (30 s), forces the exit (code 1).
 */
import { writeSync } from 'node:fs'

const DRAINING = Symbol.for('gol.draining')
/** Written at once: process.exit() right after would drop a buffered write to a pipe. */
// A closed stdout (the parent that read it is gone: EPIPE) must not keep the exit from happening.
const say = (/** @type {string} */ text) => {
  try {
    writeSync(1, `${text}\n`)
  } catch {
    /* nobody is reading */
  }
}
const LIFECYCLE = Symbol.for('gol.lifecycle')

/** @param {import('node:http').Server} server */
export function graceful(server, { timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 30_000) } = {}) {
  let stopping = false
  server.on('request', (_req, res) => {
    if (stopping && !res.headersSent) res.setHeader('connection', 'close')
  })
  /** @param {string} signal */
  const stop = async (signal) => {
    if (stopping) {
      say(`GOL: ${signal} de novo: encerramento forçado`)
      process.exit(1)
    }
    stopping = true
    globalThis[DRAINING] = true
    const started = Date.now()
    say(`GOL: ${signal}: parando de aceitar conexões, terminando as requisições em andamento`)
    const force = setTimeout(() => {
      say(`GOL: encerramento não terminou em ${timeoutMs} ms: forçado`)
      process.exit(1)
    }, timeoutMs)
    force.unref()
    const closed = new Promise((resolve) => server.close(resolve))
    const idle = setInterval(() => server.closeIdleConnections(), 100)
    server.closeIdleConnections()
    await closed
    clearInterval(idle)
    try {
      await globalThis[LIFECYCLE]?.shutdown()
    } catch (error) {
      console.error('GOL: erro ao encerrar', error)
      process.exit(1)
    }
    say(`GOL: encerrado em ${Date.now() - started} ms`)
    process.exit(0)
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(signal))
}
