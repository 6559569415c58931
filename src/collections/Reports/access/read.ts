import type { Access } from 'payload'
import { accessFor, actorOf, POLICIES, scopeOf } from '../../../access/policy'

/**
 * Read: the roles table (company users; department-scoped users the reports naming their
 * departments), narrowed for department-scoped users to the reports they asked for
 * themselves, so a report over departments [a, c] is never shown to a sub-admin of [a] only.
 */
const base = accessFor('reports')
export const read: Access = async (args) => {
  const result = await base.read(args)
  const user = actorOf(args.req)
  if (typeof result !== 'object' || !user || scopeOf(POLICIES.reports, 'read', user) !== 'departments') return result
  return { and: [result, { requestedBy: { equals: user.id } }] }
}
