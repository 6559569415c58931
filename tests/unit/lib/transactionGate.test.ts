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

  it('a waiter goes ahead after the longest wait, so a stuck holder cannot hang the process', async () => {
    const gate = new TransactionGate(30)
    await gate.acquire() // never released
    const started = Date.now()
    const release = await gate.acquire()
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
    release()
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
