'use client'
import { useTranslation } from '@payloadcms/ui'
import type { GolT, GolTranslationKey, GolTranslations } from './index'

/** Payload's `t` for the admin's own keys (`t('gol:key', vars)`), in the user's admin language. */
export function useGolT(): GolT {
  const { t } = useTranslation<GolTranslations, GolTranslationKey>()
  return t as GolT
}
