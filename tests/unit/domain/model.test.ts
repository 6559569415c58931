import { describe, expect, it } from 'vitest'
import { HISTORY_MAX_DAYS, RESTORE_STATUS } from '../../../src/domain/backups'
import { idOf, sameId } from '../../../src/domain/ids'
import { labelOf, optionsOf } from '../../../src/domain/labels'
import { LINE_STATUS } from '../../../src/domain/lines'
import { cleanDialled, validateDialled } from '../../../src/domain/profiles'

describe('client-safe model (src/domain)', () => {
  it('reads the id of a relationship, populated or not', () => {
    expect(idOf(7)).toBe(7)
    expect(idOf({ id: 'a1' })).toBe('a1')
    expect(idOf(null)).toBeUndefined()
    expect(idOf('')).toBeUndefined()
    expect(sameId({ id: 3 }, '3')).toBe(true)
    expect(sameId(undefined, undefined)).toBe(false)
  })
  it('labels values in both languages', () => {
    expect(labelOf(RESTORE_STATUS, 'partial')).toBe('Parcial')
    expect(labelOf(RESTORE_STATUS, 'partial', 'en')).toBe('Partial')
    expect(labelOf(LINE_STATUS, 'unknown')).toBe('unknown')
    expect(optionsOf(LINE_STATUS)[0]).toEqual({ value: 'active', label: 'Ativo' })
    expect(HISTORY_MAX_DAYS).toBe(180)
  })
  it('the dialled-number rule: 3 to 15 digits, separators ignored, an optional +', () => {
    expect(validateDialled('(19) 9999-9999')).toBe(true)
    expect(validateDialled('+5519999999999')).toBe(true)
    expect(validateDialled('12')).toContain('Número inválido')
    expect(validateDialled('19-abc')).toContain('Número inválido')
    expect(validateDialled(undefined)).toContain('Número inválido')
    expect(cleanDialled('19 9999.9999')).toBe('1999999999')
  })
})
