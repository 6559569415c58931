/** The lines model (C): statuses and quota controls live in the client-safe shared model. */
export { LINE_STATUS, QUOTA_CONTROL, type LineStatus, type QuotaControl } from '../../domain/lines'
