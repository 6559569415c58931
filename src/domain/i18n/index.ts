import { en } from './en'
import { pt, type GolKey, type GolLabels } from './pt'

/**
 * The app's labels as Payload custom translations (payload.config.ts `i18n.translations`):
 * one `gol` namespace with typed keys, pt-BR and English, for the admin's screens and the server's
 * messages (lib/i18n `serverT`). Client components read them with `useGolT()` (src/admin/i18n,
 * Payload's useTranslation); server components and pure modules with `golT(lang)`, the same
 * dictionaries and the same `{{name}}` variables.
 */
export const golTranslations = { pt: { gol: pt }, en: { gol: en } }

export type GolTranslations = { gol: GolLabels }
/** Plural forms (`key_one`, `key_other`) are asked for by their base key with a numeric `count`, as Payload does. */
type Base<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K
export type GolTranslationKey = `gol:${Base<GolKey>}`
export type GolVars = Record<string, string | number | null | undefined>
export type GolT = (key: GolTranslationKey, vars?: GolVars) => string

const fill = (text: string, vars?: GolVars): string =>
  vars ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (vars[name] == null ? whole : String(vars[name]))) : text

/** The plural form Payload's t picks for a count (getTranslationString in @payloadcms/translations). */
const pluralOf = (labels: Record<string, string>, key: string, count: unknown): string => {
  if (typeof count !== 'number') return key
  const suffix =
    count === 0 ? 'zero' : count === 1 ? 'one' : count === 2 ? 'two' : count > 5 ? 'many' : count > 2 ? 'few' : 'other'
  return `${key}_${suffix}` in labels ? `${key}_${suffix}` : `${key}_other` in labels ? `${key}_other` : key
}

/** `t('gol:key', vars)` in a language, outside React (server components, pure modules). */
export const golT =
  (lang: 'pt' | 'en' = 'pt'): GolT =>
  (key, vars) => {
    const labels: Record<string, string> = lang === 'en' ? en : pt
    const name = pluralOf(labels, key.slice(4), vars?.count)
    return fill(labels[name] ?? key, vars)
  }

export type { GolKey }
