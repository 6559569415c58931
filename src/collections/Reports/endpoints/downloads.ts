import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { Endpoint, PayloadRequest, Where } from 'payload'
import { actorOf } from '../../../access/policy'
import { relId } from '../../../reports/source'
import { safeReportPath } from '../../../reports/storage'
import { failure, json } from '../../../http/endpoint'

const notLoggedIn = () => failure(401, 'Faça login para continuar')
const CONTENT_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'application/zip',
}

/** The `where` of a query string (`?where[status][equals]=done`), parsed by Payload into req.query. */
const whereOf = (req: PayloadRequest): Where | undefined => (req.query?.where as Where | undefined) ?? undefined

/**
 * GET /api/reports/summary → `{done, pending, failed}`: the counts of the downloads page
 * (H6), over the reports the caller may read (and the optional `where`).
 */
const summary: Endpoint = {
  path: '/summary',
  method: 'get',
  handler: async (req) => {
    const user = actorOf(req)
    if (!user) return notLoggedIn()
    const extra = whereOf(req)
    const counts: Record<string, number> = {}
    for (const status of ['done', 'pending', 'failed']) {
      const where: Where = { and: [{ status: { equals: status } }, ...(extra ? [extra] : [])] }
      counts[status] = (await req.payload.count({ collection: 'reports', where, overrideAccess: false, user: req.user, req })).totalDocs
    }
    return json(counts)
  },
}

/**
 * GET /api/reports/:id/download → the file, only when done, to a user who may read the
 * report (the collection's read access decides: company users, a sub-admin its own).
 */
const download: Endpoint = {
  path: '/:id/download',
  method: 'get',
  handler: async (req) => {
    const user = actorOf(req)
    if (!user) return notLoggedIn()
    const id = String(req.routeParams?.id ?? '')
    const report = (await req.payload
      .findByID({ collection: 'reports', id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
      .catch(() => null)) as { name?: string; status?: string; file?: string; format?: string; company?: unknown } | null
    if (!report) return failure(404, 'Relatório não encontrado')
    if (report.status !== 'done' || !report.file) {
      return json({ errors: [{ message: report.status === 'failed' ? 'A geração deste relatório falhou' : 'O relatório ainda está sendo gerado' }], status: report.status }, 409)
    }
    // Only a file of the report's own company (a document written before names left the paths may say otherwise).
    const file = report.file.startsWith(`${String(relId(report.company))}/`) ? safeReportPath(report.file) : null
    const info = file ? await stat(file).catch(() => null) : null
    if (!file || !info) return failure(410, 'Arquivo do relatório não encontrado (expirado?)')
    const name = String(report.name)
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
      headers: {
        'content-type': CONTENT_TYPES[report.format ?? 'xlsx'],
        'content-length': String(info.size),
        'content-disposition': `attachment; filename="${name.replace(/"/g, '')}"`,
        'cache-control': 'private, no-store',
      },
    })
  },
}

export const reportEndpoints: Endpoint[] = [summary, download]
