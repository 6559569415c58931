/**
 * Next calls this once when the server starts: initialise Payload then (migrations,
 * demo data, the demo logins in the log) instead of on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { getPayload } = await import('payload')
  const config = (await import('@payload-config')).default
  await getPayload({ config })
}
