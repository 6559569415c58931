import { en } from '@payloadcms/translations/languages/en'
import { pt } from '@payloadcms/translations/languages/pt'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { withInternalCollectionAccess } from './src/access/internalCollections'
import { collections } from './src/collections'
import { engineEndpoints } from './src/engine/endpoints'
import { jobs } from './src/jobs'
import { databaseAdapter } from './src/lib/database'
import { emailAdapter } from './src/lib/email'
import { keepErrorData } from './src/lib/errorData'
import { healthEndpoints } from './src/ops/health'
import { withCallerNoted } from './src/ops/requestContext'
import { loggerConfig } from './src/lib/logger'
import { withListExports } from './src/reports/export'
import { withReportScreens } from './src/admin/reports/screens'
import { payloadSecret } from './src/lib/settings'
import { onInit } from './src/seed/onInit'
import { golTranslations } from './src/admin/i18n'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Access for Payload's own collections (locked documents, preferences): src/access/internalCollections.ts.
export default withInternalCollectionAccess(buildConfig({
  secret: payloadSecret(),
  serverURL: process.env.PUBLIC_URL || undefined,
  db: await databaseAdapter(),
  email: await emailAdapter(),
  // Every admin list's immediate .xlsx "Download" (GET /api/<slug>/export?where…), src/reports/export.ts.
  // withCallerNoted: the user and company of each request for its log line (src/ops/requestContext.ts).
  collections: withCallerNoted(withListExports(withReportScreens(collections))),
  endpoints: [...engineEndpoints, ...healthEndpoints],
  jobs,
  admin: {
    user: 'users',
    // No Gravatar: the machines that run GOL may have no internet access.
    avatar: 'default',
    // date-fns pattern for every date Payload shows (lists, documents): Brazilian style.
    dateFormat: 'dd/MM/yyyy HH:mm',
    meta: { titleSuffix: ' - GOL Gestor Online' },
    importMap: { baseDir: dirname },
    // The built-in login posts to /api/users/login and expects a token; ours adds the e-mailed code (A2).
    components: {
      afterNavLinks: ['/src/admin/company/CurrentCompany#CurrentCompany', '/src/admin/settings/SettingsNavLink#SettingsNavLink', '/src/admin/offers/NavLinks#BulkNavLinks', '/src/admin/backup/NavLinks#BackupNavLinks', '/src/admin/reports/ReportsNavLink#ReportsNavLink'],
      // B: the selected company's dashboard above the collection cards.
      beforeDashboard: ['/src/admin/dashboard/Dashboard#Dashboard'],
      views: {
        settings: { Component: '/src/admin/settings/SettingsView#SettingsView', path: '/configuracoes' },
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
  i18n: {
    fallbackLanguage: 'pt',
    supportedLanguages: { pt, en },
    translations: golTranslations,
  },
  graphQL: { disablePlaygroundInProduction: true },
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  // Field errors of hooks' ValidationErrors in the built app's REST answers (src/lib/errorData.ts).
  hooks: { afterError: [keepErrorData] },
  // One line per expected 4xx, JSON lines under LOG_FORMAT=json (src/lib/logger.ts).
  logger: loggerConfig() as never,
  onInit,
  telemetry: false,
}))
