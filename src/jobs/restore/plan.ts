/**
 * What a restore of a backup file would do to its company now (issue 16), computed set-wise:
 * per source, one pass over the file's items and one over the company's documents, both in
 * key order (ids ascending, as the backup job wrote them and the database reads them), merged
 * like sorted lists. Memory holds a page of documents, never the whole backup or company
 * (users, keyed by login, are few: they are sorted in memory). The preview counts and pages
 * these steps; the restore applies them (src/jobs/restore/run.ts).
 */
import type { Payload, Where } from 'payload'
import type { BackupCategory } from '../../collections/Backups'
import { diffDocs, valuesOf, type FieldLike, type Resolve, type RestoreAction } from '../../hooks/audit/describe'
import { readBackupFile } from './backupFile'
import { CATEGORY_SOURCES, keyOf, stableJson, streamItems, type Ctx, type Data, type Item, type Source } from './categories'
import { lineNumbers } from './lineRows'

export interface Step {
  kind: string
  id: string | number
  title: string
  action: Exclude<RestoreAction, 'detach'>
  changes: string[]
}

export interface Planned extends Omit<Step, 'changes'> {
  source: Source
  /** The item as backed up (absent: a removal). */
  backup?: Item
  /** The company's document as it is now (absent: re-created). */
  current?: Item
  /** The company's document the step writes or removes (absent: re-created). */
  target?: string | number
}

/** `delete`: only removals of what was created after the backup; `upsert`: only what is put back. */
export type Pass = 'delete' | 'upsert' | 'all'

const LINES_FIELD: FieldLike = { name: 'lines', type: 'relationship', relationTo: 'lines', hasMany: true, label: 'Linhas' }

export const fieldsOf = (payload: Payload, source: Source): FieldLike[] => {
  const fields = ((payload.collections as unknown as Record<string, { config: { fields: unknown[] } } | undefined>)[source.collection]?.config.fields ?? []) as FieldLike[]
  return source.links ? [...fields, LINES_FIELD] : fields
}

/** Whether a category's phrases name lines (departments and profiles "with their lines", transfers between lines). */
const NAMES_LINES: Partial<Record<BackupCategory, true>> = { departments: true, profiles: true, transfers: true }

/** Names of the company's documents a backup may point to (lines by number, departments by name …). */
export async function companyResolver(ctx: Ctx, category: BackupCategory): Promise<Resolve> {
  const names = new Map<string, string>()
  const titles: Record<string, string> = { departments: 'name', profiles: 'name', accounts: 'number', offers: 'package', companies: 'name' }
  if (NAMES_LINES[category]) {
    const numbers = await lineNumbers(ctx.payload, ctx.company)
    if (numbers) for (const [id, msisdn] of numbers) names.set(`lines:${id}`, msisdn)
    else titles.lines = 'msisdn'
  }
  for (const [collection, field] of Object.entries(titles)) {
    const where: Where = collection === 'companies' ? { id: { equals: ctx.company } } : { company: { equals: ctx.company } }
    const found = await ctx.payload.find({ collection: collection as never, where, pagination: false, depth: 0, overrideAccess: true, req: ctx.req, select: { [field]: true } as never })
    for (const d of found.docs as unknown as Data[]) names.set(`${collection}:${String(d.id)}`, String(d[field] ?? d.id))
  }
  return (collection, id) => names.get(`${collection}:${String(id)}`)
}

/** Keys in the order the database sorts ids: numbers numerically, anything else (MongoDB ids, logins) as text. */
export function compareKeys(a: string, b: string): number {
  const digits = /^\d+$/
  if (digits.test(a) && digits.test(b) && a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

/** The items of one source of a backup file, in file order. */
export async function* backupItems(file: string, kind: string): AsyncGenerator<Item> {
  for await (const { kind: k, ...item } of readBackupFile(file)) if (k === kind) yield item
}

async function* currentItems(ctx: Ctx, source: Source): AsyncGenerator<Item> {
  for await (const page of streamItems(ctx, source)) yield* page
}

/** Items in key order; a file or table out of order is refused rather than compared wrongly. */
async function* ordered(items: AsyncIterable<Item>, source: Source, what: string): AsyncGenerator<[string, Item]> {
  let last: string | undefined
  for await (const item of items) {
    const key = keyOf(source, item)
    if (last !== undefined && compareKeys(last, key) >= 0) throw new Error(`${what} fora da ordem das chaves (${last}, ${key}): compare-o de novo`)
    last = key
    yield [key, item]
  }
}

async function* sortedInMemory(items: AsyncIterable<Item>, source: Source): AsyncGenerator<Item> {
  const all: [string, Item][] = []
  for await (const item of items) all.push([keyOf(source, item), item])
  all.sort(([a], [b]) => compareKeys(a, b))
  for (const [, item] of all) yield item
}

/** The backed-up and current item of each key, in key order. */
async function* merged(now: AsyncIterable<[string, Item]>, saved: AsyncIterable<[string, Item]>): AsyncGenerator<{ current?: Item; backup?: Item }> {
  const a = now[Symbol.asyncIterator]()
  const b = saved[Symbol.asyncIterator]()
  let x = await a.next()
  let y = await b.next()
  while (!x.done || !y.done) {
    const order = x.done ? 1 : y.done ? -1 : compareKeys(x.value[0], y.value[0])
    if (order < 0) {
      yield { current: x.value![1] }
      x = await a.next()
    } else if (order > 0) {
      yield { backup: y.value![1] }
      y = await b.next()
    } else {
      yield { current: x.value![1], backup: y.value![1] }
      x = await a.next()
      y = await b.next()
    }
  }
}

/** The steps of one source, in key order. */
export async function* planSource(ctx: Ctx, source: Source, file: string, pass: Pass = 'all'): AsyncGenerator<Planned> {
  // Only the company's documents are candidates: an id or key held elsewhere never matches (issue 10).
  const byLogin = Boolean(source.key)
  const now = byLogin ? sortedInMemory(currentItems(ctx, source), source) : currentItems(ctx, source)
  const saved = byLogin ? sortedInMemory(backupItems(file, source.kind), source) : backupItems(file, source.kind)
  const base = { kind: source.kind, source }
  for await (const { current, backup } of merged(ordered(now, source, 'O cadastro atual'), ordered(saved, source, 'O backup'))) {
    if (!backup) {
      if (source.mode === 'full' && pass !== 'upsert') yield { ...base, id: current!.id, title: current!.title, action: 'delete', current, target: current!.id }
      continue
    }
    if (pass === 'delete' || (current && stableJson(current.data) === stableJson(backup.data))) continue
    const action = current || source.mode === 'update' ? 'update' : 'create'
    yield { ...base, id: current?.id ?? backup.id, title: backup.title, action, backup, current, target: current?.id }
  }
}

/**
 * Every step of a category's restore, source by source, in key order: one pass per table (the
 * restore itself takes the removals of a source first, then the rest: src/jobs/restore/apply.ts).
 */
export async function* planCategory(ctx: Ctx, category: BackupCategory, file: string): AsyncGenerator<Planned> {
  for (const source of CATEGORY_SOURCES[category]) yield* planSource(ctx, source, file, 'all')
}

/** The phrases of a step ("Nome de: X para: Y" …), as in the audit trail. */
export function changesOf(payload: Payload, step: Planned, resolve: Resolve): string[] {
  if (!step.backup) return []
  const fields = fieldsOf(payload, step.source)
  return step.current ? diffDocs(fields, step.current.data, step.backup.data, resolve) : valuesOf(fields, step.backup.data, resolve)
}

export const stepOf = (payload: Payload, planned: Planned, resolve: Resolve): Step => ({
  kind: planned.kind,
  id: planned.id,
  title: planned.title,
  action: planned.action,
  changes: changesOf(payload, planned, resolve),
})

export interface Preview {
  create: number
  update: number
  delete: number
  totalChanges: number
  page: number
  limit: number
  totalPages: number
  changes: Step[]
}

/** The counts of a restore's steps and one page of them, changing nothing (SPEC L). */
export async function previewRestore(ctx: Ctx, category: BackupCategory, file: string, page: number, limit: number): Promise<Preview> {
  const resolve = await companyResolver(ctx, category)
  const counts = { create: 0, update: 0, delete: 0 }
  const changes: Step[] = []
  const first = (page - 1) * limit
  let index = 0
  for await (const planned of planCategory(ctx, category, file)) {
    counts[planned.action]++
    if (index >= first && index < first + limit) changes.push(stepOf(ctx.payload, planned, resolve))
    index++
  }
  return { ...counts, totalChanges: index, page, limit, totalPages: Math.ceil(index / limit), changes }
}
