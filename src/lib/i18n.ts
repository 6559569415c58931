import type { PayloadRequest } from 'payload'
import type { GolTranslationKey, GolVars } from '../domain/i18n'

/** A label in the admin's two languages; pt-BR is the default. */
export type Label = { pt: string; en: string }

export const label = (pt: string, en: string): Label => ({ pt, en })

/** Select options from a map of value → [pt, en]. */
export function options(map: Record<string, readonly [string, string]>) {
  return Object.keys(map).map((value) => ({ value, label: label(map[value][0], map[value][1]) }))
}

/**
 * A message the server answers (a field error…) in the request's language: Payload's `req.t`
 * (the admin's language, or the API caller's Accept-Language; pt-BR by default) on the admin's
 * typed `gol:` keys, so the admin in English reads the server's errors in English too.
 */
export const serverT = (req: Pick<PayloadRequest, 't'>): ServerT => req.t as unknown as ServerT

export type ServerT = (key: GolTranslationKey, vars?: GolVars) => string
