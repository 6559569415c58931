import type { Payload, Where } from 'payload'
import { engineFor, type IngestEvent } from '../engine/service'
import {
  generateCpf,
  generateIccid,
  generateImsi,
  generateMsisdn,
  mulberry32,
  pick,
  randomInt,
  type Rng,
} from '../validation/generate'

/** Logins printed at start so a newcomer can sign in at once. */
export const DEMO_PASSWORD = 'Gol@demo2026'

type Id = number | string

interface CompanyPlan {
  cnpj: string
  name: string
  clientNumber: string
  renewalDay: number
  ddds: number[]
  accounts: string[]
  departments: string[]
}

const COMPANIES: CompanyPlan[] = [
  {
    cnpj: '84608900000106',
    name: 'CLARO BRASIL DEMO',
    clientNumber: '129491813',
    renewalDay: 16,
    ddds: [19, 11],
    accounts: ['154388734', '155891930'],
    departments: ['MKT PME', 'Mkt_GE', 'Compras'],
  },
  {
    cnpj: '12ABC34501DE35',
    name: 'ALFA LOGÍSTICA LTDA',
    clientNumber: '97636954',
    renewalDay: 31,
    ddds: [21, 41],
    accounts: ['163716453', '163716454'],
    departments: ['Operações', 'RH', 'Financeiro'],
  },
]

const FIRST_NAMES = ['Ana', 'Bruno', 'Camila', 'Diogo', 'Elisa', 'Felipe', 'Gislaine', 'Heitor', 'Iara', 'João', 'Kleber', 'Larissa', 'Marcel', 'Nina', 'Otávio', 'Priscila', 'Rafael', 'Roseli', 'Sérgio', 'Tatiane']
const LAST_NAMES = ['Pereira', 'Souza', 'Gantois', 'Urbano', 'Soares', 'Lima', 'Carvalho', 'Moreira', 'Vasconcelos', 'Ribeiro']
const DATA_GROUPS = ['Web', 'WhatsApp', 'Facebook, Instagram e Twitter', 'Streaming de vídeo', 'E-mail']

/** Voice and SMS destinations the demo lines call, as dialled (the engine classifies them). */
const DESTINATIONS: { service: 'voice' | 'sms'; destination: string }[] = [
  { service: 'voice', destination: '32345678' },
  { service: 'voice', destination: '991251527' },
  { service: 'voice', destination: '981234567' },
  { service: 'voice', destination: '0211133224455' },
  { service: 'voice', destination: '02121991234567' },
  { service: 'voice', destination: '08007211021' },
  { service: 'voice', destination: '0021351912345678' },
  { service: 'sms', destination: '+5519991251527' },
  { service: 'sms', destination: '+5519981234567' },
  { service: 'sms', destination: '35743' },
]

const personName = (rng: Rng) => `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`

/** Demo rows are plain records for many collections (the generated types have one shape per slug), hence the casts. */
async function create<T extends Record<string, unknown>>(payload: Payload, collection: string, data: T): Promise<{ id: Id } & T> {
  return (await payload.create({ collection: collection as never, data: data as never, overrideAccess: true, depth: 0 })) as never
}

/**
 * Demo data: two companies with accounts, departments, ~50 lines each, profiles,
 * holidays, a shared offer, users of every role and three weeks of usage. Every
 * identifier comes from the validators' generators, so all of it is valid.
 */
export async function seedDemo(payload: Payload, options: { linesPerCompany?: number; days?: number; log?: boolean } = {}) {
  const { totalDocs } = await payload.count({ collection: 'companies', overrideAccess: true })
  if (totalDocs > 0) return null
  const linesPerCompany = options.linesPerCompany ?? 50
  const days = options.days ?? 21
  const rng = mulberry32(2026)
  const started = Date.now()

  await seedOperatorPrefixes(payload)

  const logins: { role: string; username: string; company: string }[] = []
  const support = await create(payload, 'users', {
    username: '15796071874',
    email: 'suporte@gol.local',
    password: DEMO_PASSWORD,
    firstName: 'Suporte',
    lastName: 'Claro',
    role: 'support',
    companies: [],
  })
  logins.push({ role: 'support', username: support.username as string, company: 'todas' })

  const companyIds: Id[] = []
  for (const [index, plan] of COMPANIES.entries()) {
    const company = await create(payload, 'companies', {
      cnpj: plan.cnpj,
      name: plan.name,
      clientNumber: plan.clientNumber,
      status: 'active',
      renewalDay: plan.renewalDay,
      csp: '21',
      interruptAtLimit: index === 0,
    })
    const accounts = []
    for (const number of plan.accounts) accounts.push(await create(payload, 'accounts', { company: company.id, number, name: `Conta ${number}` }))
    const departments = []
    for (const name of plan.departments) departments.push(await create(payload, 'departments', { company: company.id, name }))

    const profiles = [
      await create(payload, 'profiles', {
        company: company.id,
        name: 'Horário comercial',
        lists: [
          { type: 'allowed', usage: 'voice', scope: 'national', number: `${plan.ddds[0]}999999999` },
          { type: 'blocked', usage: 'voice', scope: 'national', number: '0900123456' },
        ],
        calendar: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: false, windows: [{ from: '08:00', to: '18:00' }] },
        limits: [
          { category: 'voice.international.mobile', control: 'blocked' },
          { category: 'voice.intragroup.local', control: 'unlimited' },
          { category: 'voice.intragroup.national', control: 'limited', quantity: 100 },
          { category: 'sms.international', control: 'blocked' },
          { category: 'sms.claro', control: 'unlimited' },
          { category: 'sms.other', control: 'limited', quantity: 100 },
          { category: 'sms.special', control: 'blocked' },
        ],
      }),
      await create(payload, 'profiles', {
        company: company.id,
        name: 'Diretoria',
        lists: [],
        calendar: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], holidays: true, windows: [] },
        limits: [{ category: 'voice.international.fixed', control: 'limited', quantity: 120 }],
      }),
    ]

    const state = index === 0 ? 'SP' : 'RJ'
    for (const holiday of [
      { date: '2026-12-25', name: 'Natal' },
      { date: '2027-01-01', name: 'Ano Novo' },
      { date: '2026-11-20', name: 'Dia da Consciência Negra' },
      { date: index === 0 ? '2026-07-09' : '2026-04-23', name: index === 0 ? 'Revolução Constitucionalista' : 'Dia de São Jorge', state },
      { date: '2026-12-08', name: 'Nossa Senhora da Conceição', ddd: plan.ddds[0] },
    ]) {
      await create(payload, 'holidays', { company: company.id, ...holiday })
    }

    await create(payload, 'offers', {
      company: company.id,
      account: accounts[0].id,
      kind: 'shared',
      offer: 'Claro Total Compartilhado',
      package: 'Claro Total Compartilhado 100GB - Franquia',
      unit: 'mb',
      amount: 102_400,
    })

    const lines = []
    for (let i = 0; i < linesPerCompany; i++) {
      const account = accounts[i % 5 === 4 ? 1 : 0]
      const onPool = account.id === accounts[0].id
      const quotaControl = !onPool ? 'unlimited' : i % 7 === 0 ? 'blocked' : i % 3 === 0 ? 'unlimited' : 'limited'
      lines.push(
        await create(payload, 'lines', {
          company: company.id,
          account: account.id,
          department: i % 6 === 5 ? null : departments[i % departments.length].id,
          profile: i % 4 === 3 ? null : profiles[i % 2].id,
          msisdn: generateMsisdn(rng, plan.ddds[i % plan.ddds.length]),
          name: personName(rng),
          status: i % 17 === 16 ? 'suspended' : i % 23 === 22 ? 'blocked' : 'active',
          iccid: generateIccid(rng, { length: 20 }),
          imsi: generateImsi(rng, '05'),
          extension: i % 2 === 0 ? String(2000 + i) : undefined,
          quota: { control: quotaControl, amountMB: quotaControl === 'limited' ? 2048 : undefined },
        }),
      )
    }

    for (const line of lines.slice(0, Math.min(lines.length, 20))) {
      await create(payload, 'offers', { company: company.id, account: line.account, line: line.id, kind: 'individual', offer: 'Claro Total Compartilhado', package: 'Claro Total Compartilhado Pacote VOZ', unit: 'minutes', amount: 30_000 })
      await create(payload, 'offers', { company: company.id, account: line.account, line: line.id, kind: 'individual', offer: 'Claro Total Compartilhado', package: 'Claro Total Compartilhado Pacote SMS', unit: 'sms', amount: 500 })
    }
    await create(payload, 'transfers', { company: company.id, offer: (await firstIndividualOffer(payload, lines[0].id)) as Id, fromLine: lines[0].id, toLine: lines[1].id, amount: 1000 })

    const people: [string, string, Id[]][] = [
      ['admin', 'Administrador', []],
      ['subadmin', 'Sub-administrador', [departments[0].id]],
      ['viewer', 'Consulta', [departments[0].id]],
    ]
    for (const [role, title, deps] of people) {
      const user = await create(payload, 'users', {
        username: index === 0 && role === 'admin' ? '34337361898' : index === 1 && role === 'admin' ? '53346128580' : generateCpf(rng),
        email: `${role}@${index === 0 ? 'claro-demo' : 'alfa-demo'}.com.br`,
        password: DEMO_PASSWORD,
        firstName: title,
        lastName: plan.name.split(' ')[0],
        phone: lines[2].msisdn,
        role,
        companies: [company.id],
        departments: deps,
      })
      logins.push({ role, username: user.username as string, company: plan.name })
    }

    await seedSpendControl(payload, company.id, departments[0].id, days)
    await seedUsage(payload, rng, company.id, lines, days)
    companyIds.push(company.id)
  }

  // A group manager who works for both companies and so picks one after login (A5).
  const group = await create(payload, 'users', {
    username: '71428793860',
    email: 'gestor@grupo-demo.com.br',
    password: DEMO_PASSWORD,
    firstName: 'Gestor',
    lastName: 'Grupo',
    role: 'admin',
    companies: companyIds,
  })
  logins.push({ role: 'admin', username: group.username as string, company: COMPANIES.map((c) => c.name).join(', ') })

  if (options.log !== false) {
    payload.logger.info(`Dados de demonstração criados em ${((Date.now() - started) / 1000).toFixed(1)} s`)
    printDemoLogins(payload, logins)
  }
  return { logins }
}

/** The line's voice franchise (minutes): the demo transfer moves 1 000 of its 30 000 minutes (a transfer must fit what the line has). */
async function firstIndividualOffer(payload: Payload, line: Id): Promise<Id | undefined> {
  const where: Where = { and: [{ line: { equals: line } }, { kind: { equals: 'individual' } }, { unit: { equals: 'minutes' } }] }
  const found = await payload.find({ collection: 'offers', where, limit: 1, sort: 'createdAt', depth: 0, overrideAccess: true })
  return found.docs[0]?.id
}

export function printDemoLogins(payload: Payload, logins: { role: string; username: string; company: string }[]) {
  const rows = logins.map((l) => `  ${l.role.padEnd(9)} ${l.username}  (${l.company})`).join('\n')
  payload.logger.info(`\nLogins de demonstração (senha: ${DEMO_PASSWORD}):\n${rows}\n`)
}

/** On later starts: the demo logins that still exist, so the log always tells how to sign in. */
export async function printExistingDemoLogins(payload: Payload) {
  const users = await payload.find({
    collection: 'users',
    where: { or: [{ email: { like: '-demo.com.br' } }, { email: { equals: 'suporte@gol.local' } }] },
    depth: 1,
    limit: 20,
    overrideAccess: true,
  })
  if (!users.docs.length) return
  printDemoLogins(
    payload,
    users.docs.map((u: any) => ({ role: u.role, username: u.username, company: u.companies?.map((c: any) => c.name).join(', ') || 'todas' })),
  )
}

async function seedOperatorPrefixes(payload: Payload) {
  const ranges: [string, string][] = [
    ['551199', 'claro'], ['551998', 'claro'], ['551999', 'claro'], ['552199', 'claro'], ['554198', 'claro'],
    ['551198', 'vivo'], ['551997', 'vivo'], ['552198', 'vivo'], ['551197', 'tim'], ['552197', 'tim'],
    ['551996', 'tim'], ['554199', 'tim'], ['551194', 'oi'], ['552196', 'oi'],
  ]
  for (const [prefix, operator] of ranges) await create(payload, 'operator-prefixes', { prefix, operator })
}

/**
 * Spend control (issue 15) on a fresh demo: a tariff in force before the first usage event, so
 * the usage seeded next has a cost, and two caps that only alert (a blocking one would refuse
 * calls in the other screens' demos): the whole company and its first department.
 */
async function seedSpendControl(payload: Payload, company: Id, department: Id, days: number) {
  await create(payload, 'tariffs', {
    company,
    name: 'Tarifa demonstração',
    validFrom: new Date(Date.now() - (days + 1) * 86_400_000).toISOString(),
    voicePerMinute: 0.25,
    firstIncrementS: 30,
    nextIncrementS: 6,
    smsPerMessage: 0.1,
    dataPerMB: 0.0975,
  })
  await create(payload, 'spend-caps', { company, name: 'Gasto da empresa', scope: 'company', amount: 2000, control: 'notify' })
  await create(payload, 'spend-caps', { company, name: 'Gasto do departamento', scope: 'department', department, amount: 150, control: 'notify' })
}

/**
 * A few weeks of usage per active line, recorded through the engine as the network would send
 * it (POST /api/engine/usage): rated, counted in `consumption`, notices at 60/80/100 %, so the
 * line page, the balance and the next decision all see the same consumption.
 */
async function seedUsage(payload: Payload, rng: Rng, company: Id, lines: { id: Id; msisdn?: unknown; status?: unknown; quota?: unknown }[], days: number) {
  const now = Date.now()
  const events: IngestEvent[] = []
  for (const line of lines) {
    if (line.status !== 'active') continue
    // A line whose pool quota is blocked gets no data session (the engine refuses them).
    const dataBlocked = (line.quota as { control?: string } | undefined)?.control === 'blocked'
    const count = randomInt(rng, 8, 24)
    for (let i = 0; i < count; i++) {
      const at = new Date(now - randomInt(rng, 1, days * 24 * 60) * 60_000)
      const base = { index: events.length, id: `demo-${String(company)}-${events.length}`, line: String(line.msisdn), at }
      if (rng() < 0.35 && !dataBlocked) events.push({ ...base, service: 'data', units: randomInt(rng, 1, 400) * 1_048_576, group: pick(rng, DATA_GROUPS) })
      else {
        const d = pick(rng, DESTINATIONS)
        events.push({ ...base, service: d.service, destination: d.destination, units: d.service === 'voice' ? randomInt(rng, 10, 900) : 1 })
      }
    }
  }
  // In the order they happened, as the network sends them (notices then fall on the right event).
  events.sort((x, y) => x.at.getTime() - y.at.getTime())
  const engine = await engineFor(payload)
  const result = await engine.ingest(events, (msisdn) => engine.snapshots.byMsisdn(msisdn))
  if (result.rejected.length) throw new Error(`demo usage refused: ${JSON.stringify(result.rejected.slice(0, 3))}`)
}
