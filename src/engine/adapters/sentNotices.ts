type Id = string | number

/**
 * Keys of the notices already sent, per line and cycle, for the cycles the engine saw last:
 * a line keeps its two latest cycles (late usage of the previous one still arrives); older
 * ones are read again from the database if ever needed.
 */
export class SentNotices {
  private byLine = new Map<string, Map<string, Set<string>>>()

  get(line: Id, cycleKey: string): Set<string> | undefined {
    return this.byLine.get(String(line))?.get(cycleKey)
  }

  remember(line: Id, cycleKey: string, keys: Set<string>): Set<string> {
    let cycles = this.byLine.get(String(line))
    if (!cycles) this.byLine.set(String(line), (cycles = new Map()))
    const known = cycles.get(cycleKey)
    if (known) return known
    cycles.set(cycleKey, keys)
    // Cycle keys are 'YYYY-MM-DD': the smallest is the oldest.
    if (cycles.size > 2) cycles.delete([...cycles.keys()].sort()[0])
    return keys
  }
}
