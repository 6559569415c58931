'use client'
import { useEffect, useState } from 'react'
import { useGolT } from '../i18n/useGolT'
import { fetchCompanies, type CompanyChoice } from './CompanyPicker'

/** In the side menu: the company the admin is scoped to, and a link to switch it (A5). */
export function CurrentCompany() {
  const t = useGolT()
  const [state, setState] = useState<{ current?: CompanyChoice; count: number }>()

  useEffect(() => {
    fetchCompanies()
      .then((r) => setState({ current: r.docs.find((c) => String(c.id) === String(r.selected)), count: r.docs.length }))
      .catch(() => setState(undefined))
  }, [])

  if (!state || state.count === 0) return null
  return (
    <div data-testid="current-company" style={{ padding: '8px 0', fontSize: 13, borderTop: '1px solid var(--theme-elevation-150, #ddd)' }}>
      <div style={{ opacity: 0.7 }}>{t('gol:company2')}</div>
      <strong>{state.current?.name ?? t('gol:allYourCompanies')}</strong>
      {state.count > 1 && (
        <div>
          <a href="/admin/empresa">{t('gol:switchCompany')}</a>
        </div>
      )}
    </div>
  )
}
