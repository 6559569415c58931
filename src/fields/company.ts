import type { RelationshipField } from 'payload'
import { companyIdsOf, type AccessUser } from '../access/roles'
import { supportOnlyField } from '../access/tenant'
import { label } from '../lib/i18n'

/**
 * The tenant of a document. Required and indexed on every tenant-owned collection;
 * defaults to the user's only company; once set, only support may move a document.
 */
export const companyField = (overrides: Partial<RelationshipField> = {}): RelationshipField => ({
  name: 'company',
  type: 'relationship',
  relationTo: 'companies',
  required: true,
  index: true,
  label: label('Empresa', 'Company'),
  defaultValue: ({ user }: { user?: unknown }) => {
    const ids = companyIdsOf(user as AccessUser | null)
    return ids.length === 1 ? ids[0] : undefined
  },
  access: { update: supportOnlyField },
  admin: { position: 'sidebar' },
  ...overrides,
}) as RelationshipField
