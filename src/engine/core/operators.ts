import type { Operator, OperatorData, OperatorIndex } from './types'

const MAX_PREFIX_DIGITS = 15
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i)

/**
 * Longest-prefix match without allocating: the number's leading digits are accumulated
 * into an integer and looked up in one Map per prefix length (E.164 has at most 15
 * digits, well inside 2^53).
 */
export class PrefixMatcher<V> {
  private readonly byLength: (Map<number, V> | undefined)[] = new Array(MAX_PREFIX_DIGITS + 1)
  private maxLength = 0
  private readonly lengthsDescending: number[] = []

  set(prefix: string, value: V): void {
    if (!/^\d{1,15}$/.test(prefix)) throw new Error(`Prefixo inválido: "${prefix}"`)
    const length = prefix.length
    let map = this.byLength[length]
    if (!map) this.byLength[length] = map = new Map()
    map.set(Number(prefix), value)
    if (length > this.maxLength) this.maxLength = length
    if (!this.lengthsDescending.includes(length)) {
      this.lengthsDescending.push(length)
      this.lengthsDescending.sort((a, b) => a - b) // scanned from the end: longest first
    }
  }

  /** Longest match for a number given as its digits' value (no leading zero). */
  matchKey(key: number): V | undefined {
    let length = 1
    while (length < POW10.length && key >= POW10[length]) length++
    for (let i = this.lengthsDescending.length - 1; i >= 0; i--) {
      const prefixLength = this.lengthsDescending[i]
      if (prefixLength > length) continue
      const hit = (this.byLength[prefixLength] as Map<number, V>).get(Math.floor(key / POW10[length - prefixLength]))
      if (hit !== undefined) return hit
    }
    return undefined
  }

  match(digits: string): V | undefined {
    let found: V | undefined
    let value = 0
    const limit = Math.min(digits.length, this.maxLength)
    for (let i = 0; i < limit; i++) {
      value = value * 10 + (digits.charCodeAt(i) - 48)
      const map = this.byLength[i + 1]
      if (map !== undefined) {
        const hit = map.get(value)
        if (hit !== undefined) found = hit
      }
    }
    return found
  }
}

/** Compile the editable prefix table and portability list once; share it between line snapshots. */
export function compileOperators(data: OperatorData): OperatorIndex {
  const prefixes = new PrefixMatcher<Operator>()
  for (const { prefix, operator } of data.prefixes) prefixes.set(prefix, operator)
  const ported = new Map<number, Operator>()
  for (const { msisdn, operator } of data.portability ?? []) ported.set(Number(msisdn.replace(/\D/g, '')), operator)
  const operatorOfKey = (key: number): Operator | undefined => ported.get(key) ?? prefixes.matchKey(key)
  return {
    kind: 'operator-index',
    operatorOfKey,
    operatorOf: (e164: string) => (/^[1-9]\d{0,14}$/.test(e164) ? operatorOfKey(Number(e164)) : undefined),
  }
}

export function isOperatorIndex(value: OperatorData | OperatorIndex): value is OperatorIndex {
  return (value as OperatorIndex).kind === 'operator-index'
}
