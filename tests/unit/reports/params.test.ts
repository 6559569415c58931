import { describe, expect, it } from 'vitest'
import { checkReportRequest } from '../../../src/reports/params'
import { golT } from '../../../src/domain/i18n'

const pt = golT('pt')

const paths = (kind: unknown, params: unknown, departments: unknown[] = []) => checkReportRequest(kind, params, departments, pt).errors.map((e) => e.path)

describe('report requests', () => {
  it('accepts each kind with its filters', () => {
    expect(paths('calls', { from: '2026-11-01', to: '2026-11-30', line: '5519995330213' })).toEqual([])
    expect(paths('data', { from: '2026-06-01', to: '2026-11-27' })).toEqual([]) // 180 days
    expect(paths('transactions', { from: '2026-06-01', to: '2026-11-27', user: '53346128580' })).toEqual([])
    expect(paths('notifications', { account: 3, cycle: '2026-11-16' }, [1])).toEqual([])
    expect(paths('subscribers', { status: 'active', search: 'PME' }, [1, 2])).toEqual([])
    expect(paths('restores', {})).toEqual([])
    expect(paths('restores', { from: '2026-06-01', to: '2026-11-27', category: 'profiles' })).toEqual([])
  })

  it('refuses periods over the limit, inverted, invalid or missing, on the right field', () => {
    expect(paths('calls', { from: '2026-11-01', to: '2026-12-01' })).toEqual(['params.to']) // 31 days
    expect(paths('data', { from: '2026-05-31', to: '2026-11-27' })).toEqual(['params.to']) // 181 days
    expect(paths('transactions', { from: '2026-11-27', to: '2026-11-01' })).toEqual(['params.to'])
    expect(paths('calls', { from: '2026-02-30', to: '2026-03-01' })).toEqual(['params.from'])
    expect(paths('calls', {})).toEqual(['params.from'])
    expect(paths('restores', { from: '2026-01-01' })).toEqual(['params.to'])
    expect(checkReportRequest('calls', { from: '2026-11-01', to: '2026-12-01' }, [], pt).errors[0].message).toMatch(/30 dias/)
  })

  it('refuses unknown filters, filters of other kinds and bad values', () => {
    expect(paths('calls', { from: '2026-11-01', to: '2026-11-02', colour: 'blue' })).toEqual(['params.colour'])
    expect(paths('subscribers', { from: '2026-11-01' })).toEqual(['params.from'])
    expect(paths('subscribers', { status: 'sleeping' })).toEqual(['params.status'])
    expect(paths('transactions', { from: '2026-11-01', to: '2026-11-02', user: 'abc' })).toEqual(['params.user'])
    expect(paths('calls', { from: '2026-11-01', to: '2026-11-02', line: '123' })).toEqual(['params.line'])
    expect(paths('transactions', { from: '2026-11-01', to: '2026-11-02' }, [1])).toEqual(['departments'])
    expect(paths('everything', {})).toEqual(['kind'])
    expect(paths('calls', 'from=2026-11-01')).toEqual(['params'])
  })

  it('normalises the line number', () => {
    expect(checkReportRequest('subscribers', { line: '(19) 99533-0213' }, [], pt).params.line).toBe('5519995330213')
  })
})

describe("the filters' messages in the caller's language", () => {
  it.each([
    ['pt', 'Usuário: informe o login (CPF, 11 dígitos)'],
    ['en', 'User: enter the login (CPF, 11 digits)'],
  ] as const)('%s', (lang, message) => {
    expect(checkReportRequest('transactions', { user: 'x' }, [], golT(lang)).errors).toContainEqual({ path: 'params.user', message })
  })
})
