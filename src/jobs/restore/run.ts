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
import { describeRestoredItem, diffDocs, restoreAction, valuesOf, type FieldLike, type Resolve, type RestoreAction } from '../../hooks/audit/describe'
import { writeTransaction, type Actor } from '../../hooks/audit'
import { BACKUP_TASK, RESTORE_TASK } from './task'
import { clearFailures, countItems, logItem } from './items'
import { backupFileOf, loadSnapshot } from './backupFile'
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
export const restoreFaults: { afterWrite?: (step: Step, index: number) => void; beforeStart?: () => void } = {}

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

const reasonOf = (e: unknown): string => {
  const err = e as { message?: string; cause?: { message?: string }; data?: { errors?: { path?: string; message?: string }[] } }
  if (/foreign key|constraint failed|violates/i.test(`${err.message ?? ''} ${err.cause?.message ?? ''}`)) {
    return 'O registro tem dados vinculados (por exemplo, uso registrado pela linha) e não pode ser alterado ou removido'
  }
  const fields = err.data?.errors?.map((f) => `${f.path ?? ''}: ${f.message ?? ''}`).join('; ')
  return fields ? `${err.message ?? 'Erro'} (${fields})` : (err.message ?? String(e))
}

export type RestoreStatus = 'success' | 'partial' | 'error'
export interface RestoreOutcome {
  status: RestoreStatus
  appliedCount: number
  failedCount: number
}

/** Items between two progress updates of a running restore (its heartbeat for sweepRestores). */
const PROGRESS_EVERY = 25

const strip = ({ source: _s, backup: _b, target: _t, ...step }: Planned): Step => step

/**
 * Applies a backup's snapshot to its company, item by item, each in its own transaction
 * together with its audit entry and its line in the restore's item log.
 */
export async function applyRestore(
  payload: Payload,
  args: { restore: string | number; company: string | number; category: BackupCategory; snapshot: Snapshot; actor?: Actor; onProgress?: (applied: number, failed: number) => Promise<void> },
): Promise<{ applied: number; failed: number }> {
  const { restore, company, category, snapshot, actor, onProgress } = args
  const plan = await planRestore({ payload, company }, category, snapshot)
  let applied = 0
  let failed = 0
  const fail = async (step: Planned, reason: string) => {
    failed++
    await logItem(payload, undefined, restore, company, 'failed', { ...strip(step), reason })
  }
  let aborted: string | undefined
  for (const [index, step] of plan.entries()) {
    if (onProgress && index > 0 && index % PROGRESS_EVERY === 0) await onProgress(applied, failed)
    if (aborted) {
      await fail(step, `Não executado: ${aborted}`)
      continue
    }
    if (step.kind === 'users' && step.action === 'delete' && actor?.id != null && String(step.id) === String(actor.id)) {
      await fail(step, 'O usuário que pediu a restauração não é removido por ela')
      continue
    }
    const req: PayloadRequest = await createLocalReq({ context: { skipAudit: true, restoring: true } }, payload)
    await initTransaction(req)
    try {
      const { action, id } = await applyStep({ payload, req, company }, step)
      restoreFaults.afterWrite?.(strip(step), index)
      const described = describeRestoredItem(category, step.source.noun, step.title, action, step.changes)
      await writeTransaction(req, { ...described, companies: [company], entity: step.source.collection, entityId: id, actor })
      await logItem(payload, req, restore, company, 'applied', { ...strip(step), id, action })
      await commitTransaction(req)
      applied++
    } catch (e) {
      await killTransaction(req)
      if (e instanceof SimulatedCrash) throw e
      await fail(step, reasonOf(e))
      if (e instanceof RestoreAborted) aborted = `restauração interrompida (${e.message})`
    }
  }
  return { applied, failed }
}

export const STATUS_WORDS = { success: 'Sucesso', partial: 'Parcial', error: 'Erro' } as const

const quiet = { overrideAccess: true, depth: 0, context: { skipAudit: true } }

/** The restore's final state from its whole item log (every run's items), and its closing audit entry. */
async function finishRestore(payload: Payload, restore: Data, actor: Actor | undefined, backupName: string): Promise<RestoreOutcome> {
  const counts = await countItems(payload, restore.id as string | number)
  const status: RestoreStatus = counts.failed === 0 ? 'success' : counts.applied === 0 ? 'error' : 'partial'
  await payload.update({
    collection: 'restores',
    id: restore.id as never,
    data: { status, appliedCount: counts.applied, failedCount: counts.failed, finishedAt: new Date().toISOString() } as never,
    ...quiet,
  })
  const req = await createLocalReq({ context: { skipAudit: true } }, payload)
  await writeTransaction(req, {
    event: `Restauração do backup ${backupName} concluída: ${STATUS_WORDS[status]} (${counts.applied} aplicados, ${counts.failed} com falha)`,
    description: restoreAction(String(restore.category)),
    companies: [restore.company],
    entity: 'restores',
    entityId: restore.id,
    actor: actor ?? { role: null, username: null },
  })
  return { status, appliedCount: counts.applied, failedCount: counts.failed }
}

async function requesterOf(payload: Payload, restore: Data): Promise<Actor | undefined> {
  if (!restore.requestedBy) return undefined
  const user = (await payload.findByID({ collection: 'users', id: restore.requestedBy as never, ...quiet, disableErrors: true })) as unknown as Actor | null
  return user ? { id: user.id, role: user.role, username: user.username } : undefined
}

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as Data).id : v) as string | number

/** The job's work: runs (or resumes) the restore document `restoreId` and records its outcome. */
export async function runRestore(payload: Payload, restoreId: string | number): Promise<RestoreOutcome> {
  restoreFaults.beforeStart?.()
  const restore = (await payload.findByID({ collection: 'restores', id: restoreId, ...quiet })) as unknown as Data
  const company = idOf(restore.company)
  const backupId = idOf(restore.backup)
  const backup = backupId == null ? null : ((await payload.findByID({ collection: 'backups', id: backupId as never, ...quiet, disableErrors: true })) as unknown as Data | null)
  const actor = await requesterOf(payload, restore)
  const backupName = String(backup?.name ?? restore.backupName ?? backupId)
  // Earlier failures are tried again; items applied by an earlier run stay in the log.
  await clearFailures(payload, restoreId)
  if (!backup || String(idOf(backup.company)) !== String(company) || !['ok', 'partial'].includes(String(backup.status))) {
    await logItem(payload, undefined, restoreId, company, 'failed', { kind: 'backup', id: String(backupId), title: '', action: 'update', changes: [], reason: 'Backup não encontrado' })
    return finishRestore(payload, restore, actor, backupName)
  }
  const before = await countItems(payload, restoreId)
  const progress = async (applied: number, failed: number) => {
    await payload.update({ collection: 'restores', id: restoreId, data: { status: 'running', appliedCount: before.applied + applied, failedCount: failed } as never, ...quiet })
  }
  await progress(0, 0)
  try {
    const category = backup.category as BackupCategory
    const snapshot = await loadSnapshot(backupFileOf(backup), CATEGORY_SOURCES[category].map((s) => s.kind))
    await applyRestore(payload, { restore: restoreId, company, category, snapshot, actor, onProgress: progress })
  } catch (e) {
    if (e instanceof SimulatedCrash) throw e
    await logItem(payload, undefined, restoreId, company, 'failed', { kind: 'restore', id: String(restoreId), title: backupName, action: 'update', changes: [], reason: reasonOf(e) })
  }
  return finishRestore(payload, restore, actor, backupName)
}

/** Runs of one restore after which it is closed as interrupted rather than queued again. */
const MAX_RESUMES = 3

const staleAfter = (now: Date) => new Date(now.getTime() - Number(process.env.RESTORE_STALE_MINUTES ?? 10) * 60_000).toISOString()

/** A document's job rows still on the queue (a crashed runner leaves its row `processing`). */
async function jobsOf(payload: Payload, task: string, input: 'restore' | 'backup', id: string | number): Promise<Data[]> {
  const found = await payload.db.find({
    collection: 'payload-jobs' as never,
    where: { and: [{ taskSlug: { equals: task } }, { completedAt: { exists: false } }] },
    pagination: false,
  })
  return (found.docs as unknown as Data[]).filter((j) => String((j.input as Data | undefined)?.[input]) === String(id))
}

const waiting = (jobs: Data[]) => jobs.some((j) => !j.processing && !j.hasError)
const dropJobs = async (payload: Payload, jobs: Data[], req: PayloadRequest) => {
  if (jobs.length) await payload.db.deleteMany({ collection: 'payload-jobs' as never, where: { id: { in: jobs.map((j) => j.id) } }, req })
}

/** Backups whose job died (`pending`/`running` without progress, no job waiting) are written again from the start. */
async function sweepBackups(payload: Payload, now: Date): Promise<number> {
  const stuck = await payload.find({
    collection: 'backups',
    where: { and: [{ status: { in: ['pending', 'running'] } }, { updatedAt: { less_than: staleAfter(now) } }] },
    pagination: false,
    ...quiet,
  })
  let requeued = 0
  for (const backup of stuck.docs as unknown as Data[]) {
    const jobs = await jobsOf(payload, BACKUP_TASK, 'backup', backup.id as string | number)
    if (waiting(jobs)) continue
    const req = await createLocalReq({ context: { skipAudit: true } }, payload)
    await initTransaction(req)
    try {
      await dropJobs(payload, jobs, req)
      await payload.update({ collection: 'backups', id: backup.id as never, data: { status: 'pending' } as never, overrideAccess: true, depth: 0, req, context: req.context })
      await payload.jobs.queue({ task: BACKUP_TASK as never, input: { backup: String(backup.id) } as never, req })
      await commitTransaction(req)
      requeued++
    } catch (e) {
      await killTransaction(req)
      throw e
    }
  }
  return requeued
}

/**
 * Every restore reaches a final state after a crash. A restore `pending` or `running` without
 * progress for RESTORE_STALE_MINUTES (10) whose job is not waiting on the queue was dropped by a
 * dead process: either after the queue claimed its job and before it started, or mid-run. Its
 * dead job rows are removed and it is queued again (it resumes: the plan is recomputed from the
 * database and the item log keeps what was applied); after MAX_RESUMES runs it is closed with
 * its items so far. Run every 5 minutes on the maintenance queue.
 */
export async function sweepRestores(payload: Payload, now = new Date()): Promise<{ requeued: number; closed: number; backups: number }> {
  const backups = await sweepBackups(payload, now)
  const stuck = await payload.find({
    collection: 'restores',
    where: { and: [{ status: { in: ['pending', 'running'] } }, { updatedAt: { less_than: staleAfter(now) } }] },
    pagination: false,
    ...quiet,
  })
  let requeued = 0
  let closed = 0
  for (const restore of stuck.docs as unknown as Data[]) {
    const jobs = await jobsOf(payload, RESTORE_TASK, 'restore', restore.id as string | number)
    if (waiting(jobs)) continue
    const resumes = Number(restore.resumes ?? 0) + 1
    const req = await createLocalReq({ context: { skipAudit: true } }, payload)
    await initTransaction(req)
    try {
      await dropJobs(payload, jobs, req)
      if (resumes <= MAX_RESUMES) {
        await payload.update({ collection: 'restores', id: restore.id as never, data: { status: 'pending', resumes } as never, overrideAccess: true, depth: 0, req, context: req.context })
        await payload.jobs.queue({ task: RESTORE_TASK as never, input: { restore: String(restore.id) } as never, req })
      } else {
        await logItem(payload, req, restore.id as string | number, idOf(restore.company), 'failed', {
          kind: 'restore',
          id: String(restore.id),
          title: String(restore.backupName ?? ''),
          action: 'update',
          changes: [],
          reason: `Restauração interrompida ${MAX_RESUMES} vezes; execute-a novamente`,
        })
      }
      await commitTransaction(req)
    } catch (e) {
      await killTransaction(req)
      throw e
    }
    if (resumes <= MAX_RESUMES) requeued++
    else {
      await finishRestore(payload, restore, await requesterOf(payload, restore), String(restore.backupName ?? restore.id))
      closed++
    }
  }
  return { requeued, closed, backups }
}
