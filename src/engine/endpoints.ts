/**
 * HTTP interface of the engine (SPEC "Public interface"), as Payload root endpoints:
 *   POST /api/engine/authorize  {line, service, destination, at?, units?} → {allow, granted, category, reason, hold?}
 *   POST /api/engine/usage      {events: [{id, line, service, destination, at, units, group?, hold?}]} (≤ 10 000)
 *   POST /api/engine/holds/:id  {used, more?} — a session's report and ask for more (Gy update)
 *   DELETE /api/engine/holds/:id — the call never connected: everything held returns
 *   GET  /api/engine/balance?line=<msisdn>
 *   POST /api/engine/simulate   {line, service, destination?, at?, units?} — the decision without counting
 *        anything (SPEC L "simulate a call"); whoever may read the line may simulate on it.
 * Authenticated (session or API key); a company user reaches only its companies' lines (404 otherwise).
 */
import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { z } from 'zod'
import { actorOf, engineScope, mayUseEngine, type EngineOperation } from '../access/policy'
import type { AccessUser } from '../access/roles'
import { CATEGORY_LABELS_PT } from '../domain/categories'
import { engineOnStoreFailure } from '../lib/settings'
import type { LineSnapshot } from './adapters/snapshots'
import { instantProblem, unitsProblem } from './bounds'
import { MSISDN_PATTERN, quickAuthorizeBody, quickUsageEvent, SERVICES } from './quickBody'
import type { Service } from './core'
import { registerEngineHttp, type EngineRoute } from './http'
import { StoreUnavailableError } from './adapters/counters'
import { answer, bodyOf, fieldErrors, invalidBody, json, messageBody, reply, type Answer } from './answers'
import { engineFor, type AuthorizeAnswer, type IngestEvent } from './service'

export const MAX_BATCH = 10_000

const msisdn = z.string().regex(MSISDN_PATTERN, 'MSISDN: 55 + DDD + 8 ou 9 dígitos')
const service = z.enum(SERVICES, { errorMap: () => ({ message: 'service: voice, sms, collect ou data' }) })
const instant = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const d = new Date(v)
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'data/hora inválida (ISO 8601 ou epoch ms)' })
      return z.NEVER
    }
    return d
  })
const units = z.number({ invalid_type_error: 'número' }).int('número inteiro').nonnegative('não negativo')

/** Per service ceilings on units and the accepted time window (./bounds.ts), as field errors. */
const withinBounds = (v: { service: Service; units?: number; at?: Date }, ctx: z.RefinementCtx) => {
  // Zod refines objects whose other fields already failed: check only what parsed.
  const units = typeof v.units === 'number' && typeof v.service === 'string' ? unitsProblem(v.service, v.units) : null
  if (units) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['units'], message: units })
  const at = v.at instanceof Date ? instantProblem(v.at) : null
  if (at) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['at'], message: at })
}

export const authorizeBody = z
  .object({
    line: msisdn,
    service,
    destination: z.string().max(40).optional(),
    at: instant.optional(),
    units: units.optional(),
  })
  .strict()
  .superRefine(withinBounds)

export const usageEvent = z
  .object({
    id: z.string().min(1, 'obrigatório').max(128),
    line: msisdn,
    service,
    destination: z.string().max(40).optional(),
    at: instant,
    units,
    group: z.string().max(64).optional(),
    hold: z.string().min(1).max(64).optional(),
  })
  .strict()
  .superRefine(withinBounds)

export const holdUpdateBody = z.object({ used: units, more: units.optional() }).strict()

const usageBody = z.object({ events: z.array(z.unknown()).max(MAX_BATCH, `no máximo ${MAX_BATCH} eventos por lote`) }).strict()

const invalid = (error: z.ZodError) => json(invalidBody(fieldErrors(error)), 400)
const notFoundBody = (line: string) => messageBody(`Linha ${line} não encontrada`)
const notFound = (line: string) => json(notFoundBody(line), 404)
const UNAUTHORIZED = messageBody('Autenticação necessária')
const FORBIDDEN = messageBody('Seu perfil não permite esta operação')

/** The line, when the user may run `op` on it (the roles table, src/access/policy.ts); null otherwise, as for an unknown line. */
async function lineFor(payload: Payload, user: AccessUser, op: EngineOperation, msisdn: string): Promise<LineSnapshot | null> {
  const ls = await (await engineFor(payload)).snapshots.byMsisdn(msisdn)
  return ls && mayUseEngine(op, user, ls) ? ls : null
}

/**
 * POST /engine/authorize, independent of the HTTP layer: the Payload endpoint below and
 * the server's low-latency path (./http.ts) both answer through it. `user` is what the
 * auth strategies found (a blocked user, or one with a temporary password, is nobody).
 */
export async function authorizeRequest(payload: Payload, user: unknown, body: unknown): Promise<Answer> {
  const who = caller(user, 'authorize')
  if ('refused' in who) return who.refused
  const quick = quickAuthorizeBody(body)
  const parsed = quick ? { success: true as const, data: quick } : authorizeBody.safeParse(body)
  if (!parsed.success) return answer(invalidBody(fieldErrors(parsed.error)), 400)
  const engine = await engineFor(payload)
  const ls = await lineFor(payload, who.actor, 'authorize', parsed.data.line)
  if (!ls) return answer(notFoundBody(parsed.data.line), 404)
  let d: AuthorizeAnswer
  try {
    d = await engine.authorize(ls, parsed.data)
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e
    if (engineOnStoreFailure() === 'deny') return answer(STORE_UNAVAILABLE, 503)
    d = await engine.authorizeWithoutStore(ls, parsed.data)
  }
  return answer(decisionBody(d))
}

const STORE_UNAVAILABLE = {
  allow: false,
  granted: 0,
  category: null,
  reason: { code: 'COUNTER_STORE_UNAVAILABLE', message: 'Contadores indisponíveis no momento: tente novamente em instantes.' },
  retryAfter: 1,
}

function decisionBody(d: AuthorizeAnswer) {
  const body: Record<string, unknown> = { allow: d.allow, granted: d.granted, category: d.category, reason: { code: d.reason.code, message: d.reason.message } }
  if (d.hold) body.hold = { id: d.hold.id, expiresAt: d.hold.expiresAt.toISOString() }
  return body
}

const holdNotFoundBody = (id: string) => messageBody(`Reserva ${id} não encontrada, já encerrada ou expirada`)

/** Who may run `op`, or the refusal: nobody (401), a role the rules table keeps out (403). */
function caller(user: unknown, op: EngineOperation): { actor: AccessUser } | { refused: Answer } {
  const actor = actorOf({ user })
  if (!actor) return { refused: answer(UNAUTHORIZED, 401) }
  if (engineScope(op, actor) === 'none') return { refused: answer(FORBIDDEN, 403) }
  return { actor }
}

/** The hold named in the path when it is live and on a line the caller reaches (same rule as authorize). */
async function reachableHold(payload: Payload, actor: AccessUser, id: string) {
  const engine = await engineFor(payload)
  const hold = await engine.holdOf(id)
  const ls = hold ? await lineFor(payload, actor, 'authorize', hold.meta.line) : null
  return { engine, hold: ls ? hold : null, ls }
}

/** Runs a hold operation; a counter store that does not answer is a 503 the network element can retry. */
async function withStore(f: () => Promise<Answer>): Promise<Answer> {
  try {
    return await f()
  } catch (e) {
    if (e instanceof StoreUnavailableError) return answer(STORE_UNAVAILABLE, 503)
    throw e
  }
}

/** POST /engine/holds/:id {used, more?}: a session's report and ask for more (Gy update). */
export async function holdUpdateRequest(payload: Payload, user: unknown, id: string, body: unknown): Promise<Answer> {
  return withStore(async () => {
    const who = caller(user, 'authorize')
    if ('refused' in who) return who.refused
    const parsed = holdUpdateBody.safeParse(body)
    if (!parsed.success) return answer(invalidBody(fieldErrors(parsed.error)), 400)
    const { engine, hold, ls } = await reachableHold(payload, who.actor, id)
    if (!hold || !ls) return answer(holdNotFoundBody(id), 404)
    const d = await engine.updateHold(ls, hold, parsed.data.used, parsed.data.more)
    return d ? answer(decisionBody(d)) : answer(holdNotFoundBody(id), 404)
  })
}

/** DELETE /engine/holds/:id: the call never connected, everything held returns. */
export async function holdReleaseRequest(payload: Payload, user: unknown, id: string): Promise<Answer> {
  return withStore(async () => {
    const who = caller(user, 'authorize')
    if ('refused' in who) return who.refused
    const { engine, hold } = await reachableHold(payload, who.actor, id)
    if (!hold) return answer(holdNotFoundBody(id), 404)
    const released = await engine.releaseHold(id)
    return released ? answer({ released: true, id, units: released.amount }) : answer(holdNotFoundBody(id), 404)
  })
}

/** POST /engine/usage {events}: each event checked on its own (rejected by index), the rest recorded. */
export async function usageRequest(payload: Payload, user: unknown, body: unknown): Promise<Answer> {
  const who = caller(user, 'usage')
  if ('refused' in who) return who.refused
  const parsed = usageBody.safeParse(body)
  if (!parsed.success) return answer(invalidBody(fieldErrors(parsed.error)), 400)
  const rejected: { index: number; error: string }[] = []
  const events: IngestEvent[] = []
  parsed.data.events.forEach((raw, index) => {
    const quick = quickUsageEvent(raw)
    if (quick) return void events.push({ index, ...quick })
    const e = usageEvent.safeParse(raw)
    if (!e.success) rejected.push({ index, error: fieldErrors(e.error).map((f) => `${f.path}: ${f.message}`).join('; ') })
    else events.push({ index, ...e.data })
  })
  const engine = await engineFor(payload)
  const cache = new Map<string, Promise<LineSnapshot | null>>()
  const result = await engine.ingest(events, (m) => {
    let f = cache.get(m)
    if (!f) cache.set(m, (f = lineFor(payload, who.actor, 'usage', m)))
    return f
  })
  return answer({
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected: [...rejected, ...result.rejected].sort((a, b) => a.index - b.index),
  })
}

const unauthorized = () => json(UNAUTHORIZED, 401)
const holdId = (req: PayloadRequest) => String(req.routeParams?.id ?? '')

/**
 * The engine's calls a network element makes per call or session, answered by the same
 * functions on both paths: the Payload endpoints below and the server's fast path (./http.ts).
 */
export const ENGINE_FAST_ROUTES: EngineRoute[] = [
  { method: 'POST', path: '/api/engine/authorize', handler: (payload, c) => authorizeRequest(payload, c.user, c.body) },
  { method: 'POST', path: '/api/engine/usage', handler: (payload, c) => usageRequest(payload, c.user, c.body) },
  { method: 'POST', path: '/api/engine/holds/:id', handler: (payload, c) => holdUpdateRequest(payload, c.user, c.params.id, c.body) },
  { method: 'DELETE', path: '/api/engine/holds/:id', handler: (payload, c) => holdReleaseRequest(payload, c.user, c.params.id) },
]

export const engineEndpoints: Endpoint[] = [
  {
    path: '/engine/authorize',
    method: 'post',
    handler: async (req) => reply(await authorizeRequest(req.payload, req.user, await bodyOf(req))),
  },
  {
    path: '/engine/holds/:id',
    method: 'post',
    handler: async (req) => reply(await holdUpdateRequest(req.payload, req.user, holdId(req), await bodyOf(req))),
  },
  {
    path: '/engine/holds/:id',
    method: 'delete',
    handler: async (req) => reply(await holdReleaseRequest(req.payload, req.user, holdId(req))),
  },
  {
    path: '/engine/usage',
    method: 'post',
    handler: async (req) => reply(await usageRequest(req.payload, req.user, await bodyOf(req))),
  },
  {
    path: '/engine/simulate',
    method: 'post',
    handler: async (req) => {
      const actor = actorOf(req)
      if (!actor) return unauthorized()
      const parsed = authorizeBody.safeParse(await bodyOf(req))
      if (!parsed.success) return invalid(parsed.error)
      const ls = await lineFor(req.payload, actor, 'simulate', parsed.data.line)
      if (!ls) return notFound(parsed.data.line)
      const engine = await engineFor(req.payload)
      const at = parsed.data.at ?? new Date()
      const d = await engine.simulate(ls, { ...parsed.data, at })
      return json({
        allow: d.allow,
        granted: d.granted,
        category: d.category,
        categoryLabel: d.category ? CATEGORY_LABELS_PT[d.category] : null,
        destination: d.destination ?? null,
        reason: { code: d.reason.code, message: d.reason.message },
        at: at.toISOString(),
        simulated: true,
      })
    },
  },
  {
    path: '/engine/balance',
    method: 'get',
    handler: async (req) => {
      const actor = actorOf(req)
      if (!actor) return unauthorized()
      const parsed = z.object({ line: msisdn, at: instant.optional() }).safeParse({
        line: req.searchParams.get('line') ?? undefined,
        at: req.searchParams.get('at') ?? undefined,
      })
      if (!parsed.success) return invalid(parsed.error)
      const ls = await lineFor(req.payload, actor, 'balance', parsed.data.line)
      if (!ls) return notFound(parsed.data.line)
      const engine = await engineFor(req.payload)
      return json(await engine.balance(ls, parsed.data.at))
    },
  },
]

// The custom server (server.mjs) serves these without going through Next.
registerEngineHttp(ENGINE_FAST_ROUTES)
