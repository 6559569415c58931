import type { Payload } from 'payload'
import { isValidIccid, isValidImsi, isValidMsisdn } from '../validation'
import { generateCnpj, generateIccid, generateImsi, generateMsisdn, mulberry32, pick } from '../validation/generate'
import { ALL_DDDS } from '../domain/ddd'

const CHUNK = 1000

type Row = Record<string, unknown>

/**
 * A large tenant for load and report tests: one company with `lineCount` lines, inserted
 * in chunks straight into the table (SQLite/PostgreSQL) because per-document hooks cost
 * ~2.5 ms each. The rows skip hooks, so every identifier is checked here explicitly.
 */
export async function seedLargeTenant(payload: Payload, lineCount: number, seed = 4242) {
  const rng = mulberry32(seed)
  const started = Date.now()
  const create = (collection: string, data: Row) =>
    payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<{ id: number | string }>

  const company = await create('companies', {
    cnpj: generateCnpj(rng),
    name: `EMPRESA GRANDE ${lineCount} LINHAS`,
    clientNumber: String(900_000_000 + Math.floor(rng() * 99_999_999)),
    renewalDay: 1,
  })
  const accounts = [await create('accounts', { company: company.id, number: String(800_000_000 + Math.floor(rng() * 99_999_999)) })]
  const departments = []
  for (const name of ['Vendas', 'Operações', 'Campo', 'Administrativo', 'TI']) departments.push(await create('departments', { company: company.id, name }))

  const seen = new Set<string>()
  const unique = (make: () => string) => {
    for (;;) {
      const value = make()
      if (!seen.has(value)) return seen.add(value), value
    }
  }
  const ddds = ALL_DDDS.slice(0, 20)
  const now = new Date().toISOString()
  const rows: Row[] = []
  const flush = async () => {
    if (!rows.length) return
    await insertRows(payload, 'lines', rows.splice(0, rows.length))
  }
  for (let i = 0; i < lineCount; i++) {
    const msisdn = unique(() => generateMsisdn(rng, pick(rng, ddds)))
    const iccid = unique(() => generateIccid(rng, { length: 20 }))
    const imsi = generateImsi(rng)
    if (!isValidMsisdn(msisdn) || !isValidIccid(iccid) || !isValidImsi(imsi)) throw new Error(`identificador inválido gerado na linha ${i}`)
    rows.push({
      name: `Linha ${i + 1}`,
      msisdn,
      status: 'active',
      account: accounts[0].id,
      department: departments[i % departments.length].id,
      iccid,
      imsi,
      quota_control: 'unlimited',
      company: company.id,
      updatedAt: now,
      createdAt: now,
    })
    if (rows.length === CHUNK) await flush()
  }
  await flush()
  payload.logger.info(`Empresa grande criada: ${lineCount} linhas em ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return company
}

async function insertRows(payload: Payload, slug: string, rows: Row[]) {
  const db = payload.db as unknown as { drizzle?: any; tables?: Record<string, any> }
  if (db.drizzle && db.tables?.[slug]) {
    await db.drizzle.insert(db.tables[slug]).values(rows)
    return
  }
  // MongoDB (no drizzle): the Local API path, slower but the same data.
  for (const row of rows) {
    const { quota_control, ...data } = row
    await payload.create({ collection: slug as never, data: { ...data, quota: { control: quota_control } } as never, overrideAccess: true })
  }
}
