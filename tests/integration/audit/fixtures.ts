import type { Payload } from 'payload'
import { createLocalReq } from 'payload'
import type { BackupCategory } from '../../../src/collections/Backups/model'
import { backupFileOf, loadSnapshot } from '../../../src/collections/Backups/snapshot/backupFile'
import { CATEGORY_SOURCES, snapshotCategory, type Snapshot } from '../../../src/collections/Backups/snapshot/categories'
import { listItems } from '../../../src/collections/Backups/snapshot/items'
import type { RestoreProbe } from '../../../src/jobs/restore/run'
import { generateCpf, generateIccid, generateImsi, generateMsisdn } from '../../../src/validation/generate'
import { PASSWORD, type CompanyWorld, type World } from '../../helpers/world'

type Doc = { id: number | string; [k: string]: any }

export const create = (payload: Payload, collection: string, data: Record<string, unknown>): Promise<Doc> =>
  payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as never
export const update = (payload: Payload, collection: string, id: unknown, data: Record<string, unknown>): Promise<Doc> =>
  payload.update({ collection: collection as never, id: id as never, data: data as never, overrideAccess: true, depth: 0 }) as never
export const remove = (payload: Payload, collection: string, id: unknown) =>
  payload.delete({ collection: collection as never, id: id as never, overrideAccess: true })

/** What every category needs beyond the world: holidays, pools and quotas, a franchise and transfers, a second profile. */
export interface Extra {
  holidays: Doc[]
  account2: Doc
  pools: Doc[]
  franchise: Doc
  transfers: Doc[]
  profile2: Doc
}

export async function enrich(payload: Payload, c: CompanyWorld, tag: string): Promise<Extra> {
  const company = c.company.id
  const holidays = [
    await create(payload, 'holidays', { company, date: '2026-12-25', name: `Natal ${tag}` }),
    await create(payload, 'holidays', { company, date: '2026-09-04', name: `DIA DE RELAXAR ${tag}`, ddd: 19 }),
  ]
  const account2 = await create(payload, 'accounts', { company, number: String(Number(c.account.number) + 1) })
  const pools = [
    await create(payload, 'offers', { company, account: c.account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: 'Claro Total Compartilhado 30GB', unit: 'mb', amount: 30720 }),
    await create(payload, 'offers', { company, account: account2.id, kind: 'shared', offer: 'Mega Bônus', package: 'Mega Bônus 10GB', unit: 'mb', amount: 10240 }),
  ]
  await update(payload, 'lines', c.lines[0].id, { quota: { control: 'limited', amountMB: 2048 } })
  await update(payload, 'lines', c.lines[1].id, { quota: { control: 'blocked' } })
  const franchise = await create(payload, 'offers', { company, account: c.account.id, kind: 'individual', line: c.lines[0].id, offer: 'Claro Pós', package: 'Claro Pós 500 min', unit: 'minutes', amount: 500 })
  const transfers = [
    await create(payload, 'transfers', { company, offer: franchise.id, fromLine: c.lines[0].id, toLine: c.lines[1].id, amount: 100 }),
    await create(payload, 'transfers', { company, offer: franchise.id, fromLine: c.lines[0].id, toLine: c.lines[2].id, amount: 50 }),
  ]
  const profile2 = await create(payload, 'profiles', {
    company,
    name: `Plantão ${tag}`,
    lists: [{ type: 'blocked', usage: 'voice', scope: 'national', number: '0900123456' }],
    calendar: { days: ['sat', 'sun'], holidays: true, windows: [{ from: '08:00', to: '12:00' }] },
    limits: [{ category: 'sms.other', control: 'limited', quantity: 2 }],
  })
  await update(payload, 'lines', c.lines[3].id, { profile: profile2.id })
  return { holidays, account2, pools, franchise, transfers, profile2 }
}

/** Changes, additions and deletions after a backup, per category. */
export const MUTATIONS: Record<BackupCategory, (payload: Payload, w: World, c: CompanyWorld, x: Extra) => Promise<void>> = {
  subscribers: async (payload, w, c) => {
    await update(payload, 'lines', c.lines[0].id, { name: 'Renomeada', department: c.departments[1].id, extension: '777', status: 'suspended', quota: { control: 'unlimited' } })
    await create(payload, 'lines', { company: c.company.id, account: c.account.id, msisdn: generateMsisdn(w.rng, 21), name: 'Nova', iccid: generateIccid(w.rng) })
    await remove(payload, 'lines', c.lines[3].id)
  },
  general: async (payload, _w, c, x) => {
    await update(payload, 'companies', c.company.id, { csp: '41', interruptAtLimit: true })
    await update(payload, 'holidays', x.holidays[0].id, { name: 'Natal alterado', date: '2026-12-24' })
    await create(payload, 'holidays', { company: c.company.id, date: '2026-10-12', name: 'Dia das Crianças', state: 'SP' })
    await remove(payload, 'holidays', x.holidays[1].id)
  },
  transfers: async (payload, _w, c, x) => {
    await update(payload, 'transfers', x.transfers[0].id, { amount: 300 })
    await create(payload, 'transfers', { company: c.company.id, offer: x.franchise.id, fromLine: c.lines[0].id, toLine: c.lines[3].id, amount: 20 })
    await remove(payload, 'transfers', x.transfers[1].id)
  },
  profiles: async (payload, _w, c, x) => {
    await update(payload, 'profiles', c.profile.id, {
      limits: [{ category: 'sms.other', control: 'limited', quantity: 100 }],
      calendar: { days: ['mon'], holidays: false, windows: [{ from: '09:00', to: '10:00' }] },
    })
    const extra = await create(payload, 'profiles', { company: c.company.id, name: 'Perfil novo' })
    await update(payload, 'lines', c.lines[0].id, { profile: extra.id })
    await remove(payload, 'profiles', x.profile2.id)
  },
  offers: async (payload, _w, c, x) => {
    await update(payload, 'offers', x.pools[0].id, { amount: 40960 })
    await update(payload, 'lines', c.lines[0].id, { quota: { control: 'limited', amountMB: 4096 } })
    await update(payload, 'lines', c.lines[2].id, { quota: { control: 'blocked' } })
    await create(payload, 'offers', { company: c.company.id, account: x.account2.id, kind: 'shared', offer: 'Super Bônus', package: 'Super Bônus 5GB', unit: 'mb', amount: 5120 })
    await remove(payload, 'offers', x.pools[1].id)
  },
  departments: async (payload, _w, c) => {
    await update(payload, 'departments', c.departments[0].id, { name: 'Vendas e Marketing' })
    const extra = await create(payload, 'departments', { company: c.company.id, name: 'Diretoria' })
    await update(payload, 'lines', c.lines[0].id, { department: extra.id })
    await remove(payload, 'departments', c.departments[1].id)
  },
  users: async (payload, w, c) => {
    await update(payload, 'users', c.users.viewer.id, { firstName: 'Consulta', blocked: true, phone: '5519991234567' })
    await create(payload, 'users', {
      username: generateCpf(w.rng),
      email: `novo.${String(c.company.id)}@example.com`,
      password: PASSWORD,
      firstName: 'Novo',
      lastName: 'Usuário',
      role: 'viewer',
      companies: [c.company.id],
    })
    await remove(payload, 'users', c.users.subadmin.id)
  },
}

export const CATEGORIES = Object.keys(MUTATIONS) as BackupCategory[]

export async function snapshot(payload: Payload, company: unknown, category: BackupCategory): Promise<Snapshot> {
  return snapshotCategory({ payload, company: company as number, req: await createLocalReq({}, payload) }, category)
}

export async function everything(payload: Payload, company: unknown): Promise<Record<string, Snapshot>> {
  const out: Record<string, Snapshot> = {}
  for (const category of CATEGORIES) out[category] = await snapshot(payload, company, category)
  return out
}

/** A finished backup document with its content (`data`, read from its file). */
export async function backupWithData(payload: Payload, id: unknown): Promise<Doc> {
  const doc: Doc = (await payload.findByID({ collection: 'backups', id: id as never, depth: 0, overrideAccess: true })) as never
  return { ...doc, data: await loadSnapshot(backupFileOf(doc), CATEGORY_SOURCES[doc.category as BackupCategory].map((s) => s.kind)) }
}

/** Backs up a category and runs the backup job. */
export async function backupOf(payload: Payload, company: unknown, category: BackupCategory): Promise<Doc> {
  const doc = await create(payload, 'backups', { company, category })
  await payload.jobs.run({ limit: 10 })
  return backupWithData(payload, doc.id)
}

/** A restore document with its logged items (`applied`, `failed`), in the order they were written. */
export async function restoreWithItems(payload: Payload, id: unknown): Promise<Doc> {
  const doc: Doc = (await payload.findByID({ collection: 'restores', id: id as never, depth: 0, overrideAccess: true })) as never
  return { ...doc, applied: await listItems(payload, doc.id, 'applied'), failed: await listItems(payload, doc.id, 'failed') }
}

/** Queues a restore of `backup` and runs the queue until it is done. */
/** Runs the default queue; a restore job it runs reports to `probe` (RestoreProbe in src/collections/Backups/snapshot/apply.ts). */
export async function runQueue(payload: Payload, probe?: RestoreProbe): Promise<void> {
  await payload.jobs.run({ limit: 10, ...(probe ? { req: await createLocalReq({ context: { restoreProbe: probe } }, payload) } : {}) })
}

export async function restore(payload: Payload, backup: Doc, probe?: RestoreProbe): Promise<Doc> {
  const doc = await create(payload, 'restores', { backup: backup.id })
  await runQueue(payload, probe)
  return restoreWithItems(payload, doc.id)
}

export { generateImsi }
