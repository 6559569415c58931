import type { Payload } from 'payload'
import { generateCnpj, generateCpf, generateIccid, generateImsi, generateMsisdn, mulberry32, type Rng } from '../../src/validation/generate'
import type { RestClient } from './rest'

export const PASSWORD = 'Senha@Teste123'

type Doc = { id: number | string; [k: string]: any }

export interface CompanyWorld {
  company: Doc
  account: Doc
  departments: [Doc, Doc]
  profile: Doc
  lines: Doc[]
  users: Record<'admin' | 'subadmin' | 'viewer', Doc>
}

export interface World {
  rng: Rng
  support: Doc
  a: CompanyWorld
  b: CompanyWorld
}

let seed = 1
const create = (payload: Payload, collection: string, data: Record<string, unknown>): Promise<Doc> =>
  payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 }) as never

export async function makeCompany(payload: Payload, rng: Rng, name: string): Promise<CompanyWorld> {
  const company = await create(payload, 'companies', {
    cnpj: generateCnpj(rng),
    name,
    clientNumber: String(10_000_000 + Math.floor(rng() * 89_999_999)),
    renewalDay: 16,
  })
  const account = await create(payload, 'accounts', { company: company.id, number: String(100_000_000 + Math.floor(rng() * 899_999_999)) })
  const departments = [
    await create(payload, 'departments', { company: company.id, name: `${name} Vendas` }),
    await create(payload, 'departments', { company: company.id, name: `${name} RH` }),
  ] as [Doc, Doc]
  const profile = await create(payload, 'profiles', { company: company.id, name: `${name} Padrão` })
  const lines: Doc[] = []
  for (let i = 0; i < 4; i++) {
    lines.push(
      await create(payload, 'lines', {
        company: company.id,
        account: account.id,
        department: departments[i % 2].id,
        profile: profile.id,
        msisdn: generateMsisdn(rng, 19),
        name: `${name} linha ${i}`,
        iccid: generateIccid(rng),
        imsi: generateImsi(rng),
      }),
    )
  }
  const users = {} as CompanyWorld['users']
  for (const role of ['admin', 'subadmin', 'viewer'] as const) {
    users[role] = await create(payload, 'users', {
      username: generateCpf(rng),
      email: `${role}.${String(company.id)}@example.com`,
      password: PASSWORD,
      firstName: role,
      lastName: name,
      role,
      companies: [company.id],
      departments: role === 'admin' ? [] : [departments[0].id],
    })
  }
  return { company, account, departments, profile, lines, users }
}

/** Two companies, each with an account, two departments, a profile, four lines and a user per role. */
export async function makeWorld(payload: Payload): Promise<World> {
  const rng = mulberry32(seed++ * 7919)
  const support = await create(payload, 'users', {
    username: generateCpf(rng),
    email: `support${seed}@example.com`,
    password: PASSWORD,
    firstName: 'Suporte',
    lastName: 'Claro',
    role: 'support',
  })
  return { rng, support, a: await makeCompany(payload, rng, 'Empresa A'), b: await makeCompany(payload, rng, 'Empresa B') }
}

/**
 * A session token for a user through the public login. Kept in one place so the
 * login flow changes here only: password (`POST /users/login` → challenge), then the
 * 5-digit code read from the e-mail in the outbox (SMTP_URL unset in tests), then
 * `POST /users/login/otp` → token.
 */
export async function loginAs(rest: RestClient, payload: Payload, user: Doc): Promise<string> {
  const res = await rest.post('/users/login', { username: user.username, password: PASSWORD })
  if (res.status !== 200 || !res.body?.challenge) throw new Error(`login failed for ${user.username}: ${res.status} ${JSON.stringify(res.body)}`)
  const mail = await payload.find({ collection: 'outbox', where: { to: { equals: user.email } }, sort: '-createdAt', limit: 1, overrideAccess: true, depth: 0 })
  const code = /(?<!\d)(\d{5})(?!\d)/.exec(String(mail.docs[0]?.text ?? ''))?.[1]
  if (!code) throw new Error(`no login code e-mailed to ${String(user.email)}`)
  const otp = await rest.post('/users/login/otp', { challenge: res.body.challenge, code })
  if (otp.status !== 200 || !otp.body?.token) throw new Error(`code refused for ${user.username}: ${otp.status} ${JSON.stringify(otp.body)}`)
  return otp.body.token as string
}
