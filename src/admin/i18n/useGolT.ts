'use client'
import { useTranslation } from '@payloadcms/ui'
import { langOf, type Lang } from '../shared/lang'
import type { GolT, GolTranslationKey, GolTranslations } from './index'

/** Payload's `t` for the admin's own keys (`t('gol:key', vars)`), in the user's admin language. */
export function useGolT(): GolT {
  const { t } = useTranslation<GolTranslations, GolTranslationKey>()
  return t as GolT
}

/** The user's admin language, for the model's label tables (src/domain) and the pure step checks. */
export function useGolLang(): Lang {
  return langOf(useTranslation().i18n)
}
