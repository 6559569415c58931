/**
 * `npm run seed`: demo data on an empty database.
 * `npm run seed -- --lines 100000 [--companies 10]`: also that many large tenants of that many lines each.
 * `npm run seed -- --demo-lines 5 --days 2`: a smaller demo (lines per company, days of usage).
 */
// The committed migrations, as `npm start` will expect on this database (src/lib/database.ts); read when the config loads.
process.env.GOL_DB_MIGRATE ??= 'true'
process.env.SEED_DEMO = 'false' // seeding here, not in onInit
const { getPayload } = await import('payload')
const config = (await import('../payload.config')).default
const { seedDemo } = await import('../src/seed/demo')
const { seedLargeTenants } = await import('../src/seed/large')

const args = process.argv.slice(2)
/** A positive whole number after `flag`, or undefined when the flag is absent. */
function countArg(flag: string): number | undefined {
  const at = args.indexOf(flag)
  if (at < 0) return undefined
  const value = Number(args[at + 1])
  if (Number.isInteger(value) && value > 0) return value
  console.error(`Uso: npm run seed -- ${flag} <número inteiro positivo>`)
  process.exit(2)
}
const large = countArg('--lines') ?? 0
const companies = countArg('--companies') ?? 1
const demoOptions = { linesPerCompany: countArg('--demo-lines'), days: countArg('--days') }

const payload = await getPayload({ config })
const demo = await seedDemo(payload, demoOptions)
if (!demo) payload.logger.info('O banco já tem empresas: dados de demonstração não foram recriados.')
if (large) await seedLargeTenants(payload, large, companies)
await payload.destroy()
process.exit(0)

export {}
