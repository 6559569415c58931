/** A value → [pt-BR, English] table, the shape of every select's options in the model. */
export type LabelTable = Readonly<Record<string, readonly [string, string]>>

/** The label of a value in a language ('pt' default); the value itself when it is unknown. */
export const labelOf = (table: LabelTable, value: unknown, lang: 'pt' | 'en' = 'pt'): string =>
  table[String(value ?? '')]?.[lang === 'en' ? 1 : 0] ?? String(value ?? '')

/** `{value, label}` options of a table in a language. */
export const optionsOf = (table: LabelTable, lang: 'pt' | 'en' = 'pt'): { value: string; label: string }[] =>
  Object.entries(table).map(([value, [pt, en]]) => ({ value, label: lang === 'en' ? en : pt }))
