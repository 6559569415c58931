/**
 * rate(): what one usage event changes in the counters, and which notices it triggers.
 * It reads the counters and never writes them: applyDeltas() does, and idempotency by
 * event id belongs to the caller (Engine.ingest in ../service.ts).
 *
 * Units and rounding:
 *   - voice and collect calls are billed per second; a fraction of a second rounds up and
 *     there is no minimum charge. Minute franchises are held in seconds (amount × 60).
 *   - SMS count one per message; data counts bytes (franchises in MB of 2^20 bytes).
 * Consumption order: the line's offers in snapshot order (each only for the categories it
 * covers, capacity after Claro Pós transfers), then
 *   - voice/SMS: the rest is excess ("Excedente de VOZ/SMS"), never refused;
 *   - data: the rest is drawn from the shared pool (line counter for the quota + pool
 *     counter), or is excess data when the line has neither pool nor quota.
 * Toll-free destinations (0800, 1XX, 10XY, emergency) count in their category only.
 * Notices: 60/80/100 % of each offer, the pool and a limited quota, once per package per
 * cycle: `sentNotices` holds the keys already sent, the result holds only new ones.
 */
import type { UsageCategory } from '../../domain/categories'
import { classify } from './classify'
import { cycleKeyFor } from './cycle'
import type { CompiledSnapshot, Counters, UsageEvent } from './types'

export const NOTICE_THRESHOLDS = [60, 80, 100] as const
export type NoticeThreshold = (typeof NOTICE_THRESHOLDS)[number]
export type PackageKind = 'offer' | 'pool' | 'quota'

export interface OfferConsumption {
  offerId: string
  units: number
}

export interface CounterDeltas {
  category: UsageCategory
  categoryUnits: number
  offers: OfferConsumption[]
  excess: { voiceSeconds: number; sms: number; dataBytes: number }
  lineDataBytes: number
  poolBytes: number
}

export interface Notice {
  /** `${cycleKey}|${kind}:${packageId}|${threshold}`: unique per package, threshold and cycle. */
  key: string
  cycleKey: string
  lineId: string
  msisdn: string
  kind: PackageKind
  packageId: string
  packageName: string
  threshold: NoticeThreshold
  /** Consumption after this event, in whole percent. */
  percent: number
  /** pt-BR SMS text. */
  message: string
}

export interface Rating {
  ok: true
  cycleKey: string
  category: UsageCategory
  /** Billed units: seconds, messages or bytes. */
  units: number
  destination: string
  deltas: CounterDeltas
  notices: Notice[]
}

export interface RatingError {
  ok: false
  error: string
}

export function emptyCounters(): Counters {
  return { categories: {}, offers: {}, excess: { voiceSeconds: 0, sms: 0, dataBytes: 0 }, lineDataBytes: 0, poolBytes: 0 }
}

const EMPTY_SET: ReadonlySet<string> = new Set()

export function noticeKey(cycleKey: string, kind: PackageKind, packageId: string, threshold: NoticeThreshold): string {
  return `${cycleKey}|${kind}:${packageId}|${threshold}`
}

function noticeText(kind: PackageKind, name: string, threshold: NoticeThreshold): string {
  const what = kind === 'quota' ? 'da sua cota de dados' : kind === 'pool' ? `da franquia compartilhada ${name}` : `do pacote ${name}`
  return threshold === 100
    ? `Claro: você atingiu 100% ${what} neste ciclo.`
    : `Claro: você consumiu ${threshold}% ${what} neste ciclo.`
}

function collectNotices(
  out: Notice[],
  snapshot: CompiledSnapshot,
  cycleKey: string,
  sent: ReadonlySet<string>,
  kind: PackageKind,
  packageId: string,
  packageName: string,
  usedAfter: number,
  capacity: number,
): void {
  if (!(capacity > 0) || capacity === Infinity) return
  for (const threshold of NOTICE_THRESHOLDS) {
    if (usedAfter * 100 < threshold * capacity) break
    const key = noticeKey(cycleKey, kind, packageId, threshold)
    if (sent.has(key)) continue
    out.push({
      key,
      cycleKey,
      lineId: snapshot.line.id,
      msisdn: snapshot.line.msisdn,
      kind,
      packageId,
      packageName,
      threshold,
      percent: Math.floor((usedAfter * 100) / capacity),
      message: noticeText(kind, packageName, threshold),
    })
  }
}

export function rate(
  snapshot: CompiledSnapshot,
  counters: Counters,
  event: UsageEvent,
  sentNotices: ReadonlySet<string> = EMPTY_SET,
): Rating | RatingError {
  if (typeof event.units !== 'number' || !Number.isFinite(event.units) || event.units < 0) {
    return { ok: false, error: 'units deve ser um número não negativo (segundos, mensagens ou bytes).' }
  }
  const at = event.at instanceof Date ? event.at.getTime() : event.at
  if (typeof at !== 'number' || !Number.isFinite(at)) return { ok: false, error: 'at deve ser uma data válida.' }
  const classified = classify(snapshot, event.service, event.destination)
  if (!classified.ok) return { ok: false, error: `Destino inválido: ${classified.message}` }
  const { category, destination } = classified
  const units = Math.ceil(event.units)
  const cycleKey = cycleKeyFor(at, snapshot.renewalDay)
  const deltas: CounterDeltas = {
    category,
    categoryUnits: units,
    offers: [],
    excess: { voiceSeconds: 0, sms: 0, dataBytes: 0 },
    lineDataBytes: 0,
    poolBytes: 0,
  }
  const notices: Notice[] = []
  if (destination.tollFree || units === 0) {
    return { ok: true, cycleKey, category, units, destination: destination.e164, deltas, notices }
  }

  let remaining = units
  for (const offer of snapshot.offers) {
    if (remaining === 0) break
    if (!offer.categories.has(category)) continue
    const used = counters.offers[offer.id] ?? 0
    const take = Math.min(Math.max(0, offer.capacity - used), remaining)
    if (take <= 0) continue
    deltas.offers.push({ offerId: offer.id, units: take })
    remaining -= take
    collectNotices(notices, snapshot, cycleKey, sentNotices, 'offer', offer.id, offer.name, used + take, offer.capacity)
  }

  if (remaining > 0) {
    if (category === 'data') {
      if (snapshot.pool === null && snapshot.quota === null) deltas.excess.dataBytes = remaining
      else {
        deltas.lineDataBytes = remaining
        const quota = snapshot.quota
        if (quota !== null && quota.control === 'limited') {
          const after = counters.lineDataBytes + remaining
          collectNotices(notices, snapshot, cycleKey, sentNotices, 'quota', snapshot.line.id, 'cota de dados', after, quota.capacityBytes)
        }
        const pool = snapshot.pool
        if (pool !== null) {
          deltas.poolBytes = remaining
          const after = counters.poolBytes + remaining
          collectNotices(notices, snapshot, cycleKey, sentNotices, 'pool', pool.offerId, pool.name, after, pool.capacityBytes)
        }
      }
    } else if (category.startsWith('sms.')) deltas.excess.sms = remaining
    else deltas.excess.voiceSeconds = remaining
  }
  return { ok: true, cycleKey, category, units, destination: destination.e164, deltas, notices }
}

/** Add a rating's deltas to the counters (in place). */
export function applyDeltas(counters: Counters, deltas: CounterDeltas): void {
  counters.categories[deltas.category] = (counters.categories[deltas.category] ?? 0) + deltas.categoryUnits
  for (const { offerId, units } of deltas.offers) counters.offers[offerId] = (counters.offers[offerId] ?? 0) + units
  counters.excess.voiceSeconds += deltas.excess.voiceSeconds
  counters.excess.sms += deltas.excess.sms
  counters.excess.dataBytes += deltas.excess.dataBytes
  counters.lineDataBytes += deltas.lineDataBytes
  counters.poolBytes += deltas.poolBytes
}
