'use client'
import { useEffect, useState } from 'react'
import { fetchCompanies, type CompanyChoice } from './CompanyPicker'

/** In the side menu: the company the admin is scoped to, and a link to switch it (A5). */
export function CurrentCompany() {
  const [state, setState] = useState<{ current?: CompanyChoice; count: number }>()

  useEffect(() => {
    fetchCompanies()
      .then((r) => setState({ current: r.docs.find((c) => String(c.id) === String(r.selected)), count: r.docs.length }))
      .catch(() => setState(undefined))
  }, [])

  if (!state || state.count === 0) return null
  return (
    <div data-testid="current-company" style={{ padding: '8px 0', fontSize: 13, borderTop: '1px solid var(--theme-elevation-150, #ddd)' }}>
      <div style={{ opacity: 0.7 }}>Empresa</div>
      <strong>{state.current?.name ?? 'Todas as suas empresas'}</strong>
      {state.count > 1 && (
        <div>
          <a href="/admin/empresa">Trocar empresa</a>
        </div>
      )}
    </div>
  )
}
