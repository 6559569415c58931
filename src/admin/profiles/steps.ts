/**
 * The profile editor's four steps (E2) and what each checks before "Avançar". Pure and
 * client-safe: the same validators as the Profiles collection (src/validation), which
 * stays the judge when the profile is saved; its field errors are mapped back to a step.
 */
import { CATEGORY_LABELS_PT, SMS_CATEGORIES, VOICE_CATEGORIES, WEEKDAYS, type UsageCategory, type Weekday } from '../../domain/categories'
import { validateNonNegativeInt } from '../../validation/limits'
import { validateWindow } from '../../validation/time'

export type ListType = 'allowed' | 'blocked'
export type ListUsage = 'voice' | 'sms' | 'collect'
export type ListScope = 'national' | 'international'
export type LimitControl = 'blocked' | 'unlimited' | 'limited'

export interface ListEntry {
  type: ListType
  usage: ListUsage
  scope: ListScope
  number: string
}
export interface Window {
  from: string
  to: string
}
export interface ProfileDraft {
  name: string
  lists: ListEntry[]
  calendar: { days: Weekday[]; holidays: boolean; windows: Window[] }
  limits: Partial<Record<UsageCategory, { control: LimitControl; quantity: number | null }>>
}

export type StepErrors = Record<string, string>

export const STEPS = [
  { key: 'name', title: 'Nome do Perfil' },
  { key: 'lists', title: 'Lista permitida e lista bloqueada' },
  { key: 'calendar', title: 'Calendário' },
  { key: 'limits', title: 'Limite' },
  { key: 'lines', title: 'Linhas do perfil' },
] as const

export const LIST_TYPE_PT: Record<ListType, string> = { allowed: 'Permitida', blocked: 'Bloqueada' }
export const LIST_USAGE_PT: Record<ListUsage, string> = { voice: 'Voz', sms: 'Sms', collect: 'Chamada a cobrar' }
export const LIST_SCOPE_PT: Record<ListScope, string> = { national: 'Nacional', international: 'Internacional' }
export const DAY_PT: Record<Weekday, string> = {
  mon: 'Segunda-feira',
  tue: 'Terça-feira',
  wed: 'Quarta-feira',
  thu: 'Quinta-feira',
  fri: 'Sexta-feira',
  sat: 'Sábado',
  sun: 'Domingo',
}
export const LIMIT_CATEGORIES = { voice: VOICE_CATEGORIES, sms: SMS_CATEGORIES } as const
export const categoryLabel = (c: UsageCategory) => CATEGORY_LABELS_PT[c]

export const emptyDraft = (): ProfileDraft => ({ name: '', lists: [], calendar: { days: [...WEEKDAYS], holidays: true, windows: [] }, limits: {} })

/** A stored profile (REST, depth 0) as a draft. */
export function draftOf(doc: Record<string, any> | null | undefined): ProfileDraft {
  const d = emptyDraft()
  if (!doc) return d
  d.name = String(doc.name ?? '')
  d.lists = (doc.lists ?? []).map((l: any) => ({ type: l.type, usage: l.usage, scope: l.scope ?? 'national', number: String(l.number ?? '') }))
  if (doc.calendar) {
    d.calendar = {
      days: Array.isArray(doc.calendar.days) ? doc.calendar.days : [...WEEKDAYS],
      holidays: doc.calendar.holidays !== false,
      windows: (doc.calendar.windows ?? []).map((w: any) => ({ from: String(w.from ?? ''), to: String(w.to ?? '') })),
    }
  }
  for (const l of doc.limits ?? []) d.limits[l.category as UsageCategory] = { control: l.control ?? 'unlimited', quantity: l.quantity ?? null }
  return d
}

/** The draft as the REST body of the Profiles collection (unlimited categories are not stored). */
export function bodyOf(d: ProfileDraft): Record<string, unknown> {
  return {
    name: d.name.trim(),
    lists: d.lists.map((l) => ({ ...l, number: l.number.replace(/[\s().-]/g, '') })),
    calendar: { days: d.calendar.days, holidays: d.calendar.holidays, windows: d.calendar.windows },
    limits: Object.entries(d.limits)
      .filter(([, v]) => v && v.control !== 'unlimited')
      .map(([category, v]) => ({ category, control: v!.control, quantity: v!.control === 'limited' ? v!.quantity : null })),
  }
}

/** The number as dialled (CP + CA + number): the rule of the Profiles collection. */
export function validateDialled(value: string): true | string {
  return /^\+?\d{3,15}$/.test(value.replace(/[\s().-]/g, '')) ? true : 'Número inválido: use somente dígitos (CP + CA + número), de 3 a 15'
}

export function validateListEntry(e: ListEntry, existing: ListEntry[]): StepErrors {
  const errors: StepErrors = {}
  const n = validateDialled(e.number)
  if (n !== true) errors.number = n
  const clean = e.number.replace(/[\s().-]/g, '')
  if (existing.some((x) => x.number.replace(/[\s().-]/g, '') === clean && x.usage === e.usage && x.scope === e.scope)) {
    errors.number = 'Este número já está na lista para este tipo de uso'
  }
  return errors
}

/** What must be right before leaving a step. */
export function validateStep(step: number, d: ProfileDraft): StepErrors {
  const errors: StepErrors = {}
  if (step === 0) {
    if (!d.name.trim()) errors.name = 'Informe o nome do perfil'
    else if (d.name.trim().length > 120) errors.name = 'O nome pode ter no máximo 120 caracteres'
  }
  if (step === 1) {
    d.lists.forEach((l, i) => {
      const n = validateDialled(l.number)
      if (n !== true) errors[`lists.${i}.number`] = n
    })
  }
  if (step === 2) {
    if (d.calendar.days.length === 0) errors['calendar.days'] = 'Selecione ao menos um dia da semana'
    d.calendar.windows.forEach((w, i) => {
      const r = validateWindow(w)
      if (r !== true) errors[`calendar.windows.${i}`] = r
    })
  }
  if (step === 3) {
    for (const [category, v] of Object.entries(d.limits)) {
      if (v?.control !== 'limited') continue
      const r = validateNonNegativeInt(v.quantity, { label: 'A quantidade' })
      if (r !== true) errors[`limits.${category}`] = r
    }
  }
  return errors
}

/** The step a server error path belongs to (`lists.0.number` → 1). */
export function stepOfPath(path: string): number {
  if (path.startsWith('lists')) return 1
  if (path.startsWith('calendar')) return 2
  if (path.startsWith('limits')) return 3
  return 0
}

/** A server path of the stored body (`limits.2.quantity`) as the editor's key (`limits.<category>`). */
export function editorKeyOf(path: string, body: Record<string, any>): string {
  const m = /^limits\.(\d+)/.exec(path)
  if (m) return `limits.${String(body.limits?.[Number(m[1])]?.category ?? m[1])}`
  const w = /^calendar\.windows\.(\d+)/.exec(path)
  if (w) return `calendar.windows.${w[1]}`
  const l = /^lists\.(\d+)/.exec(path)
  if (l) return `lists.${l[1]}.number`
  return path
}
