/**
 * The cost report (issue 15): usage cost beyond the franchises in a period, one row per line
 * (grouped by department), a subtotal per department and the company's total, in R$.
 */
import type { ReportScope } from '../reports/scope'
import { periodInstants } from '../reports/format'
import { Lookup, usagePages } from '../reports/source'
import type { Cell } from '../reports/writer'
import { SERVICES } from '../domain/categories'

const brl = (cents: number) => (cents / 100).toFixed(2).replace('.', ',')

export async function* costRows(scope: ReportScope): AsyncIterable<Cell[]> {
  const { start, end } = periodInstants(scope.params.from, scope.params.to)
  const perLine = new Map<string, { cents: number; events: number }>()
  for await (const page of usagePages(scope.payload, { company: scope.company, services: [...SERVICES], start, end, msisdn: scope.params.line, departments: scope.departments })) {
    for (const u of page) {
      const k = String(typeof u.line === 'object' && u.line ? (u.line as { id: unknown }).id : u.line)
      const e = perLine.get(k) ?? { cents: 0, events: 0 }
      e.cents += Number(u.cost ?? 0)
      e.events++
      perLine.set(k, e)
    }
  }
  const lines = new Lookup(scope.payload, 'lines', { name: true, msisdn: true, department: true })
  await lines.load([...perLine.keys()])
  const departments = new Lookup(scope.payload, 'departments', { name: true })
  const rows = [...perLine].map(([id, e]) => ({ line: lines.get(id), ...e }))
  await departments.load(rows.map((r) => r.line?.department).filter((d) => d != null))
  const depName = (d: unknown) => (d == null ? 'Sem departamento' : String(departments.get(d)?.name ?? d))
  rows.sort((a, b) => depName(a.line?.department).localeCompare(depName(b.line?.department)) || String(a.line?.msisdn).localeCompare(String(b.line?.msisdn)))
  let total = 0
  let events = 0
  for (let i = 0; i < rows.length; ) {
    const dep = depName(rows[i].line?.department)
    let sub = 0
    let subEvents = 0
    for (; i < rows.length && depName(rows[i].line?.department) === dep; i++) {
      const r = rows[i]
      sub += r.cents
      subEvents += r.events
      yield [dep, r.line?.msisdn ? `+${String(r.line.msisdn)}` : '', r.line?.name ?? '', r.events, brl(r.cents)]
    }
    yield [`${dep} (total)`, '', '', subEvents, brl(sub)]
    total += sub
    events += subEvents
  }
  yield ['Empresa (total)', '', '', events, brl(total)]
}
