/**
 * Small helpers shared by the admin's bulk endpoints (distribution grid, spreadsheet
 * import): JSON answers in Payload's error shape, the body, and the acting user.
 */
import type { PayloadRequest } from 'payload'
import type { z } from 'zod'
import { actorOf, POLICIES, scopeOf, type Operation } from '../../access/policy'
import type { AccessUser } from '../../access/roles'

export interface FieldError {
  path: string
  message: string
}

export const json = (body: unknown, status = 200) => Response.json(body, { status })

/** 400 in Payload's validation shape: `errors[0].data.errors[] = {path, message}`. */
export const validationError = (errors: FieldError[], message = 'Os dados enviados são inválidos') =>
  json({ errors: [{ name: 'ValidationError', message, data: { errors } }] }, 400)

export const failure = (status: number, message: string) => json({ errors: [{ message }] }, status)

export const zodErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))

export async function bodyOf(req: PayloadRequest): Promise<unknown> {
  try {
    return req.json ? await req.json() : undefined
  } catch {
    return undefined
  }
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
