import type { FieldHook, TextField, TextFieldSingleValidation } from 'payload'
import { label } from '../lib/i18n'
import {
  normalizeCnpj,
  normalizeCpf,
  normalizeIccid,
  normalizeImsi,
  normalizeMsisdn,
  validateCnpj,
  validateCpf,
  validateDate,
  validateIccid,
  validateImsi,
  validateMsisdn,
  validateTime,
  validateWindows,
} from '../validation'

type Check = (value: unknown) => true | string

/**
 * A text field for one kind of identifier: normalised before validation (punctuation
 * stripped), then checked by the shared validator. Blank passes unless `required`.
 */
function identifierField(name: string, pt: string, en: string, check: Check, normalize?: (v: string) => string): TextField {
  const normalizeHook: FieldHook = ({ value }) =>
    typeof value === 'string' && normalize ? (value.trim() === '' ? null : normalize(value)) : value
  return {
    name,
    type: 'text',
    hasMany: false,
    label: label(pt, en),
    hooks: normalize ? { beforeValidate: [normalizeHook] } : undefined,
    validate: ((value: unknown, { required }: { required?: boolean }) => {
      if (value == null || value === '') return required ? 'Campo obrigatório' : true
      return check(value)
    }) as TextFieldSingleValidation,
  }
}

export const cpfField = (name = 'cpf', pt = 'CPF', en = 'CPF') => identifierField(name, pt, en, validateCpf, normalizeCpf)
export const cnpjField = (name = 'cnpj', pt = 'CNPJ', en = 'CNPJ') => identifierField(name, pt, en, (v) => validateCnpj(v), normalizeCnpj)
export const msisdnField = (name = 'msisdn', pt = 'Nº da linha', en = 'Line number') =>
  identifierField(name, pt, en, (v) => validateMsisdn(v), normalizeMsisdn)
export const iccidField = (name = 'iccid', pt = 'ICCID', en = 'ICCID') => identifierField(name, pt, en, validateIccid, normalizeIccid)
export const imsiField = (name = 'imsi', pt = 'IMSI', en = 'IMSI') => identifierField(name, pt, en, validateImsi, normalizeImsi)

/** A calendar date kept as 'YYYY-MM-DD' text, free of time-zone shifts. */
export const dateField = (name: string, pt: string, en: string) => ({
  ...identifierField(name, pt, en, validateDate),
  admin: { placeholder: 'aaaa-mm-dd' },
})

/** A time of day 'HH:MM'. */
export const timeField = (name: string, pt: string, en: string) => ({
  ...identifierField(name, pt, en, (v) => validateTime(v)),
  admin: { placeholder: 'HH:MM' },
})

/** Each time window of a calendar must start before it ends. */
export const validateWindowRow = (rows: unknown): true | string => validateWindows(rows ?? [])
