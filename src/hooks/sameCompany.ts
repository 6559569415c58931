import type { CollectionBeforeValidateHook, CollectionSlug } from 'payload'
import { ValidationError } from 'payload'
import { idOf, sameId } from '../access/roles'

type RelationCheck = { field: string; collection: CollectionSlug; hasMany?: boolean }

/**
 * Refuses a document that points at another company's documents (a line whose
 * department belongs to company B, say). Checked with overrideAccess so the answer
 * does not depend on what the caller may read.
 */
export const sameCompanyRelations =
  (checks: RelationCheck[]): CollectionBeforeValidateHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!data) return data
    const company = data.company ?? originalDoc?.company
    if (company == null) return data
    const errors: { path: string; message: string }[] = []
    for (const check of checks) {
      const raw = data[check.field]
      if (raw == null) continue
      const ids = (check.hasMany ? (raw as unknown[]) : [raw]).map((r) => idOf(r)).filter((id) => id != null)
      for (const id of ids) {
        const found = await req.payload
          .findByID({ collection: check.collection, id: id!, depth: 0, overrideAccess: true, req, disableErrors: true })
          .catch(() => null)
        if (!found) errors.push({ path: check.field, message: `Registro ${String(id)} não encontrado` })
        else if ('company' in found && !sameId(found.company, company)) {
          errors.push({ path: check.field, message: 'Pertence a outra empresa' })
        }
      }
    }
    if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
    return data
  }
