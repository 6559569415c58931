/**
 * The profile editor's four steps (E2) and what each checks before "Avançar". Pure and
 * client-safe: the same validators as the Profiles collection (src/validation), which
 * stays the judge when the profile is saved; its field errors are mapped back to a step.
 */
import { CATEGORY_LABELS_EN, CATEGORY_LABELS_PT, SMS_CATEGORIES, VOICE_CATEGORIES, WEEKDAYS, type UsageCategory, type Weekday } from '../../domain/categories'
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
import { golT, type GolTranslationKey } from '../i18n'
import { pickLabel, type Lang } from '../shared/lang'
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

export const STEPS: readonly { key: string; title: GolTranslationKey }[] = [
  { key: 'name', title: 'gol:profileStepName' },
  { key: 'lists', title: 'gol:profileStepLists' },
  { key: 'calendar', title: 'gol:profileStepCalendar' },
  { key: 'limits', title: 'gol:profileStepLimits' },
  { key: 'lines', title: 'gol:profileStepLines' },
]

/** The list entry's selects and their labels; the editor writes "Sms" where the collection says "SMS" (the guide's E2 screen). */
export const LIST_CHOICES = {
  type: LIST_TYPES,
  usage: { ...LIST_USAGES, sms: ['Sms', 'SMS'] },
  scope: LIST_SCOPES,
} as const satisfies { type: Record<ListType, readonly [string, string]>; usage: Record<ListUsage, readonly [string, string]>; scope: Record<ListScope, readonly [string, string]> }

export const dayLabel = (d: Weekday, lang: Lang = 'pt'): string => pickLabel(lang, DAY_LABELS[d])
export const controlLabel = (c: LimitControl, lang: Lang = 'pt'): string => pickLabel(lang, LIMIT_CONTROLS[c])
export const LIMIT_CATEGORIES = { voice: VOICE_CATEGORIES, sms: SMS_CATEGORIES } as const
export const categoryLabel = (c: UsageCategory, lang: Lang = 'pt'): string => (lang === 'en' ? CATEGORY_LABELS_EN : CATEGORY_LABELS_PT)[c]

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

export function validateListEntry(e: ListEntry, existing: ListEntry[], lang: Lang = 'pt'): StepErrors {
  const errors: StepErrors = {}
  const n = validateDialled(e.number)
  if (n !== true) errors.number = n
  const clean = cleanDialled(e.number)
  if (existing.some((x) => cleanDialled(x.number) === clean && x.usage === e.usage && x.scope === e.scope)) {
    errors.number = golT(lang)('gol:profileNumberRepeated')
  }
  return errors
}

/** What must be right before leaving a step. */
export function validateStep(step: number, d: ProfileDraft, lang: Lang = 'pt'): StepErrors {
  const t = golT(lang)
  const errors: StepErrors = {}
  if (step === 0) {
    if (!d.name.trim()) errors.name = t('gol:profileNameRequired')
    else if (d.name.trim().length > PROFILE_NAME_MAX) errors.name = t('gol:profileNameTooLong', { max: PROFILE_NAME_MAX })
  }
  if (step === 1) {
    d.lists.forEach((l, i) => {
      const n = validateDialled(l.number)
      if (n !== true) errors[`lists.${i}.number`] = n
    })
  }
  if (step === 2) {
    if (d.calendar.days.length === 0) errors['calendar.days'] = t('gol:profileDayRequired')
    d.calendar.windows.forEach((w, i) => {
      const r = validateWindow(w)
      if (r !== true) errors[`calendar.windows.${i}`] = r
    })
  }
  if (step === 3) {
    for (const [category, v] of Object.entries(d.limits)) {
      if (v?.control !== 'limited') continue
      const r = validateNonNegativeInt(v.quantity, { label: t('gol:profileQuantity') })
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
