import { isBlank, type ValidationResult } from './common'

/*
 * Pragmatic subset of RFC 5322 / 5321: dot-atom local part (no quoted strings, no comments),
 * a DNS host name with at least two labels (no IP literals) and an alphabetic or punycode TLD.
 * Internationalised addresses must be given in punycode. Lengths per RFC 5321: local ≤ 64,
 * whole address ≤ 254.
 */

const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
const TLD = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/

const FORMAT_HINT = 'use o formato nome@empresa.com.br'

/** Trims and lower-cases, so that the same mailbox typed twice compares equal. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase()
}

export function validateEmail(value: unknown): ValidationResult {
  if (isBlank(value)) return 'Informe o e-mail'
  if (typeof value !== 'string') return 'E-mail inválido: informe o e-mail como texto'
  const email = value.trim()
  if (/\s/.test(email)) return 'E-mail inválido: não pode conter espaços'
  if (email.length > 254) return 'E-mail inválido: máximo de 254 caracteres'
  const at = email.split('@')
  if (at.length !== 2) return `E-mail inválido: ${FORMAT_HINT}`
  const [local, domain] = at
  if (local.length === 0 || domain.length === 0) return `E-mail inválido: ${FORMAT_HINT}`
  if (local.length > 64) return 'E-mail inválido: a parte antes do @ pode ter no máximo 64 caracteres'
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) {
    return 'E-mail inválido: caracteres ou pontos não permitidos antes do @'
  }
  const labels = domain.split('.')
  if (labels.length < 2) return `E-mail inválido: domínio incompleto, ${FORMAT_HINT}`
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return 'E-mail inválido: domínio inválido'
  if (!TLD.test(labels[labels.length - 1])) return 'E-mail inválido: domínio inválido'
  return true
}

export function isValidEmail(value: unknown): boolean {
  return validateEmail(value) === true
}
