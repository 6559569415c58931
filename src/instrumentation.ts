/**
 * Next calls this once when the server starts: initialise Payload then (migrations,
 * demo data, the demo logins in the log) instead of on the first request. A database
 * that cannot take the migrations stops the server at once, with the fix in the log,
 * rather than serving errors (or waiting on Payload's prompt).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { getPayload } = await import('payload')
  const config = (await import('@payload-config')).default
  try {
    // cron: the jobs queue (when JOBS_AUTORUN allows) runs from the start, not from the first request.
    await getPayload({ config, cron: true })
  } catch (error) {
    if ((error as Error)?.name !== 'DevPushedDatabaseError') throw error
    console.error(`GOL: ${(error as Error).message}`)
    process.exit(1)
  }
}
