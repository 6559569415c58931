import v8 from 'node:v8'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { compileProfileParts, compileSnapshot, holidayDaysOf, type CompiledSnapshot } from '../../../src/engine/core'
import { baseInput, openProfile } from './fixtures'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

const companyKeys = (size: number) => {
  const keys = new Set<number>()
  for (let i = 0; keys.size < size; i++) keys.add(5511_9_0000_0000 + i)
  return keys
}
const profile = openProfile({ lists: [{ type: 'blocked', usage: 'voice', scope: 'national', number: '1133334444' }], limits: [{ category: 'sms.other', control: 'limited', quantity: 5 }] })
const holidays = [{ date: '2026-12-25', name: 'Natal' }]

/** `count` snapshots of lines of one company of `size` lines, compiled as the adapter does (shared parts). */
function compileMany(keys: ReadonlySet<number>, count: number): CompiledSnapshot[] {
  const shared = { profile: compileProfileParts(profile, 11), holidayDays: holidayDaysOf(holidays, 11) }
  const out: CompiledSnapshot[] = []
  for (let i = 0; i < count; i++) {
    const msisdn = String(5511_9_0000_0000 + i)
    out.push(compileSnapshot(baseInput({ line: { id: String(i), msisdn, status: 'active', companyId: 'c1', accountId: 'a1' }, profile, holidays, companyLineKeys: keys, shared })))
  }
  return out
}

/** Heap bytes per snapshot kept, once the company's shared parts exist. */
function bytesPerSnapshot(size: number, count = 5_000): number {
  const keys = companyKeys(size) // the company's numbers exist once, whatever its lines' snapshots
  gc()
  const before = process.memoryUsage().heapUsed
  const kept = compileMany(keys, count)
  gc()
  const after = process.memoryUsage().heapUsed
  expect(kept).toHaveLength(count)
  return (after - before) / count
}

describe('a line snapshot is O(1) in the size of its company', () => {
  it("references the company's numbers and the shared profile and holiday parts, never copies them", () => {
    const keys = companyKeys(1_000)
    const shared = { profile: compileProfileParts(profile, 11), holidayDays: holidayDaysOf(holidays, 11) }
    const [a, b] = ['5511900000000', '5511900000001'].map((msisdn, i) =>
      compileSnapshot(baseInput({ line: { id: String(i), msisdn, status: 'active', companyId: 'c1', accountId: 'a1' }, profile, companyLineKeys: keys, shared })),
    )
    expect(a.companyLineKeys).toBe(keys)
    expect(b.companyLineKeys).toBe(keys)
    expect(a.lists).toBe(b.lists)
    expect(a.limitUnits).toBe(b.limitUnits)
    expect(a.holidayDays).toBe(b.holidayDays)
    expect(a.offers).toBe(b.offers)
  })

  it('takes the same memory per line in a company of 100 lines and of 200 000', () => {
    const small = bytesPerSnapshot(100)
    const large = bytesPerSnapshot(200_000)
    expect(large).toBeLessThan(1_500)
    expect(large).toBeLessThan(small * 1.5 + 200)
  })
})
