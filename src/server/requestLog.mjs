/**
 * One JSON line per API request when LOG_FORMAT=json (src/lib/logger.ts writes Payload's own
 * lines in the same shape): request id (the caller's `x-request-id`, or a new one, echoed in
 * the answer), method, path, status, duration, and the user and company that Payload noted
 * while answering (src/ops/requestContext.ts reads the AsyncLocalStorage registered here).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

const REQUEST = Symbol.for('gol.request')
/** @type {AsyncLocalStorage<{ userId?: string | number, companyId?: string | number }>} */
const storage = (globalThis[REQUEST] ??= new AsyncLocalStorage())

export const jsonLogs = () => process.env.LOG_FORMAT === 'json'

/**
 * Runs `next` for the request inside its log record, and writes the record when the answer is
 * sent. Only /api/ requests are logged (pages and assets would drown them).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {() => void} next
 */
export function withRequestLog(req, res, next) {
  if (!jsonLogs() || !req.url?.startsWith('/api/')) return next()
  const started = process.hrtime.bigint()
  const header = req.headers['x-request-id']
  const requestId = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID()
  req.headers['x-request-id'] = requestId
  res.setHeader('x-request-id', requestId)
  const record = {}
  res.once('close', () => {
    const line = {
      level: res.statusCode >= 500 ? 'error' : 'info',
      time: new Date().toISOString(),
      pid: process.pid,
      msg: 'request',
      requestId,
      method: req.method,
      path: req.url.split('?')[0],
      status: res.statusCode,
      durationMs: Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)),
      userId: record.userId ?? null,
      companyId: record.companyId ?? null,
      ...(res.writableFinished ? {} : { aborted: true }),
    }
    process.stdout.write(`${JSON.stringify(line)}\n`)
  })
  storage.run(record, next)
}
