/** The admin's two languages (pt-BR default, English second). */
export type Lang = 'pt' | 'en'

export const langOf = (i18n?: { language?: string } | null): Lang => (i18n?.language === 'en' ? 'en' : 'pt')

/**
 * A label of a model table (value → [pt-BR, English], as in src/domain) in the given language.
 * The screens' own texts are translation keys (src/admin/i18n).
 */
export const pickLabel = (lang: Lang, [pt, en]: readonly [string, string]): string => (lang === 'en' ? en : pt)
