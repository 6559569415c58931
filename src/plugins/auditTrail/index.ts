import type { Plugin } from 'payload'
import { withAuditHooks } from '../../hooks/audit'
import { collectionsPlugin } from '../collections'

/** The audit trail (E): every audited collection writes its changes to `transactions`; ids are set only by restores (src/hooks/audit). */
export const auditTrail = (): Plugin => collectionsPlugin(withAuditHooks)
