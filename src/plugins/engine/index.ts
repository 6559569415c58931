import type { Plugin } from 'payload'
import { engineEndpoints } from '../../engine/endpoints'
import { withEngineHooks } from '../../engine/hooks'
import { collectionsPlugin } from '../collections'

/**
 * The engine (src/engine): the collections that feed its snapshots invalidate them on change,
 * and its REST endpoints (/api/engine/…) are registered on the config.
 */
export const engine = (): Plugin =>
  collectionsPlugin(withEngineHooks, (config) => ({ ...config, endpoints: [...(config.endpoints ?? []), ...engineEndpoints] }))
