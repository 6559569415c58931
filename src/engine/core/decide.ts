/**
 * authorize(): may this line use this service now, and how many units are granted?
 *
 * Precedence (first rule that answers wins):
 *   1. LINE_NOT_ACTIVE        only `active` lines may use anything.
 *   2. INVALID_EVENT          `at` is not a valid instant.
 *      INVALID_DESTINATION    voice/sms/collect destinations must classify (data has none).
 *   3. EMERGENCY              190–199/112 voice calls: allowed whatever the profile says.
 *   4. BLOCKED_LIST           the profile's blocked list for this usage (voice, sms, collect).
 *   5. ALLOWED_LIST           the profile's allowed list: skips calendar and category limits.
 *   6. HOLIDAY                today is a holiday (national, the line's DDD or state) and the
 *                             calendar does not allow holidays; on a holiday the holidays
 *                             switch replaces the weekday check (it is the calendar's
 *                             "Feriados" day), time windows still apply.
 *      OUTSIDE_CALENDAR       weekday not selected, or time outside every window
 *                             ([from, to) in São Paulo time; no windows = the whole day).
 *   7. CATEGORY_BLOCKED       the profile blocks this category.
 *      CATEGORY_LIMIT_REACHED the cycle's usage reached the category's limit.
 *   8. QUOTA_BLOCKED / QUOTA_EXHAUSTED / POOL_EXHAUSTED   data only, once the line's own
 *                             MB franchises are used up.
 *   9. OK
 * A line without a profile has no lists, calendar or category limits (steps 4–7 pass).
 * Calendars apply to data sessions too; profile limits apply to voice and SMS only.
 * Franchises never refuse voice or SMS: beyond them the usage is excess (rate.ts).
 *
 * Granted units: voice/collect seconds, SMS messages, data bytes. Missing or non-positive
 * `units` asks for the default (one hour of call, one message, 10 MB of data).
 *   - voice, limited category, interrupt-at-limit on: min(requested, seconds left);
 *     off: the requested call in full (it completes), the next one is refused.
 *   - sms, limited category: min(requested, messages left).
 *   - data: min(requested, own MB franchises left + min(quota left, pool left)).
 */
import type { UsageCategory } from '../../domain/categories'
import { categoryOf, parseDestination } from './classify'
import { CATEGORY_INDEX } from './compile'
import { CATEGORY_BLOCKED, CATEGORY_LIMIT_REACHED, LINE_NOT_ACTIVE, REASONS, invalidDestination } from './reasons'
import { toLocalMs } from './time'
import {
  LIMIT_BLOCKED,
  LIMIT_LIMITED,
  type AuthorizeEvent,
  type CompiledCalendar,
  type CompiledSnapshot,
  type Counters,
  type Decision,
  type ListUsage,
  type Reason,
} from './types'

export const DEFAULT_CALL_SECONDS = 3600
export const DEFAULT_SMS_COUNT = 1
export const DEFAULT_DATA_CHUNK_BYTES = 10 * 1024 * 1024

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

function deny(category: UsageCategory | null, reason: Reason, destination?: string): Decision {
  return { allow: false, granted: 0, category, reason, destination }
}

function requestedUnits(units: number | undefined, fallback: number): number {
  return units !== undefined && units > 0 && Number.isFinite(units) ? Math.ceil(units) : fallback
}

/** The calendar's refusal at this instant, or null when the line may be used. */
export function calendarRefusal(
  calendar: CompiledCalendar,
  holidayDays: ReadonlySet<number>,
  epochMs: number,
): Reason | null {
  const local = toLocalMs(epochMs)
  const day = Math.floor(local / DAY_MS)
  if (holidayDays.size > 0 && holidayDays.has(day)) {
    if (!calendar.holidaysAllowed) return REASONS.HOLIDAY
  } else {
    const weekday = (((day + 3) % 7) + 7) % 7
    if ((calendar.dayMask & (1 << weekday)) === 0) return REASONS.OUTSIDE_DAYS
  }
  const windows = calendar.windows
  if (windows.length === 0) return null
  const minute = Math.floor((local - day * DAY_MS) / MINUTE_MS)
  for (let i = 0; i < windows.length; i += 2) {
    if (minute >= windows[i] && minute < windows[i + 1]) return null
  }
  return REASONS.OUTSIDE_HOURS
}

function dataLeft(snapshot: CompiledSnapshot, counters: Counters) {
  let own = 0
  for (const offer of snapshot.dataOffers) own += Math.max(0, offer.capacity - (counters.offers[offer.id] ?? 0))
  const quota = snapshot.quota
  const quotaLeft =
    quota === null || quota.control === 'unlimited'
      ? Infinity
      : quota.control === 'blocked'
        ? 0
        : Math.max(0, quota.capacityBytes - counters.lineDataBytes)
  const poolLeft = snapshot.pool === null ? Infinity : Math.max(0, snapshot.pool.capacityBytes - counters.poolBytes)
  return { own, quotaLeft, poolLeft }
}

function authorizeData(snapshot: CompiledSnapshot, counters: Counters, units: number | undefined): Decision {
  const { own, quotaLeft, poolLeft } = dataLeft(snapshot, counters)
  const left = own + Math.min(quotaLeft, poolLeft)
  if (left <= 0) {
    const reason =
      snapshot.quota?.control === 'blocked'
        ? REASONS.QUOTA_BLOCKED
        : quotaLeft <= 0
          ? REASONS.QUOTA_EXHAUSTED
          : REASONS.POOL_EXHAUSTED
    return deny('data', reason)
  }
  return {
    allow: true,
    granted: Math.min(requestedUnits(units, DEFAULT_DATA_CHUNK_BYTES), left),
    category: 'data',
    reason: REASONS.OK,
  }
}

export function authorize(snapshot: CompiledSnapshot, counters: Counters, event: AuthorizeEvent): Decision {
  if (!snapshot.active) return deny(null, LINE_NOT_ACTIVE[snapshot.line.status])
  const service = event.service
  const calendar = snapshot.calendar
  const epochMs = typeof event.at === 'number' ? event.at : event.at.getTime()
  if (!Number.isFinite(epochMs)) return deny(null, REASONS.INVALID_EVENT)

  if (service === 'data') {
    const refusal = calendar === null ? null : calendarRefusal(calendar, snapshot.holidayDays, epochMs)
    if (refusal !== null) return deny('data', refusal)
    return authorizeData(snapshot, counters, event.units)
  }

  const parsed = parseDestination(event.destination, snapshot)
  if (parsed.kind === 'invalid') return deny(null, invalidDestination(parsed.message))
  const category = categoryOf(snapshot, service, parsed)
  if (typeof category !== 'string') return deny(null, invalidDestination(category.message), parsed.e164)
  const destination = parsed.e164
  const isSms = service === 'sms'
  const requested = requestedUnits(event.units, isSms ? DEFAULT_SMS_COUNT : DEFAULT_CALL_SECONDS)

  if (parsed.emergency && !isSms) {
    return { allow: true, granted: requested, category, reason: REASONS.EMERGENCY, destination }
  }
  const lists = snapshot.lists
  if (lists.hasAny) {
    const usage: ListUsage = category === 'voice.collect' ? 'collect' : isSms ? 'sms' : 'voice'
    if (lists.blocked[usage].has(parsed.key)) return deny(category, REASONS.BLOCKED_LIST, destination)
    if (lists.allowed[usage].has(parsed.key)) {
      return { allow: true, granted: requested, category, reason: REASONS.ALLOWED_LIST, destination }
    }
  }
  if (calendar !== null) {
    const refusal = calendarRefusal(calendar, snapshot.holidayDays, epochMs)
    if (refusal !== null) return deny(category, refusal, destination)
  }

  const index = CATEGORY_INDEX.get(category) as number
  const control = snapshot.limitControl[index]
  if (control === LIMIT_BLOCKED) return deny(category, CATEGORY_BLOCKED[category], destination)
  let granted = requested
  if (control === LIMIT_LIMITED) {
    const left = snapshot.limitUnits[index] - (counters.categories[category] ?? 0)
    if (left <= 0) return deny(category, CATEGORY_LIMIT_REACHED[category], destination)
    if (isSms || snapshot.interruptAtLimit) granted = Math.min(requested, Math.floor(left))
    if (granted <= 0) return deny(category, CATEGORY_LIMIT_REACHED[category], destination)
  }
  return { allow: true, granted, category, reason: REASONS.OK, destination }
}
