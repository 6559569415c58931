import type { PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

/**
 * Runs `fn` in the request's transaction: commits when it returns and `keep` (default: always)
 * says so, rolls back otherwise or when it throws (and rethrows). A transaction opened by a
 * caller is left to that caller to commit.
 */
export async function withTransaction<T>(req: PayloadRequest, fn: () => Promise<T>, keep: (result: T) => boolean = () => true): Promise<T> {
  const own = await initTransaction(req)
  try {
    const result = await fn()
    if (!keep(result)) await killTransaction(req)
    else if (own) await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
