/**
 * The profile editor's four steps (E2) and what each checks before "Avançar". Pure and
 * client-safe: the same validators as the Profiles collection (src/validation), which
 * stays the judge when the profile is saved; its field errors are mapped back to a step.
 */
import { CATEGORY_LABELS_PT, SMS_CATEGORIES, VOICE_CATEGORIES, WEEKDAYS, type UsageCategory, type Weekday } from '../../domain/categories'
import {
  cleanDialled,
  DAY_LABELS,
  LIMIT_CONTROLS,
  LIST_SCOPES,
  LIST_TYPES,
  LIST_USAGES,
  PROFILE_NAME_MAX,
  validateDialled,
  type LimitControl,
  type ListScope,
  type ListType,
  type ListUsage,
} from '../../domain/profiles'
import { validateNonNegativeInt } from '../../validation/limits'
import { validateWindow } from '../../validation/time'

export type { LimitControl, ListScope, ListType, ListUsage }
export { validateDialled }

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

const ptOf = <K extends string>(table: Record<K, readonly [string, string]>): Record<K, string> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, (v as readonly [string, string])[0]])) as Record<K, string>

export const LIST_TYPE_PT = ptOf(LIST_TYPES)
/** The editor writes "Sms" where the collection's select says "SMS" (the guide's E2 screen). */
export const LIST_USAGE_PT: Record<ListUsage, string> = { ...ptOf(LIST_USAGES), sms: 'Sms' }
export const LIST_SCOPE_PT = ptOf(LIST_SCOPES)
export const DAY_PT = ptOf(DAY_LABELS)
export const CONTROL_PT = ptOf(LIMIT_CONTROLS)
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
    lists: d.lists.map((l) => ({ ...l, number: cleanDialled(l.number) })),
    calendar: { days: d.calendar.days, holidays: d.calendar.holidays, windows: d.calendar.windows },
    limits: Object.entries(d.limits)
      .filter(([, v]) => v && v.control !== 'unlimited')
      .map(([category, v]) => ({ category, control: v!.control, quantity: v!.control === 'limited' ? v!.quantity : null })),
  }
}

export function validateListEntry(e: ListEntry, existing: ListEntry[]): StepErrors {
  const errors: StepErrors = {}
  const n = validateDialled(e.number)
  if (n !== true) errors.number = n
  const clean = cleanDialled(e.number)
  if (existing.some((x) => cleanDialled(x.number) === clean && x.usage === e.usage && x.scope === e.scope)) {
    errors.number = 'Este número já está na lista para este tipo de uso'
  }
  return errors
}

/** What must be right before leaving a step. */
export function validateStep(step: number, d: ProfileDraft): StepErrors {
  const errors: StepErrors = {}
  if (step === 0) {
    if (!d.name.trim()) errors.name = 'Informe o nome do perfil'
    else if (d.name.trim().length > PROFILE_NAME_MAX) errors.name = `O nome pode ter no máximo ${PROFILE_NAME_MAX} caracteres`
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
