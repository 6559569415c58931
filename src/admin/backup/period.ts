import { HISTORY_MAX_DAYS } from '../../domain/backups'
import { addIsoDays, parseBrDay, periodDays, saoPauloDay } from '../../domain/time'
import { tr, type Lang } from '../shared/lang'

/**
 * The period filter's problem in words, or undefined: texts typed as dd/mm/aaaa, at most
 * 180 days (the server checks the same: GET /api/restores/history answers 400 otherwise).
 */
export function periodProblem(fromText: string, toText: string, lang: Lang = 'pt', today = new Date()): string | undefined {
  const t = tr(lang)
  const from = parseBrDay(fromText)
  const to = parseBrDay(toText)
  if (fromText.trim() && !from) return t('Data inicial inválida: use dd/mm/aaaa.', 'Invalid start date: use dd/mm/yyyy.')
  if (toText.trim() && !to) return t('Data final inválida: use dd/mm/aaaa.', 'Invalid end date: use dd/mm/yyyy.')
  const end = to ?? saoPauloDay(today)
  const start = from ?? addIsoDays(end, -HISTORY_MAX_DAYS)
  if (start > end) return t('A data inicial deve ser anterior à data final.', 'The start date must be before the end date.')
  // Days from start to end (not counting both ends, as the server measures instants).
  if (periodDays(start, end) - 1 > HISTORY_MAX_DAYS) return t(`O período máximo de consulta é de ${HISTORY_MAX_DAYS} dias.`, `The longest period is ${HISTORY_MAX_DAYS} days.`)
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
