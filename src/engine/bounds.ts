/**
 * What the engine accepts from the network (issue 10, item 11): per service ceilings on `units`
 * and a plausible time window for `at`. Beyond them an event is rejected with its reason, so no
 * counter can become `Infinity` nor a cycle open in year 275760. Settings by environment:
 *   ENGINE_MAX_CALL_SECONDS (86 400: a call or collect call of 24 h), ENGINE_MAX_SMS (100 per event),
 *   ENGINE_MAX_DATA_BYTES (100 GiB per event), ENGINE_MAX_PAST_DAYS (400), ENGINE_MAX_FUTURE_MINUTES (5),
 *   read once per process.
 */
import { engineBound } from '../lib/settings'
import type { Service } from './core'

interface Bounds {
  sms: number
  dataBytes: number
  callSeconds: number
  pastDays: number
  futureMinutes: number
}

// Read once per process: checked for every event of every batch, and reading process.env is slow
// (five reads were ~7 µs of an event's CPU time, bench/profile-ingest.ts).
let bounds: Bounds | undefined
const boundsNow = (): Bounds =>
  (bounds ??= {
    sms: engineBound('ENGINE_MAX_SMS', 100),
    dataBytes: engineBound('ENGINE_MAX_DATA_BYTES', 100 * 2 ** 30),
    callSeconds: engineBound('ENGINE_MAX_CALL_SECONDS', 86_400),
    pastDays: engineBound('ENGINE_MAX_PAST_DAYS', 400),
    futureMinutes: engineBound('ENGINE_MAX_FUTURE_MINUTES', 5),
  })

export function unitCeiling(service: Service): number {
  const b = boundsNow()
  if (service === 'sms') return b.sms
  if (service === 'data') return b.dataBytes
  return b.callSeconds
}

const UNIT_NAMES: Record<Service, string> = { voice: 'segundos', collect: 'segundos', sms: 'mensagens', data: 'bytes' }

/** Why `units` of this service are refused, or null. `units` is already a non-negative integer. */
export function unitsProblem(service: Service, units: number): string | null {
  const max = unitCeiling(service)
  return units > max ? `no máximo ${max.toLocaleString('pt-BR')} ${UNIT_NAMES[service]} por evento de ${service}` : null
}

/** Why this instant is outside the accepted window (`now` − ENGINE_MAX_PAST_DAYS … `now` + ENGINE_MAX_FUTURE_MINUTES), or null. */
export function instantProblem(at: Date, now = Date.now()): string | null {
  const { pastDays, futureMinutes } = boundsNow()
  if (at.getTime() < now - pastDays * 86_400_000) return `anterior ao limite de ${pastDays} dias atrás`
  if (at.getTime() > now + futureMinutes * 60_000) return `mais de ${futureMinutes} minutos no futuro`
  return null
}
