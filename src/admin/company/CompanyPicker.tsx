'use client'
import { useEffect, useMemo, useState } from 'react'
import { COMPANY_STATUS } from '../../domain/companies'
import { labelOf } from '../../domain/labels'
import { golT } from '../i18n'
import { useGolLang, useGolT } from '../i18n/useGolT'
import { fmtCnpj } from '../shared/cnpj'
import ui from '../shared/ui.module.scss'

export interface CompanyChoice {
  id: string | number
  cnpj: string
  name: string
  clientNumber?: string
  status?: string
}

/** Errors of the two calls, in pt-BR: they may run before the user's language is known (login). */
const t0 = golT('pt')

export async function fetchCompanies(): Promise<{ docs: CompanyChoice[]; selected: string | number | null }> {
  const res = await fetch('/api/users/companies', { credentials: 'include' })
  if (!res.ok) throw new Error(t0('gol:companiesLoadFailed'))
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
    throw new Error(data?.errors?.[0]?.message ?? data?.message ?? t0('gol:companySelectFailed'))
  }
}

/**
 * A5: the user's companies with CNPJ, name, client number and status; choosing one scopes
 * the whole admin (the access rules read the user's selected company).
 */
export function CompanyPicker({ onSelected }: { onSelected: () => void }) {
  const t = useGolT()
  const lang = useGolLang()
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
  if (!companies) return <p>{t('gol:companiesLoading')}</p>
  if (companies.length === 0) return <p>{t('gol:companiesNone')}</p>
  return (
    <div className={ui.stack}>
      <h3 className={ui.flush}>{t('gol:companySelection')}</h3>
      <input aria-label={t('gol:companySearch')} placeholder={t('gol:companySearchHint')} value={filter} onChange={(e) => setFilter(e.target.value)} className={ui.input} />
      <table className={ui.table}>
        <thead>
          <tr>
            <th className={ui.th}>CNPJ</th>
            <th className={ui.th}>{t('gol:name')}</th>
            <th className={ui.th}>{t('gol:companyClientNumber')}</th>
            <th className={ui.th}>{t('gol:status')}</th>
            <th className={ui.th} />
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={String(c.id)} data-company={c.name}>
              <td className={ui.td}>{fmtCnpj(c.cnpj)}</td>
              <td className={ui.td}>
                {c.name}
                {String(c.id) === String(selected) ? t('gol:companyCurrent') : ''}
              </td>
              <td className={ui.td}>{c.clientNumber ?? '—'}</td>
              <td className={ui.td}>{c.status ? labelOf(COMPANY_STATUS, c.status, lang) : '—'}</td>
              <td className={ui.td}>
                <button type="button" className={ui.button} disabled={busy !== undefined} onClick={() => choose(c.id)}>
                  {busy === c.id ? t('gol:companySelecting') : t('gol:companySelect')}
                </button>
              </td>
            </tr>
          ))}
          {shown.length === 0 && (
            <tr>
              <td className={ui.td} colSpan={5}>
                {t('gol:companyNotFound')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {error && (
        <p role="alert" className={ui.error}>
          {error}
        </p>
      )}
    </div>
  )
}
