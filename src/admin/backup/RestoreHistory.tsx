'use client'
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { api, whereQuery } from '../shared/api'
import { DateInput } from '../shared/DateInput'
import { fmtDateTime, fmtNumber } from '../shared/format'
import { type Lang } from '../shared/lang'
import { Message } from '../shared/Message'
import { CategorySelect } from './CategorySelect'
import type { CategoryOption } from './common'
import { HISTORY_MAX_DAYS, RESTORE_STATUS } from '../../domain/backups'
import { idOf } from '../../domain/ids'
import { labelOf } from '../../domain/labels'
import { statusColor, type RestoreDoc } from './labels'
import { filledPeriod, periodProblem } from './period'
import ui from '../shared/ui.module.scss'
import { useGolT } from '../i18n/useGolT'

/**
 * Histórico de restaurações (H7): the restores of the last 180 days (or of a period of at
 * most 180 days, dd/mm/aaaa) and of one type, with their state and the spreadsheets of
 * the items applied and failed.
 */
export function RestoreHistory({ companyId, categories, lang = 'pt' }: { companyId: number | string; categories: CategoryOption[]; lang?: Lang }) {
  const t = useGolT()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [category, setCategory] = useState('')
  const [rows, setRows] = useState<(RestoreDoc & { backupName?: string })[]>()
  const [total, setTotal] = useState(0)
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  /** The query of the rows on screen: the Download asks for the same. */
  const [shown, setShown] = useState<string>()
  const filters = useRef<HTMLFormElement>(null)
  const categoryName = (c: string) => categories.find((o) => o.value === c)?.label ?? c

  const search = useCallback(
    async (query: { from: string; to: string; category: string }) => {
      setBusy(true)
      setProblem(undefined)
      try {
        const filled = new URLSearchParams({ ...filledPeriod(query.from, query.to), ...(query.category ? { category: query.category } : {}) })
        const params = new URLSearchParams(filled)
        params.set('limit', '200')
        const found = await api<{ docs: RestoreDoc[]; totalDocs: number }>(`/restores/history?${params}`)
        // Support reaches every company: keep the one it works on.
        const docs = found.docs.filter((d) => String(idOf(d.company)) === String(companyId))
        const ids = [...new Set(docs.map((d) => idOf(d.backup)).filter((id) => id !== undefined))]
        const names = new Map<string, string>()
        if (ids.length) {
          const backups = await api<{ docs: { id: number | string; name: string }[] }>(
            `/backups?${whereQuery({ id: { in: ids } })}&limit=${ids.length}&depth=0&select[name]=true`,
          )
          for (const b of backups.docs) names.set(String(b.id), b.name)
        }
        setRows(docs.map((d) => ({ ...d, backupName: d.backupName ?? names.get(String(idOf(d.backup))) })))
        setTotal(found.docs.length === docs.length ? found.totalDocs : docs.length)
        setShown(filled.toString())
      } catch (e) {
        setRows(undefined)
        setShown(undefined)
        setProblem((e as Error).message)
      } finally {
        setBusy(false)
      }
    },
    [companyId],
  )

  useEffect(() => {
    void search({ from: '', to: '', category: '' })
  }, [search])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    // The typed texts (DateInput reports '' for an incomplete or impossible date).
    const [fromText = '', toText = ''] = Array.from(filters.current?.querySelectorAll<HTMLInputElement>('input[placeholder="dd/mm/aaaa"]') ?? []).map((i) => i.value)
    const wrong = periodProblem(fromText, toText, lang)
    if (wrong) {
      setProblem(wrong)
      return
    }
    void search({ from, to, category })
  }

  return (
    <section className={ui.card} data-testid="restore-history">
      <div className={ui.bar}>
        <span>
          {t('gol:restoresInHistory')}: <strong data-testid="history-total">{fmtNumber(total)}</strong>
        </span>
        {shown !== undefined && (
          <a href={`/api/reports/view/restores/download?${shown}`} className={ui.linkButton} data-testid="history-download" download>
            Download
          </a>
        )}
      </div>
      <p className={ui.muted}>
        {t('gol:longestPeriodThatCanBeSearched')}: {HISTORY_MAX_DAYS}
      </p>
      <form ref={filters} onSubmit={submit} className={ui.bar}>
        <label className={ui.inline}>
          {t('gol:from')}
          <DateInput value={from} onChange={setFrom} label={t('gol:startDate2')} className={ui.input} />
        </label>
        <label className={ui.inline}>
          {t('gol:to2')}
          <DateInput value={to} onChange={setTo} label={t('gol:endDate')} className={ui.input} />
        </label>
        <CategorySelect label={t('gol:type')} all={t('gol:all2')} value={category} onChange={setCategory} categories={categories} ariaLabel={t('gol:restoreType')} />
        <button type="submit" className={ui.primary} disabled={busy}>
          {busy ? t('gol:pleaseWait') : t('gol:search')}
        </button>
      </form>
      <Message ok={false} text={problem} />
      {rows && rows.length === 0 ? (
        <p className={ui.muted}>{t('gol:noRestoreInThePeriod')}</p>
      ) : rows ? (
        <table className={ui.table}>
          <thead>
            <tr>
              <th className={ui.th}>{t('gol:type')}</th>
              <th className={ui.th}>{t('gol:name')}</th>
              <th className={ui.th}>{t('gol:date')}</th>
              <th className={ui.th}>{t('gol:state')}</th>
              <th className={ui.th}>{t('gol:items')}</th>
              <th className={ui.th} />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="history-row">
                <td className={ui.td}>{categoryName(r.category)}</td>
                <td className={ui.td}>{r.backupName ?? <span className={ui.muted}>{t('gol:backupDeleted2')}</span>}</td>
                <td className={ui.td}>{fmtDateTime(r.createdAt)}</td>
                <td className={`${ui.td} ${ui.statusWord}`} style={{ color: statusColor(r.status) }}>{labelOf(RESTORE_STATUS, r.status, lang)}</td>
                <td className={ui.td}>
                  {t('gol:applied')}: {fmtNumber(r.appliedCount ?? 0)} · {t('gol:failed')}: {fmtNumber(r.failedCount ?? 0)}
                </td>
                <td className={ui.numTd}>
                  <span className={ui.inline}>
                    <a className={ui.linkButton} href={`/api/restores/${r.id}/applied`} download>
                      {t('gol:appliedXlsx')}
                    </a>
                    <a className={ui.linkButton} href={`/api/restores/${r.id}/failed`} download>
                      {t('gol:failedXlsx')}
                    </a>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
