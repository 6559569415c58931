import type { Plugin } from 'payload'
import { adminScreens } from './adminScreens'
import { auditTrail } from './auditTrail'
import { engine } from './engine'
import { listExports } from './listExports'
import { operations } from './operations'
import { queryChecks } from './queryChecks'
import { reportScreens } from './reportScreens'

/**
 * The cross-cutting additions, applied in this order by `buildConfig` (each one wraps what
 * the previous left): a collection's own hooks run first, then the engine's, then the audit's;
 * before every operation: the caller is noted, the query checked, then the collection's own.
 */
export const plugins: Plugin[] = [engine(), auditTrail(), queryChecks(), reportScreens(), listExports(), operations(), adminScreens()]
