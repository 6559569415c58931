/** The parts of an offer that size an account's shared data pool. */
interface PoolOffer {
  unit?: unknown
  amount?: unknown
}

/**
 * The shared data pool of an account (G) is every shared offer of it counted in MB,
 * summed: the engine, the quota checks, the distribution grid and the import agree on it.
 */
export const poolOffers = <T>(sharedOffers: T[]): T[] => sharedOffers.filter((o) => (o as PoolOffer).unit === 'mb')

export const poolTotalMB = <T>(sharedOffers: T[]): number =>
  poolOffers(sharedOffers).reduce((sum, o) => sum + Number((o as PoolOffer).amount ?? 0), 0)
