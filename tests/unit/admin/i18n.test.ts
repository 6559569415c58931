import { describe, expect, it } from 'vitest'
import { golT, golTranslations } from '../../../src/domain/i18n'

describe("the admin's labels (src/domain/i18n)", () => {
  it('has every key in both languages, none empty', () => {
    const pt = Object.keys(golTranslations.pt.gol).sort()
    expect(Object.keys(golTranslations.en.gol).sort()).toEqual(pt)
    for (const lang of ['pt', 'en'] as const) for (const v of Object.values(golTranslations[lang].gol)) expect(v).not.toBe('')
  })
  it('fills variables and picks plural forms as Payload does', () => {
    expect(golT('pt')('gol:profileEdit', { name: 'MKT' })).toBe('Editar perfil: MKT')
    expect(golT('en')('gol:profileEdit', { name: 'MKT' })).toBe('Edit profile: MKT')
    expect(golT('pt')('gol:profileLineCount', { count: 1, n: '1' })).toMatch(/^1 linha neste perfil/)
    expect(golT('pt')('gol:profileLineCount', { count: 0, n: '0' })).toMatch(/^0 linhas neste perfil/)
    expect(golT('pt')('gol:profileLineCount', { count: 1234, n: '1.234' })).toMatch(/^1\.234 linhas/)
  })
})
