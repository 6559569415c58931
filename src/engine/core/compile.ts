import { DEFAULT_CSP, isValidDdd, stateOfDdd } from '../../domain/ddd'
import { USAGE_CATEGORIES, WEEKDAYS, type UsageCategory } from '../../domain/categories'
import { parseDestination, type LineContext } from './classify'
import { compileOperators, isOperatorIndex } from './operators'
import { dayNumberOfIsoDate, minutesOfHhMm } from './time'
import {
  LIMIT_BLOCKED,
  LIMIT_LIMITED,
  LIMIT_NONE,
  type CalendarData,
  type CompiledCalendar,
  type CompiledLists,
  type CompiledOffer,
  type CompiledSnapshot,
  type FranchiseTransfer,
  type HolidayData,
  type ListUsage,
  type OfferData,
  type OfferUnit,
  type ProfileData,
  type ProfileParts,
  type SnapshotInput,
} from './types'

/** Data franchises and quotas are in MB of 2^20 bytes (the carrier's binary MB). */
export const BYTES_PER_MB = 1024 * 1024

export const CATEGORY_INDEX: ReadonlyMap<UsageCategory, number> = new Map(USAGE_CATEGORIES.map((c, i) => [c, i]))

export function isVoiceCategory(category: UsageCategory): boolean {
  return category.startsWith('voice.')
}

/**
 * Which categories consume an offer that does not list them: a minutes franchise covers
 * national voice (intragroup, local, long distance, collect); an SMS franchise covers SMS to
 * mobiles in Brazil; an MB franchise covers data. International and special-number usage
 * is therefore billed as excess unless an offer names those categories.
 */
export const DEFAULT_OFFER_CATEGORIES: Record<OfferUnit, readonly UsageCategory[]> = {
  minutes: USAGE_CATEGORIES.filter(
    (c) => c.startsWith('voice.') && !c.startsWith('voice.international.') && c !== 'voice.special',
  ),
  sms: ['sms.claro', 'sms.other'],
  mb: ['data'],
}

const UNIT_FACTOR: Record<OfferUnit, number> = { minutes: 60, sms: 1, mb: BYTES_PER_MB }

export class SnapshotError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
    this.name = 'SnapshotError'
  }
}

const MSISDN = /^55(\d{2})(\d{8,9})$/

function compileLists(profile: ProfileData | null, line: LineContext, warnings: string[]): CompiledLists {
  const usages: ListUsage[] = ['voice', 'sms', 'collect']
  const allowed = Object.fromEntries(usages.map((u) => [u, new Set<number>()])) as Record<ListUsage, Set<number>>
  const blocked = Object.fromEntries(usages.map((u) => [u, new Set<number>()])) as Record<ListUsage, Set<number>>
  let hasAny = false
  for (const entry of profile?.lists ?? []) {
    const raw = entry.number.trim()
    // An international entry may be written without '+' or '00': its digits start with the country code.
    const dialled = entry.scope === 'international' && !raw.startsWith('+') && !raw.startsWith('00') ? `+${raw}` : raw
    const parsed = parseDestination(dialled, line)
    if (parsed.kind === 'invalid') {
      warnings.push(`Lista ${entry.type}/${entry.usage}: "${entry.number}" ignorado (${parsed.message})`)
      continue
    }
    ;(entry.type === 'blocked' ? blocked : allowed)[entry.usage].add(parsed.key)
    hasAny = true
  }
  return { allowed, blocked, hasAny }
}

function compileCalendar(calendar: CalendarData): CompiledCalendar {
  let dayMask = 0
  for (const day of calendar.days) {
    const index = WEEKDAYS.indexOf(day)
    if (index < 0) throw new SnapshotError('profile.calendar.days', `dia inválido "${day}"`)
    dayMask |= 1 << index
  }
  const windows = new Int16Array(calendar.windows.length * 2)
  calendar.windows.forEach((window, i) => {
    const from = minutesOfHhMm(window.from)
    // '23:59' as an end means "until midnight": the last minute of the day is usable too.
    const to = window.to === '23:59' ? 1440 : minutesOfHhMm(window.to)
    if (from === undefined || to === undefined) {
      throw new SnapshotError(`profile.calendar.windows.${i}`, `horário inválido ${window.from}–${window.to}`)
    }
    if (from >= to) throw new SnapshotError(`profile.calendar.windows.${i}`, 'o início deve ser antes do fim')
    windows[i * 2] = from
    windows[i * 2 + 1] = to
  })
  return { dayMask, holidaysAllowed: calendar.holidays, windows }
}

function compileLimits(profile: ProfileData | null, warnings: string[]) {
  const control = new Uint8Array(USAGE_CATEGORIES.length).fill(LIMIT_NONE)
  const units = new Float64Array(USAGE_CATEGORIES.length).fill(Infinity)
  for (const limit of profile?.limits ?? []) {
    const index = CATEGORY_INDEX.get(limit.category)
    if (index === undefined) throw new SnapshotError('profile.limits', `categoria desconhecida "${limit.category}"`)
    if (limit.category === 'data') {
      warnings.push('Limite de perfil para dados ignorado: dados são limitados pela cota da linha.')
      continue
    }
    if (limit.control === 'blocked') control[index] = LIMIT_BLOCKED
    else if (limit.control === 'limited') {
      const quantity = limit.quantity ?? 0
      if (!Number.isInteger(quantity) || quantity < 0) {
        throw new SnapshotError(`profile.limits.${limit.category}`, 'a quantidade deve ser um inteiro não negativo')
      }
      control[index] = LIMIT_LIMITED
      units[index] = isVoiceCategory(limit.category) ? quantity * 60 : quantity
    }
  }
  return { control, units }
}

function holidaysOfLine(holidays: readonly HolidayData[], ddd: number, state: string | undefined): Set<number> {
  const days = new Set<number>()
  holidays.forEach((holiday, i) => {
    const applies =
      (holiday.ddd == null && holiday.state == null) ||
      (holiday.ddd != null && Number(holiday.ddd) === ddd) ||
      (holiday.state != null && holiday.state === state)
    if (!applies) return
    const day = dayNumberOfIsoDate(holiday.date)
    if (day === undefined) throw new SnapshotError(`holidays.${i}.date`, `data inválida "${holiday.date}"`)
    days.add(day)
  })
  return days
}

function compileOffers(offers: readonly OfferData[], transfers: readonly FranchiseTransfer[]): CompiledOffer[] {
  const moved = new Map<string, number>()
  for (const t of transfers) moved.set(t.offerId, (moved.get(t.offerId) ?? 0) + (t.direction === 'in' ? t.amount : -t.amount))
  return offers.map((offer) => ({
    id: offer.id,
    name: offer.name,
    unit: offer.unit,
    capacity: Math.max(0, offer.amount + (moved.get(offer.id) ?? 0)) * UNIT_FACTOR[offer.unit],
    categories: new Set(offer.categories ?? DEFAULT_OFFER_CATEGORIES[offer.unit]),
  }))
}

const NO_OFFERS: readonly CompiledOffer[] = Object.freeze([])

export function compileProfileParts(profile: ProfileData | null, lineDdd: number): ProfileParts {
  const warnings: string[] = []
  const limits = compileLimits(profile, warnings)
  return {
    hasProfile: profile !== null,
    lists: compileLists(profile, { lineDdd }, warnings),
    calendar: profile ? compileCalendar(profile.calendar) : null,
    limitControl: limits.control,
    limitUnits: limits.units,
    warnings,
  }
}

/** The holidays (day numbers) that apply to a line of this DDD; lines of one DDD share them. */
export function holidayDaysOf(holidays: readonly HolidayData[], lineDdd: number): ReadonlySet<number> {
  return holidaysOfLine(holidays, lineDdd, stateOfDdd(lineDdd))
}

/** The DDD of an MSISDN (55 + DDD + 8/9 digits), or undefined when it is not a valid one. */
export function dddOfMsisdn(msisdn: string): number | undefined {
  const m = MSISDN.exec(msisdn)
  return m && isValidDdd(m[1]) ? Number(m[1]) : undefined
}

function companyLineKeysOf(input: SnapshotInput): ReadonlySet<number> | null {
  if (input.companyLineKeys) return input.companyLineKeys
  const companyLines = input.companyLines
  if (companyLines === undefined) return new Set()
  return typeof companyLines === 'function' ? null : new Set([...companyLines].map(Number))
}

/**
 * Build the decision-ready snapshot of one line. Throws SnapshotError on data that cannot be enforced.
 * Its size does not depend on its company's: the company's numbers (`companyLineKeys`), the
 * operator index and the `shared` parts are referenced, never copied.
 */
export function compileSnapshot(input: SnapshotInput): CompiledSnapshot {
  const { company, line, profile } = input
  const msisdn = MSISDN.exec(line.msisdn)
  if (!msisdn || !isValidDdd(msisdn[1])) throw new SnapshotError('line.msisdn', `MSISDN inválido "${line.msisdn}"`)
  const lineDddText = msisdn[1]
  const lineDdd = Number(lineDddText)
  if (!Number.isInteger(company.renewalDay) || company.renewalDay < 1 || company.renewalDay > 31) {
    throw new SnapshotError('company.renewalDay', 'deve ser um dia entre 1 e 31')
  }
  const lineState = stateOfDdd(lineDdd)
  const parts = input.shared?.profile ?? compileProfileParts(profile, lineDdd)
  const offers = input.offers?.length ? compileOffers(input.offers, input.transfers ?? []) : NO_OFFERS
  const dataOffers = offers.filter((o) => o.categories.has('data'))
  const companyLines = input.companyLines
  return {
    kind: 'compiled-snapshot',
    line,
    lineDdd,
    lineDddText,
    lineState,
    active: line.status === 'active',
    csp: company.csp ?? DEFAULT_CSP,
    renewalDay: company.renewalDay,
    interruptAtLimit: company.interruptAtLimit,
    hasProfile: parts.hasProfile,
    lists: parts.lists,
    calendar: parts.calendar,
    limitControl: parts.limitControl,
    limitUnits: parts.limitUnits,
    holidayDays: input.shared?.holidayDays ?? holidaysOfLine(input.holidays ?? [], lineDdd, lineState),
    offers,
    dataOffers: dataOffers.length ? dataOffers : NO_OFFERS,
    pool: input.pool
      ? { offerId: input.pool.offerId, name: input.pool.name, capacityBytes: input.pool.totalMB * BYTES_PER_MB }
      : null,
    quota: input.quota
      ? {
          control: input.quota.control,
          capacityBytes: input.quota.control === 'limited' ? (input.quota.amountMB ?? 0) * BYTES_PER_MB : Infinity,
        }
      : null,
    companyLineKeys: companyLineKeysOf(input),
    companyLinePredicate: typeof companyLines === 'function' && !input.companyLineKeys ? companyLines : null,
    operators: isOperatorIndex(input.operators) ? input.operators : compileOperators(input.operators),
    warnings: parts.warnings,
  }
}
