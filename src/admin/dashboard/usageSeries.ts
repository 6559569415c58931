import type { Payload, Where } from 'payload'

const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit' })

/** São Paulo calendar days from `start` to `end` (inclusive), 'YYYY-MM-DD'. */
export function daysBetween(start: Date, end: Date): string[] {
  const out: string[] = []
  for (let t = start.getTime(); t <= end.getTime(); t += 86_400_000) {
    const key = dayKey.format(new Date(t))
    if (out[out.length - 1] !== key) out.push(key)
  }
  const last = dayKey.format(end)
  if (out[out.length - 1] !== last) out.push(last)
  return out
}

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
  const days = daysBetween(start, end)
  const index = new Map(days.map((d, i) => [d, i]))
  const series: DailyUsage = { days, voiceMinutes: days.map(() => 0), sms: days.map(() => 0), dataMB: days.map(() => 0), events: 0, truncated: false }
  const found = await payload.find({
    collection: 'usage',
    where: { and: [where, { at: { greater_than_equal: start.toISOString() } }, { at: { less_than_equal: end.toISOString() } }] },
    select: { at: true, service: true, units: true } as never,
    depth: 0,
    limit: max,
    sort: '-at',
    overrideAccess: false,
    user: user as never,
  })
  series.truncated = found.totalDocs > found.docs.length
  for (const doc of found.docs as unknown as { at: string; service: string; units: number }[]) {
    const i = index.get(dayKey.format(new Date(doc.at)))
    if (i === undefined) continue
    series.events++
    if (doc.service === 'voice' || doc.service === 'collect') series.voiceMinutes[i] += doc.units / 60
    else if (doc.service === 'sms') series.sms[i] += doc.units
    else if (doc.service === 'data') series.dataMB[i] += doc.units / 1_048_576
  }
  return series
}
