'use client'
import { useConfig } from '@payloadcms/ui'
import { usePathname, useSearchParams } from 'next/navigation'
import React from 'react'
import { useGolT } from '../i18n/useGolT'

/**
 * "Download relatório" above an admin list: the .xlsx of exactly the rows the list is
 * filtered to (its where, search and sort; every page), from GET /api/<slug>/export.
 * Wire it with `admin.components.beforeListTable: ['/src/admin/export/ExportButton#ExportButton']`
 * on lines, departments, profiles, holidays, users and transactions.
 */
export const ExportButton: React.FC = () => {
  const { config } = useConfig()
  const t = useGolT()
  const pathname = usePathname()
  const params = useSearchParams()
  const slug = /\/collections\/([^/]+)/.exec(pathname ?? '')?.[1]
  if (!slug) return null
  const query = new URLSearchParams(params?.toString() ?? '')
  query.delete('page')
  query.delete('limit')
  const href = `${config.serverURL ?? ''}${config.routes.api}/${slug}/export${query.size ? `?${query.toString()}` : ''}`
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 'var(--base)' }}>
      <a className="btn btn--style-secondary btn--size-small" href={href} download>
        {t('gol:downloadReport')}
      </a>
    </div>
  )
}
