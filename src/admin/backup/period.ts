import { HISTORY_MAX_DAYS } from '../../domain/backups'
import { addIsoDays, parseBrDay, periodDays, saoPauloDay } from '../../domain/time'
import { type Lang } from '../shared/lang'
import { golT } from '../i18n'

/**
 * The period filter's problem in words, or undefined: texts typed as dd/mm/aaaa, at most
 * 180 days (the server checks the same: GET /api/restores/history answers 400 otherwise).
 */
export function periodProblem(fromText: string, toText: string, lang: Lang = 'pt', today = new Date()): string | undefined {
  const t = golT(lang)
  const from = parseBrDay(fromText)
  const to = parseBrDay(toText)
  if (fromText.trim() && !from) return t('gol:invalidStartDateUseDdMm')
  if (toText.trim() && !to) return t('gol:invalidEndDateUseDdMm')
  const end = to ?? saoPauloDay(today)
  const start = from ?? addIsoDays(end, -HISTORY_MAX_DAYS)
  if (start > end) return t('gol:theStartDateMustBeBefore')
  // Days from start to end (not counting both ends, as the server measures instants).
  if (periodDays(start, end) - 1 > HISTORY_MAX_DAYS) return t('gol:theLongestPeriodIsHistoryMax', { HISTORY_MAX_DAYS })
  return undefined
}

/**
 * The period a search covers, both ends named (ISO days): a missing end is today, a missing
 * start the 180th day before the end (both included). The list and its Download ask for
 * exactly this, so the file has what the screen lists.
 */
export function filledPeriod(from: string, to: string, today = new Date()): { from: string; to: string } {
  const end = to || saoPauloDay(today)
  const start = from || addIsoDays(end, -(HISTORY_MAX_DAYS - 1))
  return { from: start, to: end }
}
