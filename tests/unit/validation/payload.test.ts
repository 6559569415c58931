import { describe, expect, it } from 'vitest'
import {
  cnpjValidator,
  cpfValidator,
  dateValidator,
  emailValidator,
  iccidValidator,
  imsiValidator,
  msisdnValidator,
  nonNegativeIntValidator,
  timeValidator,
  toFieldValidate,
  windowsValidator,
  type FieldValidate,
} from '@/validation'

const cases: Array<[string, (o?: { required?: boolean }) => FieldValidate, string, string, string]> = [
  ['cpf', cpfValidator, '15796071874', '15796071875', 'Informe o CPF'],
  ['cnpj', cnpjValidator, '12ABC34501DE35', '02558157000001', 'Informe o CNPJ'],
  ['msisdn', msisdnValidator, '5519995330213', '5520995330213', 'Informe o número da linha (MSISDN)'],
  ['iccid', iccidValidator, '89550534100027902478', '89550534100027902477', 'Informe o ICCID'],
  ['imsi', imsiValidator, '724051028203153', '310051028203153', 'Informe o IMSI'],
  ['email', emailValidator, 'a@b.com.br', 'a@b', 'Informe o e-mail'],
  ['time', timeValidator, '08:00', '24:00', 'Informe o horário'],
  ['date', dateValidator, '2026-02-28', '2026-02-30', 'Informe a data'],
]

describe('Payload field adapters', () => {
  it.each(cases)('%s: optional accepts blanks, required refuses them, both check values', (_name, make, good, bad, blankMessage) => {
    const optional = make()
    const required = make({ required: true })
    for (const blank of [null, undefined, '', '  ']) {
      expect(optional(blank)).toBe(true)
      expect(required(blank)).toBe(blankMessage)
    }
    expect(optional(good)).toBe(true)
    expect(required(good)).toBe(true)
    expect(typeof optional(bad)).toBe('string')
    expect(typeof required(bad)).toBe('string')
  })

  it('ignores the options object Payload passes as second argument', () => {
    const validate = nonNegativeIntValidator({ label: 'Minutos' }) as (v: unknown, o: unknown) => true | string
    expect(validate(-1, { label: { pt: 'x' }, max: 0, required: true })).toBe('Minutos deve ser maior ou igual a zero')
    expect(validate(5, { max: 0 })).toBe(true)
  })

  it('passes validator options through', () => {
    expect(cnpjValidator({ alphanumeric: false })('12ABC34501DE35')).toBe('CNPJ inválido: use apenas dígitos')
    expect(msisdnValidator({ mobileOnly: true })('551935330213')).not.toBe(true)
    expect(timeValidator({ allowEndOfDay: true })('24:00')).toBe(true)
    expect(nonNegativeIntValidator({ max: 10 })(11)).toBe('O valor deve ser no máximo 10')
    expect(nonNegativeIntValidator({ required: true })(null)).toBe('O valor: informe um número inteiro')
    expect(nonNegativeIntValidator()(null)).toBe(true)
  })

  it('windows: required means at least one window', () => {
    expect(windowsValidator()([])).toBe(true)
    expect(windowsValidator()(null)).toBe(true)
    expect(windowsValidator({ required: true })([])).toBe('Informe ao menos uma janela de horário')
    expect(windowsValidator({ required: true })(undefined)).toBe('Informe ao menos uma janela de horário')
    expect(windowsValidator({ required: true })([{ from: '08:00', to: '18:00' }])).toBe(true)
    expect(windowsValidator()([{ from: '18:00', to: '08:00' }])).toMatch(/^Janela 1: /)
  })

  it('wraps any validator', () => {
    const even = toFieldValidate((v) => (typeof v === 'number' && v % 2 === 0 ? true : 'Deve ser par'))
    expect(even(undefined)).toBe(true)
    expect(even(3)).toBe('Deve ser par')
    expect(toFieldValidate(() => 'Obrigatório', { required: true })(null)).toBe('Obrigatório')
  })
})
