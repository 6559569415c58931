/**
 * The counter store the settings name, chosen once at start: Redis when REDIS_URL is set, else
 * in process. Kept apart from ./counters.ts (the interface and the memory store) so that
 * ./redisCounters.ts, which implements that interface, is not imported back by it.
 */
import { engineStoreTimeoutMs, redisPrefix, redisUrl } from '../../lib/settings'
import { guarded, MemoryCounterStore, type CounterStore } from './counters'

/** The store named by the environment: Redis when REDIS_URL is set, else in process. */
export async function counterStoreFromEnv(): Promise<CounterStore> {
  const url = redisUrl()
  if (!url) return new MemoryCounterStore()
  const { RedisCounterStore } = await import('./redisCounters')
  const timeout = engineStoreTimeoutMs()
  return guarded(await RedisCounterStore.connect(url, redisPrefix(), timeout), timeout + 25)
}
