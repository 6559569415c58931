import type { Payload } from 'payload'
import { seedDemoEnabled } from '../lib/settings'

/** On start: demo data on an empty database when SEED_DEMO allows it. */
export async function onInit(payload: Payload): Promise<void> {
  if (!seedDemoEnabled()) return
  const { printExistingDemoLogins, seedDemo } = await import('./demo')
  if (!(await seedDemo(payload))) await printExistingDemoLogins(payload)
}
