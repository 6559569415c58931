/** The admin's two languages (pt-BR default, English second): pick a label by the user's language. */
export type Lang = 'pt' | 'en'

export const langOf = (i18n?: { language?: string } | null): Lang => (i18n?.language === 'en' ? 'en' : 'pt')

/** `t('Linhas', 'Lines')` in the given language. */
export const tr =
  (lang: Lang = 'pt') =>
  (pt: string, en: string): string =>
    lang === 'en' ? en : pt
