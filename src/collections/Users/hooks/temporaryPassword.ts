import type { CollectionAfterChangeHook, CollectionBeforeValidateHook } from 'payload'
import { actorOf } from '../../../access/policy'
import { temporaryPassword } from '../../../auth/passwords'
import { welcomeEmail } from '../../../auth/templates'

/**
 * User administration (I, issue 13): a user created through the admin, REST or GraphQL without
 * a password gets a temporary one, e-mailed to it; with or without, it must set its own at
 * first login (a password someone else typed is temporary too).
 */
export const temporaryPasswordOnCreate: CollectionBeforeValidateHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !data || !actorOf(req)) return data
  if (data.password) return { ...data, mustChangePassword: true }
  const temporary = temporaryPassword()
  req.context.temporaryPassword = temporary
  return { ...data, password: temporary, mustChangePassword: true }
}

export const emailTemporaryPassword: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const temporary = req.context.temporaryPassword
  if (operation !== 'create' || typeof temporary !== 'string') return doc
  delete req.context.temporaryPassword
  await req.payload.sendEmail({ to: doc.email, ...welcomeEmail(String(doc.firstName ?? ''), String(doc.username ?? ''), temporary) })
  return doc
}
