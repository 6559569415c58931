import { describe, expect, it } from 'vitest'
import { historyWhere } from '../../../src/collections/Restores/endpoints'
import { flatten, saoPauloStamp } from '../../../src/collections/Backups/snapshot/spreadsheet'

describe('backup names', () => {
  it('are stamped in São Paulo time', () => {
    expect(saoPauloStamp(new Date('2025-05-26T17:43:55Z'))).toBe('20250526144355')
    expect(saoPauloStamp(new Date('2026-01-01T02:00:00Z'))).toBe('20251231230000')
  })
})

describe('spreadsheet rows', () => {
  it('flatten groups and arrays', () => {
    expect(flatten({ msisdn: '5519', quota: { control: 'limited', amountMB: 10 }, lines: [1, 2], limits: [{ category: 'sms.other' }] })).toEqual({
      msisdn: '5519',
      'quota.control': 'limited',
      'quota.amountMB': 10,
      lines: '1, 2',
      limits: '[{"category":"sms.other"}]',
    })
  })
})

describe('restore history filters (H7)', () => {
  const now = new Date('2026-06-30T12:00:00Z')
  it('defaults to the last 180 days', () => {
    const r = historyWhere({}, now)
    expect(r).toEqual({
      where: { and: [{ createdAt: { greater_than_equal: '2026-01-01T12:00:00.000Z' } }, { createdAt: { less_than_equal: '2026-06-30T12:00:00.000Z' } }] },
    })
  })
  it('takes a period in São Paulo days and a type', () => {
    expect(historyWhere({ from: '2026-06-01', to: '2026-06-02', category: 'general' }, now)).toEqual({
      where: {
        and: [
          { createdAt: { greater_than_equal: '2026-06-01T03:00:00.000Z' } },
          { createdAt: { less_than_equal: '2026-06-03T02:59:59.999Z' } },
          { category: { equals: 'general' } },
        ],
      },
    })
  })
  it.each([
    [{ from: '2026-13-01' }, 'Data inválida: use AAAA-MM-DD.'],
    [{ from: '01/06/2026' }, 'Data inválida: use AAAA-MM-DD.'],
    [{ from: '2026-06-10', to: '2026-06-01' }, 'A data inicial deve ser anterior à data final.'],
    [{ from: '2025-01-01', to: '2026-06-01' }, 'O período máximo de consulta é de 180 dias.'],
    [{ category: 'tudo' }, 'Tipo de restauração desconhecido: tudo'],
  ])('refuses %j', (query, error) => expect(historyWhere(query, now)).toEqual({ error }))
})
