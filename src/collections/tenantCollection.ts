import type { CollectionConfig } from 'payload'
import { accessFor, keepInScope } from '../access/policy'
import { companyField } from '../fields/company'

/**
 * Every company-owned collection is built here: the `company` field and the tenant
 * access rules come from one place, so no collection can forget them.
 */
export function tenantCollection(config: CollectionConfig): CollectionConfig {
  return {
    ...config,
    // The roles table (src/access/policy.ts); a collection may only narrow it further.
    access: { ...accessFor(config.slug), ...config.access },
    hooks: { ...config.hooks, beforeChange: [keepInScope(config.slug), ...(config.hooks?.beforeChange ?? [])] },
    admin: { defaultColumns: ['name', 'company', 'updatedAt'], ...config.admin },
    fields: [...config.fields, companyField()],
  }
}
