import type { Payload } from 'payload'

/**
 * A backup a restore may name, without running its job (for tests that only need a restore
 * document): a backup is made by a background job and a restore needs a finished one.
 */
export async function readyBackup(payload: Payload, company: unknown, category = 'departments'): Promise<{ id: number | string }> {
  const doc = (await payload.create({ collection: 'backups', data: { company, category } as never, overrideAccess: true, depth: 0 })) as unknown as { id: number | string }
  await payload.db.updateOne({ collection: 'backups', id: doc.id, data: { status: 'ok' } })
  return doc
}
