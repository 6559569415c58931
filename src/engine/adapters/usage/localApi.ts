/**
 * The usage store through Payload's Local API, one document at a time: MongoDB (or any adapter
 * without drizzle). SQLite reads its sent notices through it too (./sqlite.ts).
 */
import type { Payload, Where } from 'payload'
import type { Consumption, Notification, Usage } from '../../../payload-types'
import type { Flat } from '../counters'
import type { StoredNotice } from '../notify'
import { addToLine, chunks, ConcurrentBatchError, eventKey, idsByCompany, noticeData, sentNoticeKey, type EventKey, type Id, type KeyTarget, type RatedBatch, type ReadMark, type UsageStore } from './store'

/** Keys of notices already recorded for each of these lines in a cycle (every line present, maybe empty), by the Local API. */
export async function localSentNoticesByLine(payload: Payload, lines: Id[], cycle: string): Promise<Map<string, Set<string>>> {
  const out = new Map(lines.map((l) => [String(l), new Set<string>()]))
  for (const part of chunks(lines, 1000)) {
    const res = await payload.find({
      collection: 'notifications',
      where: { line: { in: part }, cycle: { equals: cycle } },
      pagination: false,
      limit: 1_000_000,
      depth: 0,
      overrideAccess: true,
    })
    for (const d of res.docs) out.get(String(d.line))?.add(sentNoticeKey(d))
  }
  return out
}

/** Keys of notices already recorded for every line of a company in a cycle (lines without notices are absent), by the Local API. */
export async function localSentNoticesOfCompany(payload: Payload, company: Id, cycle: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>()
  const res = await payload.find({
    collection: 'notifications',
    where: { company: { equals: company }, cycle: { equals: cycle } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const d of res.docs) {
    let keys = out.get(String(d.line))
    if (!keys) out.set(String(d.line), (keys = new Set()))
    keys.add(sentNoticeKey(d))
  }
  return out
}

export class LocalApiUsageStore implements UsageStore {
  readonly kind = 'localApi'

  constructor(private readonly payload: Payload) {}

  async existingEventIds(keys: EventKey[]): Promise<Set<string>> {
    const found = new Set<string>()
    if (!keys.length) return found
    for (const [company, ids] of idsByCompany(keys)) {
      for (const part of chunks(ids, 1000)) {
        const res = await this.payload.find({
          collection: 'usage',
          where: { company: { equals: company }, eventId: { in: part } },
          limit: part.length,
          depth: 0,
          overrideAccess: true,
          select: { eventId: true },
        })
        for (const d of res.docs) found.add(eventKey({ company, id: d.eventId }))
      }
    }
    return found
  }

  async readConsumption(lines: readonly Id[], cycle: string, key?: string): Promise<Flat> {
    const out: Flat = {}
    for (const part of chunks(lines, 5000)) {
      const res = await this.payload.find({
        collection: 'consumption',
        where: { line: { in: part }, cycle: { equals: cycle }, ...(key ? { key: { equals: key } } : {}) },
        pagination: false,
        limit: 100_000,
        depth: 0,
        overrideAccess: true,
      })
      for (const d of res.docs) out[d.key] = (out[d.key] ?? 0) + Number(d.units)
    }
    return out
  }

  /** Consumption rows matching a Local API `where`, summed by line and key into `out`. */
  private async consumptionByLine(out: Map<string, Flat>, where: { line?: { in: Id[] }; company?: { equals: Id }; cycle: { equals: string } }) {
    const res = await this.payload.find({ collection: 'consumption', where, pagination: false, depth: 0, overrideAccess: true })
    for (const d of res.docs) addToLine(out, d.line, d.key, d.units)
  }

  async readConsumptionByLine(lines: Id[], cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
    const out = new Map<string, Flat>()
    for (const part of chunks(lines, 1000)) await this.consumptionByLine(out, { line: { in: part }, cycle: { equals: cycle } })
    // No snapshot is read here (PostgreSQL only).
    if (mark) mark.seen = undefined
    return out
  }

  async readConsumptionOfCompany(company: Id, cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
    const out = new Map<string, Flat>()
    await this.consumptionByLine(out, { company: { equals: company }, cycle: { equals: cycle } })
    if (mark) mark.seen = undefined
    return out
  }

  readSentNoticesByLine(lines: Id[], cycle: string): Promise<Map<string, Set<string>>> {
    return localSentNoticesByLine(this.payload, lines, cycle)
  }

  readSentNoticesOfCompany(company: Id, cycle: string): Promise<Map<string, Set<string>>> {
    return localSentNoticesOfCompany(this.payload, company, cycle)
  }

  async readKeyOfTarget(target: KeyTarget, key: string, cycle: string): Promise<number> {
    let lines: Id[] | null = null
    if (target.kind === 'department') {
      const res = await this.payload.find({ collection: 'lines', where: { department: { equals: target.target } }, pagination: false, depth: 0, overrideAccess: true, select: { department: true } }) // the ids are wanted; the generated LinesSelect has no `id` (always answered), so the one field filtered on keeps the rows small
      lines = res.docs.map((d) => d.id)
    }
    const where: Where = { cycle: { equals: cycle }, key: { equals: key } }
    if (target.kind === 'line') where.line = { equals: target.target }
    else if (target.kind === 'company') where.company = { equals: target.target }
    else where.line = { in: lines }
    const res = await this.payload.find({ collection: 'consumption', where, pagination: false, depth: 0, overrideAccess: true })
    return res.docs.reduce((s, d) => s + Number(d.units), 0)
  }

  /** Every cycle with rows of this key (anyone's), then the target's sum in each. */
  async readKeyByCycle(target: KeyTarget, key: string): Promise<{ cycle: string; units: number }[]> {
    const res = await this.payload.find({ collection: 'consumption', where: { key: { equals: key } }, pagination: false, depth: 0, overrideAccess: true })
    const by = new Map<string, number>()
    for (const d of res.docs) {
      const cycle = String(d.cycle)
      by.set(cycle, (await this.readKeyOfTarget(target, key, cycle)) || 0)
    }
    return [...by].map(([cycle, units]) => ({ cycle, units }))
  }

  async persistBatch({ usage, consumption, notices, channel }: RatedBatch): Promise<StoredNotice[]> {
    const payload = this.payload
    const already = await this.existingEventIds(usage.map((u) => ({ company: u.company, id: u.eventId })))
    if (already.size) throw new ConcurrentBatchError(`${already.size} events recorded concurrently`)
    for (const u of usage) {
      await payload.create({ collection: 'usage', data: u as UsageData, overrideAccess: true, depth: 0 })
    }
    for (const c of consumption) {
      for (const [key, units] of Object.entries(c.deltas)) {
        const found = await payload.find({
          collection: 'consumption',
          where: { line: { equals: c.line }, cycle: { equals: c.cycle }, key: { equals: key } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
        })
        const doc = found.docs[0]
        if (doc) await payload.update({ collection: 'consumption', id: doc.id, data: { units: Number(doc.units) + units }, overrideAccess: true, depth: 0 })
        else await payload.create({ collection: 'consumption', data: { line: c.line, company: c.company, cycle: c.cycle, key, units } as ConsumptionData, overrideAccess: true, depth: 0 })
      }
    }
    const stored: StoredNotice[] = []
    for (const n of notices) {
      try {
        const doc = await payload.create({ collection: 'notifications', data: noticeData(n, channel) as NotificationData, overrideAccess: true, depth: 0 })
        stored.push({ ...n.notice, rowId: doc.id })
      } catch {
        /* already sent this cycle (unique index) */
      }
    }
    return stored
  }
}

// The generated document types name relations by id type (number on SQL adapters, string on MongoDB): the rows carry either.
type UsageData = Omit<Usage, 'id' | 'createdAt' | 'updatedAt'>
type ConsumptionData = Omit<Consumption, 'id' | 'createdAt' | 'updatedAt'>
type NotificationData = Omit<Notification, 'id' | 'createdAt' | 'updatedAt'>
