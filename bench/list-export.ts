/**
 * "Download relatório" of the lines list (C1/C2, GET /api/lines/export) on N lines
 * (default 100 000): time to the first byte, time to the whole file, its size and the
 * process's peak RSS, through the same REST handler Next serves.
 *   npx tsx bench/list-export.ts [--rows 100000]      (SQLite; TEST_DB=postgres for PostgreSQL)
 * Target: first byte at once, the whole file in under 5 s, memory flat (one page of rows).
 * The lines are bulk-inserted with the adapter's drizzle table (no hooks) before measuring.
 */
import os from 'node:os'
import { REST_GET } from '@payloadcms/next/routes'
import { startTestApp } from '../tests/helpers/app'
import { loginAs, makeWorld } from '../tests/helpers/world'

const arg = process.argv.indexOf('--rows')
const ROWS = arg > 0 ? Number(process.argv[arg + 1]) : 100_000
const TARGET_SECONDS = 5

async function main() {
  const app = await startTestApp()
  try {
    const world = await makeWorld(app.payload)
    const a = world.a
    const db = app.payload.db as unknown as { drizzle: any; tables: Record<string, any> }
    const t0 = Date.now()
    const now = new Date().toISOString()
    for (let i = 0; i < ROWS; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, ROWS - i) }, (_, k) => {
        const n = i + k
        return {
          company: a.company.id,
          account: a.account.id,
          department: a.departments[n % 2].id,
          profile: a.profile.id,
          msisdn: `55119${String(10_000_000 + n).padStart(8, '0')}`,
          name: `Linha ${n}`,
          status: 'active',
          iccid: `8955${String(n).padStart(15, '0')}`,
          imsi: `72405${String(n).padStart(10, '0')}`,
          updatedAt: now,
          createdAt: now,
        }
      })
      await db.drizzle.insert(db.tables.lines).values(batch)
    }
    const seedSeconds = (Date.now() - t0) / 1000
    const token = await loginAs(app.rest, app.payload, a.users.admin)
    const rssBefore = process.memoryUsage().rss
    let peakRss = rssBefore
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    const url = new URL('http://localhost/api/lines/export')
    const res = await REST_GET(Promise.resolve(app.config))(new Request(url, { headers: { authorization: `JWT ${token}` } }), {
      params: Promise.resolve({ slug: ['lines', 'export'] }),
    })
    const reader = res.body!.getReader()
    let firstByte = 0
    let bytes = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!firstByte) firstByte = performance.now() - start
      bytes += value.byteLength
    }
    const total = (performance.now() - start) / 1000
    const cpu = process.cpuUsage(cpuStart)
    clearInterval(sampler)
    const figure = {
      bench: 'lines export (Download relatório)',
      db: app.dbKind,
      rows: ROWS + a.lines.length,
      status: res.status,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      firstByteMs: Math.round(firstByte),
      totalSeconds: Math.round(total * 100) / 100,
      // CPU time of this process (user + system): the figure to compare on a shared, noisy machine.
      cpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100,
      fileMB: Math.round((bytes / 1048576) * 10) / 10,
      rssBeforeMB: Math.round(rssBefore / 1048576),
      peakRssMB: Math.round(peakRss / 1048576),
      loadAvg1m: Math.round(os.loadavg()[0] * 10) / 10,
      target: `< ${TARGET_SECONDS} s`,
      met: total < TARGET_SECONDS,
    }
    console.log(JSON.stringify(figure))
  } finally {
    await app.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
