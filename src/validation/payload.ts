/*
 * Adapters from the validators to the shape of a Payload field `validate` function. They are
 * deliberately one-argument functions: Payload passes its own options object as the second
 * argument (with the field's `label`, `max`, `required` …), which must not leak into the
 * validators' option parameters. Payload types are not imported so this module stays pure.
 *
 * A custom `validate` replaces Payload's built-in `required` check, hence the option here.
 */
import { isBlank, type ValidationResult } from './common'
import { validateCnpj, type CnpjOptions } from './cnpj'
import { validateCpf } from './cpf'
import { validateEmail } from './email'
import { validateIccid } from './iccid'
import { validateImsi } from './imsi'
import { validateNonNegativeInt, type IntOptions } from './limits'
import { validateMsisdn, type MsisdnOptions } from './msisdn'
import { validateDate, validateTime, validateWindows, type TimeOptions } from './time'

export type FieldValidate = (value: unknown) => true | string

export interface FieldOptions {
  /** Refuse null, undefined and blank strings. Default false: an empty optional field is valid. */
  required?: boolean
}

/** Wraps a validator: blank values pass unless `required`, everything else goes to `validate`
 * (whose own blank message, e.g. 'Informe o CPF', is the one shown for a required field). */
export function toFieldValidate(validate: (value: unknown) => ValidationResult, options: FieldOptions = {}): FieldValidate {
  return (value) => (!options.required && isBlank(value) ? true : validate(value))
}

export function cpfValidator(options: FieldOptions = {}): FieldValidate {
  return toFieldValidate(validateCpf, options)
}

export function cnpjValidator(options: FieldOptions & CnpjOptions = {}): FieldValidate {
  const { alphanumeric } = options
  return toFieldValidate((v) => validateCnpj(v, { alphanumeric }), options)
}

export function msisdnValidator(options: FieldOptions & MsisdnOptions = {}): FieldValidate {
  const { mobileOnly } = options
  return toFieldValidate((v) => validateMsisdn(v, { mobileOnly }), options)
}

export function iccidValidator(options: FieldOptions = {}): FieldValidate {
  return toFieldValidate(validateIccid, options)
}

export function imsiValidator(options: FieldOptions = {}): FieldValidate {
  return toFieldValidate(validateImsi, options)
}

export function emailValidator(options: FieldOptions = {}): FieldValidate {
  return toFieldValidate(validateEmail, options)
}

export function timeValidator(options: FieldOptions & TimeOptions = {}): FieldValidate {
  const { allowEndOfDay } = options
  return toFieldValidate((v) => validateTime(v, { allowEndOfDay }), options)
}

export function dateValidator(options: FieldOptions = {}): FieldValidate {
  return toFieldValidate(validateDate, options)
}

export function nonNegativeIntValidator(options: FieldOptions & IntOptions = {}): FieldValidate {
  const { label, max } = options
  return toFieldValidate((v) => validateNonNegativeInt(v, { label, max }), options)
}

/** For an array of `{from, to}`; with `required`, at least one window. */
export function windowsValidator(options: FieldOptions = {}): FieldValidate {
  return (value) => {
    if (options.required && (isBlank(value) || (Array.isArray(value) && value.length === 0))) {
      return 'Informe ao menos uma janela de horário'
    }
    return validateWindows(value)
  }
}
