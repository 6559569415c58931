/**
 * Applying a restore (J2–J3, issue 16): the steps of src/collections/Backups/snapshot/plan.ts in batches, each
 * batch one database transaction holding its items' writes, their audit entries (written in
 * bulk, same words as one by one) and their rows in the restore's item log. Line updates are
 * set-based (one statement per batch) where the hooks allow: the company relations and the
 * pool quota are checked here, the engine's snapshots are told after the commit. A batch that
 * fails is applied again in halves, down to the failing item alone in its own transaction
 * (through the Local API, whose hooks name the error), so a failure leaves that item untouched
 * and the others restored; a process killed mid-batch loses that batch only, and the resumed
 * run plans again from the database.
 */
import type { Payload, PayloadRequest, Where } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { BackupCategory } from '../model'
import { existingEngine } from '../../../engine/service'
import { transactionRows, writeTransaction, type Actor, type AuditEntry } from '../../../hooks/audit'
import { describeRestoredItem, type Resolve, type RestoreAction } from '../../../hooks/audit/describe'
import { CATEGORY_SOURCES, freeId, type Ctx, type Data, type Source } from './categories'
import { logItem, logItems, type LoggedItem } from './items'
import { changesOf, companyResolver, planSource, type Planned, type Step } from './plan'
import { insertRows, sqlOf, updateRows } from './sql'
import { restoreBatchSize } from '../../../lib/settings'
import { idKey } from '../../../domain/ids'

// Dynamic slugs and plain records: see `Data` in categories.ts for the casts.

/**
 * Two points of a run a caller may watch: `beforeStart` (the job claimed, nothing read yet) and
 * `afterWrite` (an item's writes done, its transaction still open). The app passes none; the fault
 * tests hand one to the restore job through its request's context (`payload.jobs.run({ req })`)
 * and throw, abort or hang there (tests/integration/audit/restore.test.ts, faults/restore-kill.test.ts).
 */
export interface RestoreProbe {
  beforeStart?: () => void
  afterWrite?: (step: Step, index: number) => void
}

declare module 'payload' {
  interface RequestContext {
    /** A probe for the restore job run with this request (see RestoreProbe). */
    restoreProbe?: RestoreProbe
  }
}

/** Thrown by a probe to stop the whole run: the rest is not attempted, the outcome is recorded. */
export class RestoreAborted extends Error {}

/**
 * Thrown by a probe to simulate the process dying mid-item: the item's transaction is
 * rolled back (as the database does for a dead connection) and nothing else runs or is
 * recorded; the restore stays `running` until `sweepRestores` queues it again.
 */
export class SimulatedCrash extends Error {}

/** Items per transaction (RESTORE_BATCH_SIZE). */
const batchSize = () => restoreBatchSize()

/** Whether `doc` still belongs to the company (users: is one of its members). */
const ofCompany = (doc: Data, slug: string, company: string | number): boolean => {
  if (slug === 'users') return (Array.isArray(doc.companies) ? doc.companies : []).some((c) => idKey(c) === String(company))
  return idKey(slug === 'companies' ? doc.id : doc.company) === String(company)
}

/** The planned document, read again inside the item's transaction; null if it left the company. */
async function targetOf(ctx: Required<Ctx>, step: Planned): Promise<Data | null> {
  if (step.target == null) return null
  const doc = (await ctx.payload.db.findOne({ collection: step.source.collection as never, where: { id: { equals: step.target } }, req: ctx.req })) as Data | null
  return doc && ofCompany(doc, step.source.collection, ctx.company) ? doc : null
}

/** Writes one planned item through the Local API; the caller's `req` holds its transaction. Answers what was done and to which id. */
async function applyStep(ctx: Required<Ctx>, step: Planned): Promise<{ action: RestoreAction; id: string | number }> {
  const { payload, req, company } = ctx
  const { source } = step
  const common = { overrideAccess: true, depth: 0, req, context: req.context }
  const current = await targetOf(ctx, step)
  if (step.action === 'delete') {
    if (!current) return { action: 'delete', id: step.id }
    if (source.remove) return { action: await source.remove(ctx, current), id: step.id }
    await payload.delete({ collection: source.collection as never, id: current.id as never, ...common })
    return { action: 'delete', id: step.id }
  }
  const item = step.backup!
  if (step.target != null && !current) throw new Error(`O registro ${item.title} não pertence mais à empresa`)
  let id: string | number
  if (source.write) id = await source.write(ctx, item, current)
  else {
    const { lines: linked, ...fields } = item.data
    if (current) {
      await payload.update({ collection: source.collection as never, id: current.id as never, data: fields as never, ...common })
      id = current.id as string | number
    } else if (source.mode === 'full') {
      const created = (await payload.create({ collection: source.collection as never, data: { ...fields, company, ...(await freeId(ctx, source.collection, item.id)) } as never, ...common })) as unknown as Data
      id = created.id as string | number
    } else throw new Error(`O registro ${item.title} não existe mais: ${source.noun} não pode ser restaurada`)
    if (source.links) await relink(ctx, source.links, id, (linked ?? []) as (string | number)[])
  }
  return { action: current || source.mode === 'update' ? 'update' : 'create', id }
}

/** Puts back "with their lines": exactly the listed lines point to `owner`. */
async function relink(ctx: Required<Ctx>, field: 'department' | 'profile', owner: string | number, wanted: (string | number)[]) {
  const { payload, req, company } = ctx
  const common = { overrideAccess: true, depth: 0, req, context: req.context }
  const want = new Set(wanted.map(String))
  // Only the lines linked now or wanted: a company may have many more.
  const where: Where = { and: [{ company: { equals: company } }, { or: [{ [field]: { equals: owner } }, ...(wanted.length ? [{ id: { in: wanted } }] : [])] }] }
  const lines = await payload.find({ collection: 'lines', where, pagination: false, depth: 0, overrideAccess: true, req })
  const have = new Map((lines.docs as unknown as Data[]).map((l) => [String(l.id), l]))
  const missing = wanted.filter((id) => !have.has(String(id)))
  if (missing.length) throw new Error(`Linha(s) que não existem mais: ${missing.join(', ')} (restaure antes o backup de assinantes)`)
  for (const line of have.values()) {
    const current = line[field] && typeof line[field] === 'object' ? (line[field] as { id: unknown }).id : line[field]
    const linked = String(current) === String(owner)
    if (want.has(String(line.id)) && !linked) await payload.update({ collection: 'lines', id: line.id as never, data: { [field]: owner } as never, ...common })
    if (!want.has(String(line.id)) && linked) await payload.update({ collection: 'lines', id: line.id as never, data: { [field]: null } as never, ...common })
  }
}

export const reasonOf = (e: unknown): string => {
  const err = e as { message?: string; cause?: { message?: string }; data?: { errors?: { path?: string; message?: string }[] } }
  if (/foreign key|constraint failed|violates/i.test(`${err.message ?? ''} ${err.cause?.message ?? ''}`)) {
    return 'O registro tem dados vinculados (por exemplo, uso registrado pela linha) e não pode ser alterado ou removido'
  }
  const fields = err.data?.errors?.map((f) => `${f.path ?? ''}: ${f.message ?? ''}`).join('; ')
  return fields ? `${err.message ?? 'Erro'} (${fields})` : (err.message ?? String(e))
}

// ------------------------------------------------------------------ set-based line updates

/** Nested groups as the table's columns: `{quota: {control}}` → `quota_control`; null when a value is a list (its own table). */
function columnsOf(data: Data, prefix = '', out: Data = {}): Data | null {
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) return null
    if (value && typeof value === 'object') {
      if (!columnsOf(value as Data, `${prefix}${key}_`, out)) return null
    } else out[`${prefix}${key}`] = value ?? null
  }
  return out
}

const RELATIONS = { account: 'accounts', department: 'departments', profile: 'profiles' } as const

/**
 * The columns to set for a line update done in bulk, or null when the item needs the Local API:
 * a relation to a document that is not the company's (its hook names the error), or a limited
 * quota that changed (the pool check).
 */
function bulkColumns(step: Planned, resolve: Resolve): Data | null {
  if (step.source.collection !== 'lines' || step.action !== 'update' || !step.current || !step.backup) return null
  const data = step.backup.data
  for (const [field, collection] of Object.entries(RELATIONS)) {
    if (data[field] != null && resolve(collection, data[field]) === undefined) return null
  }
  const quota = (data.quota ?? {}) as Data
  const before = (step.current.data.quota ?? {}) as Data
  if (quota.control === 'limited' && (before.control !== 'limited' || before.amountMB !== quota.amountMB)) return null
  return columnsOf(data)
}

interface Done {
  step: Planned
  action: RestoreAction
  id: string | number
  changes: string[]
}

export interface ApplyArgs {
  restore: string | number
  company: string | number
  category: BackupCategory
  file: string
  actor?: Actor
  onProgress?: (applied: number, failed: number) => Promise<void>
  probe?: RestoreProbe
}

const strip = (step: Planned, changes: string[]): Step => ({ kind: step.kind, id: step.id, title: step.title, action: step.action, changes })

/** Applies a backup file to its company in batches; answers the items applied and failed by this run. */
export async function applyRestore(payload: Payload, args: ApplyArgs): Promise<{ applied: number; failed: number }> {
  const { restore, company, category, file, actor, onProgress, probe } = args
  const db = sqlOf(payload)
  const ctx: Ctx = { payload, company }
  const resolve = await companyResolver(ctx, category)
  const size = batchSize()
  let applied = 0
  let failed = 0
  let index = 0
  let aborted: string | undefined

  const fail = async (step: Planned, reason: string, changes = changesOf(payload, step, resolve)) => {
    failed++
    await logItem(payload, undefined, restore, company, 'failed', { ...strip(step, changes), reason })
  }

  const audit = async (req: PayloadRequest, done: Done[]) => {
    const entries: AuditEntry[] = done.map(({ step, action, id, changes }) => ({
      ...describeRestoredItem(category, step.source.noun, step.title, action, changes),
      companies: [company],
      entity: step.source.collection,
      entityId: id,
      actor,
    }))
    if (!db) {
      for (const entry of entries) await writeTransaction(req, entry)
      return
    }
    const now = new Date().toISOString()
    await insertRows(db, req, 'transactions', entries.flatMap((e) => transactionRows(req, e, now)).map((row) => ({ ...row, createdAt: now, updatedAt: now })))
  }

  /** One transaction for `batch`; throws (after rolling back) when any item of it fails. */
  const commitBatch = async (batch: { step: Planned; index: number }[]) => {
    const req: PayloadRequest = await createLocalReq({ context: { skipAudit: true, restoring: true } }, payload)
    await initTransaction(req)
    const invalidated: Planned[] = []
    try {
      const bulk = new Map<Planned, Data>()
      if (db && batch.length > 1) {
        for (const { step } of batch) {
          const columns = bulkColumns(step, resolve)
          if (columns) bulk.set(step, columns)
        }
      }
      const fields = [...new Set([...bulk.values()].flatMap((c) => Object.keys(c)))]
      const rows = [...bulk].map(([step, columns]) => ({ ...columns, id: step.target! }))
      const written = rows.length ? await updateRows(db!, req, batch[0].step.source.collection, company, fields, rows) : new Set<string>()
      const done: Done[] = []
      for (const { step, index: at } of batch) {
        let result: { action: RestoreAction; id: string | number }
        if (bulk.has(step)) {
          if (!written.has(String(step.target))) throw new Error(`O registro ${step.title} não pertence mais à empresa`)
          result = { action: 'update', id: step.target! }
          invalidated.push(step)
        } else result = await applyStep({ payload, req, company }, step)
        const changes = changesOf(payload, step, resolve)
        probe?.afterWrite?.(strip(step, changes), at)
        done.push({ step, ...result, changes })
      }
      await audit(req, done)
      const items: LoggedItem[] = done.map(({ step, action, id, changes }) => ({ ...strip(step, changes), id, action }))
      await logItems(payload, req, restore, company, 'applied', items)
      await commitTransaction(req)
    } catch (e) {
      await killTransaction(req)
      throw e
    }
    await invalidateLines(payload, company, invalidated)
    applied += batch.length
  }

  const flush = async (batch: { step: Planned; index: number }[], top = true) => {
    if (!batch.length) return
    if (aborted) {
      for (const { step } of batch) await fail(step, `Não executado: ${aborted}`)
    } else {
      try {
        await commitBatch(batch)
      } catch (e) {
        if (e instanceof SimulatedCrash) throw e
        if (batch.length > 1) {
          // Halves, down to the item that fails alone in its own transaction: only it stays as it was.
          const half = Math.ceil(batch.length / 2)
          await flush(batch.slice(0, half), false)
          await flush(batch.slice(half), false)
        } else {
          await fail(batch[0].step, reasonOf(e))
          if (e instanceof RestoreAborted) aborted = `restauração interrompida (${e.message})`
        }
      }
    }
    // The restore's heartbeat for sweepRestores.
    if (top && onProgress) await onProgress(applied, failed)
  }

  for (const source of CATEGORY_SOURCES[category]) {
    for (const pass of ['delete', 'upsert'] as const) {
      let batch: { step: Planned; index: number }[] = []
      for await (const steps of planSource(ctx, source, file, pass)) {
        for (const step of steps) {
          const at = index++
          if (step.kind === 'users' && step.action === 'delete' && actor?.id != null && String(step.id) === String(actor.id)) {
            await fail(step, 'O usuário que pediu a restauração não é removido por ela')
            continue
          }
          batch.push({ step, index: at })
          if (batch.length >= size) {
            await flush(batch)
            batch = []
          }
        }
      }
      // A pass ends before the next one reads the company again (removals before re-creations).
      await flush(batch)
    }
  }
  return { applied, failed }
}

/** The engine's cached snapshots of lines written in bulk (its hooks do it for Local API writes). */
async function invalidateLines(payload: Payload, company: string | number, steps: Planned[]) {
  const engine = existingEngine(payload)
  if (!engine || !steps.length) return
  const { snapshots } = await engine
  for (const step of steps) {
    if (step.target == null) continue // a bulk update is of an existing line: always set
    const before = { id: step.target, company, msisdn: step.current?.data.msisdn }
    const after = { id: step.target, company, msisdn: step.backup?.data.msisdn }
    snapshots.invalidate('lines', after, before)
  }
}

export type { Source }
