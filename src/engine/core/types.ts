import type { StateCode } from '../../domain/ddd'
import type { LimitControl, LineStatus, QuotaControl, Service, UsageCategory, Weekday } from '../../domain/categories'

export type { LimitControl, LineStatus, QuotaControl, Service, UsageCategory, Weekday }

/* ------------------------------------------------------------------ plain input data */

export interface CompanySettings {
  /** Day of the month the franchises renew (1–31; 29–31 fall back to a shorter month's last day). */
  renewalDay: number
  /** Long-distance carrier code, '21' (Embratel) by default. */
  csp?: string
  /** When on, a call is granted only the seconds left under its category limit. */
  interruptAtLimit: boolean
}

export interface LineData {
  id: string
  /** '55' + DDD + subscriber number, e.g. '5511987654321'. */
  msisdn: string
  status: LineStatus
  companyId: string
  accountId: string
}

export type ListType = 'allowed' | 'blocked'
export type ListUsage = 'voice' | 'sms' | 'collect'
export type ListScope = 'national' | 'international'

export interface ProfileListEntry {
  type: ListType
  usage: ListUsage
  scope: ListScope
  /** As dialled: CP+CA+number ('1999999999'), a local number, '+country…', '00CSP…'. */
  number: string
}

export interface TimeWindow {
  from: string
  to: string
}

export interface CalendarData {
  days: readonly Weekday[]
  /** May the lines be used on holidays. */
  holidays: boolean
  /** Empty = the whole day. */
  windows: readonly TimeWindow[]
}

export interface CategoryLimit {
  category: UsageCategory
  control: LimitControl
  /** Minutes for voice categories, messages for SMS categories. */
  quantity?: number
}

export interface ProfileData {
  lists: readonly ProfileListEntry[]
  calendar: CalendarData
  limits: readonly CategoryLimit[]
}

export interface HolidayData {
  date: string
  name?: string
  ddd?: number | null
  state?: StateCode | string | null
}

export type OfferUnit = 'minutes' | 'sms' | 'mb'

export interface OfferData {
  id: string
  name: string
  unit: OfferUnit
  amount: number
  /** Which categories consume it; default: see DEFAULT_OFFER_CATEGORIES in compile.ts. */
  categories?: readonly UsageCategory[]
}

/** Claro Pós permanent franchise transfer, in the offer's unit. */
export interface FranchiseTransfer {
  offerId: string
  amount: number
  direction: 'in' | 'out'
}

export interface SharedPoolData {
  offerId: string
  name: string
  totalMB: number
}

export interface LineQuotaData {
  control: QuotaControl
  amountMB?: number
}

export type Operator = 'claro' | 'vivo' | 'tim' | 'oi' | 'algar' | 'sercomtel' | (string & {})

export interface OperatorPrefix {
  /** E.164 digits without '+', e.g. '5511991'. */
  prefix: string
  operator: Operator
}

export interface PortabilityOverride {
  msisdn: string
  operator: Operator
}

export interface OperatorData {
  prefixes: readonly OperatorPrefix[]
  portability?: readonly PortabilityOverride[]
}

export interface OperatorIndex {
  readonly kind: 'operator-index'
  operatorOf(e164: string): Operator | undefined
  /** Same, for the numeric form of the E.164 digits (what the classifier uses). */
  operatorOfKey(key: number): Operator | undefined
}

export interface SnapshotInput {
  company: CompanySettings
  line: LineData
  profile: ProfileData | null
  holidays?: readonly HolidayData[]
  offers?: readonly OfferData[]
  transfers?: readonly FranchiseTransfer[]
  pool?: SharedPoolData | null
  quota?: LineQuotaData | null
  /** MSISDNs of the company's lines, or a predicate over an E.164 number (digits only). */
  companyLines?: ReadonlySet<string> | ((e164: string) => boolean)
  /**
   * The company's lines as numeric E.164 keys, referenced (not copied) by the snapshot: every
   * line of a company shares one set, so a snapshot stays small whatever the company's size.
   * Wins over `companyLines`.
   */
  companyLineKeys?: ReadonlySet<number>
  /** Parts many lines share, compiled once by the caller (compileProfileParts, holidayDaysOf); compiled here when absent. */
  shared?: { profile?: ProfileParts; holidayDays?: ReadonlySet<number> }
  operators: OperatorData | OperatorIndex
}

/* ------------------------------------------------------------------ compiled snapshot */

/** What a line's profile compiles to. Lines with the same profile and DDD share one (list entries resolve against the line's DDD). */
export interface ProfileParts {
  hasProfile: boolean
  lists: CompiledLists
  calendar: CompiledCalendar | null
  limitControl: Uint8Array
  limitUnits: Float64Array
  warnings: readonly string[]
}


export const LIMIT_NONE = 0
export const LIMIT_BLOCKED = 1
export const LIMIT_LIMITED = 2

export interface CompiledOffer {
  id: string
  name: string
  unit: OfferUnit
  /** Franchise after Claro Pós transfers, in base units (seconds, messages, bytes). */
  capacity: number
  /** Categories whose usage consumes it. */
  categories: ReadonlySet<UsageCategory>
}

export interface CompiledCalendar {
  /** Bit i set = weekday i (0 = Monday) allowed. */
  dayMask: number
  holidaysAllowed: boolean
  /** Pairs [fromMinute, toMinute) flattened; empty = the whole day. */
  windows: Int16Array
}

export interface CompiledLists {
  /** Normalised destinations (numeric E.164 keys), per list usage. */
  allowed: Record<ListUsage, ReadonlySet<number>>
  blocked: Record<ListUsage, ReadonlySet<number>>
  hasAny: boolean
}

export interface CompiledSnapshot {
  readonly kind: 'compiled-snapshot'
  line: LineData
  lineDdd: number
  lineDddText: string
  lineState: StateCode | undefined
  active: boolean
  csp: string
  renewalDay: number
  interruptAtLimit: boolean
  hasProfile: boolean
  lists: CompiledLists
  calendar: CompiledCalendar | null
  /** Indexed by category ordinal: LIMIT_NONE / LIMIT_BLOCKED / LIMIT_LIMITED. */
  limitControl: Uint8Array
  /** Indexed by category ordinal: the limit in base units (seconds for voice, messages for SMS). */
  limitUnits: Float64Array
  /** Day numbers (São Paulo calendar) that are holidays for this line. */
  holidayDays: ReadonlySet<number>
  offers: readonly CompiledOffer[]
  dataOffers: readonly CompiledOffer[]
  pool: { offerId: string; name: string; capacityBytes: number } | null
  quota: { control: QuotaControl; capacityBytes: number } | null
  /** Company lines as numeric E.164 keys, when given as a set. */
  companyLineKeys: ReadonlySet<number> | null
  /** Company lines as the caller's predicate, when given as a function. */
  companyLinePredicate: ((e164: string) => boolean) | null
  operators: OperatorIndex
  /** List entries that could not be normalised (ignored), for display. */
  warnings: readonly string[]
}

/* ------------------------------------------------------------------ counters and events */

/** Consumption of the current cycle, in base units. */
export interface Counters {
  /** Seconds for voice categories, messages for SMS, bytes for data. */
  categories: Partial<Record<UsageCategory, number>>
  /** Per offer id, in base units of the offer (seconds for 'minutes', messages, bytes for 'mb'). */
  offers: Record<string, number>
  /** Usage beyond every franchise ("Excedente de VOZ/SMS"; data when the line has no pool/quota). */
  excess: { voiceSeconds: number; sms: number; dataBytes: number }
  /** Bytes the line drew from the shared pool (what its quota limits). */
  lineDataBytes: number
  /** Bytes drawn from the shared pool by every line of the account. */
  poolBytes: number
}

export interface AuthorizeEvent {
  service: Service
  destination?: string
  at: Date | number
  /** Requested seconds (voice, collect), messages (sms) or bytes (data). */
  units?: number
}

export interface UsageEvent {
  id?: string
  service: Service
  destination?: string
  at: Date | number
  /** Seconds, messages or bytes actually used. */
  units: number
  group?: string
}

export type ReasonCode =
  | 'OK'
  | 'LINE_NOT_ACTIVE'
  | 'INVALID_DESTINATION'
  | 'INVALID_EVENT'
  | 'BLOCKED_LIST'
  | 'EMERGENCY'
  | 'ALLOWED_LIST'
  | 'HOLIDAY'
  | 'OUTSIDE_CALENDAR'
  | 'CATEGORY_BLOCKED'
  | 'CATEGORY_LIMIT_REACHED'
  | 'QUOTA_BLOCKED'
  | 'QUOTA_EXHAUSTED'
  | 'POOL_EXHAUSTED'
  | 'SPEND_CAP_REACHED'

export interface Reason {
  readonly code: ReasonCode
  readonly message: string
}

export interface Decision {
  allow: boolean
  granted: number
  category: UsageCategory | null
  reason: Reason
  /** Normalised destination (E.164 digits, no '+'), when it could be classified. */
  destination?: string
}
