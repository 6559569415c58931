import type { Field } from 'payload'
import { label } from '../lib/i18n'

/**
 * A sum in R$, non-negative, with at most `decimals` decimals (prices keep fractions of a
 * centavo: R$ 0,0975 per MB; caps are whole centavos). The engine turns it into integers.
 */
export const moneyField = (name: string, pt: string, en: string, extra: Record<string, unknown> = {}, decimals = 5): Field =>
  ({
    name,
    type: 'number',
    min: 0,
    label: label(pt, en),
    validate: (value: unknown) => {
      if (value == null) return true
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return 'Informe um valor em R$ não negativo'
      const scaled = value * 10 ** decimals
      return Math.abs(scaled - Math.round(scaled)) < 1e-6 ? true : `Informe no máximo ${decimals} casas decimais`
    },
    ...extra,
  }) as Field
