import type { CollectionConfig, CollectionSlug, Endpoint, Sort, Where } from 'payload'
import { actorOf } from '../access/policy'
import { ROLE_LABELS, selectedCompanyWhere } from '../access/roles'
import { LINE_STATUS } from '../collections/Lines/model'
import { fileStamp, spDate, spDateTime } from './format'
import { listRows, type ListQuery } from './listRows'
import { streamXlsx, xlsxResponse, type Cell } from './writer'
import { failure } from '../http/endpoint'

type Doc = Record<string, any>
type Column = readonly [header: string, value: (doc: Doc) => Cell]

/** An admin list's immediate "Download" (C2 and every list of H): its columns, as the list shows them. */
export interface ListExport {
  file: string
  title: string
  columns: Column[]
  /** The fields the columns read. */
  select: Record<string, true>
  /** Relationship fields shown by the related document's name (looked up once per page of rows). */
  relations?: ListQuery['relations']
}

const nameOf = (rel: unknown, field = 'name'): string => (rel && typeof rel === 'object' ? String((rel as Doc)[field] ?? '') : '')
const labelOf = (map: Record<string, readonly [string, string]>, v: unknown) => map[String(v)]?.[0] ?? String(v ?? '')

const NAME_AND_MODIFIED_FIELDS = { name: true, updatedAt: true } as const
const NAME_AND_MODIFIED: Column[] = [
  ['Nome', (d) => d.name],
  ['Última modificação', (d) => spDateTime(d.updatedAt)],
]

export const LIST_EXPORTS: Partial<Record<CollectionSlug, ListExport>> = {
  lines: {
    file: 'assinantes',
    title: 'Lista de assinantes',
    select: { name: true, msisdn: true, account: true, department: true, profile: true, status: true, extension: true, iccid: true, imsi: true },
    relations: {
      account: { collection: 'accounts', select: { number: true } },
      department: { collection: 'departments', select: { name: true } },
      profile: { collection: 'profiles', select: { name: true } },
    },
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
  departments: { file: 'departamentos', title: 'Departamentos', select: NAME_AND_MODIFIED_FIELDS, columns: NAME_AND_MODIFIED },
  profiles: { file: 'perfis', title: 'Perfis', select: NAME_AND_MODIFIED_FIELDS, columns: NAME_AND_MODIFIED },
  holidays: {
    file: 'feriados',
    title: 'Feriados',
    select: { date: true, name: true, ddd: true, state: true },
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
    select: { firstName: true, lastName: true, username: true, email: true, role: true, blocked: true },
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
    select: { at: true, role: true, userLogin: true, event: true, description: true },
    columns: [
      ['Data', (d) => spDateTime(d.at)],
      ['Perfil de gestão', (d) => d.role ?? ''],
      ['Usuário', (d) => d.userLogin ?? ''],
      ['Evento', (d) => d.event ?? ''],
      ['Descrição', (d) => d.description ?? ''],
    ],
  },
}

/**
 * GET /api/<slug>/export?where[...]&sort=… → an .xlsx of exactly the rows the same REST
 * list query returns for the caller (its access applies: company, departments). The query
 * is checked first (a bad `where` is Payload's 400 before any byte); the file is then
 * streamed while it is written: the first bytes leave at once and memory stays flat.
 */
export function exportEndpoint(slug: CollectionSlug, spec: ListExport): Endpoint {
  return {
    path: '/export',
    method: 'get',
    handler: async (req) => {
      if (!actorOf(req)) return failure(401, 'Faça login para continuar')
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
      // Payload answers a thrown error: 400 for a bad where (unknown field …), 403 …
      const { rows } = await listRows(req, { collection: slug, where: query.where, sort: query.sort, select: spec.select, relations: spec.relations })
      const stream = streamXlsx({
        title: spec.title,
        headers: spec.columns.map((c) => c[0]),
        rows: (async function* () {
          for await (const doc of rows) yield spec.columns.map((c) => c[1](doc))
        })(),
      })
      return xlsxResponse(stream, `${spec.file}-${fileStamp()}.xlsx`)
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
