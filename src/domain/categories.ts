/** Usage categories: the engine's answers, profile limits and reports share these keys (SPEC public interface). */
export const USAGE_CATEGORIES = [
  'voice.intragroup.local',
  'voice.intragroup.national',
  'voice.local.fixed',
  'voice.local.claro',
  'voice.local.other',
  'voice.national.fixed',
  'voice.national.claro',
  'voice.national.other',
  'voice.international.fixed',
  'voice.international.mobile',
  'voice.collect',
  'voice.special',
  'sms.claro',
  'sms.other',
  'sms.special',
  'sms.international',
  'data',
] as const

export type UsageCategory = (typeof USAGE_CATEGORIES)[number]

/** pt-BR labels in the carrier guide's wording. */
export const CATEGORY_LABELS_PT: Record<UsageCategory, string> = {
  'voice.intragroup.local': 'Intragrupo Local',
  'voice.intragroup.national': 'Intragrupo Regional/Nacional',
  'voice.local.fixed': 'Local para Fixo',
  'voice.local.claro': 'Local para Móvel Claro',
  'voice.local.other': 'Local para Móvel Outras Operadoras',
  'voice.national.fixed': 'Longa Distância para Fixo',
  'voice.national.claro': 'Longa Distância para Móvel Claro',
  'voice.national.other': 'Longa Distância para Móvel Outras Operadoras',
  'voice.international.fixed': 'Internacional para Fixo',
  'voice.international.mobile': 'Internacional para Móvel',
  'voice.collect': 'Chamada a Cobrar',
  'voice.special': 'Número Especial',
  'sms.claro': 'SMS para Móvel Claro',
  'sms.other': 'SMS para Móvel Outras Operadoras',
  'sms.special': 'SMS para Número Especial',
  'sms.international': 'SMS para Destino Internacional',
  data: 'Dados',
}

export const CATEGORY_LABELS_EN: Record<UsageCategory, string> = {
  'voice.intragroup.local': 'Intragroup local',
  'voice.intragroup.national': 'Intragroup national',
  'voice.local.fixed': 'Local to fixed',
  'voice.local.claro': 'Local to Claro mobile',
  'voice.local.other': 'Local to other-operator mobile',
  'voice.national.fixed': 'Long distance to fixed',
  'voice.national.claro': 'Long distance to Claro mobile',
  'voice.national.other': 'Long distance to other-operator mobile',
  'voice.international.fixed': 'International to fixed',
  'voice.international.mobile': 'International to mobile',
  'voice.collect': 'Collect call',
  'voice.special': 'Special number',
  'sms.claro': 'SMS to Claro mobile',
  'sms.other': 'SMS to other-operator mobile',
  'sms.special': 'SMS to special number',
  'sms.international': 'SMS to international destination',
  data: 'Data',
}

export const VOICE_CATEGORIES = USAGE_CATEGORIES.filter((c) => c.startsWith('voice.'))
export const SMS_CATEGORIES = USAGE_CATEGORIES.filter((c) => c.startsWith('sms.'))

export const SERVICES = ['voice', 'sms', 'collect', 'data'] as const
export type Service = (typeof SERVICES)[number]

export const LINE_STATUSES = ['active', 'suspended', 'blocked', 'cancelled'] as const
export type LineStatus = (typeof LINE_STATUSES)[number]

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const LIMIT_CONTROLS = ['blocked', 'unlimited', 'limited'] as const
export type LimitControl = (typeof LIMIT_CONTROLS)[number]

export const QUOTA_CONTROLS = ['limited', 'unlimited', 'blocked'] as const
export type QuotaControl = (typeof QUOTA_CONTROLS)[number]
