import { pbkdf2 as pbkdf2Callback, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

/**
 * Password hashes in Payload's own format (payload/dist/auth/strategies/local/
 * generatePasswordSaltHash.js: PBKDF2-SHA256, 600 000 rounds, 32 bytes, prefixed; older
 * hashes 25 000 rounds, 512 bytes), so a hash made here can be stored on a user and Payload's
 * login accepts it, and a stored hash can be checked without Payload's login (which writes
 * sessions and lockout counters).
 */
const pbkdf2 = promisify(pbkdf2Callback)
const PREFIX = 'pbkdf2-sha256-v1:'
const CURRENT = { iterations: 600_000, keyLength: 32 }
const LEGACY = { iterations: 25_000, keyLength: 512 }

export interface StoredPassword {
  hash?: string | null
  salt?: string | null
}

export async function hashPassword(password: string): Promise<{ hash: string; salt: string }> {
  const salt = randomBytes(32).toString('hex')
  const raw = await pbkdf2(password, salt, CURRENT.iterations, CURRENT.keyLength, 'sha256')
  return { hash: `${PREFIX}${raw.toString('hex')}`, salt }
}

export async function passwordMatches(stored: StoredPassword, password: string): Promise<boolean> {
  const { hash, salt } = stored
  if (typeof hash !== 'string' || typeof salt !== 'string' || typeof password !== 'string') return false
  const current = hash.startsWith(PREFIX)
  const { iterations, keyLength } = current ? CURRENT : LEGACY
  const expected = Buffer.from(current ? hash.slice(PREFIX.length) : hash, 'hex')
  const given = await pbkdf2(password, salt, iterations, keyLength, 'sha256')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** A temporary password that passes the password rule: letters and digits, no look-alikes. */
export function temporaryPassword(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
  const digits = '23456789'
  const pick = (set: string, n: number) => Array.from({ length: n }, () => set[randomInt(0, set.length)]).join('')
  return `${pick(letters, 6)}${pick(digits, 3)}${pick(letters, 1)}`
}
