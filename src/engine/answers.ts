/**
 * The engine's (and spend's) JSON answers and body parsing, one place for both HTTP paths
 * (Payload endpoints and the server's fast path, ./http.ts).
 *
 * Field errors are `{path, message}` as in the rest of the API (Payload's ValidationError,
 * src/lib/errorData.ts), with `field` kept as an alias of `path` in the same object: integrators
 * read the engine's `field` since its first release (SPEC's public interface does not fix it).
 */
import type { z } from 'zod'
import { zodErrors } from '../http/endpoint'

export interface FieldError {
  path: string
  message: string
  /** The same as `path` (the engine's name for it before: kept for integrators). */
  field: string
}

/** A field error; `path` '' is the body itself. */
export const fieldError = (path: string, message: string): FieldError => ({ path, message, field: path })

/** A zod error's issues as field errors (the toolkit's, plus the `field` alias). */
export const fieldErrors = (error: z.ZodError): FieldError[] => zodErrors(error).map((e) => fieldError(e.path, e.message))

/** A 400's body: the field errors where Payload puts them (errors[0].data.errors) and, as before, under `fields`. */
export function invalidBody(errors: FieldError[], message = 'Dados inválidos') {
  return { errors: [{ message, data: { errors } }], fields: errors }
}

/** A body of one error message (`{errors: [{message}]}`, Payload's shape). */
export const messageBody = (message: string) => ({ errors: [{ message }] })

/** What a request function answers, independent of the HTTP layer. */
export interface Answer {
  status: number
  body: unknown
}

export const answer = (body: unknown, status = 200): Answer => ({ status, body })

/** An answer as a Web Response (Payload endpoints). */
export const reply = (a: Answer): Response => Response.json(a.body, { status: a.status })

/** A JSON Response and a Payload request's JSON body (undefined when absent or unreadable): the endpoint toolkit's. */
export { bodyOf, json } from '../http/endpoint'

/** A request's text as JSON; anything unreadable is `undefined` (answered by the body's checks as a field error). */
export function parseJson(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
