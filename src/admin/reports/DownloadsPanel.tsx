'use client'
import { useSearchParams } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'
import { api, whereQuery } from '../shared/api'
import { Pager } from '../shared/Pager'
import { DateInput } from '../shared/DateInput'
import { fmtDateTime, fmtNumber } from '../shared/format'
import { Message } from '../shared/Message'
import { spDayStart } from './kinds'
import ui from '../shared/ui.module.scss'
import css from './report.module.scss'
import { useGolT } from '../i18n/useGolT'

interface Report {
  id: string | number
  name?: string
  kind?: string
  createdAt: string
  status: 'pending' | 'done' | 'failed'
  rowCount?: number | null
  error?: string | null
}
interface Page {
  docs: Report[]
  page: number
  totalPages: number
  totalDocs: number
}
type Summary = { done: number; pending: number; failed: number }

const LIMIT = 100
/** While a report is pending the list refreshes itself this often. */
const POLL_MS = 3000
/** H6 "Download de relatórios": the reports the user may see, their counts, refresh, download. */
export function DownloadsPanel({ statusLabels }: { statusLabels: Record<string, string> }) {
  const t = useGolT()
  const requested = useSearchParams()?.get('solicitado')
  const [page, setPage] = useState(1)
  const [filter, setFilter] = useState({ from: '', to: '', name: '' })
  const [applied, setApplied] = useState(filter)
  const [data, setData] = useState<Page>()
  const [summary, setSummary] = useState<Summary>()
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(false)

  const load = useCallback(async () => {
    setLoading(true)
    const and: Record<string, unknown>[] = []
    if (applied.from) and.push({ createdAt: { greater_than_equal: spDayStart(applied.from) } })
    if (applied.to) and.push({ createdAt: { less_than: spDayStart(applied.to, 1) } })
    if (applied.name.trim()) and.push({ name: { like: applied.name.trim() } })
    const where = and.length ? `&${whereQuery({ and })}` : ''
    try {
      const [list, counts] = await Promise.all([
        api<Page>(`/reports?depth=0&sort=-createdAt&limit=${LIMIT}&page=${page}${where}`),
        api<Summary>('/reports/summary'),
      ])
      setData(list)
      setSummary(counts)
      setError('')
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setLoading(false)
    }
  }, [applied, page])

  useEffect(() => {
    void load()
  }, [load])

  const pending = (summary?.pending ?? 0) > 0 || Boolean(data?.docs.some((r) => r.status === 'pending'))
  useEffect(() => {
    if (!pending) return
    const timer = setInterval(() => void load(), POLL_MS)
    return () => clearInterval(timer)
  }, [pending, load])

  return (
    <div className={css.downloads} data-testid="report-downloads">
      <div className={css.downloadsHeader}>
        <p className={css.summary} data-testid="report-summary" aria-live="polite">
          {summary
            ? t('gol:doneDonePendingPendingFailedFailed', { done: summary.done, pending: summary.pending, failed: summary.failed })
            : '…'}
        </p>
        <div className={ui.actions}>
          <a href="/admin/relatorios" className={ui.linkButton}>
            {t('gol:requestAReport')}
          </a>
          <button type="button" className={ui.primary} onClick={() => void load()} disabled={loading}>
            {t('gol:refresh')}
          </button>
        </div>
      </div>
      {requested && <Message ok text={t('gol:reportRequestedItShowsBelowAnd')} />}
      <form
        className={css.filters}
        onSubmit={(e) => {
          e.preventDefault()
          setPage(1)
          setApplied(filter)
        }}
      >
        <label className={ui.fieldSmall}>
          {t('gol:startDate')}
          <DateInput label={t('gol:startDate')} value={filter.from} onChange={(from) => setFilter((f) => ({ ...f, from }))} className={ui.input} />
        </label>
        <label className={ui.fieldSmall}>
          {t('gol:endDate')}
          <DateInput label={t('gol:endDate')} value={filter.to} onChange={(to) => setFilter((f) => ({ ...f, to }))} className={ui.input} />
        </label>
        <label className={ui.fieldSmall}>
          {t('gol:name')}
          <input className={ui.input} aria-label={t('gol:reportName')} placeholder={t('gol:reportName')} value={filter.name} onChange={(e) => setFilter((f) => ({ ...f, name: e.target.value }))} />
        </label>
        <button type="submit" className={ui.button}>
          {t('gol:filter')}
        </button>
      </form>
      <Message ok={false} text={error} />
      <div className={`${ui.card} ${css.tableCard}`}>
        <table className={ui.table}>
          <thead>
            <tr>
              <th className={ui.th}>{t('gol:name')}</th>
              <th className={ui.th}>{t('gol:created')}</th>
              <th className={ui.th}>Status</th>
              <th className={ui.numTh}>{t('gol:rows')}</th>
              <th className={ui.th}>{t('gol:error')}</th>
              <th className={ui.th}>
                <span className={ui.srOnly}>Download</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.docs.length === 0 && (
              <tr>
                <td className={`${ui.td} ${ui.muted}`} colSpan={6}>
                  {t('gol:noReports')}
                </td>
              </tr>
            )}
            {data?.docs.map((r) => (
              <tr key={r.id} data-testid={`report-row-${r.id}`} className={String(r.id) === requested ? css.requested : undefined}>
                <td className={ui.td}>{r.name}</td>
                <td className={ui.td}>{fmtDateTime(r.createdAt)}</td>
                <td className={`${ui.td} ${css.status} ${css[r.status] ?? ''}`} data-testid="report-status">
                  {statusLabels[r.status] ?? r.status}
                </td>
                <td className={ui.numTd}>{r.rowCount == null ? '' : fmtNumber(r.rowCount)}</td>
                <td className={`${ui.td} ${css.errorCell}`}>{r.error ?? ''}</td>
                <td className={ui.td}>
                  {r.status === 'done' && (
                    <a href={`/api/reports/${r.id}/download`} download className={`${ui.button} ${css.downloadLink}`} aria-label={`Download ${r.name ?? ''}`}>
                      ↓ Download
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && (
        <Pager
          words
          page={page}
          pages={data.totalPages}
          onPage={setPage}
          summary={t('gol:pagePageOfVTotaldocsReports', { page: data.page, v: Math.max(1, data.totalPages), totalDocs: data.totalDocs })}
        />
      )}
    </div>
  )
}
