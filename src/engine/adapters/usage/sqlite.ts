/**
 * The usage store on SQLite: drizzle on Payload's generated tables, usage rows and notices by
 * INSERT … ON CONFLICT DO NOTHING, consumption by ON CONFLICT DO UPDATE units = units +
 * excluded.units, in one transaction per batch queued on the SQLite transaction gate; sent
 * notices are read through the Local API.
 */
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Payload } from 'payload'
import { sqliteTransactions } from '../../../lib/transactionGate'
import type { Flat } from '../counters'
import type { StoredNotice } from '../notify'
import { localSentNoticesByLine, localSentNoticesOfCompany } from './localApi'
import { drizzleConsumption, drizzleConsumptionByLine, drizzleConsumptionOfCompany, drizzleKeyByCycle, drizzleKeyOfTarget, insertNotices, markRead, type AnyDrizzle, type UsageTables } from './sql'
import { chunks, ConcurrentBatchError, consumptionRows, eventKey, idsByCompany, inWriteOrder, type EventKey, type Id, type KeyTarget, type RatedBatch, type ReadMark, type UsageStore } from './store'

export class SqliteUsageStore implements UsageStore {
  readonly kind = 'sqlite'
  private readonly drizzle: AnyDrizzle
  private readonly tables: UsageTables

  constructor(private readonly payload: Payload) {
    const db = payload.db as unknown as SQLiteAdapter
    this.drizzle = db.drizzle
    this.tables = db.tables as unknown as UsageTables
  }

  async existingEventIds(keys: EventKey[]): Promise<Set<string>> {
    const found = new Set<string>()
    if (!keys.length) return found
    const t = this.tables.usage
    for (const [company, ids] of idsByCompany(keys)) {
      for (const part of chunks(ids, 1000)) {
        const rows: { eventId: string }[] = await this.drizzle.select({ eventId: t.eventId }).from(t).where(and(eq(t.company, Number(company)), inArray(t.eventId, part)))
        for (const r of rows) found.add(eventKey({ company, id: r.eventId }))
      }
    }
    return found
  }

  readConsumption(lines: readonly Id[], cycle: string, key?: string, mark?: ReadMark): Promise<Flat> {
    return drizzleConsumption(this.drizzle, this.tables.consumption, lines, cycle, key, mark, false)
  }

  async readConsumptionByLine(lines: Id[], cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
    const t = this.tables.consumption
    const out = new Map<string, Flat>()
    const parts = chunks(lines, 1000)
    for (const part of parts) {
      const rows = await drizzleConsumptionByLine(this.drizzle, t, out, and(inArray(t.line, part), eq(t.cycle, cycle)), false)
      markRead(mark, rows, parts.length)
    }
    return out
  }

  readConsumptionOfCompany(company: Id, cycle: string, mark?: ReadMark): Promise<Map<string, Flat>> {
    return drizzleConsumptionOfCompany(this.drizzle, this.tables.consumption, company, cycle, mark)
  }

  readSentNoticesByLine(lines: Id[], cycle: string): Promise<Map<string, Set<string>>> {
    return localSentNoticesByLine(this.payload, lines, cycle)
  }

  readSentNoticesOfCompany(company: Id, cycle: string): Promise<Map<string, Set<string>>> {
    return localSentNoticesOfCompany(this.payload, company, cycle)
  }

  readKeyOfTarget(target: KeyTarget, key: string, cycle: string, mark?: ReadMark): Promise<number> {
    return drizzleKeyOfTarget(this.drizzle, this.tables, target, key, cycle, mark, false)
  }

  readKeyByCycle(target: KeyTarget, key: string): Promise<{ cycle: string; units: number }[]> {
    return drizzleKeyByCycle(this.drizzle, this.tables, target, key)
  }

  async persistBatch(batch: RatedBatch): Promise<StoredNotice[]> {
    // This transaction opens outside Payload's, so it queues on the same gate (src/lib/transactionGate.ts).
    const free = await sqliteTransactions.acquire()
    try {
      return await this.drizzle.transaction((tx: AnyDrizzle) => this.write(tx, batch))
    } finally {
      free()
    }
  }

  /** The body of persistBatch's transaction. */
  private async write(tx: AnyDrizzle, { usage, consumption, notices, channel }: RatedBatch): Promise<StoredNotice[]> {
    const now = new Date().toISOString()
    const ordered = inWriteOrder(usage, notices)
    const { usage: tu, consumption: tc } = this.tables
    let inserted = 0
    for (const part of chunks(ordered.usage)) {
      const rows: unknown[] = await tx
        .insert(tu)
        .values(part.map((u) => ({ ...u, updatedAt: now, createdAt: now })))
        .onConflictDoNothing()
        .returning({ id: tu.id })
      inserted += rows.length
    }
    if (inserted !== usage.length) throw new ConcurrentBatchError(`${usage.length - inserted} events recorded concurrently`)
    for (const part of chunks(consumptionRows(consumption, now))) {
      await tx
        .insert(tc)
        .values(part)
        .onConflictDoUpdate({ target: [tc.line, tc.cycle, tc.key], set: { units: sql`${tc.units} + excluded.units`, updatedAt: now } })
    }
    return insertNotices(tx, this.tables.notifications, ordered.notices, channel, now)
  }
}
