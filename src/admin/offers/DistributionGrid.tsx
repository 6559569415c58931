'use client'
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react'
import { QUOTA_CONTROL, type QuotaControl } from '../../domain/lines'
import { pickLabel } from '../shared/lang'
import { useGolLang, useGolT } from '../i18n/useGolT'
import { api } from '../shared/api'
import { ConfirmButton } from '../shared/ConfirmButton'
import { fmtMB, fmtMsisdn, fmtNumber } from '../shared/format'
import { card, grid, input } from '../shared/styles'
import ui from '../shared/ui.module.scss'

type Control = QuotaControl
type Unit = 'MB' | 'GB'
interface Edit {
  control: Control
  amount: string
  unit: Unit
}
interface LineRow {
  id: string | number
  name: string | null
  msisdn: string
  status: string
  department: string | number | null
  departmentName: string | null
  quota: { control: Control; amountMB: number | null }
  consumedMB: number
}
interface Detail {
  account: { id: string | number; number: string }
  offers: { id: string | number; offer: string; package: string; amountMB: number }[]
  totals: { lines: number; poolMB: number; configuredMB: number; freeMB: number; consumedMB: number }
  departments: { id: string | number; name: string }[]
  lines: LineRow[]
}
interface AccountRow {
  id: string | number
  number: string
  poolMB: number
}

/** The editor's order of the quota controls (labels: QUOTA_CONTROL). */
const CONTROLS: Control[] = ['limited', 'unlimited', 'blocked']
const NO_DEPARTMENT = '__none__'
const errorStyle: CSSProperties = { color: '#b00020', fontSize: 13, margin: '4px 0 0' }

const editOf = (q: LineRow['quota']): Edit => {
  const mb = q.amountMB ?? 0
  const gb = mb >= 1024 && mb % 1024 === 0
  return { control: q.control, amount: q.control === 'limited' ? String(gb ? mb / 1024 : mb) : '', unit: gb ? 'GB' : 'MB' }
}
/** MB of an edit, NaN when the amount is not a number. */
const mbOf = (e: Edit): number => {
  const n = Number(e.amount.replace(',', '.'))
  if (e.amount.trim() === '' || !Number.isFinite(n)) return Number.NaN
  return Math.round(e.unit === 'GB' ? n * 1024 : n)
}
const sameQuota = (e: Edit, q: LineRow['quota']) => e.control === q.control && (e.control !== 'limited' || mbOf(e) === q.amountMB)

function QuotaEditor({ value, onChange, label }: { value: Edit; onChange: (e: Edit) => void; label: string }) {
  const t = useGolT()
  const lang = useGolLang()
  return (
    <div className={ui.pair}>
      <select aria-label={t('gol:distLimitOf', { label })} className={ui.input} value={value.control} onChange={(e) => onChange({ ...value, control: e.target.value as Control })}>
        {CONTROLS.map((c) => (
          <option key={c} value={c}>
            {pickLabel(lang, QUOTA_CONTROL[c])}
          </option>
        ))}
      </select>
      {value.control === 'limited' && (
        <>
          <input aria-label={t('gol:distQuantityOf', { label })} style={{ ...input, width: 80 }} inputMode="decimal" value={value.amount} onChange={(e) => onChange({ ...value, amount: e.target.value })} />
          <select aria-label={t('gol:distUnitOf', { label })} className={ui.input} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as Unit })}>
            <option value="MB">MB</option>
            <option value="GB">GB</option>
          </select>
        </>
      )}
    </div>
  )
}

/**
 * "Ofertas compartilhadas" (G): for an account with a shared plan, the pool and its
 * totals, filters by department and name/number, each line's quota (Limitado N MB/GB,
 * Ilimitado, Bloqueado), a massive limit for the selected lines, and "Salvar", which
 * the server checks whole against the pool (all or nothing).
 */
export function DistributionGrid() {
  const t = useGolT()
  const [accounts, setAccounts] = useState<AccountRow[]>()
  const [account, setAccount] = useState<string>()
  const [detail, setDetail] = useState<Detail>()
  const [edits, setEdits] = useState<Record<string, Edit>>({})
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [department, setDepartment] = useState('')
  const [search, setSearch] = useState('')
  const [massive, setMassive] = useState<Edit>({ control: 'limited', amount: '', unit: 'GB' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    api<{ accounts: AccountRow[] }>('/offers/distribution')
      .then((r) => {
        setAccounts(r.accounts)
        if (r.accounts[0]) setAccount(String(r.accounts[0].id))
      })
      .catch((e) => setMessage({ kind: 'error', text: (e as Error).message }))
  }, [])

  const load = useCallback(async (id: string) => {
    const d = await api<Detail>(`/offers/distribution?account=${encodeURIComponent(id)}`)
    setDetail(d)
    setEdits(Object.fromEntries(d.lines.map((l) => [String(l.id), editOf(l.quota)])))
    setSelected(new Set())
    setErrors({})
  }, [])
  useEffect(() => {
    if (account) load(account).catch((e) => setMessage({ kind: 'error', text: (e as Error).message }))
  }, [account, load])

  const shown = useMemo(() => {
    if (!detail) return []
    const term = search.trim().toLowerCase()
    const digits = term.replace(/\D/g, '')
    return detail.lines.filter((l) => {
      if (department === NO_DEPARTMENT && l.department != null) return false
      if (department && department !== NO_DEPARTMENT && String(l.department) !== department) return false
      if (!term) return true
      return (l.name ?? '').toLowerCase().includes(term) || (digits !== '' && l.msisdn.includes(digits))
    })
  }, [detail, department, search])

  const changed = useMemo(() => (detail ? detail.lines.filter((l) => edits[String(l.id)] && !sameQuota(edits[String(l.id)], l.quota)) : []), [detail, edits])
  // Live total: the stored total with this screen's edits (lines of other departments keep theirs).
  const configured = useMemo(() => {
    if (!detail) return 0
    let total = detail.totals.configuredMB
    for (const l of changed) {
      const before = l.quota.control === 'limited' ? (l.quota.amountMB ?? 0) : 0
      const e = edits[String(l.id)]
      const after = e.control === 'limited' ? mbOf(e) || 0 : 0
      total += after - before
    }
    return total
  }, [detail, changed, edits])

  const allShown = shown.length > 0 && shown.every((l) => selected.has(String(l.id)))
  const toggleAll = () =>
    setSelected((s) => {
      const next = new Set(s)
      for (const l of shown) {
        if (allShown) next.delete(String(l.id))
        else next.add(String(l.id))
      }
      return next
    })

  const applyMassive = () => {
    if (massive.control === 'limited' && !(mbOf(massive) >= 0)) return setMessage({ kind: 'error', text: t('gol:distMassiveQuantityRequired') })
    setMessage(undefined)
    setEdits((e) => {
      const next = { ...e }
      for (const id of selected) next[id] = { ...massive }
      return next
    })
  }

  const save = async () => {
    if (!detail) return
    setBusy(true)
    setMessage(undefined)
    setErrors({})
    const lines = changed.map((l) => {
      const e = edits[String(l.id)]
      return { id: l.id, control: e.control, amountMB: e.control === 'limited' ? (Number.isNaN(mbOf(e)) ? null : mbOf(e)) : null }
    })
    try {
      const res = await fetch('/api/offers/distribution', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account: detail.account.id, lines }),
      })
      const data = await res.json().catch(() => ({}))
      if (!res.ok) {
        const list = (data?.errors?.[0]?.data?.errors ?? []) as { path: string; message: string }[]
        const byLine: Record<string, string> = {}
        for (const e of list) {
          const m = /^lines\.(\d+)/.exec(e.path)
          byLine[m ? String(lines[Number(m[1])]?.id) : e.path] = e.message
        }
        setErrors(byLine)
        setMessage({ kind: 'error', text: data?.errors?.[0]?.message ?? t('gol:httpError', { status: res.status }) })
        return
      }
      await load(String(detail.account.id))
      setMessage({ kind: 'ok', text: t('gol:distSaved', { count: lines.length, n: fmtNumber(lines.length) }) })
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }

  if (accounts && accounts.length === 0) return <p className={ui.card}>{t('gol:distNoAccount')}</p>
  if (!detail) return <p aria-busy="true">{message?.text ?? t('gol:loading')}</p>
  const over = configured > detail.totals.poolMB
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <h1 className={ui.flush}>{t('gol:navSharedOffers')}</h1>
      <section className={ui.card} aria-label={t('gol:distAccountSummary')}>
        <div style={grid(200)}>
          <label className={ui.field}>
            <span className={ui.muted}>{t('gol:account')}</span>
            <select className={ui.input} value={account} onChange={(e) => setAccount(e.target.value)}>
              {(accounts ?? []).map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {a.number}
                </option>
              ))}
            </select>
          </label>
          <div>
            <div className={ui.muted}>{t('gol:distOffers')}</div>
            <div>{detail.offers.map((o) => `${o.offer} ${fmtMB(o.amountMB)}`).join(', ')}</div>
          </div>
          <div>
            <div className={ui.muted}>{t('gol:distTotalSubscribers')}</div>
            <div data-testid="total-lines">{fmtNumber(detail.totals.lines)}</div>
          </div>
          <div>
            <div className={ui.muted}>{t('gol:distConfigured')}</div>
            <div data-testid="configured" style={over ? { color: '#b00020', fontWeight: 700 } : undefined}>
              {t('gol:distConfiguredOf', { configured: fmtMB(configured), pool: fmtMB(detail.totals.poolMB) })}
            </div>
          </div>
          <div>
            <div className={ui.muted}>{t('gol:distFree')}</div>
            <div data-testid="free">{fmtMB(Math.max(0, detail.totals.poolMB - configured))}</div>
          </div>
          <div>
            <div className={ui.muted}>{t('gol:distConsumed')}</div>
            <div>{fmtMB(detail.totals.consumedMB)}</div>
          </div>
        </div>
        {over && (
          <p role="alert" style={errorStyle}>
            {t('gol:distOver', { excess: fmtMB(configured - detail.totals.poolMB) })}
          </p>
        )}
        {errors.total && (
          <p role="alert" style={errorStyle}>
            {errors.total}
          </p>
        )}
      </section>

      <section style={{ ...card, display: 'flex', gap: 14, flexWrap: 'wrap', alignItems: 'flex-end' }} aria-label={t('gol:distFilters')}>
        <label className={ui.field}>
          <span className={ui.muted}>{t('gol:departments')}</span>
          <select className={ui.input} value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">{t('gol:all2')}</option>
            <option value={NO_DEPARTMENT}>{t('gol:noDepartment')}</option>
            {detail.departments.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className={ui.field}>
          <span className={ui.muted}>{t('gol:lineNameNumber')}</span>
          <input className={ui.input} value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('gol:distSearch')} />
        </label>
        <div className={ui.field}>
          <span className={ui.muted}>{t('gol:distMassiveLimit')}</span>
          <div style={{ display: 'flex', gap: 6 }}>
            <QuotaEditor value={massive} onChange={setMassive} label={t('gol:distMassive')} />
            <button type="button" className={ui.button} disabled={selected.size === 0} onClick={applyMassive}>
              {t('gol:distApplySelected', { n: fmtNumber(selected.size) })}
            </button>
          </div>
        </div>
      </section>

      <section className={ui.card}>
        <h2 className={ui.h2}>
          {t('gol:distLines', { count: shown.length, n: fmtNumber(shown.length) })}
          {changed.length > 0 && <span className={ui.muted}>{t('gol:distUnsaved', { n: fmtNumber(changed.length) })}</span>}
        </h2>
        <div className={ui.scroll}>
          <table className={ui.table}>
            <thead>
              <tr>
                <th className={ui.th}>
                  <input type="checkbox" aria-label={t('gol:distSelectAll')} checked={allShown} onChange={toggleAll} />
                </th>
                <th className={ui.th}>{t('gol:name')}</th>
                <th className={ui.th}>{t('gol:lineNumber')}</th>
                <th className={ui.th}>{t('gol:department')}</th>
                <th className={ui.th}>{t('gol:distPackage')}</th>
                <th className={ui.th}>{t('gol:distLimit')}</th>
                <th className={ui.th}>{t('gol:distUsed')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((l) => {
                const id = String(l.id)
                return (
                  <tr key={id} data-testid={`line-${l.msisdn}`}>
                    <td className={ui.td}>
                      <input
                        type="checkbox"
                        aria-label={t('gol:distSelectLine', { msisdn: l.msisdn })}
                        checked={selected.has(id)}
                        onChange={(e) =>
                          setSelected((s) => {
                            const next = new Set(s)
                            if (e.target.checked) next.add(id)
                            else next.delete(id)
                            return next
                          })
                        }
                      />
                    </td>
                    <td className={ui.td}>{l.name ?? l.msisdn}</td>
                    <td className={ui.td}>{fmtMsisdn(l.msisdn)}</td>
                    <td className={ui.td}>{l.departmentName ?? t('gol:noDepartment')}</td>
                    <td className={ui.td}>{detail.offers.map((o) => o.package).join(', ')}</td>
                    <td className={ui.td}>
                      <QuotaEditor value={edits[id]} onChange={(e) => setEdits((x) => ({ ...x, [id]: e }))} label={l.msisdn} />
                      {errors[id] && (
                        <p role="alert" style={errorStyle}>
                          {errors[id]}
                        </p>
                      )}
                    </td>
                    <td className={ui.td}>{l.consumedMB > 0 ? fmtMB(l.consumedMB) : '-'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </section>

      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} style={message.kind === 'error' ? errorStyle : { color: '#1c7c3c', margin: 0 }}>
          {message.text}
        </p>
      )}
      <div className={ui.actions}>
        <ConfirmButton
          variant="primary"
          disabled={busy || changed.length === 0}
          title={t('gol:distSaveTitle')}
          message={t('gol:distSaveMessage', {
            count: changed.length,
            n: fmtNumber(changed.length),
            configured: fmtMB(configured),
            pool: fmtMB(detail.totals.poolMB),
            blocked: changed.some((l) => edits[String(l.id)].control === 'blocked') ? t('gol:distBlockedNote') : '',
          })}
          onConfirm={save}
        >
          {busy ? t('gol:profileSaving') : t('gol:save')}
        </ConfirmButton>
        <button type="button" className={ui.button} disabled={busy || changed.length === 0} onClick={() => load(String(detail.account.id))}>
          {t('gol:distDiscard')}
        </button>
      </div>
    </div>
  )
}
