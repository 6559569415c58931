import { CATEGORY_LABELS_EN, CATEGORY_LABELS_PT, type UsageCategory } from './categories'

/**
 * "Tipo de chamadas" of the call history (H1, the line's own history C7), in the guide's
 * wording. It differs from the profile limits' names only where the guide's history shows
 * it: an SMS to a special number reads "SMS a Número Especial Grátis" (the guide's 35743),
 * where the limit is "SMS para Número Especial".
 */
const CALL_TYPE_PT: Partial<Record<UsageCategory, string>> = {
  'sms.special': 'SMS a Número Especial Grátis',
}

const CALL_TYPE_EN: Partial<Record<UsageCategory, string>> = {
  'sms.special': 'Free SMS to special number',
}

export function callTypeLabel(category: unknown, lang: 'pt' | 'en' = 'pt'): string {
  const key = String(category ?? '') as UsageCategory
  const [own, base] = lang === 'en' ? [CALL_TYPE_EN, CATEGORY_LABELS_EN] : [CALL_TYPE_PT, CATEGORY_LABELS_PT]
  return own[key] ?? base[key] ?? String(category ?? '')
}
