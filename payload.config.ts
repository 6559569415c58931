import { en } from '@payloadcms/translations/languages/en'
import { pt } from '@payloadcms/translations/languages/pt'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import { withInternalCollectionAccess } from './src/access/internalCollections'
import { collections } from './src/collections'
import { jobs } from './src/jobs'
import { databaseAdapter } from './src/lib/database'
import { emailAdapter } from './src/lib/email'
import { keepErrorData } from './src/lib/errorData'
import { loggerConfig } from './src/lib/logger'
import { payloadSecret, serverUrl } from './src/lib/settings'
import { plugins } from './src/plugins'
import { onInit } from './src/seed/onInit'
import { golTranslations } from './src/domain/i18n'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Access for Payload's own collections (locked documents, preferences), which exist only once
// the config is sanitised: src/access/internalCollections.ts.
export default withInternalCollectionAccess(buildConfig({
  secret: payloadSecret(),
  serverURL: serverUrl(),
  db: await databaseAdapter(),
  email: await emailAdapter(),
  i18n: {
    fallbackLanguage: 'pt',
    supportedLanguages: { pt, en },
    translations: golTranslations,
  },
  // Every collection, one folder each, in the admin's menu order (src/collections).
  collections,
  // Engine, audit trail, query checks, report screens, list exports, request log, admin screens (src/plugins).
  plugins,
  jobs,
  admin: {
    user: 'users',
    // No Gravatar: the machines that run GOL may have no internet access.
    avatar: 'default',
    // date-fns pattern for every date Payload shows (lists, documents): Brazilian style.
    dateFormat: 'dd/MM/yyyy HH:mm',
    meta: { titleSuffix: ' - GOL Gestor Online' },
    importMap: { baseDir: dirname },
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
