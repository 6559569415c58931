import type { Payload, Where } from 'payload'
import { saoPauloDayQuick, saoPauloDaysBetween } from '../../domain/time'
import { viewer } from '../shared/server'

export interface DailyUsage {
  days: string[]
  voiceMinutes: number[]
  sms: number[]
  dataMB: number[]
  events: number
  truncated: boolean
}

/** Usage per day since `start`, as the user may read it (voice in minutes, SMS, data in MB). */
export async function dailyUsage(payload: Payload, user: unknown, where: Where, start: Date, end = new Date(), max = 50_000): Promise<DailyUsage> {
  const days = saoPauloDaysBetween(start, end)
  const index = new Map(days.map((d, i) => [d, i]))
  const series: DailyUsage = { days, voiceMinutes: days.map(() => 0), sms: days.map(() => 0), dataMB: days.map(() => 0), events: 0, truncated: false }
  const found = await payload.find({
    collection: 'usage',
    where: { and: [where, { at: { greater_than_equal: start.toISOString() } }, { at: { less_than_equal: end.toISOString() } }] },
    select: { at: true, service: true, units: true },
    depth: 0,
    limit: max,
    sort: '-at',
    overrideAccess: false,
    user: viewer(user),
  })
  series.truncated = found.totalDocs > found.docs.length
  for (const doc of found.docs as unknown as { at: string; service: string; units: number }[]) {
    const i = index.get(saoPauloDayQuick(doc.at))
    if (i === undefined) continue
    series.events++
    if (doc.service === 'voice' || doc.service === 'collect') series.voiceMinutes[i] += doc.units / 60
    else if (doc.service === 'sms') series.sms[i] += doc.units
    else if (doc.service === 'data') series.dataMB[i] += doc.units / 1_048_576
  }
  return series
}
