import type { CollectionBeforeOperationHook } from 'payload'

/**
 * The database adapters accept an `id` on create (a restore re-creates a deleted
 * document with its old id, so every relation to it holds again). Only the restore may
 * do it: an id sent by a client or other code is dropped before the create runs.
 */
export const idsOnlyWhenRestoring: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' || req.context?.restoring) return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (data && 'id' in data) delete data.id
  return args
}
