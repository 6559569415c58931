import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Settings read from the environment (SPEC "Settings by environment"), with their defaults. */
export const DATA_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.GOL_DATA_DIR ?? 'data')

export const databaseUrl = (): string => process.env.DATABASE_URL || `file:${path.join(DATA_DIR, 'gol.db')}`

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export function databaseKind(url = databaseUrl()): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new Error(`DATABASE_URL não reconhecida (use file:…, postgres://… ou mongodb://…): ${url}`)
}

/** PAYLOAD_SECRET, or one generated once and kept under ./data so sessions survive restarts. */
export function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(DATA_DIR, 'secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(DATA_DIR, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/** Demo data on an empty database: on by default only for the embedded database. */
export const seedDemoEnabled = (): boolean =>
  process.env.SEED_DEMO != null ? /^(1|true|yes|on)$/i.test(process.env.SEED_DEMO) : !process.env.DATABASE_URL

export const smtpUrl = (): string | undefined => process.env.SMTP_URL || undefined
export const redisUrl = (): string | undefined => process.env.REDIS_URL || undefined
export const port = (): number => Number(process.env.PORT || 3000)
export const publicUrl = (): string => process.env.PUBLIC_URL || `http://localhost:${port()}`
