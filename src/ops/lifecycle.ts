import type { Payload } from 'payload'
import { stopRunner } from '../jobs/runner'
import { closeHealthClients } from './health'

const LIFECYCLE = Symbol.for('gol.lifecycle')

/**
 * What server.mjs calls on SIGTERM once it stopped accepting and answered the requests in
 * flight (usage batches included): jobs reach a safe point (finished, or released for another
 * runner), then the pools are closed.
 */
export function registerLifecycle(payload: Payload): void {
  ;(globalThis as Record<symbol, unknown>)[LIFECYCLE] = {
    shutdown: async () => {
      const jobs = await stopRunner(payload)
      if (jobs.released.length) payload.logger.warn(`encerrando: ${jobs.released.length} tarefa(s) em execução liberada(s) para outro processo`)
      await closeHealthClients()
      await payload.destroy()
      const pool = (payload.db as { pool?: { end(): Promise<void> } }).pool
      await pool?.end().catch(() => undefined)
    },
  }
}
