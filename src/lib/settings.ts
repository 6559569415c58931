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

// ── Engine and spend (src/engine, src/spend): read when asked, so a test may set them before. ──

/** A non-negative number from the environment; `fallback` when unset, empty, negative or not a number. */
const envNonNegative = (name: string, fallback: number): number => {
  const raw = process.env[name]
  const v = Number(raw)
  return raw !== undefined && raw !== '' && Number.isFinite(v) && v >= 0 ? v : fallback
}

/** Engine holds: voice holds last their granted seconds plus this grace (ENGINE_HOLD_GRACE_S, 60). */
export const engineHoldGraceS = (): number => envNonNegative('ENGINE_HOLD_GRACE_S', 60)
/** Engine holds: SMS and data holds last this (ENGINE_HOLD_TTL_S, 300). */
export const engineHoldTtlS = (): number => envNonNegative('ENGINE_HOLD_TTL_S', 300)
/** Longest authorize waits on the counter store (ENGINE_STORE_DEADLINE_MS, 225). */
export const engineStoreDeadlineMs = (): number => envNonNegative('ENGINE_STORE_DEADLINE_MS', 225)
/** Counter reconciliation period in seconds, 0 = only when called (ENGINE_RECONCILE_S; default by store). */
export const engineReconcileS = (fallback: number): number => envNonNegative('ENGINE_RECONCILE_S', fallback)
/** Timeout of each Redis command (ENGINE_STORE_TIMEOUT_MS, 150). */
export const engineStoreTimeoutMs = (): number => Number(process.env.ENGINE_STORE_TIMEOUT_MS ?? 150)
/** Prefix of the engine's Redis keys (REDIS_PREFIX, 'gol:engine:'). */
export const redisPrefix = (): string => process.env.REDIS_PREFIX ?? 'gol:engine:'
/** What authorize answers when the counter store is unreachable or slow (ENGINE_ON_STORE_FAILURE: deny, or allow). */
export const engineOnStoreFailure = (): 'deny' | 'allow' => (process.env.ENGINE_ON_STORE_FAILURE === 'allow' ? 'allow' : 'deny')
/** How long the engine's fast path keeps the user a credential authenticates as (ENGINE_AUTH_CACHE_MS, 5 000). */
export const engineAuthCacheMs = (): number => Number(process.env.ENGINE_AUTH_CACHE_MS ?? 5_000)
/** Lines whose snapshots the engine keeps at most, whole companies dropped beyond (ENGINE_SNAPSHOT_MAX_LINES, 2 000 000). */
export const engineSnapshotMaxLines = (): number => Number(process.env.ENGINE_SNAPSHOT_MAX_LINES ?? 2_000_000)
/** Per-event ceilings and the accepted time window of the engine's events (src/engine/bounds.ts). */
export const engineBound = (name: 'ENGINE_MAX_SMS' | 'ENGINE_MAX_DATA_BYTES' | 'ENGINE_MAX_CALL_SECONDS' | 'ENGINE_MAX_PAST_DAYS' | 'ENGINE_MAX_FUTURE_MINUTES', fallback: number): number =>
  envNonNegative(name, fallback)
/** Timings of each usage batch's SQL in the log (ENGINE_PROFILE, unset). */
export const engineProfile = (): boolean => Boolean(process.env.ENGINE_PROFILE)
/** Where the engine POSTs its notices besides the outbox (NOTIFY_WEBHOOK_URL, unset). */
export const notifyWebhookUrl = (): string | undefined => process.env.NOTIFY_WEBHOOK_URL || undefined
/** Seconds a process keeps a company's tariffs (TARIFF_CACHE_S, 5). */
export const tariffCacheS = (): number => envNonNegative('TARIFF_CACHE_S', 5)
/** Seconds a process keeps a company's spend caps (SPEND_CACHE_S, 5). */
export const spendCacheS = (): number => envNonNegative('SPEND_CACHE_S', 5)
/** Spend alerts after each usage batch (SPEND_ALERTS=off turns them off). */
export const spendAlertsEnabled = (): boolean => process.env.SPEND_ALERTS !== 'off'
/** Spike alerts: a day's cost at least SPIKE_FACTOR (3) × the mean and SPIKE_MIN_CENTS (500) above it. */
export const spikeSetting = (name: 'SPIKE_FACTOR' | 'SPIKE_MIN_CENTS', fallback: number): number => (process.env[name] ? Number(process.env[name]) : fallback)
/** Tries of a spend alert's webhook delivery (SPEND_WEBHOOK_ATTEMPTS, 6; at least 1). */
export const spendWebhookAttempts = (): number => Math.max(1, Number(process.env.SPEND_WEBHOOK_ATTEMPTS ?? 6))
/** First retry delay of a spend alert's webhook delivery, doubling after (SPEND_WEBHOOK_DELAY_MS, 2 000). */
export const spendWebhookDelayMs = (): number => Number(process.env.SPEND_WEBHOOK_DELAY_MS ?? 2000)

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
