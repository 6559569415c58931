import { numberSetting } from '../lib/settings'

/**
 * Request body limits (README "Security"): every route reads at most MAX_BODY_BYTES
 * (default 4 MiB, enough for a 10 000-event usage batch); the spreadsheet import
 * (`POST /api/lines/import`, a base64 file inside JSON) at most MAX_UPLOAD_BYTES (default 16 MiB).
 */
export const MAX_BODY_BYTES = Math.floor(numberSetting('MAX_BODY_BYTES', 4 * 2 ** 20, 1))
export const MAX_UPLOAD_BYTES = Math.max(MAX_BODY_BYTES, Math.floor(numberSetting('MAX_UPLOAD_BYTES', 16 * 2 ** 20, 1)))

/** Routes whose bodies carry a file. */
const UPLOAD_ROUTES = new Set(['/api/lines/import'])

export const bodyLimitFor = (pathname: string): number => (UPLOAD_ROUTES.has(pathname) ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES)
