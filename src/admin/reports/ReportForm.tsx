'use client'
import { useRouter } from 'next/navigation'
import { useState, type ReactNode } from 'react'
import { DateInput } from '../shared/DateInput'
import { Message } from '../shared/Message'
import { spToday, type KindInfo, type Option, type ViewResult } from './kinds'
import { ReportResult } from './ReportResult'
import ui from '../shared/ui.module.scss'
import css from './report.module.scss'
import type { GolTranslationKey } from '../i18n'
import { useGolT } from '../i18n/useGolT'

type Values = Record<string, string>

/** The label of each filter the back end takes (`params.<name>`), as the carrier's screens call them. */
const FILTER_LABELS: Record<string, GolTranslationKey> = {
  from: 'gol:filterFrom',
  to: 'gol:filterTo',
  line: 'gol:filterLine',
  account: 'gol:filterAccount',
  user: 'gol:filterUser',
  status: 'gol:filterStatus',
  search: 'gol:filterSearch',
  cycle: 'gol:filterCycle',
  category: 'gol:filterCategory',
}

const DATE_FILTERS = new Set(['from', 'to', 'cycle'])

/** The period a kind starts with: the last 7 days (within its limit), none when optional. */
const defaults = (k: KindInfo): Values =>
  k.period?.required ? { from: spToday(-(Math.min(7, k.period.max) - 1)), to: spToday() } : {}

const toId = (v: string): string | number => (/^\d+$/.test(v) ? Number(v) : v)

/** H: pick a report, fill exactly its filters, "Solicitar"; the 400's field errors show next to the fields. */
export function ReportForm({
  kinds,
  subadmin,
  departments,
  accounts,
  statuses,
  categories,
}: {
  kinds: KindInfo[]
  subadmin: boolean
  departments: Option[]
  accounts: Option[]
  statuses: Option[]
  categories: Option[]
}) {
  const t = useGolT()
  const router = useRouter()
  const [kind, setKind] = useState(kinds[0]?.kind ?? '')
  const info = kinds.find((k) => k.kind === kind) ?? kinds[0]
  const [values, setValues] = useState<Values>(() => (info ? defaults(info) : {}))
  const [format, setFormat] = useState('xlsx')
  const [picked, setPicked] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ViewResult & { query: string }>()
  if (!info) return null

  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }))
  const choose = (next: string) => {
    setKind(next)
    const k = kinds.find((x) => x.kind === next)
    setValues(k ? defaults(k) : {})
    setErrors({})
    setMessage(undefined)
    setResult(undefined)
  }
  const fields = [...(info.period ? ['from', 'to'] : []), ...info.filters]

  const filterParams = () => {
    const params: Record<string, string> = {}
    for (const f of fields) if (values[f]?.trim()) params[f] = values[f].trim()
    return params
  }
  /** The query of the on-screen list and of its Download: the same filters, so the file is what is shown. */
  const viewQuery = (page?: number) => {
    const q = new URLSearchParams(filterParams())
    if (info.lineBased && picked.length) q.set('departments', picked.join(','))
    if (page) q.set('page', String(page))
    return q.toString()
  }

  const search = async (page = 1) => {
    setBusy(true)
    setErrors({})
    setMessage(undefined)
    try {
      const res = await fetch(`/api/reports/view/${kind}?${viewQuery(page)}`, { credentials: 'include' })
      const data = await res.json().catch(() => ({}))
      if (res.ok) {
        setResult({ ...(data as ViewResult), query: viewQuery() })
        return
      }
      setResult(undefined)
      showErrors(res.status, data)
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    void search(1)
  }

  const requestBackground = async () => {
    setBusy(true)
    setErrors({})
    setMessage(undefined)
    const params: Record<string, unknown> = {}
    for (const [f, v] of Object.entries(filterParams())) params[f] = f === 'account' ? toId(v) : v
    // A sub-admin's report covers its own departments: "all" means all of them.
    const chosen = info.lineBased ? (picked.length || !subadmin ? picked : departments.map((d) => d.value)) : []
    try {
      const res = await fetch('/api/reports', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind, format, departments: chosen.map(toId), params }),
      })
      const data = await res.json().catch(() => ({}))
      if (res.ok) {
        router.push(`/admin/collections/reports?solicitado=${encodeURIComponent(String(data?.doc?.id ?? ''))}`)
        return
      }
      showErrors(res.status, data)
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const showErrors = (status: number, data: { errors?: { message?: string; data?: { errors?: { path?: string; message: string }[] } }[] }) => {
    const fieldErrors = data?.errors?.[0]?.data?.errors ?? []
    const byField: Record<string, string> = {}
    const other: string[] = []
    for (const fe of fieldErrors) {
      const name = String(fe.path ?? '').replace(/^params\./, '')
      if (fields.includes(name) || name === 'departments' || name === 'format') byField[name] = byField[name] ? `${byField[name]}; ${fe.message}` : fe.message
      else other.push(fe.message)
    }
    setErrors(byField)
    const general = other.join('; ') || (fieldErrors.length ? '' : data?.errors?.[0]?.message || t('gol:httpError', { status }))
    setMessage({ ok: false, text: general || t('gol:fixTheFieldsShown') })
  }

  const control = (name: string): ReactNode => {
    const label = (FILTER_LABELS[name] ? t(FILTER_LABELS[name]) : name)
    const className = errors[name] ? `${ui.input} ${css.invalid}` : ui.input
    if (DATE_FILTERS.has(name)) return <DateInput label={label} value={values[name] ?? ''} onChange={(v) => set(name, v)} className={className} required={name !== 'cycle' && info.period?.required} />
    const select = (opts: Option[]) => (
      <select aria-label={label} className={className} value={values[name] ?? ''} onChange={(e) => set(name, e.target.value)}>
        <option value="">{t('gol:all2')}</option>
        {opts.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    )
    if (name === 'account') return select(accounts)
    if (name === 'status') return select(statuses)
    if (name === 'category') return select(categories)
    return (
      <input
        aria-label={label}
        className={className}
        value={values[name] ?? ''}
        inputMode={name === 'search' ? 'text' : 'numeric'}
        placeholder={label}
        onChange={(e) => set(name, e.target.value)}
      />
    )
  }

  const field = (name: string, label: string, body: ReactNode) => (
    <div key={name} className={css.field} data-testid={`report-field-${name}`}>
      <span className={css.label}>{label}</span>
      {body}
      {errors[name] && (
        <span role="alert" data-testid={`report-error-${name}`} className={css.error}>
          {errors[name]}
        </span>
      )}
    </div>
  )

  return (
    <form onSubmit={submit} className={`${ui.card} ${css.form}`} data-testid="report-form" noValidate>
      <fieldset className={css.kinds}>
        <legend className={css.legend}>{t('gol:report')}</legend>
        {kinds.map((k) => (
          <label key={k.kind} className={k.kind === kind ? `${css.kind} ${css.chosen}` : css.kind}>
            <input type="radio" name="kind" value={k.kind} checked={k.kind === kind} onChange={() => choose(k.kind)} />
            {k.label}
          </label>
        ))}
      </fieldset>
      {info.period && (
        <p className={`${ui.muted} ${ui.flush}`} data-testid="report-period-limit">
          {t('gol:longestPeriodThatCanBeSearched2', { max: info.period.max })}
          {info.period.required ? '' : t('gol:optionalPeriod')}
        </p>
      )}
      <div className={css.fields}>
        {fields.map((f) => field(f, FILTER_LABELS[f] ? t(FILTER_LABELS[f]) : f, control(f)))}
        {field(
          'format',
          t('gol:format'),
          <select aria-label={t('gol:format')} className={ui.input} value={format} onChange={(e) => setFormat(e.target.value)}>
            <option value="xlsx">Excel (.xlsx)</option>
            <option value="csv">CSV (.csv.zip)</option>
          </select>,
        )}
      </div>
      {info.lineBased &&
        field(
          'departments',
          t('gol:departments'),
          <div className={css.departments} role="group" aria-label={t('gol:departments')}>
            {departments.length === 0 && <span className={ui.muted}>{t('gol:noDepartments')}</span>}
            {departments.map((d) => (
              <label key={d.value} className={css.check}>
                <input
                  type="checkbox"
                  checked={picked.includes(d.value)}
                  onChange={(e) => setPicked((p) => (e.target.checked ? [...p, d.value] : p.filter((x) => x !== d.value)))}
                />
                {d.label}
              </label>
            ))}
            <span className={ui.muted}>
              {subadmin
                ? t('gol:noneTickedAllYourDepartments')
                : t('gol:noneTickedAllTheCompanyS')}
            </span>
          </div>,
        )}
      <div className={css.buttons}>
        <button type="submit" className={ui.primary} disabled={busy}>
          {busy ? t('gol:pleaseWait') : t('gol:search')}
        </button>
        <button type="button" className={ui.button} disabled={busy} onClick={() => void requestBackground()}>
          {t('gol:request')}
        </button>
        <span className={ui.muted}>{t('gol:requestTheReportIsGeneratedIn')}</span>
      </div>
      <Message ok={message?.ok ?? false} text={message?.text} />
      {result && <ReportResult result={result} totalLabel={info.totalLabel} busy={busy} onPage={(p) => void search(p)} onBackground={() => void requestBackground()} />}
    </form>
  )
}
