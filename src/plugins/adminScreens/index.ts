import type { Plugin } from 'payload'

/**
 * The back-office's own admin screens (src/admin), by import-map path: the navigation links,
 * the dashboard, the two-step login (A2) and the custom views with their pt-BR URLs.
 * The paths are resolved by `payload generate:importmap` (src/app/(payload)/admin/importMap.js).
 */
export const adminScreens = (): Plugin => (config) => ({
  ...config,
  admin: {
    ...config.admin,
    components: {
      ...config.admin?.components,
      afterNavLinks: [
        '/src/admin/company/CurrentCompany#CurrentCompany',
        '/src/admin/settings/SettingsNavLink#SettingsNavLink',
        '/src/admin/offers/NavLinks#BulkNavLinks',
        '/src/admin/backup/NavLinks#BackupNavLinks',
        '/src/admin/reports/ReportsNavLink#ReportsNavLink',
      ],
      // B: the selected company's dashboard above the collection cards.
      beforeDashboard: ['/src/admin/dashboard/Dashboard#Dashboard'],
      views: {
        ...config.admin?.components?.views,
        settings: { Component: '/src/admin/settings/SettingsView#SettingsView', path: '/configuracoes' },
        // The built-in login posts to /api/users/login and expects a token; ours adds the e-mailed code (A2).
        login: { Component: '/src/admin/login/LoginView#LoginView' },
        selectCompany: { Component: '/src/admin/company/SelectCompanyView#SelectCompanyView', path: '/empresa' },
        sharedOffers: { Component: '/src/admin/offers/DistributionView#DistributionView', path: '/ofertas-compartilhadas' },
        lineImport: { Component: '/src/admin/import/ImportView#ImportView', path: '/importar' },
        // J, H7: backup and restore, restore history (src/admin/backup).
        backup: { Component: '/src/admin/backup/BackupView#BackupView', path: '/backup' },
        restoreHistory: { Component: '/src/admin/backup/BackupView#RestoreHistoryView', path: '/historico-restauracoes' },
        reports: { Component: '/src/admin/reports/ReportsView#ReportsView', path: '/relatorios' },
      },
    },
  },
})
