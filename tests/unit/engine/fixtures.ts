import { compileOperators, compileSnapshot, emptyCounters, type Counters, type ProfileData, type SnapshotInput } from '../../../src/engine/core'

/** São Paulo wall-clock time → Date (post-2019, fixed -03:00). */
export const sp = (localIso: string) => new Date(`${localIso}:00-03:00`)

export const operators = compileOperators({
  prefixes: [
    { prefix: '5511991', operator: 'claro' },
    { prefix: '5511992', operator: 'claro' },
    { prefix: '5511987', operator: 'claro' },
    { prefix: '5511981', operator: 'tim' },
    { prefix: '5511971', operator: 'vivo' },
    { prefix: '5521991', operator: 'claro' },
    { prefix: '5521981', operator: 'tim' },
    { prefix: '5519999', operator: 'claro' },
    { prefix: '55219', operator: 'vivo' },
  ],
  portability: [
    { msisdn: '5511971110000', operator: 'claro' },
    { msisdn: '5511991110000', operator: 'tim' },
  ],
})

export const COMPANY_LINES = new Set(['5511987650000', '5521981110000'])

export const openProfile = (overrides: Partial<ProfileData> = {}): ProfileData => ({
  lists: [],
  calendar: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], holidays: true, windows: [] },
  limits: [],
  ...overrides,
})

export function baseInput(overrides: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    company: { renewalDay: 16, csp: '21', interruptAtLimit: true },
    line: { id: 'line-1', msisdn: '5511987654321', status: 'active', companyId: 'c1', accountId: 'a1' },
    profile: null,
    holidays: [],
    offers: [],
    transfers: [],
    pool: null,
    quota: null,
    companyLines: COMPANY_LINES,
    operators,
    ...overrides,
  }
}

export const snapshotOf = (overrides: Partial<SnapshotInput> = {}) => compileSnapshot(baseInput(overrides))

export function countersWith(partial: Partial<Counters> = {}): Counters {
  return { ...emptyCounters(), ...partial }
}

/** A Wednesday at 10:00 in São Paulo, not a holiday. */
export const WEDNESDAY_10H = sp('2025-06-04T10:00')
