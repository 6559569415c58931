/**
 * The words of the audit trail (H2, J4), as pure functions: what a create, update or
 * delete changed, from what to what, in pt-BR, in the carrier guide's style
 * ("Alteração do perfil: MKT PME 123 limite: SMS para Móvel Outras Operadoras de: 2 SMS
 * para: 100 SMS"). Field names, labels and options come from the collection's own
 * field config, so every collection is described without a table of its own; only the
 * nouns, titles and a few array formats are listed here.
 */
import { CATEGORY_LABELS_PT } from '../../domain/categories'
import { idOf } from '../../domain/ids'

/** The part of a Payload field config the descriptions read. */
export interface FieldLike {
  name?: string
  type: string
  label?: unknown
  labels?: { singular?: unknown; plural?: unknown }
  options?: (string | { value: string; label?: unknown })[]
  fields?: FieldLike[]
  tabs?: { fields: FieldLike[] }[]
  hasMany?: boolean
  relationTo?: string | string[]
  hidden?: boolean
}

type Doc = Record<string, unknown>
/** Resolves a related document's id to a readable title (e.g. department id → its name). */
export type Resolve = (collection: string, id: unknown) => string | undefined

/** Noun (with its article), and how a document is named, per audited collection. */
export interface Entity {
  /** "do perfil", "da linha"… */
  of: string
  /** Event names: creation, change, deletion. */
  events: [string, string, string]
  title: (doc: Doc) => string
  /** The Evento of a creation when the guide words it its own way ("Criação de Feriado Dia:2024-12-25 nome: Natal"). */
  created?: (doc: Doc) => string
  /** Parts (top-level fields) named in the guide's summary of a change, with the guide's words ("Calendario", "Limite"). */
  parts?: Record<string, string>
}

const text = (v: unknown): string => (v == null ? '' : String(v))

export const ENTITIES: Record<string, Entity> = {
  lines: { of: 'do assinante', events: ['Criação de assinante', 'Modificação de assinante', 'Exclusão de assinante'], title: (d) => text(d.msisdn) },
  departments: { of: 'do departamento', events: ['Criação de departamento', 'Modificação de departamento', 'Exclusão de departamento'], title: (d) => text(d.name) },
  profiles: {
    of: 'do perfil',
    events: ['Criação de perfil', 'Modificação de perfil', 'Exclusão de perfil'],
    title: (d) => text(d.name),
    parts: { lists: 'Lista', calendar: 'Calendario', limits: 'Limite' },
  },
  offers: { of: 'da oferta', events: ['Criação de oferta', 'Modificação de oferta', 'Exclusão de oferta'], title: (d) => `${text(d.offer)} - ${text(d.package)}` },
  transfers: { of: 'da transferência Claro Pós', events: ['Criação de transferência Claro Pós', 'Modificação de transferência Claro Pós', 'Exclusão de transferência Claro Pós'], title: (d) => text(d.id) },
  holidays: {
    of: 'do feriado',
    events: ['Criar Feriado Cliente', 'Modificação de feriado', 'Exclusão de feriado'],
    title: (d) => text(d.name),
    created: (d) => `Criação de Feriado Dia:${text(d.date).slice(0, 10)} nome: ${text(d.name)}${d.state ? ` estado: ${text(d.state)}` : ''}${d.ddd ? ` DDD: ${text(d.ddd)}` : ''}`,
  },
  accounts: { of: 'da conta', events: ['Criação de conta', 'Modificação de conta', 'Exclusão de conta'], title: (d) => text(d.number) },
  companies: { of: 'da empresa', events: ['Criação de empresa', 'Modificação de configurações gerais', 'Exclusão de empresa'], title: (d) => text(d.name) },
  users: { of: 'do usuário', events: ['Criação de usuário', 'Modificação de usuário', 'Exclusão de usuário'], title: (d) => text(d.username) },
  reports: { of: 'do relatório', events: ['Solicitação de relatório', 'Modificação de relatório', 'Exclusão de relatório'], title: (d) => text(d.name ?? d.id) },
  restores: { of: 'da restauração', events: ['Pedido de restauração', 'Modificação de restauração', 'Exclusão de restauração'], title: (d) => text(d.id) },
}

/** A collection without an entry above is named by its pt label. */
export const entityOf = (slug: string, singular?: string): Entity =>
  ENTITIES[slug] ?? {
    of: `de ${singular ?? slug}`,
    events: [`Criação de ${singular ?? slug}`, `Modificação de ${singular ?? slug}`, `Exclusão de ${singular ?? slug}`],
    title: (d) => text(d.name ?? d.id),
  }

/** Fields never described: bookkeeping, secrets, session state. */
const IGNORED = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'company',
  'hash',
  'salt',
  'sessions',
  'loginAttempts',
  'lockUntil',
  'resetPasswordToken',
  'resetPasswordExpiration',
  '_verified',
  '_verificationToken',
  'apiKey',
  'apiKeyIndex',
  'enableAPIKey',
  'selectedCompany',
  'password',
  'data',
  'applied',
  'failed',
])

export const ptLabel = (l: unknown, fallback = ''): string => {
  if (typeof l === 'string') return l
  if (l && typeof l === 'object' && 'pt' in l) return String((l as { pt: unknown }).pt)
  return fallback
}

export const EMPTY = '(vazio)'

const optionLabel = (field: FieldLike, value: unknown): string => {
  const opt = field.options?.find((o) => (typeof o === 'string' ? o : o.value) === value)
  if (!opt) return text(value)
  return typeof opt === 'string' ? opt : ptLabel(opt.label, opt.value)
}

/** One field's value as words. */
export function formatValue(field: FieldLike, value: unknown, resolve: Resolve): string {
  if (value == null || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY
  const many = Array.isArray(value) ? value : [value]
  switch (field.type) {
    case 'select':
    case 'radio':
      return many.map((v) => optionLabel(field, v)).join(', ')
    case 'checkbox':
      return value ? 'Sim' : 'Não'
    case 'relationship':
    case 'upload': {
      const to = Array.isArray(field.relationTo) ? field.relationTo[0] : field.relationTo
      return many.map((v) => (to ? resolve(to, idOf(v)) : undefined) ?? text(idOf(v))).join(', ')
    }
    case 'date':
      return typeof value === 'string' && /T00:00:00(\.000)?Z$/.test(value) ? value.slice(0, 10) : text(value)
    case 'json':
      return JSON.stringify(value)
    default:
      return many.map(text).join(', ')
  }
}

/** Profile limits: "2 SMS", "30 MIN", "Bloqueado", "Ilimitado". */
export function formatLimit(row: { category?: unknown; control?: unknown; quantity?: unknown } | undefined): string {
  if (!row) return EMPTY
  if (row.control === 'blocked') return 'Bloqueado'
  if (row.control === 'unlimited') return 'Ilimitado'
  const unit = String(row.category ?? '').startsWith('sms') ? 'SMS' : 'MIN'
  return `${text(row.quantity)} ${unit}`
}

const categoryLabel = (c: unknown): string => CATEGORY_LABELS_PT[c as keyof typeof CATEGORY_LABELS_PT] ?? text(c)

/** Arrays whose rows have an identity: a row is compared with the row of the same key. */
const KEYED_ARRAYS: Record<string, { key: (row: Doc) => string; value: (row: Doc, field: FieldLike, resolve: Resolve) => string }> = {
  limits: { key: (r) => categoryLabel(r.category), value: (r) => formatLimit(r) },
  lists: {
    key: (r) => text(r.number),
    value: (r, field, resolve) =>
      (field.fields ?? [])
        .filter((f) => f.name && f.name !== 'number' && !IGNORED.has(f.name))
        .map((f) => formatValue(f, r[f.name!], resolve))
        .join(', '),
  },
}

/** A whole row of an array without identity (time windows …). */
const formatRow = (row: Doc, field: FieldLike, resolve: Resolve): string => {
  if (field.name === 'windows') return `${text(row.from)}-${text(row.to)}`
  return (field.fields ?? [])
    .filter((f) => f.name && !IGNORED.has(f.name))
    .map((f) => formatValue(f, row[f.name!], resolve))
    .join(' ')
}

const rowsOf = (v: unknown): Doc[] => (Array.isArray(v) ? (v as Doc[]) : [])

const change = (what: string, from: string, to: string) => `${what} de: ${from} para: ${to}`

function diffArray(field: FieldLike, before: unknown, after: unknown, resolve: Resolve, prefix: string): string[] {
  const keyed = field.name ? KEYED_ARRAYS[field.name] : undefined
  if (!keyed) {
    const show = (v: unknown) => rowsOf(v).map((r) => formatRow(r, field, resolve)).join(', ') || EMPTY
    const [from, to] = [show(before), show(after)]
    return from === to ? [] : [change(`${prefix}${ptLabel(field.label, field.name)}`, from, to)]
  }
  const singular = ptLabel(field.labels?.singular, ptLabel(field.label, field.name)).toLowerCase()
  const index = (v: unknown) => new Map(rowsOf(v).map((r) => [keyed.key(r), keyed.value(r, field, resolve)]))
  const [from, to] = [index(before), index(after)]
  const out: string[] = []
  for (const key of new Set([...from.keys(), ...to.keys()])) {
    const [a, b] = [from.get(key) ?? EMPTY, to.get(key) ?? EMPTY]
    if (a !== b) out.push(change(`${prefix}${singular}: ${key}`, a, b))
  }
  return out
}

const namedFields = (fields: FieldLike[]): FieldLike[] =>
  fields.flatMap((f) => (f.name ? [f] : f.type === 'tabs' ? (f.tabs ?? []).flatMap((t) => namedFields(t.fields)) : namedFields(f.fields ?? [])))

/** The changes between two versions of a document, one phrase per changed field (or array row). */
export function diffDocs(fields: FieldLike[], before: Doc | undefined, after: Doc | undefined, resolve: Resolve, prefix = ''): string[] {
  const out: string[] = []
  for (const field of namedFields(fields)) {
    const name = field.name!
    if (IGNORED.has(name) || field.hidden || field.type === 'ui' || field.type === 'join') continue
    const [a, b] = [before?.[name], after?.[name]]
    if (field.type === 'group') {
      const sub = `${prefix}${ptLabel(field.label, name)} / `
      out.push(...diffDocs(field.fields ?? [], (a ?? {}) as Doc, (b ?? {}) as Doc, resolve, sub))
      continue
    }
    if (field.type === 'array') {
      out.push(...diffArray(field, a, b, resolve, prefix))
      continue
    }
    const [from, to] = [formatValue(field, a, resolve), formatValue(field, b, resolve)]
    if (from !== to) out.push(change(`${prefix}${ptLabel(field.label, name)}`, from, to))
  }
  return out
}

/** The fields of a new (or re-created) document that have a value, one "Nome: X" each. */
export function valuesOf(fields: FieldLike[], doc: Doc, resolve: Resolve): string[] {
  return diffDocs(fields, {}, doc, resolve).map((phrase) => phrase.replace(` de: ${EMPTY} para: `, ': '))
}

export const listValues = (fields: FieldLike[], doc: Doc, resolve: Resolve): string => valuesOf(fields, doc, resolve).join('; ')

/**
 * One entry of the trail as the guide's H2 columns show it: `event` ("Evento") is the
 * detailed text, `description` ("Descrição") the short name of the action:
 * "Alteração do perfil: MKT PME 123 limite: …" | "Modificação de perfil".
 */
export interface Described {
  event: string
  description: string
}

const described = (action: string, detail: string): Described => ({ event: detail, description: action })

export function describeCreate(entity: Entity, fields: FieldLike[], doc: Doc, resolve: Resolve): Described {
  if (entity.created) return described(entity.events[0], entity.created(doc))
  const values = listValues(fields, doc, resolve)
  return described(entity.events[0], `Criação ${entity.of}: ${entity.title(doc)}${values ? ` ${values}` : ''}`)
}

/** Null when nothing worth telling changed (e.g. only the selected company of a user). */
export function describeUpdate(entity: Entity, fields: FieldLike[], before: Doc, after: Doc, resolve: Resolve, extra: string[] = []): Described | null {
  const changes = [...diffDocs(fields, before, after, resolve), ...extra]
  if (changes.length === 0) return null
  const action = blockEvent(before, after) ?? entity.events[1]
  return described(action, `Alteração ${entity.of}: ${entity.title(after)} ${changes.join('; ')}`)
}

/**
 * The guide's summary entry of a change to an entity's parts, written beside the detailed one:
 * "Alteração do perfil , alterações são: Calendario, Limite" | "Modificação de perfil". Null when
 * the entity has no parts or none of them changed.
 */
export function describeChangedParts(entity: Entity, fields: FieldLike[], before: Doc, after: Doc, resolve: Resolve): Described | null {
  const parts = entity.parts
  if (!parts) return null
  const changed = fields.filter((f) => f.name && parts[f.name] && diffDocs([f], before, after, resolve).length > 0).map((f) => parts[f.name!])
  return changed.length ? described(entity.events[1], `Alteração ${entity.of} , alterações são: ${changed.join(', ')}`) : null
}

export function describeDelete(entity: Entity, doc: Doc): Described {
  return described(entity.events[2], `Exclusão ${entity.of}: ${entity.title(doc)}`)
}

/** A user's block or unblock is its own event (I). */
function blockEvent(before: Doc, after: Doc): string | undefined {
  if (!('blocked' in after) || Boolean(before.blocked) === Boolean(after.blocked)) return undefined
  return after.blocked ? 'Bloqueio de usuário' : 'Desbloqueio de usuário'
}

/** Backup and restore wording per category (J4), as in the guide: "Backup de assinante", "Restauração do Backup geral". */
export const CATEGORY_AUDIT: Record<string, { backup: string; restore: string; noun: string }> = {
  subscribers: { backup: 'Backup de assinante', restore: 'Restauração do Backup de assinante', noun: 'assinante' },
  general: { backup: 'Backup geral', restore: 'Restauração do Backup geral', noun: 'geral' },
  transfers: { backup: 'Backup Claro Pós', restore: 'Restauração do Backup Claro Pós', noun: 'Claro Pós' },
  profiles: { backup: 'Backup de perfil', restore: 'Restauração do Backup de perfil', noun: 'perfil' },
  offers: { backup: 'Backup de oferta compartilhada', restore: 'Restauração do Backup de oferta compartilhada', noun: 'oferta compartilhada' },
  departments: { backup: 'Backup de departamento', restore: 'Restauração do Backup de departamento', noun: 'departamento' },
  users: { backup: 'Backup de usuário', restore: 'Restauração do Backup de usuário', noun: 'usuário' },
}

export function describeBackup(category: string, name: string, action: 'create' | 'delete'): Described {
  const words = CATEGORY_AUDIT[category] ?? { backup: `Backup de ${category}`, restore: '', noun: category }
  // As the guide's row: Evento "Backup de assinante" | Descrição "Criação do Backup de assinante" (the file is named in the deletion only: it no longer lists).
  return action === 'create' ? described(`Criação do ${words.backup}`, words.backup) : described(`Exclusão do ${words.backup}`, `${words.backup}: ${name}`)
}

export type RestoreAction = 'create' | 'update' | 'delete' | 'detach'

/** One restored item (J4): "A configuração para o feriado "Natal" foi restaurada: Data de: … para: …" (a date alone: "foi restaurado dia: …", as the guide). */
export function describeRestoredItem(category: string, kind: string, title: string, action: RestoreAction, changes: string[]): Described {
  const what = `A configuração para ${kind} "${title}"`
  const how: Record<RestoreAction, string> = {
    create: 'foi recriada',
    update: 'foi restaurada',
    delete: 'foi removida (criada após o backup)',
    detach: 'foi desvinculada da empresa (vinculada após o backup)',
  }
  // The guide's own row for a holiday whose date came back: "… feriado "X" foi restaurado dia: 2024-09-04".
  const holidayDate = kind === 'o feriado' && action === 'update' && changes.length === 1 ? /^Data de: .* para: (.+)$/.exec(changes[0]) : null
  if (holidayDate) return described(restoreAction(category), `${what} foi restaurado dia: ${holidayDate[1]}`)
  const detail = changes.length ? `: ${changes.join('; ')}` : ''
  return described(restoreAction(category), `${what} ${how[action]}${detail}`)
}

/** The Descrição of every entry of a restore of this category: "Restauração do Backup geral". */
export const restoreAction = (category: string): string => CATEGORY_AUDIT[category]?.restore ?? `Restauração do Backup de ${category}`

export const describeLogin = (): Described => described('Login', 'Acesso ao Gestor Online com código enviado por e-mail')
export const describeLockout = (): Described => described('Bloqueio de usuário', 'Acesso bloqueado temporariamente após tentativas de login com senha incorreta')
