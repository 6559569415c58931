'use client'
import { Button, useAuth } from '@payloadcms/ui'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import React, { useEffect, useState } from 'react'
import { idOf } from '../../domain/ids'
import { optionsOf } from '../../domain/labels'
import { LINE_STATUS } from '../../domain/lines'
import { useGolLang, useGolT } from '../i18n/useGolT'
import { api, whereQuery } from '../shared/api'
import ui from '../shared/ui.module.scss'

type Option = { value: string; label: string }
const FILTERS = ['account', 'department', 'status'] as const
type Filter = (typeof FILTERS)[number]

/**
 * Assinantes (C1) as the guide: "Nº da conta", "Departamentos", "Status" dropdowns and
 * "Nome/Número da linha" above the list, and "Total assinantes: N". Each choice is the list's
 * own URL filter (`where[account][equals]=…`, `search=`), so the list, its paging and its
 * "Download relatório" all follow it.
 */
export const LinesFilterBar: React.FC = () => {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const { user } = useAuth()
  const t = useGolT()
  const status: Option[] = optionsOf(LINE_STATUS, useGolLang())
  const company = idOf((user as { selectedCompany?: unknown } | null)?.selectedCompany)
  const [accounts, setAccounts] = useState<Option[]>([])
  const [departments, setDepartments] = useState<Option[]>([])
  const [total, setTotal] = useState<number>()
  const [text, setText] = useState(params?.get('search') ?? '')
  const value = (f: Filter) => params?.get(`where[${f}][equals]`) ?? ''
  const inCompany = company != null ? whereQuery({ company: { equals: company } }) : ''

  useEffect(() => {
    void api<{ docs: { id: unknown; number: string }[] }>(`/accounts?limit=200&depth=0&sort=number&${inCompany}`).then((r) =>
      setAccounts(r.docs.map((a) => ({ value: String(a.id), label: a.number }))),
    )
    void api<{ docs: { id: unknown; name: string }[] }>(`/departments?limit=500&depth=0&sort=name&${inCompany}`).then((r) =>
      setDepartments(r.docs.map((d) => ({ value: String(d.id), label: d.name }))),
    )
  }, [inCompany])

  useEffect(() => {
    const and: Record<string, unknown>[] = company != null ? [{ company: { equals: company } }] : []
    for (const f of FILTERS) if (value(f)) and.push({ [f]: { equals: value(f) } })
    const search = params?.get('search')
    if (search) and.push({ or: [{ name: { like: search } }, { msisdn: { like: search } }] })
    void api<{ totalDocs: number }>(`/lines?limit=1&depth=0&${whereQuery({ and })}`)
      .then((r) => setTotal(r.totalDocs))
      .catch(() => setTotal(undefined))
  }, [params?.toString(), company])

  const go = (change: (q: URLSearchParams) => void) => {
    const q = new URLSearchParams(params?.toString() ?? '')
    change(q)
    q.delete('page')
    router.push(`${pathname}?${q.toString()}`)
  }
  const setFilter = (f: Filter, v: string) => go((q) => (v ? q.set(`where[${f}][equals]`, v) : q.delete(`where[${f}][equals]`)))
  const select = (f: Filter, label: string, options: Option[]) => (
    <label className={ui.fieldStrong}>
      {label}
      <select aria-label={label} className={ui.input} value={value(f)} onChange={(e) => setFilter(f, e.target.value)}>
        <option value="">{t('gol:all2')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div data-testid="lines-filter-bar" style={{ display: 'grid', gap: 10, marginBottom: 'var(--base)' }}>
      <strong data-testid="lines-total">{t('gol:totalSubscribers', { total: total ?? '…' })}</strong>
      <form
        style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end' }}
        onSubmit={(e) => {
          e.preventDefault()
          go((q) => (text.trim() ? q.set('search', text.trim()) : q.delete('search')))
        }}
      >
        {select('account', t('gol:account'), accounts)}
        {select('department', t('gol:departments'), departments)}
        {select('status', t('gol:status'), status)}
        <label className={ui.fieldStrong}>
          {t('gol:lineNameNumber')}
          <input aria-label={t('gol:lineNameNumber')} className={ui.input} value={text} placeholder={t('gol:lineNameNumber')} onChange={(e) => setText(e.target.value)} />
        </label>
        <Button type="submit" buttonStyle="secondary" size="small" margin={false}>
          {t('gol:filter')}
        </Button>
        <span className={ui.muted}>{t('gol:showing100PerPage')}</span>
      </form>
    </div>
  )
}
