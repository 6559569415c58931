import { describe, expect, it } from 'vitest'
import { classify, type Service, type UsageCategory } from '../../../src/engine/core'
import { USAGE_CATEGORIES } from '../../../src/domain/categories'
import { snapshotOf } from './fixtures'

const line = snapshotOf() // line 5511987654321 (DDD 11)

type Row = [service: Service, dialled: string, category: UsageCategory, e164: string]

const rows: Row[] = [
  // local fixed / mobile, formatting tolerated
  ['voice', '33334444', 'voice.local.fixed', '551133334444'],
  ['voice', '3333-4444', 'voice.local.fixed', '551133334444'],
  ['voice', '(11) 3333-4444', 'voice.local.fixed', '551133334444'],
  ['voice', '991234567', 'voice.local.claro', '5511991234567'],
  ['voice', '99123-4567', 'voice.local.claro', '5511991234567'],
  ['voice', '981234567', 'voice.local.other', '5511981234567'],
  ['voice', '961234567', 'voice.local.other', '5511961234567'], // not in the prefix table
  ['voice', '971110000', 'voice.local.claro', '5511971110000'], // ported into Claro
  ['voice', '991110000', 'voice.local.other', '5511991110000'], // ported away from Claro
  ['voice', '91234567', 'voice.local.claro', '5511991234567'], // pre-2016 8-digit mobile
  // same DDD through national forms is still local
  ['voice', '+55 11 99123-4567', 'voice.local.claro', '5511991234567'],
  ['voice', '02111991234567', 'voice.local.claro', '5511991234567'],
  ['voice', '1133334444', 'voice.local.fixed', '551133334444'],
  // national (long distance)
  ['voice', '02121991234567', 'voice.national.claro', '5521991234567'],
  ['voice', '0 15 21 99123-4567', 'voice.national.claro', '5521991234567'],
  ['voice', '+5521981234567', 'voice.national.other', '5521981234567'],
  ['voice', '5521981234567', 'voice.national.other', '5521981234567'],
  ['voice', '21971234567', 'voice.national.other', '5521971234567'],
  ['voice', '2133334444', 'voice.national.fixed', '552133334444'],
  ['voice', '01221 3333 4444', 'voice.national.fixed', '552133334444'],
  ['voice', '+55 61 3333-4444', 'voice.national.fixed', '556133334444'],
  ['voice', '1999999999', 'voice.national.claro', '5519999999999'], // the seed's list example
  // intragroup
  ['voice', '987650000', 'voice.intragroup.local', '5511987650000'],
  ['voice', '+5511987650000', 'voice.intragroup.local', '5511987650000'],
  ['voice', '+5521981110000', 'voice.intragroup.national', '5521981110000'],
  ['voice', '02121981110000', 'voice.intragroup.national', '5521981110000'],
  // international
  ['voice', '0021447912345678', 'voice.international.mobile', '447912345678'],
  ['voice', '+44 7912 345678', 'voice.international.mobile', '447912345678'],
  ['voice', '+351912345678', 'voice.international.mobile', '351912345678'],
  ['voice', '+33142685300', 'voice.international.fixed', '33142685300'],
  ['voice', '+1 212 555 1234', 'voice.international.fixed', '12125551234'],
  ['voice', '00411212555123', 'voice.international.fixed', '1212555123'],
  ['voice', '0021 5521981234567', 'voice.national.other', '5521981234567'], // 00+CSP+55 is just national
  // collect
  ['voice', '9090991234567', 'voice.collect', '5511991234567'],
  ['voice', '909033334444', 'voice.collect', '551133334444'],
  ['voice', '902121991234567', 'voice.collect', '5521991234567'],
  ['collect', '991234567', 'voice.collect', '5511991234567'],
  ['collect', '9090991234567', 'voice.collect', '5511991234567'],
  ['collect', '+5521981234567', 'voice.collect', '5521981234567'],
  // special numbers
  ['voice', '08001234567', 'voice.special', '558001234567'],
  ['voice', '0800 123 4567', 'voice.special', '558001234567'],
  ['voice', '+55 800 123 4567', 'voice.special', '558001234567'],
  ['voice', '03001234567', 'voice.special', '553001234567'],
  ['voice', '05001234567', 'voice.special', '555001234567'],
  ['voice', '09001234567', 'voice.special', '559001234567'],
  ['voice', '40041234', 'voice.special', '5540041234'],
  ['voice', '4004-1234', 'voice.special', '5540041234'],
  ['voice', '1140041234', 'voice.special', '5540041234'],
  ['voice', '30031234', 'voice.special', '5530031234'],
  ['voice', '40201234', 'voice.special', '5540201234'],
  ['voice', '190', 'voice.special', '55190'],
  ['voice', '100', 'voice.special', '55100'],
  ['voice', '1052', 'voice.special', '551052'],
  ['voice', '35743', 'voice.special', '5535743'],
  // SMS
  ['sms', '991234567', 'sms.claro', '5511991234567'],
  ['sms', '981234567', 'sms.other', '5511981234567'],
  ['sms', '+5521991234567', 'sms.claro', '5521991234567'],
  ['sms', '02121981234567', 'sms.other', '5521981234567'],
  ['sms', '+5521981110000', 'sms.claro', '5521981110000'], // a company line: Claro whatever the prefix says
  ['sms', '+447912345678', 'sms.international', '447912345678'],
  ['sms', '+12125551234', 'sms.international', '12125551234'],
  ['sms', '35743', 'sms.special', '5535743'],
  ['sms', '4004', 'sms.special', '554004'],
  ['sms', '08001234567', 'sms.special', '558001234567'],
]

describe('classify: every category in its dialling forms', () => {
  it.each(rows)('%s to %s → %s', (service, dialled, category, e164) => {
    const result = classify(line, service, dialled)
    expect(result).toMatchObject({ ok: true, category, destination: { e164 } })
  })

  it('covers every usage category of the domain', () => {
    const covered = new Set<UsageCategory>(rows.map((r) => r[2]))
    covered.add(classify(line, 'data', undefined).ok ? 'data' : 'voice.special')
    expect([...USAGE_CATEGORIES].filter((c) => !covered.has(c))).toEqual([])
  })

  it('flags toll-free and emergency numbers', () => {
    const emergency = classify(line, 'voice', '190')
    expect(emergency.ok && emergency.destination).toMatchObject({ tollFree: true, emergency: true })
    const free = classify(line, 'voice', '08001234567')
    expect(free.ok && free.destination).toMatchObject({ tollFree: true, emergency: false })
    const premium = classify(line, 'voice', '09001234567')
    expect(premium.ok && premium.destination).toMatchObject({ tollFree: false })
  })

  it('classifies relative to the line: the same 9 digits are national for a line in another DDD', () => {
    const rio = snapshotOf({
      line: { id: 'l2', msisdn: '5521991230000', status: 'active', companyId: 'c1', accountId: 'a1' },
    })
    expect(classify(rio, 'voice', '+5511991234567')).toMatchObject({ category: 'voice.national.claro' })
    expect(classify(rio, 'voice', '991234567')).toMatchObject({ category: 'voice.local.claro', destination: { e164: '5521991234567' } })
  })
})

describe('classify: invalid destinations say why', () => {
  it.each<[Service, string | undefined, RegExp]>([
    ['voice', undefined, /não informado/],
    ['voice', '', /não informado/],
    ['voice', 'abc', /caracteres/],
    ['voice', '9912#4567', /caracteres/],
    ['voice', '12345678901234567', /não reconhecido/],
    ['voice', '02011991234567', /CSP 20/],
    ['voice', '0023447912345678', /CSP 23/],
    ['voice', '+552033334444', /DDD 20 inexistente/],
    ['voice', '2033334444', /DDD 20 inexistente/],
    ['voice', '812345678', /assinante inválido/],
    ['voice', '13334444', /assinante inválido/],
    ['voice', '011991234567', /0 \+ CSP/],
    ['voice', '+123', /internacional inválido/],
    ['voice', '57', /não reconhecido/],
    ['voice', '290', /não reconhecido/],
    ['sms', '33334444', /telefone fixo/],
    ['sms', '9090991234567', /a cobrar/],
    ['collect', '+447912345678', /nacionais/],
    ['collect', '08001234567', /nacionais/],
  ])('%s to %s', (service, dialled, message) => {
    const result = classify(line, service, dialled)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(message)
  })
})

describe('operator data and company lines', () => {
  it('longest prefix wins, portability overrides the prefix table', async () => {
    const { compileOperators } = await import('../../../src/engine/core')
    const index = compileOperators({
      prefixes: [
        { prefix: '55', operator: 'oi' },
        { prefix: '55219', operator: 'vivo' },
        { prefix: '5521991', operator: 'claro' },
      ],
      portability: [{ msisdn: '+55 21 99100-0000', operator: 'tim' }],
    })
    expect(index.operatorOf('5521991234567')).toBe('claro')
    expect(index.operatorOf('5521981234567')).toBe('vivo')
    expect(index.operatorOf('5531981234567')).toBe('oi')
    expect(index.operatorOf('5521991000000')).toBe('tim')
    expect(index.operatorOf('447912345678')).toBeUndefined()
    expect(() => compileOperators({ prefixes: [{ prefix: '55a', operator: 'oi' }] })).toThrow(/Prefixo/)
  })

  it('company lines may be given as a predicate', () => {
    const snapshot = snapshotOf({ companyLines: (e164) => e164 === '5511981234567' })
    expect(classify(snapshot, 'voice', '981234567')).toMatchObject({ category: 'voice.intragroup.local' })
    expect(classify(snapshot, 'voice', '981234568')).toMatchObject({ category: 'voice.local.other' })
  })
})
