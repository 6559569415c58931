import { describe, expect, it } from 'vitest'
import { bodyOf, draftOf, editorKeyOf, emptyDraft, stepOfPath, validateListEntry, validateStep } from '../../../src/admin/profiles/steps'

describe('profile editor steps (E2)', () => {
  it('step 1 wants a name', () => {
    expect(validateStep(0, emptyDraft())).toEqual({ name: 'Informe o nome do perfil' })
    expect(validateStep(0, { ...emptyDraft(), name: 'Perfil MKT PME' })).toEqual({})
  })

  it('step 2 checks the dialled number and refuses a repeated one', () => {
    const entry = { type: 'allowed' as const, usage: 'voice' as const, scope: 'national' as const, number: '1999999999' }
    expect(validateListEntry(entry, [])).toEqual({})
    expect(validateListEntry({ ...entry, number: '12a' }, []).number).toContain('Número inválido')
    expect(validateListEntry(entry, [entry]).number).toContain('já está na lista')
  })

  it('step 3 wants a day and windows that start before they end', () => {
    const d = emptyDraft()
    expect(validateStep(2, { ...d, calendar: { ...d.calendar, days: [] } })).toHaveProperty(['calendar.days'])
    const bad = validateStep(2, { ...d, calendar: { ...d.calendar, windows: [{ from: '18:00', to: '08:00' }] } })
    expect(bad['calendar.windows.0']).toContain('deve ser anterior')
    expect(validateStep(2, { ...d, calendar: { ...d.calendar, windows: [{ from: '08:00', to: '18:00' }] } })).toEqual({})
  })

  it('step 4 wants a whole non-negative quantity for a limited category', () => {
    const d = { ...emptyDraft(), limits: { 'sms.other': { control: 'limited' as const, quantity: -1 } } }
    expect(validateStep(3, d)).toHaveProperty(['limits.sms.other'])
    expect(validateStep(3, { ...d, limits: { 'sms.other': { control: 'limited' as const, quantity: 100 } } })).toEqual({})
  })

  it('round-trips a stored profile and leaves unlimited categories out of the body', () => {
    const stored = {
      name: 'Perfil MKT PME',
      lists: [{ type: 'blocked', usage: 'sms', scope: 'international', number: '0021 1 5555' }],
      calendar: { days: ['mon', 'tue'], holidays: false, windows: [{ from: '08:00', to: '18:00' }] },
      limits: [
        { category: 'voice.international.mobile', control: 'blocked', quantity: null },
        { category: 'voice.intragroup.local', control: 'unlimited', quantity: null },
        { category: 'sms.other', control: 'limited', quantity: 100 },
      ],
    }
    const body = bodyOf(draftOf(stored))
    expect(body).toEqual({
      name: 'Perfil MKT PME',
      lists: [{ type: 'blocked', usage: 'sms', scope: 'international', number: '002115555' }],
      calendar: { days: ['mon', 'tue'], holidays: false, windows: [{ from: '08:00', to: '18:00' }] },
      limits: [
        { category: 'voice.international.mobile', control: 'blocked', quantity: null },
        { category: 'sms.other', control: 'limited', quantity: 100 },
      ],
    })
  })

  it('maps server error paths back to their step and editor field', () => {
    expect(stepOfPath('name')).toBe(0)
    expect(stepOfPath('lists.0.number')).toBe(1)
    expect(stepOfPath('calendar.windows.1.to')).toBe(2)
    expect(stepOfPath('limits.0.quantity')).toBe(3)
    expect(editorKeyOf('limits.1.quantity', { limits: [{ category: 'a' }, { category: 'sms.claro' }] })).toBe('limits.sms.claro')
  })
})
