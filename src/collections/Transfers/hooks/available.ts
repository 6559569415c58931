import type { CollectionBeforeValidateHook, PayloadRequest, Where } from 'payload'
import { ValidationError } from 'payload'
import { idOf } from '../../../access/roles'
import type { Offer, Transfer } from '../../../payload-types'
import { serverT } from '../../../lib/i18n'

type Id = string | number

/**
 * Franchise of an offer a line holds after Claro Pós transfers, in the offer's unit: the
 * offer's amount when it is the line's own, plus what was transferred in, minus what was
 * transferred out (`except`: the transfer being edited). The same arithmetic as the
 * engine's compiled offer capacity (src/engine/core/compile.ts).
 */
export async function franchiseLeft(req: PayloadRequest, offer: Pick<Offer, 'id' | 'line' | 'amount'>, line: Id, except?: Id): Promise<number> {
  const where: Where = {
    and: [
      { offer: { equals: offer.id } },
      { or: [{ fromLine: { equals: line } }, { toLine: { equals: line } }] },
      ...(except != null ? [{ id: { not_equals: except } }] : []),
    ],
  }
  const { docs } = await req.payload.find({ collection: 'transfers', where, depth: 0, pagination: false, overrideAccess: true, req })
  let left = String(idOf(offer.line)) === String(line) ? Number(offer.amount ?? 0) : 0
  for (const t of docs) left += String(idOf(t.toLine)) === String(line) ? Number(t.amount ?? 0) : -Number(t.amount ?? 0)
  return Math.max(0, left)
}

const UNIT_WORDS: Record<string, string> = { minutes: 'min', sms: 'SMS', mb: 'MB' }

/**
 * A transfer moves franchise that exists: the offer is an individual offer the origin line
 * holds (its own, or received by an earlier transfer) and the amount, above zero, fits what
 * the origin has left of it. Field errors otherwise; nothing is written.
 */
export const checkTransferAmount: CollectionBeforeValidateHook<Transfer> = async ({ collection, data, originalDoc, req }) => {
  if (!data) return data
  const merged: Partial<Transfer> = { ...originalDoc, ...data }
  const offerId = idOf(merged.offer)
  const from = idOf(merged.fromLine)
  if (offerId == null || from == null || merged.amount == null) return data
  const errors: { path: string; message: string }[] = []
  const offer = await req.payload.findByID({ collection: 'offers', id: offerId, depth: 0, overrideAccess: true, req, disableErrors: true }).catch(() => null)
  if (!offer) return data // sameCompanyRelations names the missing offer
  const amount = Number(merged.amount)
  const t = serverT(req)
  if (offer.kind !== 'individual') errors.push({ path: 'offer', message: t('gol:transferIndividualOnly') })
  else {
    const left = await franchiseLeft(req, offer, from, originalDoc?.id)
    const unit = UNIT_WORDS[String(offer.unit)] ?? String(offer.unit)
    if (left <= 0) errors.push({ path: 'offer', message: t('gol:transferNoFranchise') })
    else if (!(amount > 0)) errors.push({ path: 'amount', message: t('gol:transferAboveZero') })
    else if (amount > left) errors.push({ path: 'amount', message: t('gol:transferAboveAvailable', { amount: left, unit }) })
  }
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
  return data
}
