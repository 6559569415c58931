import { describe, expect, it } from 'vitest'
import { isValidEmail, normalizeEmail, validateEmail } from '@/validation'

describe('e-mail', () => {
  it.each([
    'gestor@empresa.com.br',
    'maria.silva+gol@claro.com.br',
    "o'neil_x-y@sub.dominio.net",
    'a@b.co',
    'ADMIN@EMPRESA.COM',
    'user@xn--caf-dma.com',
    ' espaco.em.volta@empresa.com ',
  ])('accepts %s', (email) => {
    expect(validateEmail(email)).toBe(true)
  })

  it.each([
    ['semarroba.empresa.com', 'E-mail inválido: use o formato nome@empresa.com.br'],
    ['dois@@empresa.com', 'E-mail inválido: use o formato nome@empresa.com.br'],
    ['a@b@empresa.com', 'E-mail inválido: use o formato nome@empresa.com.br'],
    ['@empresa.com', 'E-mail inválido: use o formato nome@empresa.com.br'],
    ['nome@', 'E-mail inválido: use o formato nome@empresa.com.br'],
    ['nome @empresa.com', 'E-mail inválido: não pode conter espaços'],
    ['nome@empresa', 'E-mail inválido: domínio incompleto, use o formato nome@empresa.com.br'],
    ['.nome@empresa.com', 'E-mail inválido: caracteres ou pontos não permitidos antes do @'],
    ['nome.@empresa.com', 'E-mail inválido: caracteres ou pontos não permitidos antes do @'],
    ['no..me@empresa.com', 'E-mail inválido: caracteres ou pontos não permitidos antes do @'],
    ['nome(x)@empresa.com', 'E-mail inválido: caracteres ou pontos não permitidos antes do @'],
    ['joão@empresa.com', 'E-mail inválido: caracteres ou pontos não permitidos antes do @'],
    ['nome@-empresa.com', 'E-mail inválido: domínio inválido'],
    ['nome@empresa-.com', 'E-mail inválido: domínio inválido'],
    ['nome@empresa..com', 'E-mail inválido: domínio inválido'],
    ['nome@empresa.c', 'E-mail inválido: domínio inválido'],
    ['nome@empresa.123', 'E-mail inválido: domínio inválido'],
    ['nome@[10.0.0.1]', 'E-mail inválido: domínio inválido'],
    ['', 'Informe o e-mail'],
  ])('refuses %s', (email, message) => {
    expect(validateEmail(email)).toBe(message)
  })

  it('enforces the RFC 5321 length limits', () => {
    expect(validateEmail(`${'a'.repeat(64)}@empresa.com`)).toBe(true)
    expect(validateEmail(`${'a'.repeat(65)}@empresa.com`)).toBe('E-mail inválido: a parte antes do @ pode ter no máximo 64 caracteres')
    const label = 'd'.repeat(63)
    expect(validateEmail(`a@${label}.com`)).toBe(true)
    expect(validateEmail(`a@${label}d.com`)).toBe('E-mail inválido: domínio inválido')
    const long = `${'a'.repeat(60)}@${[label, label, label].join('.')}.com`
    expect(long.length).toBeGreaterThan(254)
    expect(validateEmail(long)).toBe('E-mail inválido: máximo de 254 caracteres')
  })

  it('normalises by trimming and lower-casing', () => {
    expect(normalizeEmail('  Gestor@Empresa.COM.br ')).toBe('gestor@empresa.com.br')
    expect(isValidEmail(42)).toBe(false)
  })
})
