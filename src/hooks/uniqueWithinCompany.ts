import type { CollectionBeforeValidateHook, CollectionSlug, Where } from 'payload'
import { ValidationError } from 'payload'

/**
 * A name (or number) unique inside its company: answered as a field error on that
 * field, before the database's compound index would refuse it less clearly.
 */
export const uniqueWithinCompany =
  (field: string, message: string): CollectionBeforeValidateHook =>
  async ({ collection, data, originalDoc, req }) => {
    const value = data?.[field] ?? originalDoc?.[field]
    const company = data?.company ?? originalDoc?.company
    if (value == null || company == null) return data
    const where: Where = {
      and: [{ [field]: { equals: value } }, { company: { equals: typeof company === 'object' ? company.id : company } }],
    }
    if (originalDoc?.id != null) where.and!.push({ id: { not_equals: originalDoc.id } })
    const clash = await req.payload.count({ collection: collection.slug as CollectionSlug, where, overrideAccess: true, req })
    if (clash.totalDocs > 0) throw new ValidationError({ collection: collection.slug, errors: [{ path: field, message }], req })
    return data
  }
