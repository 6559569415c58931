/**
 * Keeps engine snapshots fresh (E3): afterChange / afterDelete hooks on every collection a
 * snapshot reads clear the cached snapshots they may affect. Wired once, in
 * src/collections/index.ts, by mapping over the collections.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig } from 'payload'
import { existingEngine } from './service'

export const SNAPSHOT_SOURCES = new Set([
  'lines',
  'profiles',
  'holidays',
  'offers',
  'transfers',
  'companies',
  'operator-prefixes',
  'ported-numbers',
])

function invalidator(slug: string) {
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
    const engine = existingEngine(req.payload)
    if (engine) (await engine).snapshots.invalidate(slug, doc, previousDoc)
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    const engine = existingEngine(req.payload)
    if (engine) (await engine).snapshots.invalidate(slug, doc)
    return doc
  }
  return { afterChange, afterDelete }
}

/** The collections with the engine's invalidation hooks added to those that feed snapshots. */
export function withEngineHooks(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => {
    if (!SNAPSHOT_SOURCES.has(c.slug)) return c
    const { afterChange, afterDelete } = invalidator(c.slug)
    return {
      ...c,
      hooks: {
        ...c.hooks,
        afterChange: [...(c.hooks?.afterChange ?? []), afterChange],
        afterDelete: [...(c.hooks?.afterDelete ?? []), afterDelete],
      },
    }
  })
}
