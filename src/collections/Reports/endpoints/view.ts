import type { Endpoint, PayloadRequest } from 'payload'
import { actorOf, POLICIES, scopeOf } from '../../../access/policy'
import { departmentIdsOf, workingCompanyOf } from '../../../access/roles'
import { fileStamp } from '../../../reports/format'
import { KINDS, type ReportKind, type ReportScope } from '../../../reports/kinds'
import { checkReferences, checkReportRequest, type FieldError } from '../../../reports/params'
import { serverT } from '../../../lib/i18n'
import { streamXlsx, xlsxResponse, type Cell } from '../../../reports/writer'
import { failure, json, validationError } from '../../../http/endpoint'
import { reportViewMaxRows } from '../../../lib/settings'

type Id = string | number

/** Rows per screen page, as the guide's "Exibindo 100". */
export const VIEW_PAGE_SIZE = 100
/**
 * Most rows listed, counted and downloaded at once; past it the screen says so and links to
 * the background report (which has no limit).
 */
export const VIEW_MAX_ROWS = reportViewMaxRows()

export interface ViewPage {
  kind: string
  title: string
  headers: string[]
  rows: Cell[][]
  page: number
  pageSize: number
  /** Rows of the whole filtered result (at most VIEW_MAX_ROWS). */
  total: number
  /** More rows than VIEW_MAX_ROWS: ask for the background report. */
  tooLarge: boolean
  period?: { max: number; required: boolean }
  /** The filters as checked (what the Download and the background report will use). */
  params: Record<string, unknown>
  departments: Id[]
}

const fieldErrors = (errors: FieldError[], status = 400) => validationError(errors, 'Filtros inválidos', status)

const FILTER_KEYS = ['from', 'to', 'line', 'account', 'user', 'status', 'search', 'cycle', 'category']

/** `?departments=1,2` or `?departments[]=1&departments[]=2`. */
function departmentsOf(raw: unknown): Id[] {
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' && raw ? raw.split(',') : []
  return list.map((v) => String(v).trim()).filter(Boolean).map((v) => (/^\d+$/.test(v) ? Number(v) : v))
}

type Resolved = { ok: true; def: ReportKind; scope: ReportScope; departments: Id[] } | { ok: false; response: Response }

/**
 * Who may see a kind, and over what: the same rules as asking for its background report
 * (the read access of its source collection; a sub-admin only its own departments, all of
 * them when none is named), the same filter checks and the same references check.
 */
export async function resolveView(req: PayloadRequest, kind: string): Promise<Resolved> {
  const user = actorOf(req)
  if (!user) return { ok: false, response: failure(401, 'Faça login para continuar') }
  const def = KINDS[kind]
  if (!def) return { ok: false, response: fieldErrors([{ path: 'kind', message: `Relatório desconhecido: use ${Object.keys(KINDS).join(', ')}` }], 404) }
  const scopeKind = scopeOf(POLICIES[def.source], 'read', user)
  if (scopeKind === 'none') return { ok: false, response: failure(403, 'Você não tem permissão para este relatório') }
  const company = workingCompanyOf(user)
  if (company === undefined) return { ok: false, response: failure(400, 'Selecione uma empresa') }
  const query = (req.query ?? {}) as Record<string, unknown>
  const raw: Record<string, unknown> = {}
  for (const key of FILTER_KEYS) {
    const v = query[key]
    if (typeof v === 'string' && v.trim() !== '') raw[key] = key === 'account' && /^\d+$/.test(v) ? Number(v) : v.trim()
  }
  let departments = departmentsOf(query.departments)
  const { errors, params } = checkReportRequest(kind, raw, departments, serverT(req))
  if (errors.length) return { ok: false, response: fieldErrors(errors) }
  if (def.lineBased && scopeKind === 'departments') {
    const own = departmentIdsOf(user)
    if (departments.some((d) => !own.some((o) => String(o) === String(d)))) {
      return { ok: false, response: fieldErrors([{ path: 'departments', message: 'Escolha entre os seus departamentos' }], 403) }
    }
    if (!departments.length) departments = own
  }
  if (departments.length) {
    const found = await req.payload.count({ collection: 'departments', where: { and: [{ company: { equals: company } }, { id: { in: departments } }] }, overrideAccess: true, req })
    if (found.totalDocs !== new Set(departments.map(String)).size) return { ok: false, response: fieldErrors([{ path: 'departments', message: 'Departamento não encontrado nesta empresa' }]) }
  }
  const refErrors = await checkReferences(req, company, departments, params)
  if (refErrors.length) return { ok: false, response: fieldErrors(refErrors) }
  return { ok: true, def, departments, scope: { payload: req.payload, company, departments, params } }
}

/** One page of a kind's rows and the total (counted up to VIEW_MAX_ROWS), from the same rows the file has. */
export async function viewPage(def: ReportKind, scope: ReportScope, page: number, pageSize = VIEW_PAGE_SIZE): Promise<Pick<ViewPage, 'rows' | 'total' | 'tooLarge'>> {
  const first = (page - 1) * pageSize
  const rows: Cell[][] = []
  let total = 0
  for await (const row of def.rows(scope)) {
    if (total >= first && rows.length < pageSize) rows.push(row)
    total++
    if (total > VIEW_MAX_ROWS) return { rows, total: VIEW_MAX_ROWS, tooLarge: true }
  }
  return { rows, total, tooLarge: false }
}

/** GET /api/reports/view/:kind?from=&to=&line=&departments=1,2&page=2 → one page of the on-screen report (H1–H5, H7). */
const list: Endpoint = {
  path: '/view/:kind',
  method: 'get',
  handler: async (req) => {
    const kind = String(req.routeParams?.kind ?? '')
    const resolved = await resolveView(req, kind)
    if (!resolved.ok) return resolved.response
    const { def, scope, departments } = resolved
    const page = Math.max(1, Math.floor(Number((req.query as Record<string, unknown>)?.page ?? 1)) || 1)
    const result = await viewPage(def, scope, page)
    const body: ViewPage = { kind, title: def.title, headers: def.headers, page, pageSize: VIEW_PAGE_SIZE, period: def.period, params: scope.params, departments, ...result }
    return json(body)
  },
}

/**
 * GET /api/reports/view/:kind/download?… → the .xlsx of exactly the filtered rows, streamed
 * as it is written. Past VIEW_MAX_ROWS: 413, and the screen offers the background report.
 */
const download: Endpoint = {
  path: '/view/:kind/download',
  method: 'get',
  handler: async (req) => {
    const kind = String(req.routeParams?.kind ?? '')
    const resolved = await resolveView(req, kind)
    if (!resolved.ok) return resolved.response
    const { def, scope } = resolved
    const probe = await viewPage(def, scope, 1, 0)
    if (probe.tooLarge) {
      return failure(413, `Mais de ${VIEW_MAX_ROWS} linhas: solicite o relatório em segundo plano (Download de relatórios)`)
    }
    const name = `${def.file}-${fileStamp()}.xlsx`
    const stream = streamXlsx({ title: def.title, headers: def.headers, rows: def.rows(scope) })
    return xlsxResponse(stream, name)
  },
}

export const viewEndpoints: Endpoint[] = [list, download]
