'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useGolT } from '../i18n/useGolT'

/** I: from a user's page to the audit entries that user made (H2). */
export function UserTransactionsLink() {
  const { id } = useDocumentInfo()
  const t = useGolT()
  if (!id) return null
  const query = new URLSearchParams({ 'where[user][equals]': String(id) })
  return (
    <p style={{ margin: '8px 0' }}>
      <a href={`/admin/collections/transactions?${query}`}>{t('gol:userTransactions')}</a>
    </p>
  )
}
