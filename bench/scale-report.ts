/** The large-customer figures of bench/engine-scale.ts against their targets, as RESULTS.md lines. */
export const SCALE_TARGETS = { firstAuthorizeMs: 2_000, coldLineP99Ms: 5, rps: 10_000, p99Ms: 10, ingestRate: 50_000, ingestRssMB: 1_536, warmRssMB: 2_048 }

export interface ScaleFigure {
  bench: 'engine-scale'
  error?: string
  companies?: number
  linesPerCompany?: number
  linesInDatabase?: number
  seedSeconds?: number
  loadBefore?: string
  loadAfter?: string
  serverRssAtStartMB?: number
  firstAuthorizeMs?: number
  coldLine?: { n: number; p50Ms: number; p99Ms: number; maxMs: number }
  http?: { connections: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; non2xx: number; errors: number; load: string }
  ingest?: { events: number; seconds: number; eventsPerSecond: number; slowestBatchMs: number; accepted: number; usageRows: number; replay: { accepted: number; duplicates: number }; checks: boolean; peakRssMB: number; load: string }
  serverPeakRssMB?: number
  warmAll?: { lines: number; allLines: number; seconds: number; rssMB: number; heapUsedMB: number; perCompany: { id: number; lines: number; firstMs: number; allMs: number }[]; error?: string }
}

const fmt = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('en'))
const mark = (ok: boolean | undefined) => (ok === undefined ? '**not measured**' : ok ? 'PASS' : '**FAIL**')

/** One row per target, for the summary table. */
export function scaleSummary(s: ScaleFigure): string[] {
  const T = SCALE_TARGETS
  const scope = `${fmt(s.linesInDatabase)} lines in PostgreSQL (${s.companies} × ${fmt(s.linesPerCompany)} + demo)`
  if (s.error) return [`| large customers (${scope}) | see below | bench failed | **not measured** |`]
  const h = s.http
  const i = s.ingest
  const w = s.warmAll
  const largest = w?.perCompany?.[0]
  return [
    `| first authorize on a cold company of ${fmt(s.linesPerCompany)} lines (${scope}) | < 2 s | ${fmt(s.firstAuthorizeMs)} ms | ${mark(s.firstAuthorizeMs !== undefined ? s.firstAuthorizeMs < T.firstAuthorizeMs : undefined)} |`,
    `| a cold line of a warm company (authorize through HTTP) | p99 < 5 ms | p50 ${s.coldLine?.p50Ms} ms, p99 ${s.coldLine?.p99Ms} ms (${fmt(s.coldLine?.n)} lines) | ${mark(s.coldLine ? s.coldLine.p99Ms < T.coldLineP99Ms : undefined)} |`,
    `| authorize over random lines of the large company, \`npm start\` fast path | ≥ 10 000 req/s, p99 < 10 ms | ${fmt(h?.requestsPerSecond)} req/s, p99 ${h?.p99Ms} ms, non-2xx ${h?.non2xx} (load ${h?.load}) | ${mark(h ? h.requestsPerSecond >= T.rps && h.p99Ms < T.p99Ms && h.non2xx === 0 : undefined)} |`,
    `| usage ingest of ${fmt(i?.events)} events over random lines of it, through HTTP, 2 writers | ≥ 50 000 events/s, none lost or twice | ${fmt(i?.eventsPerSecond)} events/s, checks ${i?.checks ? 'passed' : 'FAILED'} (load ${i?.load}) | ${mark(i ? i.eventsPerSecond >= T.ingestRate && i.checks : undefined)} |`,
    `| server RSS during that ingest | < 1.5 GB | peak ${fmt(i?.peakRssMB)} MB | ${mark(i ? i.peakRssMB < T.ingestRssMB : undefined)} |`,
    `| engine RSS with every line warm | < 2 GB | ${fmt(w?.rssMB)} MB for ${fmt(w?.lines)} lines | ${mark(w?.rssMB !== undefined ? w.rssMB < T.warmRssMB : undefined)} |`,
    `| a large company fully warm (all its snapshots compiled), on first use | < 10 s | ${fmt(largest?.allMs)} ms (${fmt(largest?.lines)} lines) | ${mark(largest ? largest.allMs < 10_000 : undefined)} |`,
  ]
}

export function scaleSection(s: ScaleFigure): string[] {
  const out = [
    '`npx tsx bench/engine-scale.ts [--companies 10] [--lines 100000] [--events 1000000]`: a new PostgreSQL',
    'database seeded by `npm run seed -- --lines 100000 --companies 10` (migrations, demo data, then ten',
    'companies of 100 000 lines each by COPY), `npm start` (server.mjs, production build) on it with a',
    'support API key; its RSS read from /proc every 200 ms. First authorize on a line of the largest',
    'company (cold: the company is read in bulk by that request); then 2 000 other lines of it one',
    'at a time (cold lines of a warm company); autocannon over random lines of it (10 connections);',
    '1 000 000 usage events over random lines of it in batches of 10 000 through POST /api/engine/usage',
    '(the server\'s fast path since issue 11; before, Next and the Payload endpoint), two writers, checked (usage rows and sums per service = generated, a',
    'replayed batch accepts nothing). Last, a fresh process warms every line of every large company',
    '(every snapshot compiled) and reports its RSS.',
    '',
  ]
  if (s.error) return [...out, 'The bench failed:', '', '```', s.error.slice(0, 3000), '```']
  out.push(
    `Load average before ${s.loadBefore}, after ${s.loadAfter} (2 cores, shared with other engineers' builds and tests).`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| lines in the database | ${fmt(s.linesInDatabase)} (${s.companies} companies × ${fmt(s.linesPerCompany)}, plus the demo) |`,
    `| seeding (demo + large companies) | ${s.seedSeconds ?? '(reused database)'} s |`,
    `| server RSS at start / peak | ${fmt(s.serverRssAtStartMB)} MB / ${fmt(s.serverPeakRssMB)} MB |`,
    `| first authorize, cold ${fmt(s.linesPerCompany)}-line company | ${fmt(s.firstAuthorizeMs)} ms |`,
    `| cold lines of the warm company | p50 ${s.coldLine?.p50Ms} ms, p99 ${s.coldLine?.p99Ms} ms, max ${s.coldLine?.maxMs} ms |`,
  )
  if (s.http) out.push(`| authorize, random lines, 10 connections | ${fmt(s.http.requestsPerSecond)} req/s, p50 ${s.http.p50Ms} ms, p99 ${s.http.p99Ms} ms, ${fmt(s.http.requests)} requests, non-2xx ${s.http.non2xx}, errors ${s.http.errors} |`)
  if (s.ingest) {
    const i = s.ingest
    out.push(`| usage ingest | ${fmt(i.events)} events in ${i.seconds} s = ${fmt(i.eventsPerSecond)} events/s, slowest batch ${fmt(i.slowestBatchMs)} ms, usage rows ${fmt(i.usageRows)}, replay ${i.replay.accepted} accepted / ${fmt(i.replay.duplicates)} duplicates, peak server RSS ${fmt(i.peakRssMB)} MB |`)
  }
  if (s.warmAll) {
    const w = s.warmAll
    out.push(`| every line warm | ${fmt(w.lines)} lines in ${w.seconds} s; RSS ${fmt(w.rssMB)} MB, heap ${fmt(w.heapUsedMB)} MB |`)
    for (const c of w.perCompany ?? []) out.push(`| company ${c.id} | first line ${fmt(c.firstMs)} ms (the company read in bulk), all ${fmt(c.lines)} lines ${fmt(c.allMs)} ms |`)
  }
  return out
}

/** Merges runs: each figure from the last run that measured it (a run may skip the ingest or the warm-all part). */
export function mergeRuns(runs: ScaleFigure[]): ScaleFigure {
  const out = {} as ScaleFigure
  for (const r of runs) for (const [k, v] of Object.entries(r)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v
  return out
}

/**
 * `npx tsx bench/scale-report.ts <run.json>…`: writes the large-customer rows and section into
 * bench/RESULTS.md from saved runs of bench/engine-scale.ts, keeping the rest of the file (what
 * `npm run bench` does in one go, for when only this part was run).
 */
async function main(files: string[]) {
  const { readFileSync, writeFileSync } = await import('node:fs')
  const path = await import('node:path')
  const { fileURLToPath } = await import('node:url')
  const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as ScaleFigure)
  const merged = mergeRuns(runs)
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS.md')
  let text = readFileSync(out, 'utf8')
  text = text.replace(/\n\| (first authorize on a cold|a cold line of a warm|authorize over random lines|usage ingest of|server RSS during|engine RSS with every|a large company fully warm|large customers)[^\n]*/g, '')
  const summaryEnd = text.indexOf('\n\n', text.indexOf('## Summary against the targets') + 40)
  text = text.slice(0, summaryEnd) + '\n' + scaleSummary(merged).join('\n') + text.slice(summaryEnd)
  text = text.replace(/\n## Large customers[\s\S]*?(?=\n## )/, '')
  const section = ['', '## Large customers (engine on 1 000 000 lines)', '', ...scaleSection(merged)]
  if (runs.length > 1) {
    section.push('', 'Runs merged (each figure from the last run that measured it):', '')
    for (const r of runs) section.push(`- load ${r.loadBefore} → ${r.loadAfter}: ${['firstAuthorizeMs', 'coldLine', 'http', 'ingest', 'warmAll'].filter((k) => (r as unknown as Record<string, unknown>)[k] !== undefined).join(', ')}`)
  }
  const at = text.indexOf('\n## Reports')
  text = at >= 0 ? text.slice(0, at) + section.join('\n') + '\n' + text.slice(at) : text + section.join('\n') + '\n'
  writeFileSync(out, text)
  console.log(`written to ${out}`)
}

if (process.argv[1]?.endsWith('scale-report.ts') && process.argv.length > 2) void main(process.argv.slice(2))
