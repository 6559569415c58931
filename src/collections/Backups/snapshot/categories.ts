/**
 * The seven backup categories of J1 as data: which documents of a company each one
 * holds, which of their fields, and how a restored item is written back. A backup's
 * content is `{ version, sources: { <kind>: Item[] } }`, one list per source.
 */
import type { Payload, PayloadRequest, Where } from 'payload'
import { temporaryPassword } from '../../../auth/passwords'
import type { BackupCategory } from '../model'
import { idOf, type Id } from '../../../domain/ids'
import { linePages } from './lineRows'

/**
 * A document or its backed-up part as a plain record. The restore works on every backed-up collection
 * by slug with such records: where Payload's per-slug generated types are asked for (collection, id,
 * data), the dynamic values are cast (`as never`) in this module, plan.ts and apply.ts.
 */
export type Data = Record<string, unknown>
export interface Item {
  id: string | number
  title: string
  data: Data
}
export interface Snapshot {
  version: 1
  sources: Record<string, Item[]>
}

/** Everything a source needs to read or write a company's documents. */
export interface Ctx {
  payload: Payload
  req?: PayloadRequest
  company: string | number
}

export interface Source {
  kind: string
  /** "o feriado", "a linha" … as in "A configuração para o feriado "Natal" foi restaurada". */
  noun: string
  collection: string
  /** Which documents of `collection` are the company's now. */
  where: (ctx: Ctx) => Where
  /** The backed-up part of a document (stable field order, relations as ids). */
  pick: (doc: Data, ctx: Ctx & { links: Map<string, (string | number)[]>; scope: Set<string> }) => Data
  /** An item's name in previews and the trail, from its backed-up part or else the document. */
  title: (data: Data, doc: Data) => string
  /** Lines linked to each document (departments, profiles: "with their lines"). */
  links?: 'department' | 'profile'
  /** `update`: items are only put back, never created or removed (company settings, quotas). */
  mode: 'full' | 'update'
  /**
   * What identifies a document across a backup and now (issue 10): by default its id among
   * the company's documents (ids are never reused: AUTOINCREMENT on SQLite, sequences on
   * PostgreSQL); users, who span companies, by their login (CPF).
   */
  key?: (data: Data & { id?: unknown }) => string
  /** Custom writes (users belong to several companies); answers the written document's id. */
  write?: (ctx: Required<Ctx>, item: Item, exists: Data | null) => Promise<string | number>
  remove?: (ctx: Required<Ctx>, current: Data) => Promise<'delete' | 'detach'>
}

export const keyOf = (source: Source, item: Item): string => (source.key ? source.key({ ...item.data, id: item.id }) : String(item.id))

/** A relation as the backup file stores it: its id, or null (kept in the JSON, not left out) when empty. */
const storedId = (v: unknown): Id | null => idOf(v) ?? null
const ids = (v: unknown): Id[] => (Array.isArray(v) ? v.map(idOf).filter((x) => x !== undefined) : [])
const orNull = (v: unknown) => (v === undefined || v === '' ? null : v)

/** JSON with object keys sorted: equal values, equal strings (as JSON.stringify of the same value with its keys in code-unit order). */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined || typeof x === 'function' ? 'null' : stableJson(x))).join(',')}]`
  const o = v as Record<string, unknown>
  const keys = Object.keys(o).filter((k) => o[k] !== undefined && typeof o[k] !== 'function').sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`
}

/** A value as stableJson writes it in a list: what JSON leaves out (or cannot write) is null. */
const asListed = (v: unknown) => (v === undefined || typeof v === 'function' || typeof v === 'symbol' || (typeof v === 'number' && !Number.isFinite(v)) ? null : v)
const kept = (v: unknown) => v !== undefined && typeof v !== 'function'
const isPlain = (v: object) => Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null

/**
 * `stableJson(a) === stableJson(b)` without writing either (a preview compares every item of a
 * backup with the company's: two strings per item were most of its work and garbage).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  a = asListed(a)
  b = asListed(b)
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  // Dates, class instances: as stableJson writes them.
  if (!isPlain(a) || !isPlain(b)) return stableJson(a) === stableJson(b)
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false
    return true
  }
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>]
  let count = 0
  for (const key in x) {
    if (!Object.hasOwn(x, key) || !kept(x[key])) continue
    if (!Object.hasOwn(y, key) || !kept(y[key]) || !sameJson(x[key], y[key])) return false
    count++
  }
  for (const key in y) if (Object.hasOwn(y, key) && kept(y[key])) count--
  return count === 0
}

/**
 * `{ id }` to re-create a deleted document under its old id when nobody holds it (relations to
 * it hold again), `{}` for a new id otherwise: a restore never writes over another document.
 */
export async function freeId(ctx: Required<Ctx>, collection: string, id: string | number): Promise<{ id?: string | number }> {
  const holder = await ctx.payload.db.findOne({ collection: collection as never, where: { id: { equals: id } }, req: ctx.req })
  return holder ? {} : { id }
}
const rows = (v: unknown, keys: string[]): Data[] =>
  (Array.isArray(v) ? (v as Data[]) : []).map((r) => Object.fromEntries(keys.map((k) => [k, orNull(r[k])])))

const PAGE = 1000

/** The documents matching `where`, in id order, a page at a time (constant memory). */
export async function* pagesOf(ctx: Ctx, collection: string, where: Where, select?: Record<string, true>): AsyncGenerator<Data[]> {
  let after: unknown
  for (;;) {
    const found = await ctx.payload.find({
      collection: collection as never,
      where: after == null ? where : { and: [where, { id: { greater_than: after } }] },
      limit: PAGE,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      sort: 'id',
      req: ctx.req,
      ...(select ? { select: select as never } : {}),
    })
    const docs = found.docs as unknown as Data[]
    if (docs.length) yield docs
    if (docs.length < PAGE) return
    after = docs[docs.length - 1].id
  }
}

async function findAll(ctx: Ctx, collection: string, where: Where): Promise<Data[]> {
  const all: Data[] = []
  for await (const page of pagesOf(ctx, collection, where)) all.push(...page)
  return all
}

/** Ids of the company's departments: a user's other departments belong to other companies. */
const departmentScope = async (ctx: Ctx): Promise<Set<string>> =>
  new Set((await findAll(ctx, 'departments', { company: { equals: ctx.company } })).map((d) => String(d.id)))

const ofCompany = (extra?: Where) => (ctx: Ctx): Where => (extra ? { and: [{ company: { equals: ctx.company } }, extra] } : { company: { equals: ctx.company } })

const LINE_FIELDS = (d: Data): Data => ({
  msisdn: d.msisdn,
  name: orNull(d.name),
  status: d.status,
  account: storedId(d.account),
  department: storedId(d.department),
  profile: storedId(d.profile),
  iccid: orNull(d.iccid),
  imsi: orNull(d.imsi),
  extension: orNull(d.extension),
  quota: quotaOf(d),
})

function quotaOf(d: Data): Data {
  const q = (d.quota ?? {}) as Data
  return { control: q.control ?? 'unlimited', amountMB: orNull(q.amountMB) }
}

const lines: Source = {
  kind: 'lines',
  noun: 'o assinante',
  collection: 'lines',
  where: ofCompany(),
  pick: LINE_FIELDS,
  title: (d) => String(d.msisdn),
  mode: 'full',
}

const companySettings: Source = {
  kind: 'company',
  noun: 'a empresa',
  collection: 'companies',
  where: (ctx) => ({ id: { equals: ctx.company } }),
  pick: (d) => ({ csp: d.csp, interruptAtLimit: Boolean(d.interruptAtLimit) }),
  title: (_, doc) => String(doc.name ?? doc.id),
  mode: 'update',
}

const holidays: Source = {
  kind: 'holidays',
  noun: 'o feriado',
  collection: 'holidays',
  where: ofCompany(),
  pick: (d) => ({ date: d.date, name: d.name, ddd: orNull(d.ddd), state: orNull(d.state) }),
  title: (d) => String(d.name),
  mode: 'full',
}

const transfers: Source = {
  kind: 'transfers',
  noun: 'a transferência Claro Pós',
  collection: 'transfers',
  where: ofCompany(),
  pick: (d) => ({ offer: storedId(d.offer), fromLine: storedId(d.fromLine), toLine: storedId(d.toLine), amount: d.amount }),
  title: (d) => `${String(d.amount)} de ${String(d.fromLine)} para ${String(d.toLine)}`,
  mode: 'full',
}

const profiles: Source = {
  kind: 'profiles',
  noun: 'o perfil',
  collection: 'profiles',
  where: ofCompany(),
  pick: (d, ctx) => {
    const cal = (d.calendar ?? {}) as Data
    return {
      name: d.name,
      lists: rows(d.lists, ['type', 'usage', 'scope', 'number']),
      calendar: { days: Array.isArray(cal.days) ? cal.days : [], holidays: Boolean(cal.holidays), windows: rows(cal.windows, ['from', 'to']) },
      limits: rows(d.limits, ['category', 'control', 'quantity']),
      lines: ctx.links.get(String(d.id)) ?? [],
    }
  },
  title: (d) => String(d.name),
  links: 'profile',
  mode: 'full',
}

const sharedOffers: Source = {
  kind: 'offers',
  noun: 'a oferta compartilhada',
  collection: 'offers',
  where: ofCompany({ kind: { equals: 'shared' } }),
  pick: (d) => ({
    offer: d.offer,
    package: d.package,
    kind: d.kind,
    unit: d.unit,
    amount: d.amount,
    account: storedId(d.account),
    categories: Array.isArray(d.categories) ? d.categories : [],
  }),
  title: (d) => `${String(d.offer)} - ${String(d.package)}`,
  mode: 'full',
}

const quotas: Source = {
  kind: 'quotas',
  noun: 'a cota da linha',
  collection: 'lines',
  where: ofCompany(),
  pick: (d) => ({ quota: quotaOf(d) }),
  title: (_, doc) => String(doc.msisdn ?? ''),
  mode: 'update',
}

const departments: Source = {
  kind: 'departments',
  noun: 'o departamento',
  collection: 'departments',
  where: ofCompany(),
  pick: (d, ctx) => ({ name: d.name, lines: ctx.links.get(String(d.id)) ?? [] }),
  title: (d) => String(d.name),
  links: 'department',
  mode: 'full',
}

const users: Source = {
  kind: 'users',
  noun: 'o usuário',
  collection: 'users',
  where: (ctx) => ({ companies: { in: [ctx.company] } }),
  pick: (d, ctx) => ({
    username: d.username,
    email: d.email,
    firstName: d.firstName,
    lastName: d.lastName,
    phone: orNull(d.phone),
    role: d.role,
    departments: ids(d.departments).filter((id) => ctx.scope.has(String(id))),
    blocked: Boolean(d.blocked),
  }),
  title: (d) => String(d.username),
  mode: 'full',
  key: (d) => String(d.username),
  // A user may belong to other companies too: only this company's membership and departments are
  // restored for them, and a login held by a user of other companies only is never taken over.
  write: async (ctx, item, exists) => {
    const scope = await departmentScope(ctx)
    const { departments: mine, ...fields } = item.data
    const common = { overrideAccess: true, depth: 0, req: ctx.req, context: ctx.req.context } as const
    if (!exists) {
      const holder = await ctx.payload.db.findOne({ collection: 'users', where: { username: { equals: fields.username } }, req: ctx.req })
      if (holder) throw new Error(`O login ${String(fields.username)} pertence a um usuário de outra empresa`)
      const created = await ctx.payload.create({
        collection: 'users',
        data: { ...fields, departments: mine, companies: [ctx.company], password: temporaryPassword(), mustChangePassword: true, ...(await freeId(ctx, 'users', item.id)) } as never,
        ...common,
      })
      return created.id
    }
    const companies = ids(exists.companies)
    const shared = companies.some((c) => String(c) !== String(ctx.company))
    const otherDepartments = ids(exists.departments).filter((id) => !scope.has(String(id)))
    const membership = { departments: [...otherDepartments, ...(mine as (string | number)[])] }
    if (shared) {
      const differs = Object.keys(fields).filter((k) => stableJson(orNull(exists[k])) !== stableJson(orNull(fields[k])))
      if (differs.length) throw new Error(`O usuário também pertence a outra empresa: seus dados (${differs.join(', ')}) não são alterados por esta restauração`)
    }
    await ctx.payload.update({ collection: 'users', id: exists.id as never, data: (shared ? membership : { ...fields, ...membership }) as never, ...common })
    return exists.id as string | number
  },
  remove: async (ctx, current) => {
    const others = ids(current.companies).filter((c) => String(c) !== String(ctx.company))
    if (others.length === 0) {
      await ctx.payload.delete({ collection: 'users', id: current.id as never, overrideAccess: true, req: ctx.req, context: ctx.req.context })
      return 'delete'
    }
    const scope = await departmentScope(ctx)
    const departments = ids(current.departments).filter((id) => !scope.has(String(id)))
    await ctx.payload.update({
      collection: 'users',
      id: current.id as never,
      data: { companies: others, departments } as never,
      overrideAccess: true,
      depth: 0,
      req: ctx.req,
      context: ctx.req.context,
    })
    return 'detach'
  },
}

/** Sources per category, in restore order (pools before quotas, settings before holidays). */
export const CATEGORY_SOURCES: Record<BackupCategory, Source[]> = {
  subscribers: [lines],
  general: [companySettings, holidays],
  transfers: [transfers],
  profiles: [profiles],
  offers: [sharedOffers, quotas],
  departments: [departments],
  users: [users],
}

/**
 * A source's documents of the company, a page at a time in id order: the company's lines in bulk
 * from the table (SQLite, PostgreSQL; src/collections/Backups/snapshot/lineRows.ts), anything else (and MongoDB)
 * through the Local API.
 */
export function documentPages(ctx: Ctx, source: Pick<Source, 'collection' | 'where'>, select?: Record<string, true>): AsyncGenerator<Data[]> {
  return (source.collection === 'lines' && linePages(ctx.payload, ctx.company)) || pagesOf(ctx, source.collection, source.where(ctx), select)
}

/** The lines linked to each document by `field` (department or profile), ids sorted. */
async function linksOf(ctx: Ctx, field: 'department' | 'profile'): Promise<Map<string, (string | number)[]>> {
  const map = new Map<string, (string | number)[]>()
  for await (const page of documentPages(ctx, { collection: 'lines', where: ofCompany() }, { [field]: true })) {
    for (const line of page) {
      const owner = storedId(line[field])
      if (owner == null) continue
      const list = map.get(String(owner)) ?? []
      list.push(line.id as string | number)
      map.set(String(owner), list)
    }
  }
  return map
}

/** The items of one source as the company has them now, in id order, a page at a time. */
export async function* streamItems(ctx: Ctx, source: Source, onUnreadable?: (doc: Data, error: unknown) => void): AsyncGenerator<Item[]> {
  const links = source.links ? await linksOf(ctx, source.links) : new Map<string, (string | number)[]>()
  const scope = source.kind === 'users' ? await departmentScope(ctx) : new Set<string>()
  const pickCtx = { ...ctx, links, scope }
  for await (const docs of documentPages(ctx, source)) {
    const items: Item[] = []
    for (const doc of docs) {
      try {
        const data = source.pick(doc, pickCtx)
        items.push({ id: doc.id as string | number, title: source.title(data, doc), data })
      } catch (e) {
        // A backup leaves out what it cannot read (its status is then "Parcial"); a comparison needs every item.
        if (!onUnreadable) throw e
        onUnreadable(doc, e)
      }
    }
    yield items
  }
}

export async function currentItems(ctx: Ctx, source: Source): Promise<Item[]> {
  const all: Item[] = []
  for await (const page of streamItems(ctx, source)) all.push(...page)
  return all
}

/** A category's content now, whole (what a backup file holds; tests compare it). */
export async function snapshotCategory(ctx: Ctx, category: BackupCategory): Promise<Snapshot> {
  const sources: Record<string, Item[]> = {}
  for (const source of CATEGORY_SOURCES[category]) sources[source.kind] = await currentItems(ctx, source)
  return { version: 1, sources }
}
