import { describe, expect, it } from 'vitest'
import { TransactionGate } from '../../../src/lib/transactionGate'

const tick = () => new Promise((r) => setTimeout(r, 5))

describe('TransactionGate', () => {
  it('lets one holder in at a time, in arrival order', async () => {
    const gate = new TransactionGate()
    const order: string[] = []
    const run = async (name: string) => {
      const release = await gate.acquire()
      order.push(`${name} in`)
      await tick()
      order.push(`${name} out`)
      release()
    }
    await Promise.all([run('a'), run('b'), run('c')])
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out'])
    expect(gate.held).toBe(false)
  })

  it('a waiter goes ahead once the holder has held the gate too long, so a stuck holder cannot hang the process', async () => {
    const gate = new TransactionGate(30)
    await gate.acquire() // never released
    const started = Date.now()
    const release = await gate.acquire()
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
    release()
  })

  it('a long queue of short holders never runs two at once, however long the last one waits', async () => {
    const gate = new TransactionGate(30)
    let inside = 0
    let most = 0
    const run = async () => {
      const release = await gate.acquire()
      most = Math.max(most, ++inside)
      await new Promise((r) => setTimeout(r, 10))
      inside--
      release()
    }
    const started = Date.now()
    await Promise.all(Array.from({ length: 10 }, run))
    expect(Date.now() - started).toBeGreaterThanOrEqual(90) // the last waited three times the limit
    expect(most).toBe(1)
  })

  it('releasing twice frees the gate once', async () => {
    const gate = new TransactionGate()
    const release = await gate.acquire()
    release()
    release()
    expect(gate.held).toBe(false)
    const again = await gate.acquire()
    expect(gate.held).toBe(true)
    again()
  })
})
