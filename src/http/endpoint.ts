/**
 * The endpoint toolkit of every collection's custom endpoints: JSON answers in Payload's
 * error shape (`{errors: [{message}]}`, field errors `{path, message}`), the body, zod issues
 * as field errors, the acting user, the request's transaction and "every matching document".
 */
import type { CollectionSlug, DataFromCollectionSlug, PayloadRequest, Where } from 'payload'
import { addDataAndFileToRequest } from 'payload'
import type { z } from 'zod'
import { actorOf, POLICIES, scopeOf, type Operation } from '../access/policy'
import type { AccessUser } from '../access/roles'

export interface FieldError {
  path: string
  message: string
}

export const json = (body: unknown, status = 200, headers?: Record<string, string>) => Response.json(body, headers ? { status, headers } : { status })

/** 400 in Payload's validation shape: `errors[0].data.errors[] = {path, message}`. */
export const validationError = (errors: FieldError[], message = 'Os dados enviados são inválidos', status = 400) =>
  json({ errors: [{ name: 'ValidationError', message, data: { errors } }] }, status)

export const failure = (status: number, message: string) => json({ errors: [{ message }] }, status)

/** `failure` with the message first: 400 unless told. */
export const problem = (message: string, status = 400) => failure(status, message)

export const zodErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))

export async function bodyOf(req: PayloadRequest): Promise<unknown> {
  try {
    return req.json ? await req.json() : undefined
  } catch {
    return undefined
  }
}

/** The body as Payload reads it for its own endpoints (JSON or form data; `{}` when empty). */
export async function dataOf<T = Record<string, unknown>>(req: PayloadRequest): Promise<T> {
  await addDataAndFileToRequest(req)
  return (req.data ?? {}) as T
}

/**
 * The acting user when it may do `op` on `slug` at all (roles table), else the error
 * answer to return: 401 without a usable session, 403 for a role with no scope.
 */
export function actorFor(req: PayloadRequest, slug: string, op: Operation): { user: AccessUser } | { response: Response } {
  const user = actorOf(req)
  if (!user) return { response: failure(401, 'Autenticação necessária') }
  if (scopeOf(POLICIES[slug], op, user) === 'none') return { response: failure(403, 'Você não tem permissão para esta ação') }
  return { user }
}

/** A Payload error's field messages (ValidationError `data.errors`), or its message. */
export function errorsOf(error: unknown, prefix = ''): FieldError[] {
  const e = error as { data?: { errors?: { path?: string; field?: string; message?: string }[] }; message?: string; status?: number }
  const list = e?.data?.errors
  if (Array.isArray(list) && list.length) {
    return list.map((x) => ({ path: prefix + String(x.path ?? x.field ?? ''), message: String(x.message ?? 'inválido') }))
  }
  const status = e?.status
  const message =
    status === 403 ? 'Você não tem permissão para alterar esta linha' : status === 404 ? 'Linha não encontrada' : String(e?.message ?? error)
  return [{ path: prefix.replace(/\.$/, '') || '(body)', message }]
}

export { withTransaction } from '../lib/transaction'

/**
 * Every document of `collection` matching `where`, unpaginated, at depth 0, typed by the
 * generated types: through the user's access (`access: true`) or bypassing it (server-side
 * counts and checks).
 */
export async function findAll<S extends CollectionSlug>(
  req: PayloadRequest,
  collection: S,
  where: Where,
  options: { access: boolean; select?: Record<string, true>; sort?: string },
): Promise<DataFromCollectionSlug<S>[]> {
  // `as CollectionSlug`: with a generic slug, Payload's find overloads are too complex for TypeScript (TS2590).
  const res = await req.payload.find({
    collection: collection as CollectionSlug,
    where,
    depth: 0,
    pagination: false,
    select: options.select,
    sort: options.sort,
    overrideAccess: !options.access,
    user: options.access ? req.user : undefined,
    req,
  })
  return res.docs as DataFromCollectionSlug<S>[]
}
