import type { Payload } from 'payload'
import { ALL_DDDS } from '../domain/ddd'
import { pgCopyMany } from '../engine/adapters/usage'
import { isValidIccid, isValidImsi, isValidMsisdn } from '../validation'
import { generateCnpj, generateIccid, generateImsi, generateMsisdn, mulberry32, pick } from '../validation/generate'

/** Rows per COPY (PostgreSQL) or per multi-row INSERT (SQLite: ≤ 32 766 bound values). */
const CHUNK = { pg: 20_000, sql: 2_000 }

type Row = Record<string, unknown>

export interface LargeTenantOptions {
  seed?: number
  /** Numbers and chips already used (shared across several large tenants of one run). */
  used?: Set<string>
}

/**
 * A large tenant for load and report tests: one company with `lineCount` lines, one account,
 * five departments and one usage profile on every line, the lines inserted straight into the
 * table (COPY on PostgreSQL, multi-row INSERT in one transaction on SQLite) because
 * per-document hooks cost ~2.5 ms each. The rows skip hooks, so every identifier is checked here.
 */
export async function seedLargeTenant(payload: Payload, lineCount: number, options: LargeTenantOptions = {}) {
  const rng = mulberry32(options.seed ?? 4242)
  const started = Date.now()
  // Seed rows are plain records for several collections; the generated types have one shape per slug.
  const create = (collection: string, data: Row) =>
    payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as Promise<{ id: number | string }>

  const company = await create('companies', {
    cnpj: generateCnpj(rng),
    name: `EMPRESA GRANDE ${lineCount} LINHAS ${Math.floor(rng() * 1e6)}`,
    clientNumber: String(900_000_000 + Math.floor(rng() * 99_999_999)),
    renewalDay: 1,
  })
  const account = await create('accounts', { company: company.id, number: String(800_000_000 + Math.floor(rng() * 99_999_999)) })
  const departments = []
  for (const name of ['Vendas', 'Operações', 'Campo', 'Administrativo', 'TI']) departments.push(await create('departments', { company: company.id, name }))
  const profile = await create('profiles', {
    company: company.id,
    name: 'Padrão',
    lists: [{ type: 'blocked', usage: 'voice', scope: 'national', number: '1130030000' }],
    calendar: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], holidays: true, windows: [] },
    limits: [{ category: 'voice.international.mobile', control: 'blocked' }],
  })

  const seen = options.used ?? new Set<string>()
  const unique = (make: () => string) => {
    for (;;) {
      const value = make()
      if (!seen.has(value)) return seen.add(value), value
    }
  }
  const ddds = ALL_DDDS.slice(0, 20)
  const now = new Date().toISOString()
  const rows: Row[] = []
  for (let i = 0; i < lineCount; i++) {
    const msisdn = unique(() => generateMsisdn(rng, pick(rng, ddds)))
    const iccid = unique(() => generateIccid(rng, { length: 20 }))
    const imsi = generateImsi(rng)
    if (!isValidMsisdn(msisdn) || !isValidIccid(iccid) || !isValidImsi(imsi)) throw new Error(`identificador inválido gerado na linha ${i}`)
    rows.push({
      name: `Linha ${i + 1}`,
      msisdn,
      status: 'active',
      account: account.id,
      department: departments[i % departments.length].id,
      profile: profile.id,
      iccid,
      imsi,
      quota_control: 'unlimited',
      company: company.id,
      updatedAt: now,
      createdAt: now,
    })
  }
  await insertRows(payload, 'lines', rows)
  payload.logger.info(`Empresa grande criada: ${lineCount} linhas em ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return company
}

/** `count` large tenants of `lineCount` lines each, with numbers unique across all of them. */
export async function seedLargeTenants(payload: Payload, lineCount: number, count = 1) {
  const existing = await payload.count({ collection: 'companies', overrideAccess: true })
  const used = await usedIdentifiers(payload)
  const companies = []
  for (let i = 0; i < count; i++) companies.push(await seedLargeTenant(payload, lineCount, { seed: 4242 + existing.totalDocs + i, used }))
  return companies
}

/** Numbers and chips already in the database (the demo's, earlier large tenants'): new lines must not repeat them. */
async function usedIdentifiers(payload: Payload): Promise<Set<string>> {
  const db = payload.db as unknown as { drizzle?: any; tables?: Record<string, any> }
  const t = db.tables?.lines
  const rows: { msisdn: unknown; iccid: unknown }[] =
    db.drizzle && t
      ? await db.drizzle.select({ msisdn: t.msisdn, iccid: t.iccid }).from(t)
      : ((await payload.find({ collection: 'lines', pagination: false, depth: 0, overrideAccess: true, select: { msisdn: true, iccid: true } })).docs)
  const used = new Set<string>()
  for (const r of rows) for (const v of [r.msisdn, r.iccid]) if (v) used.add(String(v))
  return used
}

async function insertRows(payload: Payload, slug: string, rows: Row[]) {
  const db = payload.db as unknown as { drizzle?: any; tables?: Record<string, any>; name?: string }
  const table = db.tables?.[slug]
  if (db.drizzle && table) {
    const pg = db.name === 'postgres'
    const size = pg ? CHUNK.pg : CHUNK.sql
    await db.drizzle.transaction(async (tx: any) => {
      for (let i = 0; i < rows.length; i += size) {
        const part = rows.slice(i, i + size)
        if (pg) await pgCopyMany(tx, table, part)
        else await tx.insert(table).values(part)
      }
    })
    return
  }
  // MongoDB (no drizzle): the Local API path, slower but the same data (plain rows, hence the casts).
  for (const row of rows) {
    const { quota_control, ...data } = row
    await payload.create({ collection: slug as never, data: { ...data, quota: { control: quota_control } } as never, overrideAccess: true })
  }
}
