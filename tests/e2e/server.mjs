#!/usr/bin/env node
/**
 * The browser tests' web server: starts the app already built into NEXT_DIST_DIR
 * (default .next-e2e) on E2E_PORT the way `npm start` does (server.mjs), with a fresh SQLite database and the demo data in
 * GOL_E2E_DATA_DIR (set by playwright.config.ts). It builds nothing.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'

const distDir = process.env.NEXT_DIST_DIR || '.next-e2e'
const port = process.env.E2E_PORT || '3110'
const dataDir = process.env.GOL_E2E_DATA_DIR
if (!dataDir) {
  console.error('GOL_E2E_DATA_DIR não definido (o playwright.config.ts define).')
  process.exit(2)
}
if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
  console.error(`Não há build em ${distDir}: rode antes  NEXT_DIST_DIR=${distDir} npm run build`)
  process.exit(2)
}
mkdirSync(dataDir, { recursive: true })

const env = { ...process.env, NEXT_DIST_DIR: distDir, GOL_DATA_DIR: dataDir, PORT: port, SEED_DEMO: 'true', NEXT_TELEMETRY_DISABLED: '1' }
// The embedded database, no SMTP (codes land in the outbox), counters in process.
for (const name of ['DATABASE_URL', 'SMTP_URL', 'REDIS_URL', 'PAYLOAD_SECRET', 'PUBLIC_URL']) delete env[name]
env.PUBLIC_URL = `http://127.0.0.1:${port}`

// The app's log goes to test-results/e2e-server-<port>.log (E2E_SERVER_LOG=inherit shows it instead).
const inherit = process.env.E2E_SERVER_LOG === 'inherit'
mkdirSync('test-results', { recursive: true })
const log = inherit ? null : createWriteStream(`test-results/e2e-server-${port}.log`)
// What `npm start` runs (the project's production server), else plain `next start`.
const entry = existsSync('server.mjs') ? ['server.mjs'] : ['node_modules/next/dist/bin/next', 'start', '-p', port, '-H', '127.0.0.1']
const child = spawn(process.execPath, entry, {
  env,
  stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
})
if (log) {
  child.stdout.pipe(log)
  child.stderr.pipe(log)
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
