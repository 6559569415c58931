/**
 * One write transaction at a time in this process, for SQLite.
 *
 * libsql opens a connection per transaction without the busy timeout, so two write
 * transactions of one process collide at once with SQLITE_BUSY; a busy timeout would not
 * help either, as libsql waits synchronously and the holder, in this same process, could
 * never finish. So transactions queue here instead. A waiter that has waited `maxWaitMs`
 * goes ahead anyway (the old behaviour): a transaction that never ends, or one opened
 * from inside another, must not hang the process.
 */
export class TransactionGate {
  private queue: (() => void)[] = []
  private holders = 0

  constructor(private readonly maxWaitMs = 10_000) {}

  /** True while some transaction of this process holds the gate. */
  get held(): boolean {
    return this.holders > 0
  }

  /** Waits for the gate; the returned function releases it (once). */
  async acquire(): Promise<() => void> {
    if (this.holders > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => (clearTimeout(timer), resolve())
        const timer = setTimeout(() => {
          this.queue = this.queue.filter((w) => w !== wake)
          resolve()
        }, this.maxWaitMs)
        timer.unref?.()
        this.queue.push(wake)
      })
    }
    this.holders++
    let released = false
    return () => {
      if (released) return
      released = true
      this.holders--
      if (this.holders === 0) this.queue.shift()?.()
    }
  }
}

/** The gate of this process's SQLite transactions (see src/lib/database.ts). */
export const sqliteTransactions = new TransactionGate()
