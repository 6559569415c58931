import type { AfterErrorHook } from 'payload'

/**
 * Keeps the field errors (`errors[0].data.errors: [{path, message}]`) of a 400 in the built
 * app. Payload's REST answer adds an error's `data` only when it is `instanceof` its own
 * ValidationError/APIError; in the Next build the config (loaded by the instrumentation) and
 * the API route hold separate copies of those classes, so an error thrown by a hook of ours
 * (reports' `params.to` …) arrived as a bare "The following field is invalid: params.to".
 * Only errors already answered with their own message (public ones) get their data back
 * (named ValidationError: the build minifies class names).
 */
export const keepErrorData: AfterErrorHook = ({ error, result }) => {
  const e = error as Error & { data?: Record<string, unknown> }
  const first = result?.errors?.[0] as { message?: string; data?: unknown } | undefined
  if (!result || !first || first.data || !e.data || typeof e.data !== 'object' || first.message !== e.message) return
  return { response: { ...result, errors: [{ name: 'ValidationError', data: e.data, message: e.message }, ...result.errors.slice(1)] } }
}
