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

// ── Numbers: one reader for every numeric setting. ──

const warned = new Set<string>()

/**
 * A numeric setting: `fallback` when the variable is unset or empty. A value that is not a
 * number, or is below `min`, is a mistake in the deployment's environment: it is reported once
 * (naming the variable) and `fallback` is used, so a typo never becomes NaN or a negative timeout.
 */
export const numberSetting = (name: string, fallback: number, min = 0): number => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (Number.isFinite(value) && value >= min) return value
  if (!warned.has(name)) {
    warned.add(name)
    console.warn(`Configuração inválida: ${name}=${JSON.stringify(raw)} (esperado um número ≥ ${min}); usando ${fallback}.`)
  }
  return fallback
}

export const smtpUrl = (): string | undefined => process.env.SMTP_URL || undefined
export const redisUrl = (): string | undefined => process.env.REDIS_URL || undefined
export const port = (): number => numberSetting('PORT', 3000)
export const publicUrl = (): string => process.env.PUBLIC_URL || `http://localhost:${port()}`

// ── Engine and spend (src/engine, src/spend): read when asked, so a test may set them before. ──

/** Engine holds: voice holds last their granted seconds plus this grace (ENGINE_HOLD_GRACE_S, 60). */
export const engineHoldGraceS = (): number => numberSetting('ENGINE_HOLD_GRACE_S', 60)
/** Engine holds: SMS and data holds last this (ENGINE_HOLD_TTL_S, 300). */
export const engineHoldTtlS = (): number => numberSetting('ENGINE_HOLD_TTL_S', 300)
/** Longest authorize waits on the counter store (ENGINE_STORE_DEADLINE_MS, 225). */
export const engineStoreDeadlineMs = (): number => numberSetting('ENGINE_STORE_DEADLINE_MS', 225)
/** Counter reconciliation period in seconds, 0 = only when called (ENGINE_RECONCILE_S; default by store). */
export const engineReconcileS = (fallback: number): number => numberSetting('ENGINE_RECONCILE_S', fallback)
/** Timeout of each Redis command (ENGINE_STORE_TIMEOUT_MS, 150). */
export const engineStoreTimeoutMs = (): number => numberSetting('ENGINE_STORE_TIMEOUT_MS', 150)
/** Prefix of the engine's Redis keys (REDIS_PREFIX, 'gol:engine:'). */
export const redisPrefix = (): string => process.env.REDIS_PREFIX ?? 'gol:engine:'
/** What authorize answers when the counter store is unreachable or slow (ENGINE_ON_STORE_FAILURE: deny, or allow). */
export const engineOnStoreFailure = (): 'deny' | 'allow' => (process.env.ENGINE_ON_STORE_FAILURE === 'allow' ? 'allow' : 'deny')
/** How long the engine's fast path keeps the user a credential authenticates as (ENGINE_AUTH_CACHE_MS, 5 000). */
export const engineAuthCacheMs = (): number => numberSetting('ENGINE_AUTH_CACHE_MS', 5_000)
/** Lines whose snapshots the engine keeps at most, whole companies dropped beyond (ENGINE_SNAPSHOT_MAX_LINES, 2 000 000). */
export const engineSnapshotMaxLines = (): number => numberSetting('ENGINE_SNAPSHOT_MAX_LINES', 2_000_000)
/** Per-event ceilings and the accepted time window of the engine's events (src/engine/bounds.ts). */
export const engineBound = (name: 'ENGINE_MAX_SMS' | 'ENGINE_MAX_DATA_BYTES' | 'ENGINE_MAX_CALL_SECONDS' | 'ENGINE_MAX_PAST_DAYS' | 'ENGINE_MAX_FUTURE_MINUTES', fallback: number): number =>
  numberSetting(name, fallback)
/** Timings of each usage batch's SQL in the log (ENGINE_PROFILE, unset). */
export const engineProfile = (): boolean => Boolean(process.env.ENGINE_PROFILE)
/** Where the engine POSTs its notices besides the outbox (NOTIFY_WEBHOOK_URL, unset). */
export const notifyWebhookUrl = (): string | undefined => process.env.NOTIFY_WEBHOOK_URL || undefined
/** Seconds a process keeps a company's tariffs (TARIFF_CACHE_S, 5). */
export const tariffCacheS = (): number => numberSetting('TARIFF_CACHE_S', 5)
/** Seconds a process keeps a company's spend caps (SPEND_CACHE_S, 5). */
export const spendCacheS = (): number => numberSetting('SPEND_CACHE_S', 5)
/** Spend alerts after each usage batch (SPEND_ALERTS=off turns them off). */
export const spendAlertsEnabled = (): boolean => process.env.SPEND_ALERTS !== 'off'
/** Spike alerts: a day's cost at least SPIKE_FACTOR (3) × the mean and SPIKE_MIN_CENTS (500) above it. */
export const spikeSetting = (name: 'SPIKE_FACTOR' | 'SPIKE_MIN_CENTS', fallback: number): number => numberSetting(name, fallback)
/** Tries of a spend alert's webhook delivery (SPEND_WEBHOOK_ATTEMPTS, 6; at least 1). */
export const spendWebhookAttempts = (): number => numberSetting('SPEND_WEBHOOK_ATTEMPTS', 6, 1)
/** First retry delay of a spend alert's webhook delivery, doubling after (SPEND_WEBHOOK_DELAY_MS, 2 000). */
export const spendWebhookDelayMs = (): number => numberSetting('SPEND_WEBHOOK_DELAY_MS', 2000)

// ---------------------------------------------------------------- the rest of the environment
// Every other setting of the server code is read here too, each with its default. Read on each call.

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
export const reportRetryDelayMs = (): number => numberSetting('REPORT_RETRY_DELAY_MS', 5000)
export const reportKeepDays = (): number => numberSetting('REPORT_KEEP_DAYS', 30)
export const reportViewMaxRows = (): number => numberSetting('REPORT_VIEW_MAX_ROWS', 100_000)
export const reportsDirSetting = (): string | undefined => process.env.GOL_REPORTS_DIR || undefined
export const backupsDirSetting = (): string | undefined => process.env.GOL_BACKUPS_DIR || undefined
export const restoreStaleMinutes = (): number => numberSetting('RESTORE_STALE_MINUTES', 10)
export const restoreBatchSize = (): number => numberSetting('RESTORE_BATCH_SIZE', 500, 1)
