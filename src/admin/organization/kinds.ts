import { type Lang } from '../shared/lang'
import { golT } from '../i18n'

/** The two ways lines are grouped (D, E1): by department and by profile. */
export const GROUPS = {
  departments: { collection: 'departments', field: 'department' },
  profiles: { collection: 'profiles', field: 'profile' },
} as const

export type GroupKind = keyof typeof GROUPS

/** The words of a grouping in the user's language. */
export function groupWords(kind: GroupKind, lang: Lang) {
  const t = golT(lang)
  return kind === 'profiles'
    ? { none: t('gol:linesWithoutProfile'), singular: t('gol:profile2'), Singular: t('gol:profile'), title: t('gol:profiles') }
    : {
        none: t('gol:linesWithoutDepartment'),
        singular: t('gol:department2'),
        Singular: t('gol:department'),
        title: t('gol:departments'),
      }
}
