import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { redisUrl } from '../lib/settings'

/**
 * Rate limits of A6, per client address and per account (CPF or e-mail). In memory per
 * process; with REDIS_URL set and the `ioredis` package installed, shared in Redis.
 */
type Name = 'loginIp' | 'loginAccount' | 'otpIp' | 'recoverIp' | 'recoverAccount'
const LIMITS: Record<Name, { points: number; duration: number }> = {
  loginIp: { points: 30, duration: 15 * 60 },
  loginAccount: { points: 10, duration: 15 * 60 },
  otpIp: { points: 30, duration: 15 * 60 },
  recoverIp: { points: 10, duration: 60 * 60 },
  recoverAccount: { points: 3, duration: 60 * 60 },
}

let limiters: Promise<Record<Name, RateLimiterAbstract>> | undefined

async function build(): Promise<Record<Name, RateLimiterAbstract>> {
  const url = redisUrl()
  let make = (name: Name): RateLimiterAbstract => new RateLimiterMemory({ keyPrefix: `gol-${name}`, ...LIMITS[name] })
  if (url) {
    try {
      const { RateLimiterRedis } = await import('rate-limiter-flexible')
      const moduleName = 'ioredis'
      const Redis = ((await import(moduleName)) as { default: new (url: string, opts: object) => unknown }).default
      const client = new Redis(url, { enableOfflineQueue: false })
      const memory = make
      make = (name) =>
        new RateLimiterRedis({ storeClient: client, keyPrefix: `gol-${name}`, insuranceLimiter: memory(name), ...LIMITS[name] })
    } catch {
      console.warn('REDIS_URL definido, mas o pacote ioredis não está instalado: limites de tentativas ficam em memória')
    }
  }
  return Object.fromEntries((Object.keys(LIMITS) as Name[]).map((n) => [n, make(n)])) as Record<Name, RateLimiterAbstract>
}

export class RateLimited extends Error {
  constructor(public retryAfterSeconds: number) {
    super('Muitas tentativas. Aguarde alguns minutos e tente novamente.')
  }
}

/** Consumes one point of each limit; throws RateLimited when any is exhausted. */
export async function consume(checks: [Name, string | undefined][]): Promise<void> {
  limiters ??= build()
  const all = await limiters
  for (const [name, key] of checks) {
    if (!key) continue
    try {
      await all[name].consume(key)
    } catch (e) {
      const ms = (e as { msBeforeNext?: number }).msBeforeNext
      if (typeof ms === 'number') throw new RateLimited(Math.ceil(ms / 1000))
      throw e
    }
  }
}
