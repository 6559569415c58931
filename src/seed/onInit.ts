import type { Payload } from 'payload'
import { seedDemoEnabled } from '../lib/settings'
import { registerLifecycle } from '../ops/lifecycle'
import { setEnginePayload } from '../engine/http'

/** On start: the graceful shutdown server.mjs calls; demo data on an empty database when SEED_DEMO allows it. */
export async function onInit(payload: Payload): Promise<void> {
  registerLifecycle(payload)
  setEnginePayload(payload)
  if (!seedDemoEnabled()) return
  const { printExistingDemoLogins, seedDemo } = await import('./demo')
  if (!(await seedDemo(payload))) await printExistingDemoLogins(payload)
}
