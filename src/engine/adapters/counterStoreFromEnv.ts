/**
 * The counter store the settings name, chosen once at start: Redis when REDIS_URL is set, else
 * in process. Kept apart from ./counters.ts (the interface and the memory store) so that
 * ./redisCounters.ts, which implements that interface, is not imported back by it.
 */
import { guarded, MemoryCounterStore, type CounterStore } from './counters'

/** The store named by the environment: Redis when REDIS_URL is set, else in process. */
export async function counterStoreFromEnv(): Promise<CounterStore> {
  const url = process.env.REDIS_URL
  if (!url) return new MemoryCounterStore()
  const { RedisCounterStore } = await import('./redisCounters')
  const timeout = Number(process.env.ENGINE_STORE_TIMEOUT_MS ?? 150)
  return guarded(await RedisCounterStore.connect(url, process.env.REDIS_PREFIX ?? 'gol:engine:', timeout), timeout + 25)
}
