/**
 * Production server (`npm start`): Next serves everything — admin, REST, GraphQL, the
 * engine's other endpoints — as `next start` would (production, PORT, the build in
 * NEXT_DIST_DIR or .next; Payload starts in Next's instrumentation, which runs the
 * migrations and the demo seed), and the engine's per-call routes (POST /api/engine/authorize,
 * POST /api/engine/usage, POST and DELETE /api/engine/holds/:id) are answered straight from this
 * HTTP server by the engine's fast path (src/engine/http.ts, registered on globalThis when the
 * Payload config loads), which measured several times faster than the same endpoints through
 * Next (bench/RESULTS.md). ENGINE_FAST_PATH=off hands them to Next too.
 * SIGTERM shuts down gracefully (src/server/graceful.mjs); LOG_FORMAT=json logs one line per
 * API request (src/server/requestLog.mjs).
 */
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stampPeer } from './src/lib/peer.mjs'
import { graceful } from './src/server/graceful.mjs'
import { withRequestLog } from './src/server/requestLog.mjs'

process.env.NODE_ENV ??= 'production'
if (process.env.NODE_ENV !== 'production') console.warn(`server.mjs: NODE_ENV=${process.env.NODE_ENV}; Next runs the production build anyway`)

const { default: next } = await import('next')
const port = Number(process.env.PORT || 3000)
const dir = path.dirname(fileURLToPath(import.meta.url))
const app = next({ dev: false, dir, port })
const handle = app.getRequestHandler()
await app.prepare()

const fastPath = process.env.ENGINE_FAST_PATH !== 'off'
const ENGINE_HTTP = Symbol.for('gol.engine.http')

const server = http.createServer((req, res) => {
  // The socket's address for the rate limits; a client-sent copy of the header is dropped (src/auth/clientAddress.ts).
  stampPeer(req)
  withRequestLog(req, res, () => {
    /** @type {{ handle(req: http.IncomingMessage, res: http.ServerResponse): boolean } | undefined} */
    const engine = fastPath ? globalThis[ENGINE_HTTP] : undefined
    if (engine?.handle(req, res)) return
    handle(req, res).catch((e) => {
      console.error(e)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
})
server.keepAliveTimeout = 65_000
server.listen(port, () => {
  const engine = fastPath ? (globalThis[ENGINE_HTTP] ? 'on' : 'waiting for the Payload config') : 'off'
  console.log(`▲ GOL ready on http://localhost:${port} (engine fast path: ${engine})`)
})
graceful(server)
