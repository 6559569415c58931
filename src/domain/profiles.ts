import type { Weekday } from './categories'

/**
 * Usage profiles (E): list entries, calendar and limits. Client-safe: collections/Profiles.ts
 * and the admin's profile editor read the same labels and the same dialled-number rule.
 */
export const LIST_TYPES = { allowed: ['Permitida', 'Allowed'], blocked: ['Bloqueada', 'Blocked'] } as const
export const LIST_USAGES = { voice: ['Voz', 'Voice'], sms: ['SMS', 'SMS'], collect: ['Chamada a cobrar', 'Collect call'] } as const
export const LIST_SCOPES = { national: ['Nacional', 'National'], international: ['Internacional', 'International'] } as const
export const LIMIT_CONTROLS = {
  blocked: ['Bloqueado', 'Blocked'],
  unlimited: ['Ilimitado', 'Unlimited'],
  limited: ['Limitado', 'Limited'],
} as const
export const DAY_LABELS = {
  mon: ['Segunda-feira', 'Monday'],
  tue: ['Terça-feira', 'Tuesday'],
  wed: ['Quarta-feira', 'Wednesday'],
  thu: ['Quinta-feira', 'Thursday'],
  fri: ['Sexta-feira', 'Friday'],
  sat: ['Sábado', 'Saturday'],
  sun: ['Domingo', 'Sunday'],
} as const satisfies Record<Weekday, readonly [string, string]>

export type ListType = keyof typeof LIST_TYPES
export type ListUsage = keyof typeof LIST_USAGES
export type ListScope = keyof typeof LIST_SCOPES
export type LimitControl = keyof typeof LIMIT_CONTROLS

/** A number as dialled without its separators (spaces, parentheses, dots, dashes). */
export const cleanDialled = (value: string): string => value.replace(/[\s().-]/g, '')

/** The number as dialled (CP + CA + number), 3 to 15 digits, an optional leading '+'. */
export function validateDialled(value: unknown): true | string {
  return typeof value === 'string' && /^\+?\d{3,15}$/.test(cleanDialled(value))
    ? true
    : 'Número inválido: use somente dígitos (CP + CA + número), de 3 a 15'
}

/** Longest profile name. */
export const PROFILE_NAME_MAX = 120
