import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { guarded } from '../../../../http/apiGuard'

// Origin check, body limit, media type, nesting limit and security headers: src/http/apiGuard.ts.
export const POST = guarded(GRAPHQL_POST(config), { graphql: true })
export const OPTIONS = guarded(REST_OPTIONS(config))
