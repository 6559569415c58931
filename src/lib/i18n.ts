/** A label in the admin's two languages; pt-BR is the default. */
export type Label = { pt: string; en: string }

export const label = (pt: string, en: string): Label => ({ pt, en })

/** Select options from a map of value → [pt, en]. */
export function options(map: Record<string, readonly [string, string]>) {
  return Object.keys(map).map((value) => ({ value, label: label(map[value][0], map[value][1]) }))
}
