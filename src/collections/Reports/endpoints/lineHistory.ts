import type { Endpoint, PayloadRequest, Where } from 'payload'
import { actorOf, POLICIES, scopeOf } from '../../../access/policy'
import { callTypeLabel } from '../../../domain/callTypes'
import { validatePeriod } from '../../../validation/time'
import { duration, fileStamp, megabytes, periodInstants, spDateTime } from '../../../reports/format'
import type { FieldError } from '../../../reports/params'
import { rowsOf, usagePages, type Doc } from '../../../reports/source'
import { VIEW_PAGE_SIZE, viewPage } from './view'
import type { ReportKind, ReportScope } from '../../../reports/kinds'
import { streamXlsx, xlsxResponse } from '../../../reports/writer'
import { failure, json, validationError } from '../../../http/endpoint'

/** The line page's history (C7): at most 30 days, as the guide's line screen. */
export const LINE_HISTORY_MAX_DAYS = 30

/** Amount of a usage event as the line's history shows it: call time, messages or data volume. */
const amountOf = (u: Doc): string => {
  const units = Number(u.units ?? 0)
  if (u.service === 'data') return `${megabytes(units).toFixed(2)} MB`
  if (u.service === 'sms') return `${units} SMS`
  return duration(units)
}

/**
 * The two tabs of C7 as report kinds (one line: `params.line` is its msisdn, `params.lineId`
 * its id), so the list, its total, its paging and the Download come from the same rows.
 */
export const LINE_HISTORY: Record<'calls' | 'transactions', ReportKind> = {
  calls: {
    source: 'usage',
    file: 'Historico-Chamadas-Linha',
    title: 'Histórico de chamadas da linha',
    period: { max: LINE_HISTORY_MAX_DAYS, required: true },
    filters: [],
    lineBased: true,
    headers: ['Data', 'CP + CA + Número', 'Duração / Volume', 'Tipo de chamada'],
    async *rows(scope) {
      const { start, end } = periodInstants(scope.params.from, scope.params.to)
      const query = { company: scope.company, services: ['voice', 'sms', 'collect', 'data'], start, end, msisdn: String(scope.params.line), departments: [] }
      for await (const page of usagePages(scope.payload, query)) {
        for (const u of page) yield [spDateTime(u.at), u.destination || (u.service === 'data' ? (u.group ?? '') : ''), amountOf(u), callTypeLabel(u.category)]
      }
    },
  },
  transactions: {
    source: 'transactions',
    file: 'Historico-Transacoes-Linha',
    title: 'Histórico de transações da linha',
    period: { max: LINE_HISTORY_MAX_DAYS, required: true },
    filters: [],
    lineBased: false,
    headers: ['Data', 'Perfil de gestão', 'Usuário', 'Evento', 'Descrição'],
    async *rows(scope) {
      const { start, end } = periodInstants(scope.params.from, scope.params.to)
      const and: Where[] = [
        { company: { equals: scope.company } },
        { entity: { equals: 'lines' } },
        { entityId: { equals: String(scope.params.lineId) } },
        { at: { greater_than_equal: start } },
        { at: { less_than: end } },
      ]
      const select = { at: true, role: true, userLogin: true, event: true, description: true } as const
      for await (const t of rowsOf(scope.payload, { collection: 'transactions', where: { and }, sortField: 'at', desc: true, select })) {
        yield [spDateTime(t.at), t.role ?? '', t.userLogin ?? '', t.event ?? '', t.description ?? '']
      }
    },
  },
}

const fieldErrors = (errors: FieldError[]) => validationError(errors, 'Filtros inválidos')

type Resolved = { ok: true; kind: ReportKind; scope: ReportScope } | { ok: false; response: Response }

/**
 * Who may read a line's history: whoever may read the line (tenancy, a sub-admin's
 * departments) and the tab's source collection; the period is checked like the reports'.
 */
async function resolve(req: PayloadRequest): Promise<Resolved> {
  const user = actorOf(req)
  if (!user) return { ok: false, response: failure(401, 'Faça login para continuar') }
  const tab = String(req.routeParams?.tab ?? '')
  const kind = (LINE_HISTORY as Record<string, ReportKind | undefined>)[tab]
  if (!kind) return { ok: false, response: failure(404, 'Histórico desconhecido: use calls ou transactions') }
  if (scopeOf(POLICIES[kind.source], 'read', user) === 'none') return { ok: false, response: failure(403, 'Você não tem permissão para este histórico') }
  const line = (await req.payload
    .findByID({ collection: 'lines', id: String(req.routeParams?.id ?? ''), depth: 0, overrideAccess: false, user: req.user, req })
    .catch(() => null)) as Doc | null
  if (!line) return { ok: false, response: failure(404, 'Linha não encontrada') }
  const query = (req.query ?? {}) as Record<string, unknown>
  const [from, to] = [query.from, query.to].map((v) => (typeof v === 'string' ? v.trim() : ''))
  const errors: FieldError[] = []
  const period = validatePeriod(from, to, LINE_HISTORY_MAX_DAYS)
  if (period !== true) errors.push({ path: period.startsWith('Data inicial') ? 'from' : 'to', message: period })
  if (errors.length) return { ok: false, response: fieldErrors(errors) }
  const company = typeof line.company === 'object' ? line.company?.id : line.company
  return { ok: true, kind, scope: { payload: req.payload, company, departments: [], params: { from, to, line: line.msisdn, lineId: line.id } } }
}

/** GET /api/reports/line-history/:id/:tab?from=&to=&page= → one page (100 rows), the total and the headers. */
const list: Endpoint = {
  path: '/line-history/:id/:tab',
  method: 'get',
  handler: async (req) => {
    const resolved = await resolve(req)
    if (!resolved.ok) return resolved.response
    const page = Math.max(1, Math.floor(Number((req.query as Record<string, unknown>)?.page ?? 1)) || 1)
    const result = await viewPage(resolved.kind, resolved.scope, page)
    return json({ title: resolved.kind.title, headers: resolved.kind.headers, page, pageSize: VIEW_PAGE_SIZE, ...result })
  },
}

/** GET /api/reports/line-history/:id/:tab/download?from=&to= → the .xlsx of every row of the period, streamed. */
const download: Endpoint = {
  path: '/line-history/:id/:tab/download',
  method: 'get',
  handler: async (req) => {
    const resolved = await resolve(req)
    if (!resolved.ok) return resolved.response
    const { kind, scope } = resolved
    const stream = streamXlsx({ title: kind.title, headers: kind.headers, rows: kind.rows(scope) })
    return xlsxResponse(stream, `${kind.file}-${String(scope.params.line)}-${fileStamp()}.xlsx`)
  },
}

export const lineHistoryEndpoints: Endpoint[] = [list, download]
