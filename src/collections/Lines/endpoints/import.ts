/**
 * Bulk import of lines' name, department, profile, extension and shared-pool quota from a
 * spreadsheet (SPEC L), beside the Lines collection:
 *   POST /api/lines/import   {fileName, content: <base64>, apply?: boolean}
 *                            or {rows: [{msisdn, department, profile, extension, quota, quotaAmount}], apply?}
 *   GET  /api/lines/import/template   the user's lines as a filled-in .xlsx template
 * Without `apply` it is a dry run: every row is resolved and written inside a transaction
 * that is rolled back, so the report shows exactly what the server would accept and
 * nothing changes. With `apply`, each row is its own transaction: a row is written
 * whole or not at all, and the report says which.
 *
 * Cell conventions: empty = leave as is; "-" (or "Linhas sem departamento/perfil") clears
 * department, profile or extension; quota "Limitado | Ilimitado | Bloqueado", amount in
 * MB or with a unit ("10 GB", "500 MB"); an amount alone means Limitado.
 */
import type { CollectionSlug, Endpoint, PayloadRequest, Where } from 'payload'
import type { Department, Line, Profile } from '../../../payload-types'
import { z } from 'zod'
import { idOf, relationId } from '../../../domain/ids'
import { normalizeMsisdn, validateMsisdn, validateQuotaAgainstPool } from '../../../validation'
import { actorFor, bodyOf, errorsOf, findAll as findAllDocs, json, validationError, withTransaction, zodErrors, type FieldError } from '../../../http/endpoint'
import { IMPORT_HEADERS, readSheet, writeSheet, type ImportColumn, type SheetRow } from './spreadsheet'

export const MAX_IMPORT_ROWS = 10_000
const MAX_FILE_BYTES = 10 * 1024 * 1024

type Named = Pick<Department | Profile, 'id' | 'name' | 'company'>
type Id = string | number

export interface RowChange {
  field: 'name' | 'department' | 'profile' | 'extension' | 'quota'
  from: string | null
  to: string | null
}
export interface RowReport {
  row: number
  msisdn: string
  line?: Id
  status: 'change' | 'unchanged' | 'error' | 'applied' | 'failed'
  changes: RowChange[]
  errors: FieldError[]
  /** The row's cells as read, so the admin can apply the checked rows in chunks. */
  cells?: Partial<Record<ImportColumn, string>>
}

const CLEAR = new Set(['-', '--', 'nenhum', 'nenhuma', 'linhas sem departamento', 'sem departamento', 'linhas sem perfil', 'sem perfil', 'none'])
const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\s+/g, ' ')
const CONTROLS: Record<string, 'limited' | 'unlimited' | 'blocked'> = {
  limitado: 'limited',
  limited: 'limited',
  ilimitado: 'unlimited',
  unlimited: 'unlimited',
  bloqueado: 'blocked',
  blocked: 'blocked',
}
const CONTROL_PT = { limited: 'Limitado', unlimited: 'Ilimitado', blocked: 'Bloqueado' } as const

/** "2048", "2.048", "1,5 GB", "500 MB" → whole MB, or a message. */
export function parseAmountMB(text: string): number | string {
  const m = /^([\d.,]+)\s*(mb|gb)?$/i.exec(text.trim())
  if (!m) return 'Cota inválida: informe um número de MB (ou "10 GB")'
  let digits = m[1]
  if (/^\d{1,3}(\.\d{3})+$/.test(digits)) digits = digits.replace(/\./g, '')
  const n = Number(digits.replace(',', '.'))
  if (!Number.isFinite(n) || n < 0) return 'Cota inválida: informe um número não negativo'
  const mb = (m[2] ?? 'mb').toLowerCase() === 'gb' ? n * 1024 : n
  return Number.isInteger(mb) ? mb : 'Cota inválida: a cota deve ser um número inteiro de MB'
}

const quotaText = (q: { control?: string | null; amountMB?: number | null } | null | undefined) =>
  !q?.control ? null : q.control === 'limited' ? `Limitado ${q.amountMB ?? 0} MB` : CONTROL_PT[q.control as 'unlimited' | 'blocked'] ?? q.control

const rowSchema = z
  .object({
    // The spreadsheet row number to report (the admin sends the rows of a checked file in chunks).
    row: z.number().int().positive().optional(),
    ...Object.fromEntries((Object.keys(IMPORT_HEADERS) as ImportColumn[]).map((c) => [c, z.union([z.string(), z.number()]).nullable().optional()])),
  })
  .strict()
const bodySchema = z
  .object({
    fileName: z.string().max(300).optional(),
    content: z.string().max(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4, 'Arquivo grande demais (máx. 10 MB)').optional(),
    rows: z.array(rowSchema).max(MAX_IMPORT_ROWS).optional(),
    apply: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.content !== undefined || b.rows !== undefined, { message: 'Envie o arquivo (content) ou as linhas (rows)', path: ['content'] })

const findAll = <S extends CollectionSlug>(req: PayloadRequest, collection: S, where: Where, access: boolean) => findAllDocs(req, collection, where, { access })

const chunks = <T>(list: T[], size = 500): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size))

/** Everything the rows name, read once: lines (as the user may read them), departments, profiles, pools. */
async function context(req: PayloadRequest, msisdns: string[]) {
  const lines = new Map<string, Line>()
  for (const part of chunks(msisdns)) for (const l of await findAll(req, 'lines', { msisdn: { in: part } }, true)) lines.set(String(l.msisdn), l)
  const companies = [...new Set([...lines.values()].map((l) => String(idOf(l.company))))]
  const accounts = [...new Set([...lines.values()].map((l) => String(idOf(l.account))))]
  const byCompany = async (collection: 'departments' | 'profiles') => {
    const map = new Map<string, Named>()
    if (companies.length) for (const d of await findAll(req, collection, { company: { in: companies } }, true)) map.set(`${String(idOf(d.company))}|${norm(String(d.name))}`, d)
    return map
  }
  const [departments, profiles] = await Promise.all([byCompany('departments'), byCompany('profiles')])
  const names = (map: Map<string, Named>) => new Map([...map.values()].map((d) => [String(d.id), String(d.name)]))
  // Pools and the configured totals of every involved account (all its lines, whatever the user's scope).
  const pools = new Map<string, { poolMB: number; totalMB: number }>()
  if (accounts.length) {
    const offers = await findAll(req, 'offers', { account: { in: accounts }, kind: { equals: 'shared' }, unit: { equals: 'mb' } }, false)
    for (const o of offers) {
      const k = String(idOf(o.account))
      pools.set(k, { poolMB: (pools.get(k)?.poolMB ?? 0) + Number(o.amount ?? 0), totalMB: 0 })
    }
    const withPool = [...pools.keys()]
    if (withPool.length) {
      const res = await req.payload.find({ collection: 'lines', where: { account: { in: withPool } }, depth: 0, pagination: false, select: { account: true, quota: true }, overrideAccess: true, req })
      for (const l of res.docs) {
        if (l.quota?.control === 'limited') pools.get(String(idOf(l.account)))!.totalMB += Number(l.quota.amountMB ?? 0)
      }
    }
  }
  return { lines, departments, profiles, departmentNames: names(departments), profileNames: names(profiles), pools }
}

type Ctx = Awaited<ReturnType<typeof context>>

/** What a row asks for, as line data; errors for cells that mean nothing. */
function plan(row: SheetRow, line: Line, ctx: Ctx): { data: Partial<Line>; changes: RowChange[]; errors: FieldError[] } {
  const data: Partial<Line> = {}
  const changes: RowChange[] = []
  const errors: FieldError[] = []
  const company = String(idOf(line.company))
  const text = (v: unknown) => (v == null || v === '' ? null : String(v))

  if (row.name !== undefined && row.name !== '' && row.name !== (line.name ?? '')) {
    data.name = row.name
    changes.push({ field: 'name', from: text(line.name), to: row.name })
  }
  for (const field of ['department', 'profile'] as const) {
    const cell = row[field]
    if (cell === undefined || cell === '') continue
    const current = idOf(line[field]) ?? null
    const names = field === 'department' ? ctx.departmentNames : ctx.profileNames
    let target: Id | null
    if (CLEAR.has(norm(cell))) target = null
    else {
      const doc = (field === 'department' ? ctx.departments : ctx.profiles).get(`${company}|${norm(cell)}`)
      if (!doc) {
        errors.push({ path: field, message: `${field === 'department' ? 'Departamento' : 'Perfil'} "${cell}" não existe nesta empresa` })
        continue
      }
      target = doc.id
    }
    if (String(target) !== String(current)) {
      data[field] = target == null ? null : relationId(target)
      changes.push({ field, from: current == null ? null : (names.get(String(current)) ?? String(current)), to: target == null ? null : names.get(String(target))! })
    }
  }
  if (row.extension !== undefined && row.extension !== '') {
    const to = CLEAR.has(norm(row.extension)) ? null : row.extension
    if ((to ?? '') !== (line.extension ?? '')) {
      data.extension = to
      changes.push({ field: 'extension', from: text(line.extension), to })
    }
  }
  const controlCell = row.quota ?? ''
  const amountCell = row.quotaAmount ?? ''
  if (controlCell !== '' || amountCell !== '') {
    const control = controlCell === '' ? 'limited' : CONTROLS[norm(controlCell)]
    if (!control) errors.push({ path: 'quota.control', message: `Cota "${controlCell}": use Limitado, Ilimitado ou Bloqueado` })
    let amountMB: number | null = null
    if (control === 'limited') {
      const amount = amountCell === '' ? (line.quota?.amountMB ?? 'Informe a cota em MB para uma linha Limitada') : parseAmountMB(amountCell)
      if (typeof amount === 'string') errors.push({ path: 'quota.amountMB', message: amount })
      else amountMB = amount
    }
    if (control && !errors.some((e) => e.path.startsWith('quota'))) {
      const quota = { control, amountMB: control === 'limited' ? amountMB : null }
      const before = line.quota ?? { control: 'unlimited' }
      if (quotaText(quota) !== quotaText(before)) {
        data.quota = quota
        changes.push({ field: 'quota', from: quotaText(before), to: quotaText(quota) })
      }
    }
  }
  return { data, changes, errors }
}

/** Runs the import; `apply` false rolls every row back (dry run). */
export async function runImport(req: PayloadRequest, rows: SheetRow[], apply: boolean): Promise<RowReport[]> {
  const msisdnOf = (r: SheetRow) => normalizeMsisdn(String(r.msisdn ?? ''))
  const ctx = await context(req, [...new Set(rows.map(msisdnOf).filter(Boolean))])
  const seen = new Map<string, number>()
  const reports: RowReport[] = []
  for (const row of rows) {
    const msisdn = msisdnOf(row)
    const { row: _n, ...cells } = row
    const report: RowReport = { row: row.row, msisdn: row.msisdn ?? '', status: 'unchanged', changes: [], errors: [], cells }
    reports.push(report)
    const bad = validateMsisdn(row.msisdn ?? '')
    if (bad !== true) {
      report.errors.push({ path: 'msisdn', message: bad })
    } else if (seen.has(msisdn)) {
      report.errors.push({ path: 'msisdn', message: `Linha repetida na planilha (já aparece na linha ${seen.get(msisdn)})` })
    } else if (!ctx.lines.has(msisdn)) {
      report.errors.push({ path: 'msisdn', message: 'Linha não encontrada nesta empresa' })
    }
    if (bad === true && !seen.has(msisdn)) seen.set(msisdn, row.row)
    if (report.errors.length) {
      report.status = 'error'
      continue
    }
    const line = ctx.lines.get(msisdn)!
    report.line = line.id
    const { data, changes, errors } = plan(row, line, ctx)
    report.changes = changes
    report.errors = errors
    // The account's configured quotas may not pass the pool with this row (G).
    const pool = ctx.pools.get(String(idOf(line.account)))
    let nextTotal: number | undefined
    if (!errors.length && data.quota && pool) {
      const q = data.quota as { control: string; amountMB: number | null }
      const old = line.quota?.control === 'limited' ? Number(line.quota.amountMB ?? 0) : 0
      nextTotal = pool.totalMB - old + (q.control === 'limited' ? Number(q.amountMB ?? 0) : 0)
      const within = validateQuotaAgainstPool(nextTotal, pool.poolMB)
      if (within !== true) errors.push({ path: 'quota.amountMB', message: within })
    }
    if (errors.length) {
      report.status = 'error'
      continue
    }
    if (!changes.length) continue
    // The server's own validation and access rules decide, row by row, in a transaction.
    try {
      // A dry run writes and rolls back: the answer is exactly what applying would do.
      await withTransaction(req, () => req.payload.update({ collection: 'lines', id: line.id, data, overrideAccess: false, user: req.user, req, depth: 0 }), () => apply)
      report.status = apply ? 'applied' : 'change'
      if (pool && nextTotal !== undefined) pool.totalMB = nextTotal
    } catch (error) {
      report.errors = errorsOf(error).map((e) => ({ ...e, path: e.path === '(body)' ? 'msisdn' : e.path }))
      report.status = apply ? 'failed' : 'error'
    }
  }
  return reports
}

export function summarize(reports: RowReport[]) {
  const count = (s: RowReport['status']) => reports.filter((r) => r.status === s).length
  return { rows: reports.length, change: count('change'), unchanged: count('unchanged'), error: count('error'), applied: count('applied'), failed: count('failed') }
}

const cellOf = (v: unknown) => (v == null ? undefined : String(v).trim())

async function importHandler(req: PayloadRequest) {
  const actor = actorFor(req, 'lines', 'update')
  if ('response' in actor) return actor.response
  const parsed = bodySchema.safeParse(await bodyOf(req))
  if (!parsed.success) return validationError(zodErrors(parsed.error))
  const { fileName, content, apply = false } = parsed.data
  let rows: SheetRow[]
  let ignored: string[] = []
  if (parsed.data.rows) {
    rows = parsed.data.rows.map(({ row, ...r }, i) => ({ ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cellOf(v)])), row: row ?? i + 2 }))
  } else {
    const buf = Buffer.from(content!, 'base64')
    if (buf.length > MAX_FILE_BYTES) return validationError([{ path: 'content', message: 'Arquivo grande demais (máx. 10 MB)' }])
    try {
      const sheet = await readSheet(buf, fileName, MAX_IMPORT_ROWS)
      if (!sheet.columns.includes('msisdn')) {
        return validationError([{ path: 'content', message: `A planilha precisa da coluna "${IMPORT_HEADERS.msisdn}" na primeira linha` }])
      }
      rows = sheet.rows
      ignored = sheet.unknown
    } catch (error) {
      return validationError([{ path: 'content', message: (error as Error).message }])
    }
  }
  if (rows.length > MAX_IMPORT_ROWS) return validationError([{ path: 'content', message: `No máximo ${MAX_IMPORT_ROWS} linhas por planilha` }])
  const reports = await runImport(req, rows, apply)
  return json({ mode: apply ? 'apply' : 'dry-run', ignoredColumns: ignored, summary: summarize(reports), rows: reports })
}

async function templateHandler(req: PayloadRequest) {
  const actor = actorFor(req, 'lines', 'read')
  if ('response' in actor) return actor.response
  const res = await req.payload.find({ collection: 'lines', depth: 1, limit: MAX_IMPORT_ROWS, sort: 'msisdn', overrideAccess: false, user: req.user, req })
  const nameOf = (rel: unknown) => (rel && typeof rel === 'object' ? (rel as { name?: string | null }).name : undefined)
  const rows = res.docs.map((l) => ({
    msisdn: l.msisdn,
    name: l.name ?? '',
    department: nameOf(l.department) ?? '',
    profile: nameOf(l.profile) ?? '',
    extension: l.extension ?? '',
    quota: CONTROL_PT[(l.quota?.control ?? 'unlimited') as keyof typeof CONTROL_PT],
    quotaAmount: l.quota?.control === 'limited' ? (l.quota.amountMB ?? '') : '',
  }))
  const buf = await writeSheet(rows)
  return new Response(new Uint8Array(buf), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="importacao_assinantes.xlsx"',
    },
  })
}

export const importEndpoints: Endpoint[] = [
  { path: '/import', method: 'post', handler: importHandler },
  { path: '/import/template', method: 'get', handler: templateHandler },
]

