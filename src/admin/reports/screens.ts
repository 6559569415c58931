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
  return collections.map((c) => {
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
