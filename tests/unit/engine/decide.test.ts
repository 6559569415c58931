import { describe, expect, it } from 'vitest'
import {
  authorize,
  BYTES_PER_MB,
  DEFAULT_CALL_SECONDS,
  DEFAULT_DATA_CHUNK_BYTES,
  type AuthorizeEvent,
  type LineStatus,
  type ProfileData,
  type ReasonCode,
} from '../../../src/engine/core'
import { countersWith, openProfile, snapshotOf, sp, WEDNESDAY_10H } from './fixtures'

const call = (destination: string, at: Date = WEDNESDAY_10H, units?: number): AuthorizeEvent => ({
  service: 'voice',
  destination,
  at,
  units,
})

describe('line status comes first', () => {
  it.each<[LineStatus, boolean]>([
    ['active', true],
    ['suspended', false],
    ['blocked', false],
    ['cancelled', false],
  ])('%s line', (status, allow) => {
    const snapshot = snapshotOf({
      line: { id: 'l', msisdn: '5511987654321', status, companyId: 'c', accountId: 'a' },
      profile: openProfile({ lists: [{ type: 'allowed', usage: 'voice', scope: 'national', number: '991234567' }] }),
    })
    for (const event of [call('991234567'), call('190'), { service: 'data', at: WEDNESDAY_10H } as const]) {
      const decision = authorize(snapshot, countersWith(), event)
      expect(decision.allow).toBe(allow)
      if (!allow) {
        expect(decision.reason.code).toBe('LINE_NOT_ACTIVE')
        expect(decision.granted).toBe(0)
      }
    }
  })

  it('says which status in pt-BR', () => {
    const snapshot = snapshotOf({ line: { id: 'l', msisdn: '5511987654321', status: 'suspended', companyId: 'c', accountId: 'a' } })
    expect(authorize(snapshot, countersWith(), call('991234567')).reason.message).toMatch(/Linha suspensa/)
  })
})

describe('a line without profile', () => {
  const snapshot = snapshotOf({
    profile: null,
    holidays: [{ date: '2025-06-04', name: 'Feriado' }],
  })
  it('has no calendar, no lists and no category limits', () => {
    const sundayNight = sp('2025-06-08T03:00')
    for (const at of [WEDNESDAY_10H, sundayNight]) {
      const decision = authorize(snapshot, countersWith({ categories: { 'voice.local.claro': 10_000_000 } }), call('991234567', at, 120))
      expect(decision).toMatchObject({ allow: true, granted: 120, category: 'voice.local.claro', reason: { code: 'OK' } })
    }
  })
  it('still refuses invalid destinations', () => {
    expect(authorize(snapshot, countersWith(), call('+552033334444')).reason).toMatchObject({
      code: 'INVALID_DESTINATION',
      message: expect.stringMatching(/DDD 20/),
    })
  })
  it('refuses an event whose instant is not a date', () => {
    expect(authorize(snapshot, countersWith(), call('991234567', new Date('not a date'))).reason.code).toBe('INVALID_EVENT')
    expect(authorize(snapshot, countersWith(), { service: 'data', at: Number.NaN }).reason.code).toBe('INVALID_EVENT')
  })
  it('grants the default call length when no units are asked', () => {
    expect(authorize(snapshot, countersWith(), call('991234567')).granted).toBe(DEFAULT_CALL_SECONDS)
  })
})

describe('lists', () => {
  const profile = (lists: ProfileData['lists'], extra: Partial<ProfileData> = {}) =>
    snapshotOf({ profile: openProfile({ lists, ...extra }) })

  it('blocked list refuses, whatever the dialling form of either side', () => {
    const snapshot = profile([{ type: 'blocked', usage: 'voice', scope: 'national', number: '2133334444' }])
    for (const dialled of ['02121 3333-4444', '+552133334444', '2133334444', '552133334444']) {
      expect(authorize(snapshot, countersWith(), call(dialled)).reason.code).toBe('BLOCKED_LIST')
    }
    expect(authorize(snapshot, countersWith(), call('33334444')).reason.code).toBe('OK') // 11 3333-4444 is another number
  })

  it('a local entry is normalised with the line DDD', () => {
    const snapshot = profile([{ type: 'blocked', usage: 'voice', scope: 'national', number: '991234567' }])
    expect(authorize(snapshot, countersWith(), call('+5511991234567')).reason.code).toBe('BLOCKED_LIST')
    expect(authorize(snapshot, countersWith(), call('+5521991234567')).reason.code).toBe('OK')
  })

  it('an international entry may omit the + and 00', () => {
    const snapshot = profile([{ type: 'blocked', usage: 'voice', scope: 'international', number: '447912345678' }])
    expect(authorize(snapshot, countersWith(), call('0021447912345678')).reason.code).toBe('BLOCKED_LIST')
  })

  it('applies only to its usage: voice, sms and collect are separate', () => {
    const snapshot = profile([
      { type: 'blocked', usage: 'sms', scope: 'national', number: '11991234567' },
      { type: 'blocked', usage: 'collect', scope: 'national', number: '11981234567' },
    ])
    const counters = countersWith()
    expect(authorize(snapshot, counters, { service: 'sms', destination: '991234567', at: WEDNESDAY_10H }).reason.code).toBe('BLOCKED_LIST')
    expect(authorize(snapshot, counters, call('991234567')).reason.code).toBe('OK')
    expect(authorize(snapshot, counters, call('9090981234567')).reason.code).toBe('BLOCKED_LIST')
    expect(authorize(snapshot, counters, { service: 'collect', destination: '981234567', at: WEDNESDAY_10H }).reason.code).toBe('BLOCKED_LIST')
    expect(authorize(snapshot, counters, call('981234567')).reason.code).toBe('OK')
  })

  it('blocked wins over allowed for the same number', () => {
    const snapshot = profile([
      { type: 'allowed', usage: 'voice', scope: 'national', number: '11991234567' },
      { type: 'blocked', usage: 'voice', scope: 'national', number: '991234567' },
    ])
    expect(authorize(snapshot, countersWith(), call('991234567')).reason.code).toBe('BLOCKED_LIST')
  })

  it('allowed list bypasses calendar and category limits', () => {
    const snapshot = profile([{ type: 'allowed', usage: 'voice', scope: 'national', number: '1999999999' }], {
      calendar: { days: ['mon'], holidays: false, windows: [{ from: '08:00', to: '09:00' }] },
      limits: [
        { category: 'voice.national.claro', control: 'blocked' },
        { category: 'voice.local.claro', control: 'blocked' },
      ],
    })
    const decision = authorize(snapshot, countersWith(), call('01519999999999', WEDNESDAY_10H, 300))
    expect(decision).toMatchObject({ allow: true, granted: 300, reason: { code: 'ALLOWED_LIST' }, category: 'voice.national.claro' })
    expect(authorize(snapshot, countersWith(), call('991234567')).reason.code).toBe('OUTSIDE_CALENDAR')
  })

  it('emergency numbers pass the blocked list, the calendar and the limits', () => {
    const snapshot = profile([{ type: 'blocked', usage: 'voice', scope: 'national', number: '190' }], {
      calendar: { days: [], holidays: false, windows: [] },
      limits: [{ category: 'voice.special', control: 'blocked' }],
    })
    expect(authorize(snapshot, countersWith(), call('190')).reason.code).toBe('EMERGENCY')
    expect(authorize(snapshot, countersWith(), call('0800 123 4567')).reason.code).toBe('OUTSIDE_CALENDAR')
  })

  it('collects invalid list entries as warnings instead of failing', () => {
    const snapshot = profile([{ type: 'blocked', usage: 'voice', scope: 'national', number: '2033334444' }])
    expect(snapshot.warnings).toHaveLength(1)
    expect(snapshot.warnings[0]).toMatch(/DDD 20/)
  })
})

describe('calendar (America/Sao_Paulo)', () => {
  const weekdays = openProfile({
    calendar: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: false, windows: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '18:00' }] },
  })
  const snapshot = snapshotOf({ profile: weekdays })

  it.each<[string, ReasonCode]>([
    ['2025-06-04T08:00', 'OK'], // Wednesday, window start inclusive
    ['2025-06-04T11:59', 'OK'],
    ['2025-06-04T12:00', 'OUTSIDE_CALENDAR'], // window end exclusive
    ['2025-06-04T12:30', 'OUTSIDE_CALENDAR'],
    ['2025-06-04T13:00', 'OK'],
    ['2025-06-04T17:59', 'OK'],
    ['2025-06-04T18:00', 'OUTSIDE_CALENDAR'],
    ['2025-06-04T07:59', 'OUTSIDE_CALENDAR'],
    ['2025-06-07T10:00', 'OUTSIDE_CALENDAR'], // Saturday
    ['2025-06-08T10:00', 'OUTSIDE_CALENDAR'], // Sunday
    ['2025-06-09T10:00', 'OK'], // Monday
  ])('%s → %s', (local, code) => {
    expect(authorize(snapshot, countersWith(), call('991234567', sp(local))).reason.code).toBe(code)
  })

  it('uses São Paulo time, not UTC: 11:30 UTC is 08:30 in São Paulo', () => {
    expect(authorize(snapshot, countersWith(), call('991234567', new Date('2025-06-04T11:30:00Z'))).reason.code).toBe('OK')
    expect(authorize(snapshot, countersWith(), call('991234567', new Date('2025-06-04T10:30:00Z'))).reason.code).toBe('OUTSIDE_CALENDAR')
    // 01:00 UTC Saturday is still Friday 22:00 in São Paulo: the weekday is São Paulo's
    const fridayNight = snapshotOf({ profile: openProfile({ calendar: { days: ['fri'], holidays: false, windows: [] } }) })
    expect(authorize(fridayNight, countersWith(), call('991234567', new Date('2025-06-07T01:00:00Z'))).reason.code).toBe('OK')
  })

  it('accepts epoch milliseconds as well as Date', () => {
    expect(authorize(snapshot, countersWith(), call('991234567', sp('2025-06-04T12:30').getTime() as unknown as Date)).reason.code).toBe('OUTSIDE_CALENDAR')
  })

  it('no windows = the whole day; 23:59 as an end includes the last minute', () => {
    const allDay = snapshotOf({ profile: openProfile({ calendar: { days: ['wed'], holidays: false, windows: [] } }) })
    expect(authorize(allDay, countersWith(), call('991234567', sp('2025-06-04T00:00'))).reason.code).toBe('OK')
    expect(authorize(allDay, countersWith(), call('991234567', sp('2025-06-04T23:59'))).reason.code).toBe('OK')
    const untilMidnight = snapshotOf({ profile: openProfile({ calendar: { days: ['wed'], holidays: false, windows: [{ from: '20:00', to: '23:59' }] } }) })
    expect(authorize(untilMidnight, countersWith(), call('991234567', new Date(sp('2025-06-04T23:59').getTime() + 59_000))).reason.code).toBe('OK')
  })

  it('applies to data sessions too', () => {
    expect(authorize(snapshot, countersWith(), { service: 'data', at: sp('2025-06-07T10:00') }).reason.code).toBe('OUTSIDE_CALENDAR')
  })

  it('rejects windows whose start is not before the end when compiling', () => {
    expect(() => snapshotOf({ profile: openProfile({ calendar: { days: ['mon'], holidays: true, windows: [{ from: '18:00', to: '08:00' }] } }) })).toThrow(/início/)
  })

  describe('holidays', () => {
    const holidays = [
      { date: '2025-06-04', name: 'Nacional' },
      { date: '2025-06-05', name: 'Só DDD 11', ddd: 11 },
      { date: '2025-06-06', name: 'Só DDD 21', ddd: 21 },
      { date: '2025-06-10', name: 'Só SP', state: 'SP' },
      { date: '2025-06-11', name: 'Só RJ', state: 'RJ' },
      { date: '2025-06-14', name: 'Sábado feriado' },
    ]
    const closed = snapshotOf({ profile: weekdays, holidays })

    it.each<[string, ReasonCode]>([
      ['2025-06-04T10:00', 'HOLIDAY'], // national
      ['2025-06-05T10:00', 'HOLIDAY'], // the line's DDD
      ['2025-06-06T10:00', 'OK'], // another DDD
      ['2025-06-10T10:00', 'HOLIDAY'], // the line's state
      ['2025-06-11T10:00', 'OK'], // another state
      ['2025-06-12T10:00', 'OK'],
    ])('line in DDD 11 / SP on %s → %s', (local, code) => {
      expect(authorize(closed, countersWith(), call('991234567', sp(local))).reason.code).toBe(code)
    })

    it('a line of DDD 21 sees the RJ and DDD 21 holidays instead', () => {
      const rio = snapshotOf({
        profile: weekdays,
        holidays,
        line: { id: 'r', msisdn: '5521991230000', status: 'active', companyId: 'c1', accountId: 'a1' },
      })
      const codes = ['2025-06-04', '2025-06-05', '2025-06-06', '2025-06-10', '2025-06-11'].map(
        (d) => authorize(rio, countersWith(), call('991234567', sp(`${d}T10:00`))).reason.code,
      )
      expect(codes).toEqual(['HOLIDAY', 'OK', 'HOLIDAY', 'OK', 'HOLIDAY'])
    })

    it('the holiday is the São Paulo date: 02:30 UTC on the 5th is still the 4th', () => {
      expect(authorize(closed, countersWith(), call('991234567', new Date('2025-06-05T02:30:00Z'))).reason.code).toBe('HOLIDAY')
    })

    it('with holidays allowed, a holiday replaces the weekday check but keeps the windows', () => {
      const open = snapshotOf({ profile: openProfile({ calendar: { ...weekdays.calendar, holidays: true } }), holidays })
      expect(authorize(open, countersWith(), call('991234567', sp('2025-06-04T10:00'))).reason.code).toBe('OK')
      expect(authorize(open, countersWith(), call('991234567', sp('2025-06-14T10:00'))).reason.code).toBe('OK') // a Saturday holiday
      expect(authorize(open, countersWith(), call('991234567', sp('2025-06-14T12:30'))).reason.code).toBe('OUTSIDE_CALENDAR')
      expect(authorize(open, countersWith(), call('991234567', sp('2025-06-21T10:00'))).reason.code).toBe('OUTSIDE_CALENDAR') // ordinary Saturday
    })
  })
})

describe('category limits', () => {
  const limits = (interruptAtLimit: boolean) =>
    snapshotOf({
      company: { renewalDay: 1, interruptAtLimit },
      profile: openProfile({
        limits: [
          { category: 'voice.local.claro', control: 'limited', quantity: 10 },
          { category: 'voice.national.other', control: 'blocked' },
          { category: 'voice.local.other', control: 'unlimited' },
          { category: 'sms.other', control: 'limited', quantity: 5 },
          { category: 'sms.claro', control: 'blocked' },
        ],
      }),
    })

  it('blocked category refuses with its label', () => {
    const decision = authorize(limits(true), countersWith(), call('+5521981234567'))
    expect(decision).toMatchObject({ allow: false, category: 'voice.national.other', reason: { code: 'CATEGORY_BLOCKED' } })
    expect(decision.reason.message).toMatch(/Longa Distância para Móvel Outras Operadoras/)
    expect(authorize(limits(true), countersWith(), { service: 'sms', destination: '991234567', at: WEDNESDAY_10H }).reason.code).toBe('CATEGORY_BLOCKED')
  })

  it('unlimited and unlisted categories are not limited', () => {
    const counters = countersWith({ categories: { 'voice.local.other': 1e9, 'voice.local.fixed': 1e9 } })
    expect(authorize(limits(true), counters, call('981234567', WEDNESDAY_10H, 60)).granted).toBe(60)
    expect(authorize(limits(true), counters, call('33334444', WEDNESDAY_10H, 60)).granted).toBe(60)
  })

  it.each<[interrupt: boolean, usedSeconds: number, requested: number | undefined, allow: boolean, granted: number]>([
    [true, 0, 120, true, 120],
    [true, 0, undefined, true, 600],
    [true, 540, 120, true, 60], // only the seconds left
    [true, 599, 120, true, 1],
    [true, 600, 120, false, 0],
    [true, 700, 120, false, 0],
    [false, 0, undefined, true, DEFAULT_CALL_SECONDS],
    [false, 540, 120, true, 120], // the call completes
    [false, 599, 3600, true, 3600],
    [false, 600, 120, false, 0], // the next one is refused
  ])('interrupt=%s, %ss used of 10 min, asks %s → allow %s, %ss', (interrupt, used, requested, allow, granted) => {
    const decision = authorize(limits(interrupt), countersWith({ categories: { 'voice.local.claro': used } }), call('991234567', WEDNESDAY_10H, requested))
    expect(decision.allow).toBe(allow)
    expect(decision.granted).toBe(granted)
    if (!allow) expect(decision.reason.code).toBe('CATEGORY_LIMIT_REACHED')
  })

  it.each<[used: number, requested: number | undefined, allow: boolean, granted: number]>([
    [0, undefined, true, 1],
    [0, 3, true, 3],
    [3, 3, true, 2],
    [4, 1, true, 1],
    [5, 1, false, 0],
  ])('sms: %s of 5 used, asks %s → allow %s, %s', (used, requested, allow, granted) => {
    for (const interrupt of [true, false]) {
      const decision = authorize(limits(interrupt), countersWith({ categories: { 'sms.other': used } }), {
        service: 'sms',
        destination: '981234567',
        at: WEDNESDAY_10H,
        units: requested,
      })
      expect([decision.allow, decision.granted]).toEqual([allow, granted])
    }
  })

  it('franchises never refuse voice or SMS (beyond them is excess)', () => {
    const snapshot = snapshotOf({ offers: [{ id: 'o', name: 'VOZ', unit: 'minutes', amount: 1 }] })
    expect(authorize(snapshot, countersWith({ offers: { o: 999_999 } }), call('991234567')).allow).toBe(true)
  })
})

describe('data: own franchises, line quota and shared pool', () => {
  const MB = BYTES_PER_MB
  const data = (units?: number): AuthorizeEvent => ({ service: 'data', at: WEDNESDAY_10H, units })
  const pooled = (quota: { control: 'limited' | 'unlimited' | 'blocked'; amountMB?: number }, offers = [] as { id: string; name: string; unit: 'mb'; amount: number }[]) =>
    snapshotOf({ pool: { offerId: 'pool', name: 'Claro Total Compartilhado 100GB', totalMB: 1000 }, quota, offers })

  it.each<[string, ReturnType<typeof pooled>, Partial<Parameters<typeof countersWith>[0]>, number | undefined, ReasonCode, number]>([
    ['quota blocked', pooled({ control: 'blocked' }), {}, undefined, 'QUOTA_BLOCKED', 0],
    ['quota limited, fresh', pooled({ control: 'limited', amountMB: 100 }), {}, undefined, 'OK', DEFAULT_DATA_CHUNK_BYTES],
    ['quota left smaller than the chunk', pooled({ control: 'limited', amountMB: 100 }), { lineDataBytes: 95 * MB }, undefined, 'OK', 5 * MB],
    ['quota exhausted', pooled({ control: 'limited', amountMB: 100 }), { lineDataBytes: 100 * MB }, 1, 'QUOTA_EXHAUSTED', 0],
    ['pool left smaller than the quota left', pooled({ control: 'limited', amountMB: 100 }), { poolBytes: 999 * MB }, 5 * MB, 'OK', MB],
    ['pool exhausted', pooled({ control: 'unlimited' }), { poolBytes: 1000 * MB }, 1, 'POOL_EXHAUSTED', 0],
    ['unlimited quota, pool left', pooled({ control: 'unlimited' }), { lineDataBytes: 900 * MB, poolBytes: 900 * MB }, 200 * MB, 'OK', 100 * MB],
    ['own MB franchise first, even with the quota blocked', pooled({ control: 'blocked' }, [{ id: 'bonus', name: 'Bônus', unit: 'mb', amount: 50 }]), {}, 80 * MB, 'OK', 50 * MB],
    ['own MB franchise used up, quota blocked', pooled({ control: 'blocked' }, [{ id: 'bonus', name: 'Bônus', unit: 'mb', amount: 50 }]), { offers: { bonus: 50 * MB } }, 1, 'QUOTA_BLOCKED', 0],
    ['no pool and no quota: never refused', snapshotOf(), { lineDataBytes: 1e15 }, 123, 'OK', 123],
  ])('%s', (_name, snapshot, counters, requested, code, granted) => {
    const decision = authorize(snapshot, countersWith(counters), data(requested))
    expect(decision.reason.code).toBe(code)
    expect(decision.granted).toBe(granted)
    expect(decision.allow).toBe(code === 'OK')
    expect(decision.category).toBe('data')
  })
})

describe('precedence', () => {
  const everything = snapshotOf({
    holidays: [{ date: '2025-06-04', name: 'Nacional' }],
    profile: openProfile({
      lists: [
        { type: 'blocked', usage: 'voice', scope: 'national', number: '11981234567' },
        { type: 'allowed', usage: 'voice', scope: 'national', number: '11971234567' },
      ],
      calendar: { days: ['wed'], holidays: false, windows: [{ from: '08:00', to: '18:00' }] },
      limits: [{ category: 'voice.local.other', control: 'blocked' }],
    }),
  })
  it.each<[string, string, Date, ReasonCode]>([
    ['blocked list before the holiday', '981234567', sp('2025-06-04T10:00'), 'BLOCKED_LIST'],
    ['allowed list before the holiday and the blocked category', '971234567', sp('2025-06-04T10:00'), 'ALLOWED_LIST'],
    ['holiday before the category', '961234567', sp('2025-06-04T10:00'), 'HOLIDAY'],
    ['calendar before the category', '961234567', sp('2025-06-11T20:00'), 'OUTSIDE_CALENDAR'],
    ['category when the calendar allows', '961234567', sp('2025-06-11T10:00'), 'CATEGORY_BLOCKED'],
    ['invalid destination before everything but status', '+552033334444', sp('2025-06-04T10:00'), 'INVALID_DESTINATION'],
  ])('%s', (_name, destination, at, code) => {
    expect(authorize(everything, countersWith(), call(destination, at)).reason.code).toBe(code)
  })
})
