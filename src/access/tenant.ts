import type { Access, FieldAccess } from 'payload'
import { actorOf } from './policy'
import { isSupport } from './roles'

/**
 * The two access functions that are not rows of the role table (policy.ts): collections nobody
 * reaches through the API (written by the server only), and fields only support may change.
 * Blocked users and users with a temporary password act as nobody (actorOf).
 */
export const nobody: Access = () => false

/** Field access: only support may change this field (e.g. a company's CNPJ). */
export const supportOnlyField: FieldAccess = ({ req }) => isSupport(actorOf(req))
