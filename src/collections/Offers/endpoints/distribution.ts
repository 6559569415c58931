/**
 * Shared-offer distribution (SPEC G), beside the Offers collection:
 *   GET  /api/offers/distribution                 accounts with a shared offer the user reaches
 *   GET  /api/offers/distribution?account=<id>    pool, totals and the account's lines with quota and consumption
 *   POST /api/offers/distribution                 {account, lines: [{id, control, amountMB?}]}
 * The POST validates the whole distribution (every line and the sum of the account's
 * limited quotas against the pool) and writes it in one transaction: all or nothing,
 * with field-level errors `lines.<i>.amountMB`, `lines.<i>.id`, `total`.
 */
import type { CollectionSlug, Endpoint, PayloadRequest, Where } from 'payload'
import type { Company, Offer } from '../../../payload-types'
import { z } from 'zod'
import { actorOf } from '../../../access/policy'
import { idOf, selectedCompanyWhere } from '../../../access/roles'
import { cycleKeyFor } from '../../../engine/core'
import { validateNonNegativeInt, validateQuotaAgainstPool } from '../../../validation'
import { actorFor, bodyOf, errorsOf, failure, findAll as findAllDocs, json, validationError, withTransaction, zodErrors, type FieldError } from '../../../http/endpoint'
import { poolOffers, poolTotalMB } from '../../../domain/pools'

export type QuotaControl = 'limited' | 'unlimited' | 'blocked'
export interface Quota {
  control: QuotaControl
  amountMB?: number | null
}
export interface QuotaChange extends Quota {
  id: string | number
}
/** A line's quota as stored (the generated `Line['quota']`): every part optional. */
export type StoredQuota = { control?: QuotaControl | null; amountMB?: number | null } | null | undefined
const BYTES_PER_MB = 1024 * 1024
export const MAX_DISTRIBUTION_LINES = 10_000

/** Configured total of an account: the limited quotas (unlimited and blocked lines count 0). */
export const configuredMB = (quotas: Iterable<StoredQuota>): number => {
  let sum = 0
  for (const q of quotas) if (q?.control === 'limited' && Number.isInteger(q.amountMB)) sum += q.amountMB as number
  return sum
}

/**
 * Pure check of a distribution: each change on its own, then the account's total (the
 * stored quotas of the lines not changed plus the new ones) against the pool.
 */
export function validateDistribution(args: { poolMB: number; current: Map<string, StoredQuota>; changes: QuotaChange[] }): {
  errors: FieldError[]
  totalMB: number
} {
  const errors: FieldError[] = []
  const seen = new Set<string>()
  args.changes.forEach((c, i) => {
    const key = String(c.id)
    if (seen.has(key)) errors.push({ path: `lines.${i}.id`, message: 'Linha repetida na distribuição' })
    seen.add(key)
    if (!args.current.has(key)) errors.push({ path: `lines.${i}.id`, message: 'Linha não encontrada nesta conta ou sem permissão' })
    if (c.control === 'limited') {
      const v = validateNonNegativeInt(c.amountMB, { label: 'A cota' })
      if (v !== true) errors.push({ path: `lines.${i}.amountMB`, message: v })
      else if ((c.amountMB as number) > args.poolMB) {
        errors.push({ path: `lines.${i}.amountMB`, message: `A cota (${c.amountMB} MB) é maior que o total da oferta compartilhada (${args.poolMB} MB)` })
      }
    }
  })
  const merged = new Map(args.current)
  for (const c of args.changes) merged.set(String(c.id), c)
  const totalMB = configuredMB(merged.values())
  const total = validateQuotaAgainstPool(totalMB, args.poolMB)
  if (total !== true) errors.push({ path: 'total', message: total })
  return { errors, totalMB }
}

const id = z.union([z.string().min(1), z.number().int()])
const body = z
  .object({
    account: id,
    lines: z
      .array(
        z
          .object({
            id,
            control: z.enum(['limited', 'unlimited', 'blocked'], { errorMap: () => ({ message: 'Escolha Limitado, Ilimitado ou Bloqueado' }) }),
            amountMB: z.number({ invalid_type_error: 'Informe a cota em MB' }).nullable().optional(),
          })
          .strict(),
      )
      .max(MAX_DISTRIBUTION_LINES, `No máximo ${MAX_DISTRIBUTION_LINES} linhas por vez`),
  })
  .strict()

/** Every matching document; through the user's access, support's screen keeps to the company it selected. */
function findAll<S extends CollectionSlug>(req: PayloadRequest, collection: S, where: Where, options: { access: boolean; select?: Record<string, true>; sort?: string }) {
  const selected = options.access && collection !== 'companies' ? selectedCompanyWhere(actorOf(req)) : null
  return findAllDocs(req, collection, selected ? { and: [where, selected] } : where, options)
}

/** The account as the user may read it, with its shared offers (MB) and pool size. */
async function poolOf(req: PayloadRequest, accountId: string | number) {
  const accounts = await findAll(req, 'accounts', { id: { equals: accountId } }, { access: true })
  const account = accounts[0]
  if (!account) return null
  const offers = await findAll(req, 'offers', { account: { equals: account.id }, kind: { equals: 'shared' } }, { access: true, sort: 'createdAt' })
  return { account, offers: poolOffers(offers), poolMB: poolTotalMB(offers) }
}

/** Every line of the account (whatever the user's department scope) with its quota: the total is account-wide. */
const accountQuotas = async (req: PayloadRequest, accountId: string | number) =>
  findAll(req, 'lines', { account: { equals: accountId } }, { access: false, select: { quota: true, department: true } })

async function consumptionMB(req: PayloadRequest, company: Pick<Company, 'renewalDay'> | null, accountId: string | number) {
  const renewalDay = Number(company?.renewalDay ?? 1)
  const cycle = cycleKeyFor(Date.now(), Number.isInteger(renewalDay) && renewalDay >= 1 && renewalDay <= 31 ? renewalDay : 1)
  const rows = await findAll(
    req,
    'consumption',
    { cycle: { equals: cycle }, key: { equals: 'lineData' }, 'line.account': { equals: accountId } },
    { access: false, select: { line: true, units: true } },
  )
  const byLine = new Map<string, number>()
  for (const r of rows) byLine.set(String(idOf(r.line)), (byLine.get(String(idOf(r.line))) ?? 0) + Number(r.units ?? 0) / BYTES_PER_MB)
  return { cycle, byLine }
}

const round = (n: number) => Math.round(n * 10) / 10

async function listAccounts(req: PayloadRequest) {
  const offers = await findAll(req, 'offers', { kind: { equals: 'shared' }, unit: { equals: 'mb' } }, { access: true, sort: 'createdAt' })
  const byAccount = new Map<string, { account: string | number; offers: Offer[]; poolMB: number }>()
  for (const o of offers) {
    const key = String(idOf(o.account))
    const entry = byAccount.get(key) ?? { account: idOf(o.account)!, offers: [], poolMB: 0 }
    entry.offers.push(o)
    entry.poolMB += Number(o.amount ?? 0)
    byAccount.set(key, entry)
  }
  const accounts = byAccount.size
    ? await findAll(req, 'accounts', { id: { in: [...byAccount.values()].map((a) => a.account) } }, { access: true })
    : []
  return accounts.map((a) => {
    const e = byAccount.get(String(a.id))!
    return { id: a.id, number: a.number, company: idOf(a.company), poolMB: e.poolMB, offers: e.offers.map((o) => ({ id: o.id, offer: o.offer, package: o.package, amountMB: o.amount })) }
  })
}

async function detail(req: PayloadRequest, accountId: string) {
  const pool = await poolOf(req, accountId)
  if (!pool || pool.offers.length === 0) return failure(404, 'Conta sem oferta compartilhada ou não encontrada')
  const companyId = idOf(pool.account.company)
  const [companies, visible, all, departments] = await Promise.all([
    findAll(req, 'companies', { id: { equals: companyId } }, { access: false, select: { renewalDay: true, name: true } }),
    findAll(req, 'lines', { account: { equals: pool.account.id } }, { access: true, sort: 'msisdn', select: { name: true, msisdn: true, status: true, department: true, profile: true, quota: true } }),
    accountQuotas(req, pool.account.id),
    findAll(req, 'departments', { company: { equals: companyId } }, { access: true, sort: 'name', select: { name: true } }),
  ])
  const { cycle, byLine } = await consumptionMB(req, companies[0] ?? null, pool.account.id)
  const deptName = new Map(departments.map((d) => [String(d.id), d.name as string]))
  let consumed = 0
  for (const v of byLine.values()) consumed += v
  return json({
    account: { id: pool.account.id, number: pool.account.number, company: companyId },
    offers: pool.offers.map((o) => ({ id: o.id, offer: o.offer, package: o.package, amountMB: o.amount })),
    cycle,
    totals: {
      lines: all.length,
      poolMB: pool.poolMB,
      configuredMB: configuredMB(all.map((l) => l.quota)),
      freeMB: Math.max(0, pool.poolMB - configuredMB(all.map((l) => l.quota))),
      consumedMB: round(consumed),
    },
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    lines: visible.map((l) => ({
      id: l.id,
      name: l.name ?? null,
      msisdn: l.msisdn,
      status: l.status,
      department: idOf(l.department) ?? null,
      departmentName: deptName.get(String(idOf(l.department))) ?? null,
      quota: { control: l.quota?.control ?? 'unlimited', amountMB: l.quota?.amountMB ?? null },
      consumedMB: round(byLine.get(String(l.id)) ?? 0),
    })),
  })
}

async function save(req: PayloadRequest) {
  const actor = actorFor(req, 'lines', 'update')
  if ('response' in actor) return actor.response
  const parsed = body.safeParse(await bodyOf(req))
  if (!parsed.success) return validationError(zodErrors(parsed.error))
  const { account, lines } = parsed.data
  const pool = await poolOf(req, account)
  if (!pool) return validationError([{ path: 'account', message: 'Conta não encontrada' }])
  if (pool.offers.length === 0) return validationError([{ path: 'account', message: 'Esta conta não tem oferta compartilhada' }])

  // Lines the user may read in this account; the total counts every line of the account.
  const reachable = await findAll(req, 'lines', { account: { equals: pool.account.id }, id: { in: lines.map((l) => l.id) } }, { access: true, select: { quota: true } })
  const reach = new Set(reachable.map((l) => String(l.id)))
  // Lines out of the user's reach still count in the total, under keys no change can name.
  const current = new Map<string, StoredQuota>()
  for (const l of await accountQuotas(req, pool.account.id)) current.set(reach.has(String(l.id)) ? String(l.id) : `other:${String(l.id)}`, l.quota)
  const { errors, totalMB } = validateDistribution({ poolMB: pool.poolMB, current, changes: lines })
  if (errors.length) return validationError(errors, 'A distribuição não foi salva: corrija os campos indicados')

  const writeErrors: FieldError[] = []
  await withTransaction(
    req,
    async () => {
      for (const [i, l] of lines.entries()) {
        const quota = { control: l.control, amountMB: l.control === 'limited' ? l.amountMB : null }
        try {
          await req.payload.update({ collection: 'lines', id: l.id, data: { quota }, overrideAccess: false, user: req.user, req, depth: 0 })
        } catch (error) {
          writeErrors.push(...errorsOf(error, `lines.${i}.`).map((e) => ({ ...e, path: e.path.replace(/\.quota\./, '.') })))
          break
        }
      }
    },
    () => writeErrors.length === 0,
  )
  if (writeErrors.length) return validationError(writeErrors, 'A distribuição não foi salva: corrija os campos indicados')
  return json({ message: 'Distribuição salva', updated: lines.length, totals: { poolMB: pool.poolMB, configuredMB: totalMB, freeMB: Math.max(0, pool.poolMB - totalMB) } })
}

export const distributionEndpoints: Endpoint[] = [
  {
    path: '/distribution',
    method: 'get',
    handler: async (req) => {
      const actor = actorFor(req, 'offers', 'read')
      if ('response' in actor) return actor.response
      const account = typeof req.query?.account === 'string' ? req.query.account : undefined
      return account ? detail(req, account) : json({ accounts: await listAccounts(req) })
    },
  },
  { path: '/distribution', method: 'post', handler: save },
]
