import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../helpers/app'
import { loginAs, makeWorld, PASSWORD, type World } from '../../helpers/world'
import { create } from './fixtures'

let app: TestApp
let world: World
let admin: string
let support: string
const ADMIN_ROLE = 'Administrador'

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  admin = await loginAs(app.rest, app.payload, world.a.users.admin)
  support = await loginAs(app.rest, app.payload, world.support)
})
afterAll(async () => app?.close())

/** The newest audit entries of company A (or of every company), oldest first. */
async function latest(n: number, company: unknown = world.a.company.id) {
  const found = await app.payload.find({
    collection: 'transactions',
    where: company == null ? {} : { company: { equals: company } },
    sort: '-id',
    limit: n,
    depth: 0,
    overrideAccess: true,
  })
  return found.docs.reverse().map((d: any) => ({ role: d.role, userLogin: d.userLogin, event: d.event, description: d.description }))
}

/** An expected entry, written action first: Descrição (the short action), then Evento (the detail), as the guide's H2 shows them. */
const by = (login: string, role = ADMIN_ROLE) => (descricao: string, evento: string) => ({ role, userLogin: login, event: evento, description: descricao })

async function ok(res: { status: number; body: any }, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  return res.body
}

describe('audit trail (H2): each kind of change, word for word', () => {
  const a = () => world.a
  const entry = () => by(a().users.admin.username)

  it('1-3 lines: create, change, delete', async () => {
    const line = (await ok(await app.rest.post('/lines', { company: a().company.id, account: a().account.id, msisdn: '5519988776655', name: 'Carlos' }, admin), 201)).doc
    await ok(await app.rest.patch(`/lines/${line.id}`, { name: 'Carlos Souza', department: a().departments[0].id, extension: '1234' }, admin))
    await ok(await app.rest.delete(`/lines/${line.id}`, admin))
    expect(await latest(3)).toEqual([
      entry()('Criação de assinante', `Criação do assinante: 5519988776655 Nome: Carlos; Nº da linha: 5519988776655; Status: Ativo; Nº da conta: ${String(a().account.number)}; Cota da franquia compartilhada / Limite: Ilimitado`),
      entry()('Modificação de assinante', 'Alteração do assinante: 5519988776655 Nome de: Carlos para: Carlos Souza; Departamento de: (vazio) para: Empresa A Vendas; Ramal de: (vazio) para: 1234'),
      entry()('Exclusão de assinante', 'Exclusão do assinante: 5519988776655'),
    ])
  })

  it('4 a line moved to another profile and a suspended status', async () => {
    const profile = await create(app.payload, 'profiles', { company: a().company.id, name: 'MKT PME 123' })
    await ok(await app.rest.patch(`/lines/${String(a().lines[1].id)}`, { profile: profile.id, status: 'suspended' }, admin))
    expect(await latest(1)).toEqual([
      entry()('Modificação de assinante', `Alteração do assinante: ${String(a().lines[1].msisdn)} Status de: Ativo para: Suspenso; Perfil da linha de: Empresa A Padrão para: MKT PME 123`),
    ])
  })

  it('5-9 profiles: the seed example, lists, calendar, rename, delete', async () => {
    const profile = (
      await ok(
        await app.rest.post(
          '/profiles',
          { company: a().company.id, name: 'MKT PME 124', limits: [{ category: 'sms.other', control: 'limited', quantity: 2 }], calendar: { days: ['mon', 'tue'], holidays: true, windows: [{ from: '08:00', to: '18:00' }] } },
          admin,
        ),
        201,
      )
    ).doc
    await ok(await app.rest.patch(`/profiles/${profile.id}`, { limits: [{ category: 'sms.other', control: 'limited', quantity: 100 }] }, admin))
    await ok(await app.rest.patch(`/profiles/${profile.id}`, { lists: [{ type: 'blocked', usage: 'voice', scope: 'international', number: '0021551234' }], limits: [{ category: 'sms.other', control: 'blocked' }, { category: 'voice.local.claro', control: 'limited', quantity: 30 }] }, admin))
    await ok(await app.rest.patch(`/profiles/${profile.id}`, { name: 'MKT PME 125', calendar: { days: ['mon'], holidays: false, windows: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '18:00' }] } }, admin))
    await ok(await app.rest.delete(`/profiles/${profile.id}`, admin))
    // Each change of lists, calendar or limits: the detail, then the guide's summary ("alterações são: Calendario, Limite").
    const summary = (parts: string) => entry()('Modificação de perfil', `Alteração do perfil , alterações são: ${parts}`)
    expect(await latest(8)).toEqual([
      entry()(
        'Criação de perfil',
        'Criação do perfil: MKT PME 124 Nome do perfil: MKT PME 124; Calendário / Dias da semana: Segunda-feira, Terça-feira; Calendário / Feriados: Sim; Calendário / Horários: 08:00-18:00; limite: SMS para Móvel Outras Operadoras: 2 SMS',
      ),
      entry()('Modificação de perfil', 'Alteração do perfil: MKT PME 124 limite: SMS para Móvel Outras Operadoras de: 2 SMS para: 100 SMS'),
      summary('Limite'),
      entry()(
        'Modificação de perfil',
        'Alteração do perfil: MKT PME 124 número: 0021551234 de: (vazio) para: Bloqueada, Voz, Internacional; limite: SMS para Móvel Outras Operadoras de: 100 SMS para: Bloqueado; limite: Local para Móvel Claro de: (vazio) para: 30 MIN',
      ),
      summary('Lista, Limite'),
      entry()(
        'Modificação de perfil',
        'Alteração do perfil: MKT PME 125 Nome do perfil de: MKT PME 124 para: MKT PME 125; Calendário / Dias da semana de: Segunda-feira, Terça-feira para: Segunda-feira; Calendário / Feriados de: Sim para: Não; Calendário / Horários de: 08:00-18:00 para: 08:00-12:00, 13:00-18:00',
      ),
      summary('Calendario'),
      entry()('Exclusão de perfil', 'Exclusão do perfil: MKT PME 125'),
    ])
  })

  it('10-12 holidays: create, change, delete', async () => {
    const h = (await ok(await app.rest.post('/holidays', { company: a().company.id, date: '2026-12-25', name: 'Natal' }, admin), 201)).doc
    await ok(await app.rest.patch(`/holidays/${h.id}`, { name: 'Véspera', date: '2026-12-24', state: 'SP' }, admin))
    await ok(await app.rest.delete(`/holidays/${h.id}`, admin))
    expect(await latest(3)).toEqual([
      entry()('Criar Feriado Cliente', 'Criação de Feriado Dia:2026-12-25 nome: Natal'),
      entry()('Modificação de feriado', 'Alteração do feriado: Véspera Data de: 2026-12-25 para: 2026-12-24; Nome de: Natal para: Véspera; Estado de: (vazio) para: SP'),
      entry()('Exclusão de feriado', 'Exclusão do feriado: Véspera'),
    ])
  })

  it('13-14 departments and general settings', async () => {
    await ok(await app.rest.patch(`/departments/${String(a().departments[1].id)}`, { name: 'Recursos Humanos' }, admin))
    await ok(await app.rest.patch(`/companies/${String(a().company.id)}`, { csp: '41', interruptAtLimit: true }, admin))
    expect(await latest(2)).toEqual([
      entry()('Modificação de departamento', 'Alteração do departamento: Recursos Humanos Nome do departamento de: Empresa A RH para: Recursos Humanos'),
      entry()('Modificação de configurações gerais', 'Alteração da empresa: Empresa A Fidelização de CSP de: 21 - Claro/Embratel para: 41 - TIM; Interromper a ligação ao atingir o limite definido de: Não para: Sim'),
    ])
  })

  it('15 shared offer and a line quota', async () => {
    const pool = (await ok(await app.rest.post('/offers', { company: a().company.id, account: a().account.id, kind: 'shared', offer: 'Claro Total Compartilhado', package: 'CTC 30GB', unit: 'mb', amount: 30720 }, admin), 201)).doc
    await ok(await app.rest.patch(`/lines/${String(a().lines[2].id)}`, { quota: { control: 'limited', amountMB: 1024 } }, admin))
    expect(await latest(2)).toEqual([
      entry()('Criação de oferta', `Criação da oferta: Claro Total Compartilhado - CTC 30GB Oferta: Claro Total Compartilhado; Pacote: CTC 30GB; Tipo: Compartilhado; Unidade: MB; Franquia: 30720; Nº da conta: ${String(a().account.number)}`),
      entry()('Modificação de assinante', `Alteração do assinante: ${String(a().lines[2].msisdn)} Cota da franquia compartilhada / Limite de: Ilimitado para: Limitado; Cota da franquia compartilhada / Cota (MB) de: (vazio) para: 1024`),
    ])
    expect(pool.id).toBeDefined()
  })

  it('16-20 users: create, role change, block, unblock, delete', async () => {
    const u = (
      await ok(
        await app.rest.post('/users', { username: '52998224725', email: 'novo.usuario@example.com', password: 'Senha@Inicial1', firstName: 'Novo', lastName: 'Usuário', role: 'viewer', companies: [a().company.id] }, admin),
        201,
      )
    ).doc
    await ok(await app.rest.patch(`/users/${u.id}`, { role: 'subadmin', departments: [a().departments[0].id] }, admin))
    await ok(await app.rest.patch(`/users/${u.id}`, { blocked: true }, admin))
    await ok(await app.rest.patch(`/users/${u.id}`, { blocked: false }, admin))
    await ok(await app.rest.delete(`/users/${u.id}`, admin))
    expect(await latest(5)).toEqual([
      entry()('Criação de usuário', 'Criação do usuário: 52998224725 Login (CPF): 52998224725; Nome: Novo; Sobrenome: Usuário; Perfil de Gestão: Perfil de consulta; Empresas: Empresa A; Senha temporária: Sim; Bloqueado: Não'), // a password the admin typed is temporary (issue 13)
      entry()('Modificação de usuário', 'Alteração do usuário: 52998224725 Perfil de Gestão de: Perfil de consulta para: Sub-administrador; Departamentos de: (vazio) para: Empresa A Vendas'),
      entry()('Bloqueio de usuário', 'Alteração do usuário: 52998224725 Bloqueado de: Não para: Sim'),
      entry()('Desbloqueio de usuário', 'Alteração do usuário: 52998224725 Bloqueado de: Sim para: Não'),
      entry()('Exclusão de usuário', 'Exclusão do usuário: 52998224725'),
    ])
  })

  it('21-22 login with the e-mailed code, and a lockout after wrong passwords', async () => {
    const viewer = world.a.users.viewer
    await loginAs(app.rest, app.payload, viewer)
    expect(await latest(1)).toEqual([by(viewer.username, 'Perfil de consulta')('Login', 'Acesso ao Gestor Online com código enviado por e-mail')])
    const target = world.a.users.subadmin
    for (let i = 0; i < 5; i++) await app.rest.request('POST', '/users/login', { body: { username: target.username, password: 'Errada@123' }, headers: { 'x-forwarded-for': `10.9.0.${i}` } })
    const lock = await latest(1)
    expect(lock).toEqual([by(target.username, 'Sub-administrador')('Bloqueio de usuário', 'Acesso bloqueado temporariamente após tentativas de login com senha incorreta')])
    expect(PASSWORD).toBeTruthy()
  })

  it('23-25 backups: create, several at once, delete; restore request', async () => {
    const one = (await ok(await app.rest.post('/backups', { company: a().company.id, category: 'subscribers' }, admin), 201)).doc
    const many = await ok(await app.rest.post('/backups/batch', { categories: ['general', 'users'] }, admin), 201)
    await ok(await app.rest.delete(`/backups/${String(many.docs[1].id)}`, admin))
    // The backup's own job is not run here (tests/integration/audit/backup-large.test.ts runs it): a restore names a finished one.
    await app.payload.db.updateOne({ collection: 'backups', id: one.id, data: { status: 'ok' } })
    await ok(await app.rest.post('/restores', { backup: one.id }, admin), 201)
    expect(await latest(5)).toEqual([
      entry()('Criação do Backup de assinante', 'Backup de assinante'),
      entry()('Criação do Backup geral', 'Backup geral'),
      entry()('Criação do Backup de usuário', 'Backup de usuário'),
      entry()('Exclusão do Backup de usuário', `Backup de usuário: ${String(many.docs[1].name)}`),
      entry()('Restauração do Backup de assinante', `Pedido de restauração do backup ${String(one.name)}`),
    ])
  })

  it('26 support acting in a company is recorded with its role', async () => {
    await ok(await app.rest.post('/accounts', { company: a().company.id, number: '998877665' }, support), 201)
    expect(await latest(1)).toEqual([by(world.support.username, 'Suporte Claro')('Criação de conta', 'Criação da conta: 998877665 Nº da conta: 998877665')])
  })
})

describe('the trail is written with the change, and nobody can alter it', () => {
  it('a change that fails leaves no entry (same transaction)', async () => {
    const before = (await latest(1))[0]
    const res = await app.rest.post('/holidays', { company: world.a.company.id, date: '2026-13-45', name: 'Inválido' }, admin)
    expect(res.status).toBe(400)
    expect((await latest(1))[0]).toEqual(before)
  })

  it('an entry written inside a transaction that rolls back disappears with it', async () => {
    const { payload } = app
    const { createLocalReq, initTransaction, killTransaction } = await import('payload')
    const mine: Where = { and: [{ entity: { equals: 'holidays' } }, { event: { like: 'Consciência Negra' } }] }
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    let inside = 0
    try {
      await payload.create({ collection: 'holidays', data: { company: world.a.company.id, date: '2026-11-20', name: 'Consciência Negra' } as never, overrideAccess: true, req })
      inside = (await payload.find({ collection: 'transactions', where: mine, overrideAccess: true, req })).totalDocs
    } finally {
      await killTransaction(req)
    }
    expect(inside).toBe(1)
    expect((await payload.find({ collection: 'transactions', where: mine, overrideAccess: true })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'holidays', where: { name: { equals: 'Consciência Negra' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('support cannot create, edit or delete an entry by REST or GraphQL', async () => {
    const [entry] = (await app.payload.find({ collection: 'transactions', limit: 1, overrideAccess: true })).docs as any[]
    expect((await app.rest.post('/transactions', { event: 'x', at: new Date().toISOString() }, support)).status).toBe(403)
    expect((await app.rest.patch(`/transactions/${String(entry.id)}`, { description: 'apagado' }, support)).status).toBe(403)
    expect((await app.rest.delete(`/transactions/${String(entry.id)}`, support)).status).toBe(403)
    expect((await app.rest.delete(`/transactions?where[id][exists]=true`, support)).status).toBe(403)
    const gql = await app.rest.gql(`mutation { deleteTransaction(id: ${JSON.stringify(entry.id)}) { id } }`, {}, support)
    expect(gql.body.errors?.[0]?.message).toBeDefined()
    const upd = await app.rest.gql(`mutation { updateTransaction(id: ${JSON.stringify(entry.id)}, data: { description: "x" }) { id } }`, {}, support)
    expect(upd.body.errors?.[0]?.message).toBeDefined()
    const still: any = await app.payload.findByID({ collection: 'transactions', id: entry.id, overrideAccess: true })
    expect(still.description).toBe(entry.description)
  })

  it('company B sees none of company A entries', async () => {
    const token = await loginAs(app.rest, app.payload, world.b.users.admin)
    const res = await app.rest.get('/transactions?limit=1000&depth=0', token)
    expect(res.status).toBe(200)
    expect(res.body.docs.every((d: any) => String(d.company) === String(world.b.company.id))).toBe(true)
  })
})
