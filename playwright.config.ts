import { defineConfig, devices } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Browser tests (`npm run test:e2e`). They run against the app already built into
 * `.next-e2e` (`NEXT_DIST_DIR=.next-e2e npm run build`): the web server below only starts
 * it, on a fresh SQLite database with the demo data in a temporary GOL_DATA_DIR, and
 * the tests read the e-mailed login codes from that database's outbox.
 *
 * E2E_PORT (default 3110) picks the port; E2E_BASE_URL + GOL_E2E_DATA_DIR point the
 * tests at a server you started yourself (no web server is started then).
 * Screenshots of the main screens go to test-results/screens/.
 */
const PORT = Number(process.env.E2E_PORT || 3110)
const external = Boolean(process.env.E2E_BASE_URL)
// Workers inherit the environment of the main process, so they all see this one directory.
process.env.GOL_E2E_DATA_DIR ||= mkdtempSync(path.join(os.tmpdir(), 'gol-e2e-'))
const baseURL = process.env.E2E_BASE_URL || `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Parallel runs in one checkout (other ports) keep their own artefacts with E2E_OUTPUT_DIR.
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One database shared by every test: run the files one after the other.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT || 'test-results/e2e-report.json' }]],
  use: {
    baseURL,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          // Debian's Chromium; Playwright's own browsers cannot be downloaded here.
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=pt-BR'],
        },
      },
    },
  ],
  webServer: external
    ? undefined
    : {
        command: 'node tests/e2e/server.mjs',
        // The first request starts Payload, which creates the demo data: allow for it.
        url: `${baseURL}/admin/login`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        env: { E2E_PORT: String(PORT) },
      },
})
