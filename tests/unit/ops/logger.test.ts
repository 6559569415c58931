import { Writable } from 'node:stream'
import { Forbidden } from 'payload'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { loggerConfig } from '../../../src/lib/logger'

/** A pino logger with our options writing JSON lines into an array. */
function capture() {
  const lines: string[] = []
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(...String(chunk).split('\n').filter(Boolean)), done()) })
  const logger = pino(loggerConfig().options as never, stream)
  return { logger, lines }
}

/** The Next build minifies class names: Payload then finds no log level for a Forbidden and logs it as an error with its stack. */
function minifiedForbidden() {
  class e extends Forbidden {}
  return new e()
}

afterEach(() => delete process.env.LOG_FORMAT)

describe('the logger', () => {
  it('writes an expected 4xx error as one info line without a stack, whatever its class is called', () => {
    const { logger, lines } = capture()
    const err = minifiedForbidden()
    expect(err.name).toBe('e')
    logger.error({ err })
    expect(lines).toHaveLength(1)
    const line = JSON.parse(lines[0])
    expect(line.level).toBe(30)
    expect(line.msg).toMatch(/^403 /)
    expect(lines[0]).not.toContain(' at ')
  })

  it('keeps a server error (5xx) at error level with its stack', () => {
    const { logger, lines } = capture()
    logger.error({ err: new Error('falhou') })
    expect(JSON.parse(lines[0]).level).toBe(50)
    expect(JSON.parse(lines[0]).err.stack).toContain('falhou')
  })

  it('LOG_FORMAT=json: one JSON object per line with an ISO time and the level name', () => {
    process.env.LOG_FORMAT = 'json'
    const { logger, lines } = capture()
    logger.error({ err: minifiedForbidden() })
    expect(JSON.parse(lines.shift()!)).toMatchObject({ level: 'info', status: 403 })
    logger.info({ requestId: 'r1' }, 'olá')
    const line = JSON.parse(lines[0])
    expect(line).toMatchObject({ level: 'info', msg: 'olá', requestId: 'r1' })
    expect(new Date(line.time).toISOString()).toBe(line.time)
  })
})
