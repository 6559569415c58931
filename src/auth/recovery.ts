import type { Payload } from 'payload'
import { hashPassword, passwordMatches, temporaryPassword } from './passwords'
import { temporaryPasswordEmail } from './templates'
import { relationId } from '../domain/ids'

/**
 * Password recovery (A3, issue 10 finding 12). Asking for a recovery stores a temporary
 * password beside the current one and e-mails it; nothing else changes, so a stranger who
 * asks ends nobody's session. Logging in with the temporary password uses it: it becomes the
 * password (to be replaced at once, mustChangePassword), the old one and its sessions end, and
 * a lockout by wrong passwords is lifted.
 */
export const RECOVERY_TTL_HOURS = 24
const RECOVERIES = 'password-recoveries'

interface Recipient {
  id: string | number
  email?: string | null
  firstName?: string | null
}

export async function startRecovery(payload: Payload, user: Recipient): Promise<void> {
  const temporary = temporaryPassword()
  const { hash, salt } = await hashPassword(temporary)
  await payload.db.deleteMany({ collection: RECOVERIES, where: { user: { equals: user.id } } })
  await payload.create({
    collection: RECOVERIES,
    data: { user: relationId(user.id), hash, salt, expiresAt: new Date(Date.now() + RECOVERY_TTL_HOURS * 3_600_000).toISOString() },
    overrideAccess: true,
  })
  await payload.sendEmail({ to: user.email ?? undefined, ...temporaryPasswordEmail(user.firstName ?? '', temporary, RECOVERY_TTL_HOURS) })
}

/** True when `password` is a live temporary password of the user, which is then put to use. */
export async function useRecovery(payload: Payload, userId: string | number, password: string): Promise<boolean> {
  const found = await payload.find({
    collection: RECOVERIES,
    where: { and: [{ user: { equals: userId } }, { expiresAt: { greater_than: new Date().toISOString() } }] },
    depth: 0,
    limit: 5,
    overrideAccess: true,
  })
  for (const doc of found.docs) {
    if (!(await passwordMatches(doc, password))) continue
    await payload.db.updateOne({
      collection: 'users',
      id: userId,
      data: { hash: doc.hash, salt: doc.salt, mustChangePassword: true, loginAttempts: 0, lockUntil: null },
      returning: false,
    })
    // Apart: with an array in the data the SQL adapters rewrite the whole row (and need every column).
    await payload.db.updateOne({ collection: 'users', id: userId, data: { sessions: [] }, returning: false })
    await payload.db.deleteMany({ collection: RECOVERIES, where: { user: { equals: userId } } })
    return true
  }
  return false
}
