/**
 * Restore (J2–J3): brings one category of a company back to a backup exactly. What was
 * created after the backup is removed, what changed is put back, what was deleted is
 * re-created with its id (so every relation to it holds again). Each item is applied
 * in its own database transaction together with its audit entry (J4): a failure leaves
 * that item untouched and the others restored. The same plan, unapplied, is the
 * restore preview (SPEC L).
 */
import type { Payload, PayloadRequest, Where } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { BackupCategory } from '../../collections/Backups'
import { describeRestoredItem, diffDocs, valuesOf, type FieldLike, type Resolve, type RestoreAction } from '../../hooks/audit/describe'
import { writeTransaction, type Actor } from '../../hooks/audit'
import { RESTORE_TASK } from './task'
import { CATEGORY_SOURCES, currentItems, freeId, keyOf, stableJson as stable, type Ctx, type Data, type Item, type Snapshot, type Source } from './categories'

export interface Step {
  kind: string
  id: string | number
  title: string
  action: Exclude<RestoreAction, 'detach'>
  changes: string[]
}
export interface AppliedItem extends Omit<Step, 'action'> {
  action: RestoreAction
}
export interface FailedItem extends Step {
  reason: string
}

/** Test seam: called after an item's writes, before its commit (a throw there simulates a crash mid-item). */
export const restoreFaults: { afterWrite?: (step: Step, index: number) => void } = {}

/** Thrown by a fault to stop the whole run: the rest is not attempted, the outcome is recorded. */
export class RestoreAborted extends Error {}

/**
 * Thrown by a fault to simulate the process dying mid-item: the item's transaction is
 * rolled back (as the database does for a dead connection) and nothing else runs or is
 * recorded; the restore stays `running` until `sweepRestores` queues it again.
 */
export class SimulatedCrash extends Error {}


const LINES_FIELD: FieldLike = { name: 'lines', type: 'relationship', relationTo: 'lines', hasMany: true, label: 'Linhas' }

const fieldsOf = (payload: Payload, source: Source): FieldLike[] => {
  const fields = ((payload.collections as unknown as Record<string, { config: { fields: unknown[] } } | undefined>)[source.collection]?.config.fields ?? []) as FieldLike[]
  return source.links ? [...fields, LINES_FIELD] : fields
}

/** Names of the company's documents a backup may point to (lines by number, departments by name …). */
async function companyResolver(ctx: Ctx): Promise<Resolve> {
  const names = new Map<string, string>()
  const titles: Record<string, string> = { lines: 'msisdn', departments: 'name', profiles: 'name', accounts: 'number', offers: 'package', companies: 'name' }
  for (const [collection, field] of Object.entries(titles)) {
    const where: Where = collection === 'companies' ? { id: { equals: ctx.company } } : { company: { equals: ctx.company } }
    const found = await ctx.payload.find({ collection: collection as never, where, pagination: false, depth: 0, overrideAccess: true, req: ctx.req })
    for (const d of found.docs as unknown as Data[]) names.set(`${collection}:${String(d.id)}`, String(d[field] ?? d.id))
  }
  return (collection, id) => names.get(`${collection}:${String(id)}`)
}

interface Planned extends Step {
  source: Source
  backup?: Item
  /** The company's document the step writes or removes (absent: re-created). */
  target?: string | number
}

/** What a restore of `snapshot` would do to the company now, source by source, removals first. */
export async function planRestore(ctx: Ctx, category: BackupCategory, snapshot: Snapshot): Promise<Planned[]> {
  const resolve = await companyResolver(ctx)
  const plan: Planned[] = []
  for (const source of CATEGORY_SOURCES[category]) {
    const fields = fieldsOf(ctx.payload, source)
    // Only the company's documents are candidates: an id or key held elsewhere never matches (issue 10).
    const now = new Map((await currentItems(ctx, source)).map((i) => [keyOf(source, i), i]))
    const saved = new Map((snapshot.sources[source.kind] ?? []).map((i) => [keyOf(source, i), i]))
    const base = { kind: source.kind, source }
    if (source.mode === 'full') {
      for (const [key, item] of now) {
        if (!saved.has(key)) plan.push({ ...base, id: item.id, title: item.title, action: 'delete', changes: [], target: item.id })
      }
    }
    for (const [key, item] of saved) {
      const current = now.get(key)
      if (current && stable(current.data) === stable(item.data)) continue
      const changes = current ? diffDocs(fields, current.data, item.data, resolve) : valuesOf(fields, item.data, resolve)
      const action = current || source.mode === 'update' ? 'update' : 'create'
      plan.push({ ...base, id: current?.id ?? item.id, title: item.title, action, changes, backup: item, target: current?.id })
    }
  }
  return plan
}

/** Whether `doc` still belongs to the company (users: is one of its members). */
const ofCompany = (doc: Data, slug: string, company: string | number): boolean => {
  const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as { id: unknown }).id : v)
  if (slug === 'users') return (Array.isArray(doc.companies) ? doc.companies : []).some((c) => String(idOf(c)) === String(company))
  return String(idOf(slug === 'companies' ? doc.id : doc.company)) === String(company)
}

/** The planned document, read again inside the item's transaction; null if it left the company. */
async function targetOf(ctx: Required<Ctx>, step: Planned): Promise<Data | null> {
  if (step.target == null) return null
  const doc = (await ctx.payload.db.findOne({ collection: step.source.collection as never, where: { id: { equals: step.target } }, req: ctx.req })) as Data | null
  return doc && ofCompany(doc, step.source.collection, ctx.company) ? doc : null
}

/** Writes one planned item; the caller's `req` holds its transaction. Answers what was done and to which id. */
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
    if (current) id = (await payload.update({ collection: source.collection as never, id: current.id as never, data: fields as never, ...common })).id
    else if (source.mode === 'full') {
      const created = await payload.create({ collection: source.collection as never, data: { ...fields, company, ...(await freeId(ctx, source.collection, item.id)) } as never, ...common })
      id = created.id
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

const reasonOf = (e: unknown): string => {
  const err = e as { message?: string; cause?: { message?: string }; data?: { errors?: { path?: string; message?: string }[] } }
  if (/foreign key|constraint failed|violates/i.test(`${err.message ?? ''} ${err.cause?.message ?? ''}`)) {
    return 'O registro tem dados vinculados (por exemplo, uso registrado pela linha) e não pode ser alterado ou removido'
  }
  const fields = err.data?.errors?.map((f) => `${f.path ?? ''}: ${f.message ?? ''}`).join('; ')
  return fields ? `${err.message ?? 'Erro'} (${fields})` : (err.message ?? String(e))
}

export interface RestoreOutcome {
  status: 'success' | 'partial' | 'error'
  applied: AppliedItem[]
  failed: FailedItem[]
}

/** Items between two progress updates of a running restore (its heartbeat for sweepRestores). */
const PROGRESS_EVERY = 25

const strip = ({ source: _s, backup: _b, target: _t, ...step }: Planned): Step => step

/** Applies a backup's snapshot to its company, item by item, each in its own transaction. */
export async function applyRestore(
  payload: Payload,
  args: { company: string | number; category: BackupCategory; snapshot: Snapshot; actor?: Actor; onProgress?: (done: number, failed: number) => Promise<void> },
): Promise<RestoreOutcome> {
  const { company, category, snapshot, actor, onProgress } = args
  const plan = await planRestore({ payload, company }, category, snapshot)
  const applied: AppliedItem[] = []
  const failed: FailedItem[] = []
  let aborted: string | undefined
  for (const [index, step] of plan.entries()) {
    if (onProgress && index > 0 && index % PROGRESS_EVERY === 0) await onProgress(applied.length, failed.length)
    if (aborted) {
      failed.push({ ...strip(step), reason: `Não executado: ${aborted}` })
      continue
    }
    if (step.kind === 'users' && step.action === 'delete' && actor?.id != null && String(step.id) === String(actor.id)) {
      failed.push({ ...strip(step), reason: 'O usuário que pediu a restauração não é removido por ela' })
      continue
    }
    const req: PayloadRequest = await createLocalReq({ context: { skipAudit: true, restoring: true } }, payload)
    await initTransaction(req)
    try {
      const { action, id } = await applyStep({ payload, req, company }, step)
      restoreFaults.afterWrite?.(strip(step), index)
      const described = describeRestoredItem(category, step.source.noun, step.title, action, step.changes)
      await writeTransaction(req, { ...described, companies: [company], entity: step.source.collection, entityId: id, actor })
      await commitTransaction(req)
      applied.push({ ...strip(step), id, action })
    } catch (e) {
      await killTransaction(req)
      if (e instanceof SimulatedCrash) throw e
      failed.push({ ...strip(step), reason: reasonOf(e) })
      if (e instanceof RestoreAborted) aborted = `restauração interrompida (${e.message})`
    }
  }
  const status = failed.length === 0 ? 'success' : applied.length === 0 ? 'error' : 'partial'
  return { status, applied, failed }
}

export const STATUS_WORDS = { success: 'Sucesso', partial: 'Parcial', error: 'Erro' } as const

/** The job's work: runs the restore document `restoreId` and records its outcome. */
export async function runRestore(payload: Payload, restoreId: string | number): Promise<RestoreOutcome> {
  const quiet = { overrideAccess: true, depth: 0, context: { skipAudit: true } }
  const restore = (await payload.findByID({ collection: 'restores', id: restoreId, ...quiet })) as unknown as Data
  const backupId = restore.backup && typeof restore.backup === 'object' ? (restore.backup as Data).id : restore.backup
  const backup = (await payload.findByID({ collection: 'backups', id: backupId as never, ...quiet, disableErrors: true })) as unknown as Data | null
  const requester = restore.requestedBy
    ? ((await payload.findByID({ collection: 'users', id: restore.requestedBy as never, ...quiet, disableErrors: true })) as unknown as Actor | null)
    : null
  const actor: Actor | undefined = requester ? { id: requester.id, role: requester.role, username: requester.username } : undefined
  let outcome: RestoreOutcome
  if (!backup || String(backup.company) !== String(restore.company)) {
    outcome = { status: 'error', applied: [], failed: [{ kind: 'backup', id: String(backupId), title: '', action: 'update', changes: [], reason: 'Backup não encontrado' }] }
  } else {
    await payload.update({ collection: 'restores', id: restoreId, data: { status: 'running' } as never, ...quiet })
    const onProgress = async (done: number, failed: number) => {
      await payload.update({ collection: 'restores', id: restoreId, data: { appliedCount: done, failedCount: failed } as never, ...quiet })
    }
    try {
      outcome = await applyRestore(payload, { company: restore.company as string | number, category: backup.category as BackupCategory, snapshot: backup.data as Snapshot, actor, onProgress })
    } catch (e) {
      if (e instanceof SimulatedCrash) throw e
      outcome = { status: 'error', applied: [], failed: [{ kind: 'restore', id: String(restoreId), title: String(backup.name), action: 'update', changes: [], reason: reasonOf(e) }] }
    }
  }
  await payload.update({
    collection: 'restores',
    id: restoreId,
    data: {
      status: outcome.status,
      applied: outcome.applied,
      failed: outcome.failed,
      appliedCount: outcome.applied.length,
      failedCount: outcome.failed.length,
      finishedAt: new Date().toISOString(),
    } as never,
    ...quiet,
  })
  const req = await createLocalReq({ context: { skipAudit: true } }, payload)
  await writeTransaction(req, {
    event: describeRestoredItem(String(backup?.category ?? restore.category), '', '', 'update', []).event,
    description: `Restauração do backup ${String(backup?.name ?? backupId)} concluída: ${STATUS_WORDS[outcome.status]} (${outcome.applied.length} aplicados, ${outcome.failed.length} com falha)`,
    companies: [restore.company],
    entity: 'restores',
    entityId: restoreId,
    actor: actor ?? { role: null, username: null },
  })
  return outcome
}


/**
 * A restore whose process died stays `running` with no progress. Restoring is resumable
 * (the plan is computed again from the database, and items already put back have nothing
 * left to do), so a restore without progress for RESTORE_STALE_MINUTES (10) is queued
 * again. Run every 5 minutes on the maintenance queue.
 */
export async function sweepRestores(payload: Payload, now = new Date()): Promise<{ requeued: number }> {
  const stale = new Date(now.getTime() - Number(process.env.RESTORE_STALE_MINUTES ?? 10) * 60_000).toISOString()
  const stuck = await payload.find({
    collection: 'restores',
    where: { and: [{ status: { equals: 'running' } }, { updatedAt: { less_than: stale } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { id: true } as never,
  })
  for (const restore of stuck.docs as unknown as Data[]) {
    const req = await createLocalReq({ context: { skipAudit: true } }, payload)
    await initTransaction(req)
    try {
      await payload.update({ collection: 'restores', id: restore.id as never, data: { status: 'pending' } as never, overrideAccess: true, depth: 0, req, context: req.context })
      await payload.jobs.queue({ task: RESTORE_TASK as never, input: { restore: String(restore.id) } as never, req })
      await commitTransaction(req)
    } catch (e) {
      await killTransaction(req)
      throw e
    }
  }
  return { requeued: stuck.docs.length }
}
