/** The two ways lines are grouped (D, E1): by department and by profile. */
export const GROUPS = {
  departments: { collection: 'departments', field: 'department', none: 'Linhas sem departamento', singular: 'departamento' },
  profiles: { collection: 'profiles', field: 'profile', none: 'Linhas sem perfil', singular: 'perfil' },
} as const

export type GroupKind = keyof typeof GROUPS
