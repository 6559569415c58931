import type { Plugin } from 'payload'
import { withListExports } from '../../reports/export'
import { collectionsPlugin } from '../collections'

/** Every admin list's immediate .xlsx "Download" (GET /api/<slug>/export?where…), src/reports/export.ts (C2). */
export const listExports = (): Plugin => collectionsPlugin(withListExports)
