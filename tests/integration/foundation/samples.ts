import { generateMsisdn, generateCnpj, generateCpf, generateIccid } from '../../../src/validation/generate'
import type { Payload } from 'payload'
import type { World } from '../../helpers/world'
import { readyBackup } from '../../helpers/backups'

type Op = 'create' | 'update' | 'delete'

export interface Sample {
  collection: string
  create: (w: World) => Record<string, unknown>
  update: Record<string, unknown>
  /** Operations that no REST user, support included, may perform. */
  closed?: Op[]
  /** The GraphQL type name's stem, when it is not the capitalised slug. */
  gql?: string
}

const a = (w: World) => w.a

/** One valid document per collection, and a valid change to it. */
export const SAMPLES: Sample[] = [
  { collection: 'companies', create: (w) => ({ cnpj: generateCnpj(w.rng, { alphanumeric: true }), name: 'Nova', clientNumber: '55501234', renewalDay: 5 }), update: { csp: '41' } },
  { collection: 'accounts', create: (w) => ({ company: a(w).company.id, number: '77700011' }), update: { name: 'Conta matriz' } },
  { collection: 'departments', create: (w) => ({ company: a(w).company.id, name: 'Jurídico' }), update: { name: 'Jurídico e Compliance' } },
  {
    collection: 'profiles',
    create: (w) => ({
      company: a(w).company.id,
      name: 'Plantão',
      lists: [{ type: 'blocked', usage: 'voice', scope: 'national', number: '0900123456' }],
      calendar: { days: ['sat', 'sun'], holidays: true, windows: [{ from: '08:00', to: '12:00' }] },
      limits: [{ category: 'sms.other', control: 'limited', quantity: 50 }],
    }),
    update: { limits: [{ category: 'sms.other', control: 'limited', quantity: 100 }] },
  },
  {
    collection: 'lines',
    create: (w) => ({ company: a(w).company.id, account: a(w).account.id, msisdn: generateMsisdn(w.rng, 11), name: 'Nova linha', iccid: generateIccid(w.rng) }),
    update: { extension: '4321', status: 'suspended' },
  },
  { collection: 'holidays', create: (w) => ({ company: a(w).company.id, date: '2026-12-25', name: 'Natal' }), update: { name: 'Natal (feriado nacional)' } },
  {
    collection: 'offers',
    create: (w) => ({ company: a(w).company.id, account: a(w).account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: 'Claro Total Compartilhado 30GB', unit: 'mb', amount: 30720 }),
    update: { amount: 40960 },
  },
  {
    collection: 'transfers',
    create: (w) => ({ company: a(w).company.id, offer: a(w).profile.id, fromLine: a(w).lines[0].id, toLine: a(w).lines[1].id, amount: 100 }),
    update: { amount: 200 },
  },
  {
    collection: 'users',
    create: (w) => ({ username: generateCpf(w.rng), email: 'novo@example.com', password: 'Senha@Nova123', firstName: 'Novo', lastName: 'Usuário', role: 'viewer', companies: [a(w).company.id] }),
    update: { phone: '5519991234567' },
  },
  {
    collection: 'transactions',
    create: (w) => ({ company: a(w).company.id, at: new Date().toISOString(), event: 'Teste', description: 'Criado pelo teste' }),
    update: { description: 'alterado' },
    closed: ['create', 'update', 'delete'],
  },
  {
    collection: 'usage',
    create: (w) => ({ company: a(w).company.id, line: a(w).lines[0].id, eventId: `evt-${w.rng()}`, service: 'sms', category: 'sms.claro', at: new Date().toISOString(), units: 1 }),
    update: { units: 2 },
    closed: ['create', 'update', 'delete'],
  },
  {
    collection: 'consumption',
    create: (w) => ({ company: a(w).company.id, line: a(w).lines[0].id, cycle: '2026-11-16', key: 'sms.claro', units: 3 }),
    update: { units: 4 },
    closed: ['create', 'update', 'delete'],
  },
  {
    collection: 'notifications',
    create: (w) => ({ company: a(w).company.id, line: a(w).lines[0].id, packageKey: 'pool', threshold: '60', cycle: '2026-11-16' }),
    update: { status: 'sent' },
    closed: ['create', 'update'],
  },
  { collection: 'reports', create: (w) => ({ company: a(w).company.id, kind: 'subscribers', format: 'xlsx' }), update: { name: 'Relatório' } },
  {
    collection: 'backups',
    create: (w) => ({ company: a(w).company.id, name: 'departamento_20260101000000', category: 'departments', itemCount: 0 }),
    update: { name: 'x' },
    closed: ['update'],
  },
  {
    collection: 'restores',
    create: (w) => ({ company: a(w).company.id, backup: null, category: 'departments', status: 'pending' }),
    update: { status: 'success' },
    closed: ['update', 'delete'],
  },
  { collection: 'operator-prefixes', create: () => ({ prefix: '5519997', operator: 'vivo' }), update: { operator: 'tim' }, gql: 'OperatorPrefix' },
  { collection: 'ported-numbers', create: (w) => ({ msisdn: generateMsisdn(w.rng, 21), operator: 'claro' }), update: { operator: 'vivo' }, gql: 'PortedNumber' },
  { collection: 'outbox', create: () => ({ to: 'x@example.com', subject: 'Teste' }), update: { subject: 'y' }, closed: ['create', 'update'] },
]

/** Relations a sample cannot know in advance: a transfer needs an individual offer, a restore a backup. */
export async function withRelations(payload: Payload, w: World, collection: string, data: Record<string, unknown>) {
  const create = (slug: string, doc: Record<string, unknown>): Promise<{ id: number | string }> =>
    payload.create({ collection: slug as never, data: doc as never, overrideAccess: true }) as never
  if (collection === 'transfers') {
    data.offer = (
      await create('offers', { company: w.a.company.id, account: w.a.account.id, line: w.a.lines[0].id, kind: 'individual', offer: 'Claro Pós', package: 'Pacote VOZ', unit: 'minutes', amount: 1000 })
    ).id
  }
  if (collection === 'restores') {
    data.backup = (await readyBackup(payload, w.a.company.id)).id
  }
  return data
}
