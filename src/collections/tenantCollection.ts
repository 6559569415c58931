import type { BaseFilter, CollectionConfig, Where } from 'payload'
import { accessFor, actorOf, keepInScope } from '../access/policy'
import { selectedCompanyWhere } from '../access/roles'
import { companyField } from '../fields/company'

/**
 * Every company-owned collection is built here: the `company` field and the tenant
 * access rules come from one place, so no collection can forget them.
 */
/** Admin lists keep to the selected company (support reads every company otherwise), with any filter of the collection's own. */
const selectedCompanyOnly =
  (own?: BaseFilter): BaseFilter =>
  async (args) => {
    const selected = selectedCompanyWhere(actorOf(args.req))
    const extra = own ? await own(args) : null
    const all = [selected, extra].filter((w): w is Where => Boolean(w))
    return all.length ? { and: all } : null
  }

export function tenantCollection(config: CollectionConfig): CollectionConfig {
  return {
    ...config,
    // The roles table (src/access/policy.ts); a collection may only narrow it further.
    access: { ...accessFor(config.slug), ...config.access },
    hooks: { ...config.hooks, beforeChange: [keepInScope(config.slug), ...(config.hooks?.beforeChange ?? [])] },
    admin: { defaultColumns: ['name', 'company', 'updatedAt'], ...config.admin, baseFilter: selectedCompanyOnly(config.admin?.baseFilter) },
    fields: [...config.fields, companyField()],
  }
}
