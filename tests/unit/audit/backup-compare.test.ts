/**
 * Issue 16: the preview compares each backed-up item with the company's document by `sameJson`,
 * which must answer exactly what comparing their `stableJson` strings answered.
 */
import { describe, expect, it } from 'vitest'
import { sameJson, stableJson } from '../../../src/collections/Backups/snapshot/categories'

const line = { msisdn: '5511999990000', name: 'Linha 1', status: 'active', account: 1, department: null, profile: 3, quota: { control: 'limited', amountMB: 2048 } }

/** Pairs that differ or agree only in what JSON leaves out, renames or cannot write. */
const PAIRS: [unknown, unknown][] = [
  [line, { ...line }],
  [line, { quota: { amountMB: 2048, control: 'limited' }, profile: 3, department: null, account: 1, status: 'active', name: 'Linha 1', msisdn: '5511999990000' }],
  [line, { ...line, name: 'Outra' }],
  [line, { ...line, quota: { control: 'limited', amountMB: 1024 } }],
  [line, { ...line, extension: undefined }],
  [line, { ...line, extension: null }],
  [{ a: 1 }, { a: 1, f: () => 1 }],
  [{ a: 1 }, { a: '1' }],
  [{ a: null }, {}],
  [{ a: NaN }, { a: null }],
  [{ a: Infinity }, { a: null }],
  [{ a: 0 }, { a: -0 }],
  [[1, undefined, 3], [1, null, 3]],
  [[1, () => 2], [1, null]],
  [[1, 2], [2, 1]],
  [[1, 2], [1, 2, 3]],
  [[], {}],
  [{}, []],
  [{ lines: [3, 1] }, { lines: [3, 1] }],
  [{ lines: [] }, { lines: null }],
  [{ d: new Date('2026-01-01') }, { d: {} }],
  [{ d: new Date('2026-01-01') }, { d: '2026-01-01T00:00:00.000Z' }],
  [Object.assign(Object.create(null), { a: 1 }), { a: 1 }],
  [undefined, null],
  ['a', 'a'],
  ['a', 'b'],
  [true, 1],
  [null, {}],
]

describe('sameJson', () => {
  it.each(PAIRS.map((pair, i) => [i, ...pair]))('pair %i answers as stableJson does', (_, a, b) => {
    expect(sameJson(a, b)).toBe(stableJson(a) === stableJson(b))
    expect(sameJson(b, a)).toBe(stableJson(a) === stableJson(b))
  })

  it('tells the pairs apart (the list is not all equal or all different)', () => {
    const answers = new Set(PAIRS.map(([a, b]) => sameJson(a, b)))
    expect(answers).toEqual(new Set([true, false]))
  })
})
