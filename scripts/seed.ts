/**
 * `npm run seed`: demo data on an empty database.
 * `npm run seed -- --lines 100000 [--companies 10]`: also that many large tenants of that many lines each.
 */
import { getPayload } from 'payload'
import config from '../payload.config'
import { seedDemo } from '../src/seed/demo'
import { seedLargeTenants } from '../src/seed/large'

const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  if (i < 0) return undefined
  const n = Number(args[i + 1])
  if (!(Number.isInteger(n) && n > 0)) {
    console.error('Uso: npm run seed -- --lines <número inteiro positivo> [--companies <número inteiro positivo>]')
    process.exit(2)
  }
  return n
}
const large = option('--lines') ?? 0
const companies = option('--companies') ?? 1

process.env.SEED_DEMO = 'false' // seeding here, not in onInit
const payload = await getPayload({ config })
const demo = await seedDemo(payload)
if (!demo) payload.logger.info('O banco já tem empresas: dados de demonstração não foram recriados.')
if (large) await seedLargeTenants(payload, large, companies)
await payload.destroy()
process.exit(0)
