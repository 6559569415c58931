import type { Plugin } from 'payload'
import { withReportScreens } from '../../admin/reports/screens'
import { collectionsPlugin } from '../collections'

/**
 * The report screens on the collections (src/admin/reports/screens.ts): the reports list is
 * the downloads page (H6), every list with an export gets its "Download relatório" button,
 * and every admin list starts at the guide's 100 rows a page.
 */
export const reportScreens = (): Plugin => collectionsPlugin(withReportScreens)
