import type { CollectionConfig } from 'payload'
import { LIST_EXPORTS } from '../../reports/export'

const EXPORT_BUTTON = '/src/admin/export/ExportButton#ExportButton'

/**
 * The report screens on the collections, in one place: the reports list is H6's
 * "Download de relatórios" (src/admin/reports/DownloadsView), and every list with an
 * `/export` endpoint (LIST_EXPORTS: lines, departments, profiles, holidays, users,
 * transactions) gets the "Download relatório" button of exactly its filtered rows (C2).
 */
export function withReportScreens(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map(withGuidePaging).map((c) => {
    const admin = c.admin ?? {}
    const components = admin.components ?? {}
    if (c.slug === 'reports') {
      return { ...c, admin: { ...admin, components: { ...components, views: { ...components.views, list: { Component: '/src/admin/reports/DownloadsView#DownloadsView' } } } } }
    }
    if (!(c.slug in LIST_EXPORTS)) return c
    const before = components.beforeListTable ?? []
    return { ...c, admin: { ...admin, components: { ...components, beforeListTable: [...before, EXPORT_BUTTON] } } }
  })
}

/** The guide lists 100 rows a page ("Exibindo 100") on every list: the admin lists start there (a collection may say otherwise). */
export const GUIDE_PAGE_SIZE = 100
const withGuidePaging = (c: CollectionConfig): CollectionConfig => ({
  ...c,
  admin: { ...c.admin, pagination: { defaultLimit: GUIDE_PAGE_SIZE, limits: [GUIDE_PAGE_SIZE, 50, 25, 10], ...c.admin?.pagination } },
})
