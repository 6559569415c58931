import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryCounterStore } from '../../../src/engine/adapters/counters'
import type { NoticeGateway, StoredNotice } from '../../../src/engine/adapters/notify'
import { Engine, type IngestEvent } from '../../../src/engine/service'
import { startTestApp, type TestApp } from '../../helpers/app'
import { makeWorld, type World } from '../../helpers/world'

let app: TestApp
let world: World

// Tuesday 2026-11-24 12:00 São Paulo; company renewal day 16 → cycle 2026-11-16.
const AT = new Date('2026-11-24T15:00:00.000Z')

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  // A 10-minute franchise on each of three lines of company A.
  for (const line of world.a.lines.slice(0, 3)) {
    await app.payload.create({
      collection: 'offers' as never,
      data: { company: world.a.company.id, account: world.a.account.id, line: line.id, offer: 'Claro Pós', package: 'Voz 10 min', kind: 'individual', unit: 'minutes', amount: 10 } as never,
      overrideAccess: true,
    })
  }
})
afterAll(async () => app?.close())

/** An engine of its own (another instance, or this one restarted) whose gateway records what it delivers. */
function instance() {
  const delivered: StoredNotice[] = []
  const gateway: NoticeGateway = { channel: 'outbox', deliver: async (_payload, notices) => void delivered.push(...notices) }
  const engine = new Engine(app.payload, new MemoryCounterStore(), gateway, { reconcileS: 0 })
  const ingest = (events: Omit<IngestEvent, 'index' | 'service' | 'destination' | 'at'>[]) =>
    engine.ingest(
      events.map((e, index) => ({ index, service: 'voice', destination: '02111987654321', at: AT, ...e })),
      (m) => engine.snapshots.byMsisdn(m),
    )
  return { engine, delivered, ingest }
}

const msisdn = (i: number) => String(world.a.lines[i].msisdn)

describe('notices already sent, known per company', () => {
  it('each notice is delivered once across instances, even when another instance sends it after this one read the company', async () => {
    const first = instance()
    const second = instance()
    // Line 0 reaches 60 % on the first instance.
    expect((await first.ingest([{ id: 'n-1', line: msisdn(0), units: 360 }])).accepted).toBe(1)
    expect(first.delivered.map((n) => n.threshold)).toEqual([60])
    // The second instance reads the company's sent notices (line 0's among them) with its first batch, on line 2.
    await second.ingest([{ id: 'n-2', line: msisdn(2), units: 10 }])
    // Meanwhile the first instance sends line 1's 60 % notice.
    await first.ingest([{ id: 'n-3', line: msisdn(1), units: 360 }])
    expect(first.delivered.map((n) => n.threshold)).toEqual([60, 60])
    // The second instance now rates lines 0 and 1: line 0's notice it knew, line 1's it finds recorded.
    const res = await second.ingest([
      { id: 'n-4', line: msisdn(0), units: 10 },
      { id: 'n-5', line: msisdn(1), units: 10 },
    ])
    expect(res.accepted).toBe(2)
    expect(second.delivered).toEqual([])
    // Line 2 reaching 60 % on the second instance is delivered, once.
    await second.ingest([{ id: 'n-6', line: msisdn(2), units: 350 }])
    await second.ingest([{ id: 'n-7', line: msisdn(2), units: 10 }])
    expect(second.delivered.map((n) => [n.msisdn, n.threshold])).toEqual([[msisdn(2), 60]])
    const rows = await app.payload.find({ collection: 'notifications' as never, where: { company: { equals: world.a.company.id } } as never, pagination: false, overrideAccess: true })
    expect(rows.docs.map((d: any) => `${d.msisdn}|${d.threshold}`).sort()).toEqual([msisdn(0), msisdn(1), msisdn(2)].map((m) => `${m}|60`).sort())
    await first.engine.close()
    await second.engine.close()
  })
})
