import { tr, type Lang } from '../shared/lang'

/** The two ways lines are grouped (D, E1): by department and by profile. */
export const GROUPS = {
  departments: { collection: 'departments', field: 'department' },
  profiles: { collection: 'profiles', field: 'profile' },
} as const

export type GroupKind = keyof typeof GROUPS

/** The words of a grouping in the user's language. */
export function groupWords(kind: GroupKind, lang: Lang) {
  const t = tr(lang)
  return kind === 'profiles'
    ? { none: t('Linhas sem perfil', 'Lines without profile'), singular: t('perfil', 'profile'), Singular: t('Perfil', 'Profile'), title: t('Lista de perfis', 'Profiles') }
    : {
        none: t('Linhas sem departamento', 'Lines without department'),
        singular: t('departamento', 'department'),
        Singular: t('Departamento', 'Department'),
        title: t('Departamentos', 'Departments'),
      }
}
