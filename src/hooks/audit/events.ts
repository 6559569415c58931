/**
 * Audit entries for events that are not a document change: a login (after the e-mailed
 * code) and an account locked by repeated wrong passwords (A6). Called from
 * src/collections/Users/endpoints/auth.ts.
 */
import type { Payload } from 'payload'
import { createLocalReq } from 'payload'
import { describeLockout, describeLogin } from './describe'
import { writeTransaction, type Actor } from './index'

type UserLike = Actor & { companies?: unknown[] | null; selectedCompany?: unknown }

const companiesOf = (user: UserLike): unknown[] => (Array.isArray(user.companies) ? user.companies : [])

export async function auditLogin(payload: Payload, user: UserLike): Promise<void> {
  const req = await createLocalReq({}, payload)
  await writeTransaction(req, { ...describeLogin(), companies: companiesOf(user), entity: 'users', entityId: user.id, actor: user })
}

/** Whether the login `username` is locked now (null when unknown). */
export async function lockedNow(payload: Payload, username: string): Promise<boolean | null> {
  if (!username) return null
  const found = (await payload.db.findOne({ collection: 'users', where: { username: { equals: username } } }).catch(() => null)) as
    | (UserLike & { lockUntil?: string | null })
    | null
  if (!found) return null
  return Boolean(found.lockUntil && new Date(found.lockUntil).getTime() > Date.now())
}

/** After a failed login: writes the lockout once, on the attempt that locked the account. */
export async function auditLockoutIfLocked(payload: Payload, username: string, lockedBefore: boolean | null): Promise<void> {
  if (lockedBefore !== false || !(await lockedNow(payload, username))) return
  const user = (await payload.db.findOne({ collection: 'users', where: { username: { equals: username } } })) as UserLike
  const req = await createLocalReq({}, payload)
  await writeTransaction(req, { ...describeLockout(), companies: companiesOf(user), entity: 'users', entityId: user.id, actor: user })
}
