'use client'
import { useEffect, useMemo, useState } from 'react'
import { COMPANY_STATUS } from '../../domain/companies'

export interface CompanyChoice {
  id: string | number
  cnpj: string
  name: string
  clientNumber?: string
  status?: string
}

const statusLabel = (s?: string) => (COMPANY_STATUS as Record<string, readonly [string, string]>)[s ?? '']?.[0] ?? s ?? '—'
const formatCnpj = (v: string) => (/^\d{14}$/.test(v) ? v.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5') : v)
const cell: React.CSSProperties = { padding: '8px 10px', borderBottom: '1px solid var(--theme-elevation-150, #ddd)', textAlign: 'left' }

export async function fetchCompanies(): Promise<{ docs: CompanyChoice[]; selected: string | number | null }> {
  const res = await fetch('/api/users/companies', { credentials: 'include' })
  if (!res.ok) throw new Error('Não foi possível carregar as empresas.')
  return res.json()
}

export async function selectCompany(id: CompanyChoice['id']): Promise<void> {
  const res = await fetch('/api/users/select-company', {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ company: id }),
  })
  if (!res.ok) {
    const data = await res.json().catch(() => ({}))
    throw new Error(data?.errors?.[0]?.message ?? data?.message ?? 'Não foi possível selecionar a empresa.')
  }
}

/**
 * A5: the user's companies with CNPJ, name, client number and status; choosing one scopes
 * the whole admin (the access rules read the user's selected company).
 */
export function CompanyPicker({ onSelected }: { onSelected: () => void }) {
  const [companies, setCompanies] = useState<CompanyChoice[]>()
  const [selected, setSelected] = useState<string | number | null>(null)
  const [filter, setFilter] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<string | number>()

  useEffect(() => {
    fetchCompanies()
      .then((r) => (setCompanies(r.docs), setSelected(r.selected)))
      .catch((e: Error) => setError(e.message))
  }, [])

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase()
    const digits = q.replace(/\D/g, '')
    return (companies ?? []).filter(
      (c) => !q || c.name.toLowerCase().includes(q) || (digits && (c.cnpj.includes(digits) || String(c.clientNumber ?? '').includes(digits))),
    )
  }, [companies, filter])

  const choose = async (id: CompanyChoice['id']) => {
    setBusy(id)
    setError(undefined)
    try {
      await selectCompany(id)
      onSelected()
    } catch (e) {
      setError((e as Error).message)
      setBusy(undefined)
    }
  }

  if (error && !companies) return <p role="alert">{error}</p>
  if (!companies) return <p>Carregando empresas…</p>
  if (companies.length === 0) return <p>Nenhuma empresa vinculada ao seu usuário. Fale com o administrador.</p>
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <h3 style={{ margin: 0 }}>Seleção de empresa</h3>
      <input
        aria-label="Buscar empresa"
        placeholder="Buscar por nome, CNPJ ou número do cliente"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ padding: '8px 10px', fontSize: 15 }}
      />
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={cell}>CNPJ</th>
            <th style={cell}>Nome</th>
            <th style={cell}>Número do cliente</th>
            <th style={cell}>Status</th>
            <th style={cell} />
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={String(c.id)} data-company={c.name}>
              <td style={cell}>{formatCnpj(c.cnpj)}</td>
              <td style={cell}>
                {c.name}
                {String(c.id) === String(selected) ? ' (atual)' : ''}
              </td>
              <td style={cell}>{c.clientNumber ?? '—'}</td>
              <td style={cell}>{statusLabel(c.status)}</td>
              <td style={cell}>
                <button type="button" disabled={busy !== undefined} onClick={() => choose(c.id)}>
                  {busy === c.id ? 'Selecionando…' : 'Selecionar'}
                </button>
              </td>
            </tr>
          ))}
          {shown.length === 0 && (
            <tr>
              <td style={cell} colSpan={5}>
                Nenhuma empresa encontrada.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {error && (
        <p role="alert" style={{ color: '#b00020', margin: 0 }}>
          {error}
        </p>
      )}
    </div>
  )
}
