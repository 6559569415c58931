/** Brazilian area codes (DDD) in force, by state (Anatel). See shared/DOMAIN-NOTES.md. */
export const DDD_BY_STATE = {
  SP: [11, 12, 13, 14, 15, 16, 17, 18, 19],
  RJ: [21, 22, 24],
  ES: [27, 28],
  MG: [31, 32, 33, 34, 35, 37, 38],
  PR: [41, 42, 43, 44, 45, 46],
  SC: [47, 48, 49],
  RS: [51, 53, 54, 55],
  DF: [61],
  GO: [62, 64],
  TO: [63],
  MT: [65, 66],
  MS: [67],
  AC: [68],
  RO: [69],
  BA: [71, 73, 74, 75, 77],
  SE: [79],
  PE: [81, 87],
  AL: [82],
  PB: [83],
  RN: [84],
  CE: [85, 88],
  PI: [86, 89],
  PA: [91, 93, 94],
  AM: [92, 97],
  RR: [95],
  AP: [96],
  MA: [98, 99],
} as const satisfies Record<string, readonly number[]>

export type StateCode = keyof typeof DDD_BY_STATE

export const STATES = Object.keys(DDD_BY_STATE) as StateCode[]

const STATE_OF_DDD = new Map<number, StateCode>()
for (const state of STATES) for (const ddd of DDD_BY_STATE[state]) STATE_OF_DDD.set(ddd, state)

export const ALL_DDDS: readonly number[] = [...STATE_OF_DDD.keys()].sort((a, b) => a - b)

export function isValidDdd(ddd: number | string): boolean {
  return STATE_OF_DDD.has(Number(ddd))
}

export function stateOfDdd(ddd: number | string): StateCode | undefined {
  return STATE_OF_DDD.get(Number(ddd))
}

/** Long-distance carriers (CSP) in use. 21 (Embratel) is the default. */
export const CSP_CARRIERS = {
  '12': 'Algar',
  '14': 'Oi (região II)',
  '15': 'Vivo/Telefônica',
  '21': 'Claro/Embratel',
  '31': 'Oi (região I)',
  '41': 'TIM',
  '43': 'Sercomtel',
} as const

export type Csp = keyof typeof CSP_CARRIERS
export const DEFAULT_CSP: Csp = '21'
