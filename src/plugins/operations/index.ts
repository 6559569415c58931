import type { Plugin } from 'payload'
import { healthEndpoints } from '../../ops/health'
import { withCallerNoted } from '../../ops/requestContext'
import { collectionsPlugin } from '../collections'

/**
 * Operations: every collection notes the user and company of each request for its log line
 * (src/ops/requestContext.ts), and the health endpoints (/api/health/…, src/ops/health.ts).
 */
export const operations = (): Plugin =>
  collectionsPlugin(withCallerNoted, (config) => ({ ...config, endpoints: [...(config.endpoints ?? []), ...healthEndpoints] }))
