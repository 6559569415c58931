/**
 * One write transaction at a time in this process, for SQLite.
 *
 * libsql waits for a busy database synchronously, so a holder in this same process could
 * never finish while another of its transactions waits on the lock: transactions queue here
 * instead. A queue of any length is fine; only a holder that has held the gate for
 * `maxHoldMs` (a transaction that never ends, or one opened from inside another) lets the
 * next waiter go ahead anyway, so it cannot hang the process. Counting from the holder's
 * start, not the waiter's, matters: under load a long queue of short transactions (e-mails
 * kept in the outbox after a batch's notices) would otherwise let waiters in beside a
 * running transaction, and they fail at once with SQLITE_BUSY.
 */
export class TransactionGate {
  private queue: (() => void)[] = []
  private holders = 0
  private heldSince = 0
  private watchdog: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly maxHoldMs = 10_000) {}

  /** True while some transaction of this process holds the gate. */
  get held(): boolean {
    return this.holders > 0
  }

  /** Waits for the gate; the returned function releases it (once). */
  async acquire(): Promise<() => void> {
    if (this.holders > 0) {
      await new Promise<void>((resolve) => {
        this.queue.push(resolve)
        this.watch()
      })
    }
    this.holders++
    this.heldSince = Date.now()
    let released = false
    return () => {
      if (released) return
      released = true
      this.holders--
      if (this.holders === 0) this.queue.shift()?.()
    }
  }

  /** While someone waits, checks that the holder has not held the gate for too long. */
  private watch(): void {
    if (this.watchdog || !this.queue.length) return
    const left = Math.max(0, this.heldSince + this.maxHoldMs - Date.now())
    this.watchdog = setTimeout(() => {
      this.watchdog = null
      if (!this.queue.length) return
      if (this.holders > 0 && Date.now() - this.heldSince >= this.maxHoldMs) this.queue.shift()?.()
      this.watch()
    }, left)
    this.watchdog.unref?.()
  }
}

/** The gate of this process's SQLite transactions (see src/lib/database.ts). */
export const sqliteTransactions = new TransactionGate()
