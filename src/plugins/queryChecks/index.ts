import type { Plugin } from 'payload'
import { withQueryChecks } from '../../lib/queryCheck'
import { collectionsPlugin } from '../collections'

/** Every collection's REST/GraphQL query is checked first (unknown field, bad id … → 400), src/lib/queryCheck.ts. */
export const queryChecks = (): Plugin => collectionsPlugin(withQueryChecks)
