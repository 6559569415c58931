import { BACKUP_CATEGORIES } from '../../domain/backups'
import { optionsOf } from '../../domain/labels'
import type { Lang } from '../shared/lang'

/** The seven categories of J1 as `{value, label}` in the admin's language (passed to the client panels). */
export interface CategoryOption {
  value: string
  label: string
}

export const categoryOptions = (lang: Lang): CategoryOption[] => optionsOf(BACKUP_CATEGORIES, lang)

type Perms = { collections?: Record<string, { create?: unknown } | undefined> } | undefined

/** Backups and restores are company-private: only who may create both (admins, support) sees their screens. */
export const mayBackup = (permissions: unknown): boolean => {
  const p = permissions as Perms
  return Boolean(p?.collections?.backups?.create && p?.collections?.restores?.create)
}
