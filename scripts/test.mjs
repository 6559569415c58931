#!/usr/bin/env node
/**
 * `npm test`: unit and integration tests on SQLite and, at the same time, the integration
 * tests again on PostgreSQL (the production engine); the browser tests (Playwright, against
 * the build in .next-e2e) start when the SQLite run ends. Prints `tests: N passed, N failed` last.
 * PostgreSQL, Chromium and the .next-e2e build are required in CI; elsewhere a missing
 * one skips its part with a warning. E2E=0 skips the browser tests. The SQLite and PostgreSQL
 * runs go at once (TEST_PARALLEL=0: one after the other).
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const pgUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const extraArgs = process.argv.slice(2)
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gol-vitest-'))
const began = Date.now()
const ended = (label) => console.log(`\n=== ${label} ended ${Math.round((Date.now() - began) / 1000)} s after npm test began ===`)

function reachable(url) {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) })
    socket.setTimeout(2000)
    socket.on('connect', () => (socket.destroy(), resolve(true)))
    socket.on('error', () => resolve(false))
    socket.on('timeout', () => (socket.destroy(), resolve(false)))
  })
}

/**
 * One vitest run. `quiet` runs it in the background with its output kept in a file, printed
 * when it ends (the SQLite and PostgreSQL runs go at once: each is one fork, the machine has two cores).
 */
function run(label, env, args, { quiet = false } = {}) {
  const out = path.join(tmp, `${label}.json`)
  const log = path.join(tmp, `${label}.log`)
  if (!quiet) console.log(`\n=== ${label} ===`)
  else console.log(`\n=== ${label} (in the background; its output follows when it ends) ===`)
  const child = spawn('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args, ...extraArgs], {
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...env },
  })
  if (quiet) {
    const file = createWriteStream(log)
    child.stdout.pipe(file)
    child.stderr.pipe(file)
  }
  return new Promise((resolve) => {
    child.on('close', (code) => {
      ended(label)
      if (quiet) {
        console.log(`\n=== ${label} (output) ===`)
        process.stdout.write(readFileSync(log, 'utf8'))
      }
      try {
        const report = JSON.parse(readFileSync(out, 'utf8'))
        const failedSuites = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed'))
        const failures = report.testResults.flatMap((r) => [
          ...r.assertionResults.filter((a) => a.status === 'failed').map((a) => failure(label, r.name, a.fullName, a.failureMessages?.[0])),
          ...(failedSuites.includes(r) ? [failure(label, r.name, '(the file itself)', r.message)] : []),
        ])
        resolve({ passed: report.numPassedTests, failed: report.numFailedTests + failedSuites.length, code, failures })
      } catch {
        resolve({ passed: 0, failed: 1, code: code ?? 1 })
      }
    })
  })
}

/** One failed test, as the summary at the end lists it: where, which, and the first lines of why. */
function failure(run, file, name, message = '') {
  const why = String(message).replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => l.trim() && !l.includes('node_modules')).slice(0, 8).join('\n      ')
  return `[${run}] ${path.relative(process.cwd(), file) || file} › ${name}\n      ${why}`
}

/** Playwright's failed tests, from its JSON report's nested suites. */
function playwrightFailures(suite, file = suite.file) {
  const here = (suite.specs ?? []).flatMap((spec) =>
    spec.tests.filter((t) => t.status === 'unexpected').map((t) => failure('e2e', spec.file ?? file, spec.title, t.results.at(-1)?.error?.message)),
  )
  return [...here, ...(suite.suites ?? []).flatMap((s) => playwrightFailures(s, s.file ?? file))]
}

/** The browser tests; counts from Playwright's JSON report (a test passed on retry counts as passed). */
function runE2e() {
  const out = path.join(tmp, 'e2e.json')
  console.log('\n=== e2e (Playwright) ===')
  const child = spawn('npx', ['playwright', 'test', ...(process.env.E2E_ARGS ? process.env.E2E_ARGS.split(' ') : [])], {
    stdio: 'inherit',
    env: { ...process.env, E2E_JSON_REPORT: out },
  })
  return new Promise((resolve) => {
    child.on('close', (code) => {
      ended('e2e')
      try {
        const report = JSON.parse(readFileSync(out, 'utf8'))
        const { stats } = report
        resolve({ passed: stats.expected + stats.flaky, failed: stats.unexpected, code, failures: (report.suites ?? []).flatMap((s) => playwrightFailures(s)) })
      } catch {
        resolve({ passed: 0, failed: 1, code: code ?? 1 })
      }
    })
  })
}

/** Whether the browser tests can run here; in CI a missing part is a failure, elsewhere a warning. */
function e2ePlan() {
  const e2eDist = process.env.NEXT_DIST_DIR_E2E || '.next-e2e'
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (process.env.E2E === '0') {
    console.warn('\n(aviso) E2E=0: testes de navegador pulados')
    return 'skip'
  }
  if (existsSync(path.join(e2eDist, 'BUILD_ID')) && existsSync(chromium)) return 'run'
  const why = !existsSync(chromium) ? `Chromium não encontrado em ${chromium} (apt-get install -y chromium)` : `sem build em ${e2eDist} (NEXT_DIST_DIR=${e2eDist} npm run build)`
  if (process.env.CI) {
    console.error(`Testes de navegador: ${why}`)
    return 'fail'
  }
  console.warn(`\n(aviso) testes de navegador pulados: ${why}`)
  return 'skip'
}

// The SQLite run (unit + integration) ends well before the PostgreSQL one; the browser tests
// start as soon as it ends, so they overlap the PostgreSQL run's tail instead of waiting for it.
const parallel = process.env.TEST_PARALLEL !== '0'
const runs = []
const sqlite = run('sqlite', { TEST_DB: 'sqlite' }, [])
runs.push(sqlite)
if (!parallel) await sqlite
if (await reachable(pgUrl)) {
  const postgres = run('postgres', { TEST_DB: 'postgres', TEST_POSTGRES_URL: pgUrl }, ['--project', 'integration'], { quiet: parallel })
  runs.push(postgres)
  if (!parallel) await postgres
} else if (process.env.CI) {
  console.error(`PostgreSQL não está acessível em ${pgUrl}`)
  runs.push({ passed: 0, failed: 1, code: 1 })
} else {
  console.warn(`\n(aviso) PostgreSQL inacessível em ${pgUrl}: testes de integração no PostgreSQL pulados`)
}
const plan = e2ePlan()
if (plan === 'run') runs.push(sqlite.then(runE2e))
if (plan === 'fail') runs.push({ passed: 0, failed: 1, code: 1 })

const results = await Promise.all(runs)
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
const ok = failed === 0 && results.every((r) => r.code === 0)
// The failures again, last, so that the tail of a long log names them.
const failures = results.flatMap((r) => r.failures ?? [])
if (failures.length) console.log(`\n=== failed tests (${failures.length}) ===\n${failures.join('\n')}\n`)
console.log(`tests: ${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed`)
process.exit(ok ? 0 : 1)
