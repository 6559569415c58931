import { createReadStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { CollectionConfig, CollectionSlug, Endpoint, Payload, PayloadRequest, Sort, Where } from 'payload'
import { actorOf } from '../access/policy'
import { ROLE_LABELS, selectedCompanyWhere } from '../access/roles'
import { LINE_STATUS } from '../collections/Lines'
import { fileStamp, spDate, spDateTime } from './format'
import { writeReportFile, type Cell } from './writer'

type Doc = Record<string, any>
type Column = readonly [header: string, value: (doc: Doc) => Cell]

/** An admin list's immediate "Download" (C2 and every list of H): its columns, as the list shows them. */
export interface ListExport {
  file: string
  title: string
  columns: Column[]
  /** Depth of the read (1 when a column shows a related document's name). */
  depth?: number
}

const nameOf = (rel: unknown, field = 'name'): string => (rel && typeof rel === 'object' ? String((rel as Doc)[field] ?? '') : '')
const labelOf = (map: Record<string, readonly [string, string]>, v: unknown) => map[String(v)]?.[0] ?? String(v ?? '')

const NAME_AND_MODIFIED: Column[] = [
  ['Nome', (d) => d.name],
  ['Última modificação', (d) => spDateTime(d.updatedAt)],
]

export const LIST_EXPORTS: Partial<Record<CollectionSlug, ListExport>> = {
  lines: {
    file: 'assinantes',
    title: 'Lista de assinantes',
    depth: 1,
    columns: [
      ['Nome', (d) => d.name ?? ''],
      ['Nº da linha', (d) => d.msisdn],
      ['Nº da conta', (d) => nameOf(d.account, 'number')],
      ['Departamento', (d) => nameOf(d.department) || 'Linhas sem departamento'],
      ['Perfil da linha', (d) => nameOf(d.profile) || 'Linhas sem perfil'],
      ['Status', (d) => labelOf(LINE_STATUS, d.status)],
      ['Ramal', (d) => d.extension ?? ''],
      ['ICCID', (d) => d.iccid ?? ''],
      ['IMSI', (d) => d.imsi ?? ''],
    ],
  },
  departments: { file: 'departamentos', title: 'Departamentos', columns: NAME_AND_MODIFIED },
  profiles: { file: 'perfis', title: 'Perfis', columns: NAME_AND_MODIFIED },
  holidays: {
    file: 'feriados',
    title: 'Feriados',
    columns: [
      ['Data', (d) => (typeof d.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.date) ? d.date.split('-').reverse().join('/') : spDate(d.date))],
      ['Nome', (d) => d.name],
      ['DDD', (d) => d.ddd ?? ''],
      ['Estado', (d) => d.state ?? ''],
      ['Abrangência', (d) => (d.ddd ? 'DDD' : d.state ? 'Estadual' : 'Nacional')],
    ],
  },
  users: {
    file: 'usuarios',
    title: 'Usuários',
    columns: [
      ['Nome', (d) => [d.firstName, d.lastName].filter(Boolean).join(' ')],
      ['Login', (d) => d.username],
      ['E-mail', (d) => d.email ?? ''],
      ['Perfil', (d) => labelOf(ROLE_LABELS, d.role)],
      ['Bloqueado', (d) => (d.blocked ? 'Sim' : 'Não')],
    ],
  },
  transactions: {
    file: 'transacoes',
    title: 'Histórico de transações',
    columns: [
      ['Data', (d) => spDateTime(d.at)],
      ['Perfil de gestão', (d) => d.role ?? ''],
      ['Usuário', (d) => d.userLogin ?? ''],
      ['Evento', (d) => d.event ?? ''],
      ['Descrição', (d) => d.description ?? ''],
    ],
  },
}

/** The documents a user sees with this `where` and `sort`, exactly as the REST list would answer, page by page. */
async function* visibleDocs(payload: Payload, req: PayloadRequest, collection: CollectionSlug, where: Where | undefined, sort: Sort | undefined, depth: number) {
  for (let page = 1; ; page++) {
    const result = await payload.find({ collection, where, sort, depth, page, limit: 1000, overrideAccess: false, user: req.user })
    yield* result.docs as Doc[]
    if (!result.hasNextPage) return
  }
}

/**
 * GET /api/<slug>/export?where[...]&sort=… → an .xlsx of exactly the rows the same REST
 * list query returns for the caller (its access applies: company, departments). The file
 * is written to a temporary file first and sent only once complete.
 */
export function exportEndpoint(slug: CollectionSlug, spec: ListExport): Endpoint {
  return {
    path: '/export',
    method: 'get',
    handler: async (req) => {
      if (!actorOf(req)) return Response.json({ errors: [{ message: 'Faça login para continuar' }] }, { status: 401 })
      const query = (req.query ?? {}) as { where?: Where; sort?: Sort; search?: string }
      // As the admin list (tenantCollection's baseFilter): support keeps to the company it selected.
      const selected = selectedCompanyWhere(actorOf(req), slug === 'users' ? 'companies' : 'company')
      if (selected) query.where = query.where ? { and: [query.where, selected] } : selected
      // The admin list's search box (`?search=`) matches its searchable fields, as the list does.
      const searchable = req.payload.collections[slug]?.config.admin?.listSearchableFields ?? []
      if (typeof query.search === 'string' && query.search && searchable.length) {
        const search: Where = { or: searchable.map((f) => ({ [f]: { like: query.search } })) }
        query.where = query.where ? { and: [query.where, search] } : search
      }
      const dir = await mkdtemp(path.join(os.tmpdir(), 'gol-export-'))
      const name = `${spec.file}-${fileStamp()}.xlsx`
      const file = path.join(dir, name)
      try {
        const docs = visibleDocs(req.payload, req, slug, query.where, query.sort, spec.depth ?? 0)
        await writeReportFile({
          file,
          format: 'xlsx',
          title: spec.title,
          headers: spec.columns.map((c) => c[0]),
          rows: (async function* () {
            for await (const doc of docs) yield spec.columns.map((c) => c[1](doc))
          })(),
        })
      } catch (error) {
        await rm(dir, { recursive: true, force: true })
        throw error // Payload answers it: 400 for a bad where (unknown field …), 403 …
      }
      const { size } = await stat(file)
      const stream = createReadStream(file)
      stream.on('close', () => void rm(dir, { recursive: true, force: true }))
      return new Response(Readable.toWeb(stream) as ReadableStream, {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-length': String(size),
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'private, no-store',
        },
      })
    },
  }
}

/** Adds the `/export` endpoint to every collection of LIST_EXPORTS (one factory, no copies). */
export function withListExports(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => {
    const spec = LIST_EXPORTS[c.slug as CollectionSlug]
    return spec ? { ...c, endpoints: [exportEndpoint(c.slug as CollectionSlug, spec), ...(c.endpoints || [])] } : c
  })
}
