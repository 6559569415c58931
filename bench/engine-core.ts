/**
 * Engine core benchmark: `npx tsx bench/engine-core.ts [decisions]`.
 * Builds a realistic line snapshot (profile lists, calendar, limits, holidays, offers,
 * pool and quota, a large prefix table with portability), then runs mixed decisions
 * (voice in every dialling form, SMS, collect, data; inside and outside the calendar).
 * Throughput: one tight loop on one core. Latency: each call of a separate sample timed
 * with process.hrtime.bigint (its own ~50 ns overhead is included, so figures are upper bounds).
 */
import {
  authorize,
  compileOperators,
  compileSnapshot,
  emptyCounters,
  type AuthorizeEvent,
  type OperatorPrefix,
  type PortabilityOverride,
  type ProfileListEntry,
} from '../src/engine/core'
import { ALL_DDDS } from '../src/domain/ddd'

const TARGET_RATE = 1_000_000
const TARGET_P99_US = 20
const decisions = Number(process.argv[2] ?? 3_000_000)

let seed = 42
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')

const OPERATORS = ['claro', 'vivo', 'tim', 'oi', 'algar'] as const
const prefixes: OperatorPrefix[] = []
for (const ddd of ALL_DDDS) for (let block = 0; block < 100; block++) {
  prefixes.push({ prefix: `55${ddd}9${String(block).padStart(2, '0')}`, operator: pick(OPERATORS) })
}
const portability: PortabilityOverride[] = Array.from({ length: 200_000 }, () => ({
  msisdn: `55${pick(ALL_DDDS)}9${digits(8)}`,
  operator: pick(OPERATORS),
}))
const operators = compileOperators({ prefixes, portability })

const companyLines = new Set(Array.from({ length: 2_000 }, () => `5511${pick(['9', '9'])}${digits(8)}`))
const lists: ProfileListEntry[] = Array.from({ length: 60 }, (_, i) => ({
  type: i % 3 === 0 ? 'allowed' : 'blocked',
  usage: pick(['voice', 'sms', 'collect'] as const),
  scope: 'national',
  number: `${pick(ALL_DDDS)}9${digits(8)}`,
}))

const snapshot = compileSnapshot({
  company: { renewalDay: 16, csp: '21', interruptAtLimit: true },
  line: { id: 'l1', msisdn: '5511987654321', status: 'active', companyId: 'c1', accountId: 'a1' },
  profile: {
    lists,
    calendar: {
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      holidays: false,
      windows: [{ from: '07:00', to: '12:00' }, { from: '13:00', to: '22:00' }],
    },
    limits: [
      { category: 'voice.local.claro', control: 'limited', quantity: 1000 },
      { category: 'voice.national.other', control: 'limited', quantity: 300 },
      { category: 'voice.international.mobile', control: 'blocked' },
      { category: 'voice.special', control: 'unlimited' },
      { category: 'sms.other', control: 'limited', quantity: 200 },
    ],
  },
  holidays: Array.from({ length: 40 }, (_, i) => ({
    date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
    ddd: i % 4 === 0 ? 11 : null,
  })).filter((h) => !h.date.startsWith('2025-06')),
  offers: [
    { id: 'voz', name: 'Pacote VOZ', unit: 'minutes', amount: 3000 },
    { id: 'sms', name: 'Pacote SMS', unit: 'sms', amount: 500 },
    { id: 'bonus', name: 'Mega Bônus', unit: 'mb', amount: 1024 },
  ],
  transfers: [{ offerId: 'voz', amount: 500, direction: 'in' }],
  pool: { offerId: 'pool', name: 'Claro Total Compartilhado 100GB', totalMB: 100 * 1024 },
  quota: { control: 'limited', amountMB: 5 * 1024 },
  companyLines,
  operators,
})

const counters = emptyCounters()
counters.categories['voice.local.claro'] = 30_000
counters.categories['sms.other'] = 120
counters.lineDataBytes = 2 * 1024 ** 3
counters.poolBytes = 60 * 1024 ** 3

const mobileForms = () =>
  pick([
    `9${digits(8)}`,
    `0${pick(['21', '15', '41'])}${pick(ALL_DDDS)}9${digits(8)}`,
    `+55${pick(ALL_DDDS)}9${digits(8)}`,
    `+55 ${pick(ALL_DDDS)} 9${digits(4)}-${digits(4)}`,
    `${pick(ALL_DDDS)}9${digits(8)}`,
    [...companyLines][Math.floor(random() * 50)].slice(4),
    lists[Math.floor(random() * lists.length)].number,
  ])
const voiceDestination = () =>
  random() < 0.6
    ? mobileForms()
    : pick([
        `${pick(['2', '3', '4'])}${digits(7)}`,
        `0${pick(['21', '15'])}${pick(ALL_DDDS)}3${digits(7)}`,
        `0021${pick(['44', '351', '1', '33'])}${digits(9)}`,
        `9090${9}${digits(8)}`,
        `0800${digits(7)}`,
        pick(['190', '192', '1052', '40041234']),
      ])
const smsDestination = () => (random() < 0.9 ? mobileForms() : pick(['35743', '4004', `+44791${digits(7)}`]))

// Mostly working hours on weekdays (a week with no holidays), some evenings and weekends.
const monday = Date.parse('2025-06-09T03:00:00Z') // Monday 00:00 in São Paulo
const HOUR = 3_600_000
const eventTime = () =>
  random() < 0.85
    ? monday + Math.floor(random() * 5) * 24 * HOUR + 8 * HOUR + Math.floor(random() * 10 * HOUR)
    : monday + Math.floor(random() * 7 * 24 * HOUR)

const EVENTS = 8192
const events: AuthorizeEvent[] = Array.from({ length: EVENTS }, () => {
  const service = pick(['voice', 'voice', 'voice', 'voice', 'sms', 'sms', 'collect', 'data'] as const)
  return {
    service,
    destination: service === 'data' ? undefined : service === 'sms' ? smsDestination() : service === 'collect' ? mobileForms() : voiceDestination(),
    at: eventTime(),
    units: service === 'data' ? 1_000_000 : service === 'sms' ? 1 : pick([undefined, 60, 180, 600]),
  }
})

let sink = 0
function runBatch(count: number): void {
  for (let i = 0; i < count; i++) {
    const decision = authorize(snapshot, counters, events[i & (EVENTS - 1)])
    sink += decision.granted + (decision.allow ? 1 : 0)
  }
}

runBatch(500_000) // warm-up: let the JIT settle

const started = process.hrtime.bigint()
runBatch(decisions)
const elapsedNs = Number(process.hrtime.bigint() - started)
const perSecond = decisions / (elapsedNs / 1e9)

const SAMPLE = 300_000
const latencies = new Float64Array(SAMPLE)
for (let i = 0; i < SAMPLE; i++) {
  const event = events[(i * 7) & (EVENTS - 1)]
  const t0 = process.hrtime.bigint()
  const decision = authorize(snapshot, counters, event)
  latencies[i] = Number(process.hrtime.bigint() - t0)
  sink += decision.granted
}
latencies.sort()
const quantile = (q: number) => latencies[Math.min(SAMPLE - 1, Math.floor(q * SAMPLE))] / 1000
const p50 = quantile(0.5)
const p99 = quantile(0.99)
const p999 = quantile(0.999)

const outcomes = new Map<string, number>()
for (const event of events) {
  const code = authorize(snapshot, counters, event).reason.code
  outcomes.set(code, (outcomes.get(code) ?? 0) + 1)
}

const pass = perSecond >= TARGET_RATE && p99 < TARGET_P99_US
console.log(`reason mix over ${EVENTS} distinct events: ${[...outcomes].map(([k, v]) => `${k}=${v}`).join(' ')}`)
console.log(
  `engine-core: ${decisions.toLocaleString('en')} decisions in ${(elapsedNs / 1e6).toFixed(0)} ms = ` +
    `${Math.round(perSecond).toLocaleString('en')} decisions/s (one core); latency p50 ${p50.toFixed(2)} µs, ` +
    `p99 ${p99.toFixed(2)} µs, p99.9 ${p999.toFixed(2)} µs — targets ≥ ${TARGET_RATE.toLocaleString('en')}/s, ` +
    `p99 < ${TARGET_P99_US} µs: ${pass ? 'PASS' : 'FAIL'} [${sink > 0 ? 'ok' : ''}]`,
)
process.exitCode = pass ? 0 : 1
