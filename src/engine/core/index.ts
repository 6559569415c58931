export * from './types'
export { compileSnapshot, compileProfileParts, holidayDaysOf, dddOfMsisdn, SnapshotError, BYTES_PER_MB, DEFAULT_OFFER_CATEGORIES, CATEGORY_INDEX } from './compile'
export { compileOperators } from './operators'
export { classify, parseDestination, categoryOf } from './classify'
export type { Classified, Unclassified, ParsedDestination, InvalidDestination, DestinationKind } from './classify'
export {
  authorize,
  calendarRefusal,
  DEFAULT_CALL_SECONDS,
  DEFAULT_SMS_COUNT,
  DEFAULT_DATA_CHUNK_BYTES,
} from './decide'
export { rate, applyDeltas, emptyCounters, noticeKey, NOTICE_THRESHOLDS } from './rate'
export type { Rating, RatingError, CounterDeltas, OfferConsumption, Notice, NoticeThreshold, PackageKind } from './rate'
export { cycleFor, cycleKeyFor, renewalDayIn } from './cycle'
export type { Cycle } from './cycle'
export { REASONS, REASON_CODES } from './reasons'
export { SAO_PAULO_TZ, localClock } from './time'
export { compileTariff, sortTariffs, tariffAt, billedSeconds, priceUnits, priceRating, chargeableUnits, unitsAffordable, toMilli, excessUnits } from './price'
export type { TariffData, TariffPriceData, CompiledTariff } from './price'
