/** A Payload-compatible validation outcome: `true`, or the pt-BR message to show on the field. */
export type ValidationResult = true | string

/** Strips everything that is not a letter or digit (any script). Letters are kept on purpose so
 * that the validators can refuse them with a clear message instead of silently dropping them. */
export function stripPunctuation(value: string): string {
  return value.replace(/[^\p{L}\p{N}]/gu, '')
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
}

export function allSameChar(value: string): boolean {
  return value.length > 0 && [...value].every((c) => c === value[0])
}

/** pt-BR thousands separator without depending on the runtime's ICU data. */
export function formatIntegerPtBr(n: number): string {
  const sign = n < 0 ? '-' : ''
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}
