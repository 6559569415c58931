import { en } from './en'
import { pt, type GolKey, type GolLabels } from './pt'

/**
 * The admin's labels as Payload custom translations (payload.config.ts `i18n.translations`):
 * one `gol` namespace with typed keys, pt-BR and English. Client components read them with
 * `useGolT()` (Payload's useTranslation); server components and pure modules with `golT(lang)`,
 * the same dictionaries and the same `{{name}}` variables.
 */
export const golTranslations = { pt: { gol: pt }, en: { gol: en } }

export type GolTranslations = { gol: GolLabels }
export type GolTranslationKey = `gol:${GolKey}`
export type GolVars = Record<string, string | number | null | undefined>
export type GolT = (key: GolTranslationKey, vars?: GolVars) => string

const fill = (text: string, vars?: GolVars): string =>
  vars ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (vars[name] == null ? whole : String(vars[name]))) : text

/** `t('gol:key', vars)` in a language, outside React (server components, pure modules). */
export const golT =
  (lang: 'pt' | 'en' = 'pt'): GolT =>
  (key, vars) =>
    fill((lang === 'en' ? en : pt)[key.slice(4) as GolKey], vars)

export type { GolKey }
