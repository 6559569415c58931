import { describe, expect, it } from 'vitest'
import { Holidays } from '../../../src/collections/Holidays'
import { Lines } from '../../../src/collections/Lines'
import { Profiles } from '../../../src/collections/Profiles'
import { Users } from '../../../src/collections/Users'
import {
  describeBackup,
  describeChangedParts,
  describeCreate,
  describeDelete,
  describeRestoredItem,
  describeUpdate,
  diffDocs,
  entityOf,
  formatLimit,
  type FieldLike,
} from '../../../src/hooks/audit/describe'

const names: Record<string, string> = { 'departments:1': 'Vendas', 'departments:2': 'RH', 'profiles:7': 'MKT PME 123', 'accounts:3': '159964213' }
const resolve = (collection: string, id: unknown) => names[`${collection}:${String(id)}`]
const fields = (c: { fields: unknown[] }) => c.fields as FieldLike[]
const profile = entityOf('profiles')

describe('profile changes in the carrier guide wording', () => {
  it('describes the seed example exactly', () => {
    const before = { name: 'MKT PME 123', limits: [{ id: 'a', category: 'sms.other', control: 'limited', quantity: 2 }] }
    const after = { name: 'MKT PME 123', limits: [{ id: 'b', category: 'sms.other', control: 'limited', quantity: 100 }] }
    expect(describeUpdate(profile, fields(Profiles), before, after, resolve)).toEqual({
      event: 'Alteração do perfil: MKT PME 123 limite: SMS para Móvel Outras Operadoras de: 2 SMS para: 100 SMS',
      description: 'Modificação de perfil',
    })
  })

  it('names limits by category whatever their order, and tells added and removed ones', () => {
    const before = { limits: [{ category: 'voice.local.claro', control: 'unlimited' }, { category: 'sms.claro', control: 'blocked' }] }
    const after = { limits: [{ category: 'sms.claro', control: 'blocked' }, { category: 'voice.local.other', control: 'limited', quantity: 30 }] }
    expect(diffDocs(fields(Profiles), before, after, resolve)).toEqual([
      'limite: Local para Móvel Claro de: Ilimitado para: (vazio)',
      'limite: Local para Móvel Outras Operadoras de: (vazio) para: 30 MIN',
    ])
  })

  it('lists, calendar days, holidays and windows', () => {
    const before = { lists: [], calendar: { days: ['mon', 'tue'], holidays: true, windows: [{ from: '08:00', to: '18:00' }] } }
    const after = {
      lists: [{ type: 'allowed', usage: 'sms', scope: 'national', number: '1999999999' }],
      calendar: { days: ['mon'], holidays: false, windows: [{ from: '08:00', to: '12:00' }] },
    }
    expect(diffDocs(fields(Profiles), before, after, resolve)).toEqual([
      'número: 1999999999 de: (vazio) para: Permitida, SMS, Nacional',
      'Calendário / Dias da semana de: Segunda-feira, Terça-feira para: Segunda-feira',
      'Calendário / Feriados de: Sim para: Não',
      'Calendário / Horários de: 08:00-18:00 para: 08:00-12:00',
    ])
  })

  it('nothing worth telling: no entry', () => {
    const doc = { name: 'X', updatedAt: '2026-01-01', limits: [{ id: '1', category: 'sms.other', control: 'blocked' }] }
    expect(describeUpdate(profile, fields(Profiles), doc, { ...doc, updatedAt: '2026-02-02', limits: [{ id: '2', category: 'sms.other', control: 'blocked' }] }, resolve)).toBeNull()
  })
})

describe('other collections', () => {
  it('line: relations by name, selects by label, groups with their label', () => {
    const before = { msisdn: '5519989102862', name: 'CLARISSA', department: 1, profile: null, status: 'active', quota: { control: 'unlimited' } }
    const after = { ...before, department: 2, profile: 7, status: 'blocked', quota: { control: 'limited', amountMB: 1024 } }
    expect(describeUpdate(entityOf('lines'), fields(Lines), before, after, resolve)?.event).toBe(
      'Alteração do assinante: 5519989102862 Status de: Ativo para: Bloqueado; Departamento de: Vendas para: RH; Perfil da linha de: (vazio) para: MKT PME 123; ' +
        'Cota da franquia compartilhada / Limite de: Ilimitado para: Limitado; Cota da franquia compartilhada / Cota (MB) de: (vazio) para: 1024',
    )
  })

  it('holiday creation lists its values; deletion names it', () => {
    const doc = { id: 4, name: 'Natal', date: '2024-12-25', ddd: 19, company: 1 }
    expect(describeCreate(entityOf('holidays'), fields(Holidays), doc, resolve)).toEqual({
      event: 'Criação de Feriado Dia:2024-12-25 nome: Natal DDD: 19',
      description: 'Criar Feriado Cliente',
    })
    expect(describeDelete(entityOf('holidays'), doc)).toEqual({ event: 'Exclusão do feriado: Natal', description: 'Exclusão de feriado' })
  })

  it('users: block and unblock are their own events; secrets and sessions are never described', () => {
    const before = { username: '34337361898', blocked: false, hash: 'x', salt: 'y', sessions: [], loginAttempts: 0 }
    const after = { ...before, blocked: true, hash: 'z', sessions: [{ id: 's' }], loginAttempts: 3 }
    expect(describeUpdate(entityOf('users'), fields(Users), before, after, resolve)).toEqual({
      event: 'Alteração do usuário: 34337361898 Bloqueado de: Não para: Sim',
      description: 'Bloqueio de usuário',
    })
    expect(describeUpdate(entityOf('users'), fields(Users), after, before, resolve)?.description).toBe('Desbloqueio de usuário')
    expect(describeUpdate(entityOf('users'), fields(Users), before, { ...before, selectedCompany: 3 }, resolve)).toBeNull()
    expect(describeUpdate(entityOf('users'), fields(Users), before, before, resolve, ['senha alterada'])?.event).toBe('Alteração do usuário: 34337361898 senha alterada')
  })

  it('an unknown collection is named by its label', () => {
    expect(entityOf('operator-prefixes', 'prefixo').events).toEqual(['Criação de prefixo', 'Modificação de prefixo', 'Exclusão de prefixo'])
  })
})

/** The guide's H2 examples, column by column (Evento: the detail; Descrição: the action). */
describe("audit wording against the guide's Histórico de transações", () => {
  const holiday = { id: 4, name: 'Natal', date: '2024-12-25', company: 1 }
  const limit = (quantity: number) => ({ name: 'MKT PME 123', limits: [{ category: 'sms.other', control: 'limited', quantity }] })
  it.each([
    ['Criação de Feriado Dia:2024-12-25 nome: Natal', 'Criar Feriado Cliente', () => describeCreate(entityOf('holidays'), fields(Holidays), holiday, resolve)],
    [
      'Alteração do perfil: MKT PME 123 limite: SMS para Móvel Outras Operadoras de: 2 SMS para: 100 SMS',
      'Modificação de perfil',
      () => describeUpdate(profile, fields(Profiles), limit(2), limit(100), resolve),
    ],
    [
      'Alteração do perfil , alterações são: Calendario, Limite',
      'Modificação de perfil',
      () => describeChangedParts(profile, fields(Profiles), { ...limit(2), calendar: { days: ['mon'] } }, { ...limit(100), calendar: { days: ['tue'] } }, resolve),
    ],
    ['Exclusão do feriado: Natal', 'Exclusão de feriado', () => describeDelete(entityOf('holidays'), holiday)],
    ['Backup de assinante', 'Criação do Backup de assinante', () => describeBackup('subscribers', 'assinantes_20250526144355', 'create')],
    [
      'A configuração para o feriado "DIA DE RELAXAR" foi restaurado dia: 2024-09-04',
      'Restauração do Backup geral',
      () => describeRestoredItem('general', 'o feriado', 'DIA DE RELAXAR', 'update', ['Data de: 2024-09-05 para: 2024-09-04']),
    ],
  ])('Evento "%s" | Descrição "%s"', (evento, descricao, make) => {
    expect(make()).toEqual({ event: evento, description: descricao })
  })
})

describe('limits, backups and restores', () => {
  it.each([
    [{ category: 'sms.other', control: 'limited', quantity: 2 }, '2 SMS'],
    [{ category: 'voice.local.fixed', control: 'limited', quantity: 0 }, '0 MIN'],
    [{ category: 'voice.local.fixed', control: 'blocked' }, 'Bloqueado'],
    [{ category: 'sms.claro', control: 'unlimited' }, 'Ilimitado'],
    [undefined, '(vazio)'],
  ])('formats %j as %s', (row, text) => expect(formatLimit(row)).toBe(text))

  it('backups as in the guide', () => {
    expect(describeBackup('general', 'gerais_20250526144355', 'create')).toEqual({ event: 'Backup geral', description: 'Criação do Backup geral' })
    expect(describeBackup('general', 'gerais_20250526144355', 'delete')).toEqual({ event: 'Backup geral: gerais_20250526144355', description: 'Exclusão do Backup geral' })
  })

  it('restored items as in the guide', () => {
    expect(describeRestoredItem('general', 'o feriado', 'DIA DE RELAXAR', 'update', ['Data de: 2024-09-05 para: 2024-09-04'])).toEqual({
      event: 'A configuração para o feriado "DIA DE RELAXAR" foi restaurado dia: 2024-09-04',
      description: 'Restauração do Backup geral',
    })
    // More than the date came back: every change is named.
    expect(describeRestoredItem('general', 'o feriado', 'Natal A', 'update', ['Data de: 2026-12-24 para: 2026-12-25', 'Nome de: Natal alterado para: Natal A']).event).toBe(
      'A configuração para o feriado "Natal A" foi restaurada: Data de: 2026-12-24 para: 2026-12-25; Nome de: Natal alterado para: Natal A',
    )
    expect(describeRestoredItem('departments', 'o departamento', 'Diretoria', 'delete', []).event).toBe(
      'A configuração para o departamento "Diretoria" foi removida (criada após o backup)',
    )
    expect(describeRestoredItem('users', 'o usuário', '34337361898', 'create', []).event).toBe('A configuração para o usuário "34337361898" foi recriada')
    expect(describeRestoredItem('users', 'o usuário', '34337361898', 'detach', []).event).toBe(
      'A configuração para o usuário "34337361898" foi desvinculada da empresa (vinculada após o backup)',
    )
  })
})
