/**
 * `npm run seed`: demo data on an empty database.
 * `npm run seed -- --lines 100000`: also a large tenant of that many lines.
 */
import { getPayload } from 'payload'
import config from '../payload.config'
import { seedDemo } from '../src/seed/demo'
import { seedLargeTenant } from '../src/seed/large'

const args = process.argv.slice(2)
const linesArg = args.indexOf('--lines')
const large = linesArg >= 0 ? Number(args[linesArg + 1]) : 0
if (linesArg >= 0 && !(Number.isInteger(large) && large > 0)) {
  console.error('Uso: npm run seed -- --lines <número inteiro positivo>')
  process.exit(2)
}

process.env.SEED_DEMO = 'false' // seeding here, not in onInit
const payload = await getPayload({ config })
const demo = await seedDemo(payload)
if (!demo) payload.logger.info('O banco já tem empresas: dados de demonstração não foram recriados.')
if (large) await seedLargeTenant(payload, large)
await payload.destroy()
process.exit(0)
