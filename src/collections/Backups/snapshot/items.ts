/**
 * A restore's item log (collection `restore-items`): each applied item is written in the same
 * transaction as the item, each failure on its own. The outcome, its counts and spreadsheets
 * are read from it, so a restore resumed after a crash reports the items of every run.
 */
import type { Payload, PayloadRequest, Where } from 'payload'
import type { RestoreAction } from '../../../hooks/audit/describe'
import { insertRows, sqlOf } from './sql'

export type Outcome = 'applied' | 'failed'
export interface LoggedItem {
  kind: string
  id: string | number
  title: string
  action: RestoreAction
  changes: string[]
  reason?: string
}

const ITEMS = 'restore-items'

export async function logItem(payload: Payload, req: PayloadRequest | undefined, restore: string | number, company: string | number, outcome: Outcome, item: LoggedItem) {
  const { id, ...rest } = item
  await payload.db.create({ collection: ITEMS, data: { restore, company, outcome, ...rest, itemId: String(id) }, req })
}

/** Many items of one outcome in `req`'s transaction: one multi-row insert on SQLite and PostgreSQL. */
export async function logItems(payload: Payload, req: PayloadRequest, restore: string | number, company: string | number, outcome: Outcome, items: LoggedItem[]) {
  const db = sqlOf(payload)
  if (!db) {
    for (const item of items) await logItem(payload, req, restore, company, outcome, item)
    return
  }
  const now = new Date().toISOString()
  const rows = items.map(({ id, kind, title, action, changes, reason }) => ({
    restore,
    company,
    outcome,
    kind,
    itemId: String(id),
    title,
    action,
    changes,
    reason: reason ?? null,
    createdAt: now,
    updatedAt: now,
  }))
  await insertRows(db, req, ITEMS, rows)
}

const whereOf = (restore: string | number, outcome: Outcome): Where => ({ and: [{ restore: { equals: restore } }, { outcome: { equals: outcome } }] })

/** Earlier failures are tried again by a new run of the same restore. */
export async function clearFailures(payload: Payload, restore: string | number) {
  await payload.db.deleteMany({ collection: ITEMS, where: whereOf(restore, 'failed') })
}

export async function countItems(payload: Payload, restore: string | number): Promise<Record<Outcome, number>> {
  const count = async (outcome: Outcome) => (await payload.db.count({ collection: ITEMS, where: whereOf(restore, outcome) })).totalDocs
  return { applied: await count('applied'), failed: await count('failed') }
}

const PAGE = 1000

/** The logged items of one outcome, in the order they were written, a page at a time. */
export async function* itemsOf(payload: Payload, restore: string | number, outcome: Outcome): AsyncGenerator<LoggedItem> {
  let after: number | string | undefined
  for (;;) {
    const where = after == null ? whereOf(restore, outcome) : { and: [whereOf(restore, outcome), { id: { greater_than: after } }] }
    const page = await payload.db.find({ collection: ITEMS, where, sort: 'id', limit: PAGE, pagination: false })
    for (const doc of page.docs as unknown as (LoggedItem & { id: string | number; itemId: string })[]) {
      yield { kind: doc.kind, id: /^\d+$/.test(doc.itemId) ? Number(doc.itemId) : doc.itemId, title: doc.title, action: doc.action, changes: doc.changes ?? [], ...(outcome === 'failed' ? { reason: doc.reason } : {}) }
      after = doc.id
    }
    if (page.docs.length < PAGE) return
  }
}

export async function listItems(payload: Payload, restore: string | number, outcome: Outcome): Promise<LoggedItem[]> {
  const out: LoggedItem[] = []
  for await (const item of itemsOf(payload, restore, outcome)) out.push(item)
  return out
}
