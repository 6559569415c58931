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

// ---------------------------------------------------------------- the rest of the environment
// Every other setting of the server code is read here too, each with its exact default
// (`|| d`: unset or empty gives the default; `?? d`: only unset does). Read on each call, as before.

/** A numeric setting: the variable's value, or `fallback` when it is unset or empty. */
export const numberSetting = (name: string, fallback: number): number => Number(process.env[name] || fallback)

export const serverUrl = (): string | undefined => process.env.PUBLIC_URL || undefined
export const trustProxy = (): string => process.env.TRUST_PROXY ?? ''
export const mailFrom = (): string => process.env.MAIL_FROM || 'noreply-gol-seguranca@gol.local'
export const logFormatJson = (): boolean => process.env.LOG_FORMAT === 'json'
export const logLevel = (): string => process.env.LOG_LEVEL || 'info'
export const healthTimeoutMs = (): number => numberSetting('HEALTH_TIMEOUT_MS', 2000)

/** Database schema by migrations (production, or GOL_DB_MIGRATE=true) instead of Payload's push. */
export const schemaByMigrations = (): boolean => process.env.NODE_ENV === 'production' || process.env.GOL_DB_MIGRATE === 'true'
export const dbPushOff = (): boolean => process.env.GOL_DB_PUSH === 'false'
export const payloadMigrating = (): boolean => process.env.PAYLOAD_MIGRATING === 'true'
export const pgPoolMax = (): number => numberSetting('PG_POOL_MAX', 10)

/** JOBS_AUTORUN: jobs in the app process (default, except under Vitest) or only in workers. */
export const jobsAutoRunEnabled = (): boolean =>
  process.env.JOBS_AUTORUN != null ? !/^(0|false|no|off)$/i.test(process.env.JOBS_AUTORUN) : !process.env.VITEST

export const reportAttempts = (): number => numberSetting('REPORT_ATTEMPTS', 3)
export const reportRetryDelayMs = (): number => Number(process.env.REPORT_RETRY_DELAY_MS ?? 5000)
export const reportKeepDays = (): number => numberSetting('REPORT_KEEP_DAYS', 30)
export const reportViewMaxRows = (): number => numberSetting('REPORT_VIEW_MAX_ROWS', 100_000)
export const reportsDirSetting = (): string | undefined => process.env.GOL_REPORTS_DIR || undefined
export const backupsDirSetting = (): string | undefined => process.env.GOL_BACKUPS_DIR || undefined
export const restoreStaleMinutes = (): number => Number(process.env.RESTORE_STALE_MINUTES ?? 10)
export const restoreBatchSize = (): number => Math.max(1, Number(process.env.RESTORE_BATCH_SIZE) || 500)
