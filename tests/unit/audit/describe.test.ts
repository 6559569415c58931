import { describe, expect, it } from 'vitest'
import { Holidays } from '../../../src/collections/Holidays'
import { Lines } from '../../../src/collections/Lines'
import { Profiles } from '../../../src/collections/Profiles'
import { Users } from '../../../src/collections/Users'
import {
  describeBackup,
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
      event: 'Modificação de perfil',
      description: 'Alteração do perfil: MKT PME 123 limite: SMS para Móvel Outras Operadoras de: 2 SMS para: 100 SMS',
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
    expect(describeUpdate(entityOf('lines'), fields(Lines), before, after, resolve)?.description).toBe(
      'Alteração do assinante: 5519989102862 Status de: Ativo para: Bloqueado; Departamento de: Vendas para: RH; Perfil de: (vazio) para: MKT PME 123; ' +
        'Cota da franquia compartilhada / Limite de: Ilimitado para: Limitado; Cota da franquia compartilhada / Cota (MB) de: (vazio) para: 1024',
    )
  })

  it('holiday creation lists its values; deletion names it', () => {
    const doc = { id: 4, name: 'Natal', date: '2024-12-25', ddd: 19, company: 1 }
    expect(describeCreate(entityOf('holidays'), fields(Holidays), doc, resolve)).toEqual({
      event: 'Criar Feriado Cliente',
      description: 'Criação do feriado: Natal Data: 2024-12-25; Nome: Natal; DDD: 19',
    })
    expect(describeDelete(entityOf('holidays'), doc)).toEqual({ event: 'Exclusão de feriado', description: 'Exclusão do feriado: Natal' })
  })

  it('users: block and unblock are their own events; secrets and sessions are never described', () => {
    const before = { username: '34337361898', blocked: false, hash: 'x', salt: 'y', sessions: [], loginAttempts: 0 }
    const after = { ...before, blocked: true, hash: 'z', sessions: [{ id: 's' }], loginAttempts: 3 }
    expect(describeUpdate(entityOf('users'), fields(Users), before, after, resolve)).toEqual({
      event: 'Bloqueio de usuário',
      description: 'Alteração do usuário: 34337361898 Bloqueado de: Não para: Sim',
    })
    expect(describeUpdate(entityOf('users'), fields(Users), after, before, resolve)?.event).toBe('Desbloqueio de usuário')
    expect(describeUpdate(entityOf('users'), fields(Users), before, { ...before, selectedCompany: 3 }, resolve)).toBeNull()
    expect(describeUpdate(entityOf('users'), fields(Users), before, before, resolve, ['senha alterada'])?.description).toBe('Alteração do usuário: 34337361898 senha alterada')
  })

  it('an unknown collection is named by its label', () => {
    expect(entityOf('operator-prefixes', 'prefixo').events).toEqual(['Criação de prefixo', 'Modificação de prefixo', 'Exclusão de prefixo'])
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
    expect(describeBackup('subscribers', 'assinantes_20250526144355', 'create')).toEqual({ event: 'Backup de assinante', description: 'Criação do Backup de assinante: assinantes_20250526144355' })
    expect(describeBackup('general', 'gerais_20250526144355', 'delete')).toEqual({ event: 'Exclusão de Backup geral', description: 'Exclusão do Backup geral: gerais_20250526144355' })
  })

  it('restored items as in the guide', () => {
    expect(describeRestoredItem('general', 'o feriado', 'DIA DE RELAXAR', 'update', ['Data de: 2024-09-05 para: 2024-09-04'])).toEqual({
      event: 'Restauração do Backup geral',
      description: 'A configuração para o feriado "DIA DE RELAXAR" foi restaurada: Data de: 2024-09-05 para: 2024-09-04',
    })
    expect(describeRestoredItem('departments', 'o departamento', 'Diretoria', 'delete', []).description).toBe(
      'A configuração para o departamento "Diretoria" foi removida (criada após o backup)',
    )
    expect(describeRestoredItem('users', 'o usuário', '34337361898', 'create', []).description).toBe('A configuração para o usuário "34337361898" foi recriada')
    expect(describeRestoredItem('users', 'o usuário', '34337361898', 'detach', []).description).toBe(
      'A configuração para o usuário "34337361898" foi desvinculada da empresa (vinculada após o backup)',
    )
  })
})
