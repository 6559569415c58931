import { CSP_CARRIERS, isValidDdd } from '../../domain/ddd'
import type { Service, UsageCategory } from '../../domain/categories'
import { PrefixMatcher } from './operators'
import type { CompiledSnapshot } from './types'

/**
 * Turns a number as dialled from a Brazilian mobile into a normalised destination
 * (E.164 digits without '+') and a usage category (SPEC K).
 *
 * Accepted forms (digits after removing spaces, dashes, dots, slashes and parentheses):
 *   local             8 digits (fixed, 2–5…) or 9 digits (mobile, 9…) — the line's DDD;
 *                     an 8-digit number starting 6–9 is a pre-2016 mobile and gains its leading 9
 *   national          0 + CSP + DDD + number · +55 DDD number · 55 DDD number · DDD + number
 *   international     00 + CSP + country + number · +country number
 *   collect           9090 + local number · 90 + CSP + DDD + number
 *   special           0800/0300/0500/0900 + 6–7 digits (also +55 800…) · 3003/4003/4004/4020/4062
 *                     + 4 digits (optionally after a DDD) · 1XX public utility · 10XY carrier
 *                     codes · 4–5 digit short codes
 * Special numbers keep a pseudo-E.164 form '55' + digits (leading 0 dropped) so profile
 * lists can name them; none of them can collide with a real 12/13-digit number.
 */

export type DestinationKind = 'domestic' | 'international' | 'special'

export interface ParsedDestination {
  kind: DestinationKind
  e164: string
  /** The same digits as a number (exact below 2^53; no E.164 number has a leading 0): the lookup key. */
  key: number
  /** Domestic: the destination DDD; otherwise 0. */
  ddd: number
  /** Domestic: 9-digit mobile; international: a known mobile prefix. */
  mobile: boolean
  collect: boolean
  /** Free to the caller (0800, public utility 1XX, carrier codes 10XY): counted, never billed. */
  tollFree: boolean
  emergency: boolean
}

export interface InvalidDestination {
  kind: 'invalid'
  message: string
}

export interface LineContext {
  lineDdd: number
}

const EMERGENCY_NUMBERS = new Set(['112', '190', '191', '192', '193', '194', '197', '198', '199'])
const isEmergency = (digits: string) => EMERGENCY_NUMBERS.has(digits)

/**
 * International fixed vs mobile: a destination is mobile when it starts with one of these
 * well-known mobile ranges; every other international number (including NANP '1…' and
 * Mexico, where the number does not tell) is treated as fixed.
 */
const INTERNATIONAL_MOBILE_PREFIXES = [
  '447', '3519', '346', '347', '336', '337', '4915', '4916', '4917', '393', '316', '324', '417', '436',
  '467', '474', '479', '3538', '549', '569', '5989', '5959', '573', '519', '5939', '5916', '5917', '584',
  '8170', '8180', '8190', '8613', '8614', '8615', '8616', '8617', '8618', '8619', '614', '6421', '6422',
  '6427', '916', '917', '918', '919', '276', '277', '278', '9715', '9665',
]
const internationalMobile = new PrefixMatcher<true>()
for (const prefix of INTERNATIONAL_MOBILE_PREFIXES) internationalMobile.set(prefix, true)

const invalid = (message: string): InvalidDestination => ({ kind: 'invalid', message })

const EMPTY = invalid('Destino não informado.')
const BAD_CHARACTERS = invalid('O destino contém caracteres que não são dígitos.')
const BAD_SUBSCRIBER = invalid('Número de assinante inválido: fixo tem 8 dígitos (2–5…), móvel tem 9 dígitos (9…).')
const BAD_INTERNATIONAL = invalid('Número internacional inválido: código do país + número, de 7 a 15 dígitos.')
const MISSING_CSP = invalid('Longa distância exige 0 + CSP + DDD + número.')
const BAD_FORMAT = invalid('Formato de número não reconhecido.')
const badCsp = (csp: string) => invalid(`CSP ${csp} não está em uso.`)
const badDdd = (ddd: string) => invalid(`DDD ${ddd} inexistente.`)

function special(e164: string, tollFree: boolean, emergency = false): ParsedDestination {
  return { kind: 'special', e164, key: Number(e164), ddd: 0, mobile: false, collect: false, tollFree, emergency }
}

function numberAt(digits: string, from: number): number {
  let value = 0
  for (let i = from; i < digits.length; i++) value = value * 10 + (digits.charCodeAt(i) - 48)
  return value
}

function isDigitsOnly(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

const FORMATTING = /[\s\-().\/]/g

// The parser works on offsets into one digit string and small lookup tables, so a
// decision allocates only the final E.164 string (no slices, no per-call Set lookups).
const twoDigits = (text: string, at: number) => (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48)
const fourDigits = (text: string, at: number) => twoDigits(text, at) * 100 + twoDigits(text, at + 2)

const VALID_DDD = new Uint8Array(100)
const DDD_TEXT: string[] = []
for (let ddd = 10; ddd < 100; ddd++) {
  VALID_DDD[ddd] = isValidDdd(ddd) ? 1 : 0
  DDD_TEXT[ddd] = String(ddd)
}
const CSP_IN_USE = new Uint8Array(100)
for (const csp of Object.keys(CSP_CARRIERS)) CSP_IN_USE[Number(csp)] = 1
const cspIsInUse = (digits: string, at: number) => CSP_IN_USE[twoDigits(digits, at)] === 1

/** 3003/4003/4004/4020/4062 + 4 digits: national single numbers. */
function isNonGeographicAt(digits: string, at: number): boolean {
  const prefix = fourDigits(digits, at)
  return prefix === 4004 || prefix === 3003 || prefix === 4003 || prefix === 4020 || prefix === 4062
}

/** 800/300/500/900 (after the leading 0 or +55). */
function isNationalSpecialAt(digits: string, at: number): boolean {
  const c = digits.charCodeAt(at)
  return (c === 56 || c === 51 || c === 53 || c === 57) && digits.charCodeAt(at + 1) === 48 && digits.charCodeAt(at + 2) === 48
}

const tail = (digits: string, at: number) => (at === 0 ? digits : digits.slice(at))

/** Subscriber number = digits[at…]; ddd is the area it belongs to. */
function subscriberAt(ddd: number, digits: string, at: number, collect: boolean): ParsedDestination | InvalidDestination {
  const length = digits.length - at
  const first = digits.charCodeAt(at)
  const area = 5500 + ddd
  let e164: string
  let key: number
  let mobile: boolean
  if (length === 9 && first === 57) {
    mobile = true
    e164 = `55${DDD_TEXT[ddd]}${tail(digits, at)}`
    key = area * 1e9 + numberAt(digits, at)
  } else if (length === 8 && first >= 54) {
    // Pre-2016 8-digit mobile (6–9…), as in the seed's list example '1999999999': today's number has a leading 9.
    mobile = true
    e164 = `55${DDD_TEXT[ddd]}9${tail(digits, at)}`
    key = area * 1e9 + 9e8 + numberAt(digits, at)
  } else if (length === 8 && first >= 50 && first <= 53) {
    if (isNonGeographicAt(digits, at)) return collect ? BAD_FORMAT : special(`55${tail(digits, at)}`, false)
    mobile = false
    e164 = `55${DDD_TEXT[ddd]}${tail(digits, at)}`
    key = area * 1e8 + numberAt(digits, at)
  } else return BAD_SUBSCRIBER
  return { kind: 'domestic', e164, key, ddd, mobile, collect, tollFree: false, emergency: false }
}

/** National significant number at digits[at…]: DDD (2) + subscriber, or 800/300/500/900 + 7 digits. */
function nationalNumberAt(digits: string, at: number, collect: boolean): ParsedDestination | InvalidDestination {
  const length = digits.length - at
  if (length === 10 && isNationalSpecialAt(digits, at)) {
    return collect ? BAD_FORMAT : special(`55${tail(digits, at)}`, digits.charCodeAt(at) === 56)
  }
  if (length !== 10 && length !== 11) return BAD_SUBSCRIBER
  const ddd = twoDigits(digits, at)
  if (VALID_DDD[ddd] !== 1) return badDdd(digits.slice(at, at + 2))
  return subscriberAt(ddd, digits, at + 2, collect)
}

/** Country code + number at digits[at…]. */
function internationalAt(digits: string, at: number): ParsedDestination | InvalidDestination {
  if (digits.charCodeAt(at) === 53 && digits.charCodeAt(at + 1) === 53) return nationalNumberAt(digits, at + 2, false)
  const length = digits.length - at
  if (length < 7 || length > 15 || digits.charCodeAt(at) === 48) return BAD_INTERNATIONAL
  const e164 = tail(digits, at)
  return {
    kind: 'international',
    e164,
    key: numberAt(digits, at),
    ddd: 0,
    mobile: internationalMobile.match(e164) === true,
    collect: false,
    tollFree: false,
    emergency: false,
  }
}

export function parseDestination(raw: string | undefined, line: LineContext): ParsedDestination | InvalidDestination {
  if (!raw) return EMPTY
  let text = raw
  const plus = text.charCodeAt(0) === 43
  if (!isDigitsOnly(text, plus ? 1 : 0)) {
    text = text.replace(FORMATTING, '')
    if (!isDigitsOnly(text, plus ? 1 : 0)) return BAD_CHARACTERS
  }
  const start = plus ? 1 : 0
  const digits = text
  const length = digits.length - start
  if (length === 0) return EMPTY
  if (plus) return internationalAt(digits, 1)

  const c0 = digits.charCodeAt(0)
  const c1 = digits.charCodeAt(1)
  if (c0 === 48 /* 0 */) {
    if (c1 === 48) {
      if (length < 6) return BAD_INTERNATIONAL
      if (!cspIsInUse(digits, 2)) return badCsp(digits.slice(2, 4))
      return internationalAt(digits, 4)
    }
    if ((length === 10 || length === 11) && isNationalSpecialAt(digits, 1)) {
      return special(`55${digits.slice(1)}`, c1 === 56)
    }
    if (length === 13 || length === 14) {
      if (!cspIsInUse(digits, 1)) return badCsp(digits.slice(1, 3))
      return nationalNumberAt(digits, 3, false)
    }
    return length === 11 || length === 12 ? MISSING_CSP : BAD_FORMAT
  }
  if (c0 === 57 /* 9 */ && c1 === 48 /* 0 */) {
    if ((length === 12 || length === 13) && fourDigits(digits, 0) === 9090) {
      return subscriberAt(line.lineDdd, digits, 4, true)
    }
    if (length === 14 || length === 15) {
      if (!cspIsInUse(digits, 2)) return badCsp(digits.slice(2, 4))
      return nationalNumberAt(digits, 4, true)
    }
  }
  switch (length) {
    case 3:
      return c0 === 49 ? special(`55${digits}`, true, isEmergency(digits)) : BAD_FORMAT
    case 4:
    case 5:
      return special(`55${digits}`, length === 4 && c0 === 49 && c1 === 48)
    case 8:
    case 9:
      return subscriberAt(line.lineDdd, digits, 0, false)
    case 10:
    case 11:
      return nationalNumberAt(digits, 0, false)
    case 12:
    case 13:
      return c0 === 53 && c1 === 53 ? nationalNumberAt(digits, 2, false) : BAD_FORMAT
    default:
      return BAD_FORMAT
  }
}

export interface Classified {
  ok: true
  category: UsageCategory
  destination: ParsedDestination
}

export interface Unclassified {
  ok: false
  message: string
}

const SMS_TO_FIXED: Unclassified = { ok: false, message: 'SMS não pode ser enviado para telefone fixo.' }
const SMS_COLLECT: Unclassified = { ok: false, message: 'SMS não pode ser a cobrar.' }
const COLLECT_NOT_DOMESTIC: Unclassified = {
  ok: false,
  message: 'Chamada a cobrar só para números nacionais (fixos ou móveis).',
}

function isCompanyLine(snapshot: CompiledSnapshot, destination: ParsedDestination): boolean {
  const keys = snapshot.companyLineKeys
  if (keys !== null) return keys.has(destination.key)
  return snapshot.companyLinePredicate !== null && snapshot.companyLinePredicate(destination.e164)
}

/** Category of a voice, SMS or collect call to an already-parsed destination. */
export function categoryOf(
  snapshot: CompiledSnapshot,
  service: Service,
  destination: ParsedDestination,
): UsageCategory | Unclassified {
  if (service === 'data') return 'data'
  if (service === 'collect' || destination.collect) {
    if (service === 'sms') return SMS_COLLECT
    return destination.kind === 'domestic' ? 'voice.collect' : COLLECT_NOT_DOMESTIC
  }
  if (service === 'sms') {
    if (destination.kind === 'special') return 'sms.special'
    if (destination.kind === 'international') return 'sms.international'
    if (!destination.mobile) return SMS_TO_FIXED
    // Company lines are Claro lines whatever the prefix table says.
    if (isCompanyLine(snapshot, destination)) return 'sms.claro'
    return snapshot.operators.operatorOfKey(destination.key) === 'claro' ? 'sms.claro' : 'sms.other'
  }
  if (destination.kind === 'special') return 'voice.special'
  if (destination.kind === 'international') {
    return destination.mobile ? 'voice.international.mobile' : 'voice.international.fixed'
  }
  const local = destination.ddd === snapshot.lineDdd
  // Company lines are mobiles: a fixed destination cannot be intragroup.
  if (!destination.mobile) return local ? 'voice.local.fixed' : 'voice.national.fixed'
  if (isCompanyLine(snapshot, destination)) return local ? 'voice.intragroup.local' : 'voice.intragroup.national'
  // An operator missing from the prefix table is "another operator": only known Claro ranges are Claro.
  if (snapshot.operators.operatorOfKey(destination.key) === 'claro') return local ? 'voice.local.claro' : 'voice.national.claro'
  return local ? 'voice.local.other' : 'voice.national.other'
}

/** Classify a dialled destination for a line: category + normalised destination, or why not. */
export function classify(
  snapshot: CompiledSnapshot,
  service: Service,
  dialled: string | undefined,
): Classified | Unclassified {
  if (service === 'data') return { ok: true, category: 'data', destination: DATA_DESTINATION }
  const parsed = parseDestination(dialled, snapshot)
  if (parsed.kind === 'invalid') return { ok: false, message: parsed.message }
  const category = categoryOf(snapshot, service, parsed)
  if (typeof category !== 'string') return category
  return { ok: true, category, destination: parsed }
}

const DATA_DESTINATION: ParsedDestination = {
  kind: 'special',
  e164: '',
  key: 0,
  ddd: 0,
  mobile: false,
  collect: false,
  tollFree: false,
  emergency: false,
}
