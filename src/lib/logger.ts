import { defaultLoggerOptions } from 'payload'
import { logFormatJson, logLevel } from './settings'

type PinoOptions = { level?: string; hooks?: { logMethod?: (this: any, args: unknown[], method: (...a: unknown[]) => void, level: number) => void }; [k: string]: unknown }

/** LOG_FORMAT=json: one JSON object per line (for log collectors); otherwise Payload's coloured lines. */
export const jsonLogs = (): boolean => logFormatJson()

const INFO = 30

/**
 * The HTTP status of an error answered as an expected client error (4xx). Payload logs errors
 * it has no level for at "error" with their stack, and finds the level by the class name —
 * which the Next build minifies — so a 403 of an anonymous GET wrote a 30-line stack trace.
 */
export function clientErrorStatus(value: unknown): number | undefined {
  const err = value instanceof Error ? value : (value as { err?: unknown } | null)?.err
  const status = (err as { status?: unknown } | undefined)?.status
  return err instanceof Error && typeof status === 'number' && status >= 400 && status < 500 ? status : undefined
}

/**
 * pino's options for Payload's logger (config `logger`): expected client errors are written as
 * one info line (status and message), never with a stack; JSON lines under LOG_FORMAT=json
 * with ISO times and level names.
 */
export function loggerConfig(): { options: PinoOptions; destination?: typeof defaultLoggerOptions } {
  const options: PinoOptions = {
    level: logLevel(),
    hooks: {
      logMethod(args, method, level) {
        const status = level > INFO ? clientErrorStatus(args[0]) : undefined
        if (status === undefined) return method.apply(this, args)
        const err = (args[0] instanceof Error ? args[0] : (args[0] as { err: Error }).err) as Error
        // The status as a field only in JSON: the text format would print it on a line of its own.
        if (jsonLogs()) this.info({ status }, `${status} ${err.message}`)
        else this.info(`${status} ${err.message}`)
      },
    },
  }
  if (!jsonLogs()) return { options, destination: defaultLoggerOptions }
  return {
    options: {
      ...options,
      base: { pid: process.pid },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
    },
  }
}
