'use client'
import { useCallback, useEffect, useState } from 'react'
import { LINE_HISTORY_MAX_DAYS as MAX_DAYS } from '../../domain/reports'
import { addIsoDays, periodDays, saoPauloDay } from '../../domain/time'
import type { ViewResult } from '../reports/kinds'
import { ReportResult } from '../reports/ReportResult'
import { api } from '../shared/api'
import { DateInput } from '../shared/DateInput'
import { Message } from '../shared/Message'
import ui from '../shared/ui.module.scss'
import { useGolT } from '../i18n/useGolT'

type Tab = 'calls' | 'transactions'

/** C7: the line's history of transactions and calls for a period of at most 30 days, 100 a page, with the Download of the whole period. */
export function LineHistory({ lineId }: { lineId: string }) {
  const t = useGolT()
  const [tab, setTab] = useState<Tab>('calls')
  const [from, setFrom] = useState(() => addIsoDays(saoPauloDay(), -(MAX_DAYS - 1)))
  const [to, setTo] = useState(() => saoPauloDay())
  const [result, setResult] = useState<ViewResult & { query: string }>()
  const [page, setPage] = useState(1)
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(false)

  const load = useCallback(async () => {
    if (!from || !to) return setError(t('gol:enterTheDatesAsDdMm'))
    if (from > to) return setError(t('gol:theStartDateMustComeBefore'))
    if (periodDays(from, to) > MAX_DAYS) return setError(t('gol:thePeriodIsAtMostMax', { MAX_DAYS }))
    setError(undefined)
    setLoading(true)
    try {
      // The server lists and downloads the same rows (src/reports/lineHistory.ts).
      const query = new URLSearchParams({ from, to }).toString()
      const res = await api<ViewResult>(`/reports/line-history/${lineId}/${tab}?${query}&page=${page}`)
      setResult({ ...res, kind: tab, query })
    } catch (e) {
      setResult(undefined)
      setError((e as Error).message)
    } finally {
      setLoading(false)
    }
  }, [from, to, tab, lineId, page, t])

  useEffect(() => {
    void load()
  }, [load])

  return (
    <div className={ui.card} data-testid="line-history">
      <div className={`${ui.actions} ${ui.bar}`} role="tablist">
        {(
          [
            ['transactions', t('gol:transactionHistory')],
            ['calls', t('gol:callHistory')],
          ] as const
        ).map(([key, title]) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={tab === key ? ui.tabChosen : ui.tab}
            onClick={() => {
              setTab(key)
              setPage(1)
            }}
          >
            {title}
          </button>
        ))}
      </div>
      <h2 className={ui.h2}>{tab === 'calls' ? t('gol:callHistory') : t('gol:transactionHistory')}</h2>
      <div className={ui.bar}>
        <label className={ui.labelled}>
          <span className={ui.muted}>{t('gol:startDate')}</span>
          <DateInput className={ui.input} value={from} onChange={(v) => {
              setFrom(v)
              setPage(1)
            }} label={t('gol:startDate')} />
        </label>
        <label className={ui.labelled}>
          <span className={ui.muted}>{t('gol:endDate')}</span>
          <DateInput className={ui.input} value={to} onChange={(v) => {
              setTo(v)
              setPage(1)
            }} label={t('gol:endDate')} />
        </label>
        <span className={ui.muted}>{t('gol:atMostMaxDaysDays', { MAX_DAYS })}</span>
      </div>
      <Message ok={false} text={error} />
      {loading && !result ? (
        <p className={ui.muted}>{t('gol:loading')}</p>
      ) : result ? (
        <ReportResult
          result={result}
          totalLabel={tab === 'calls' ? t('gol:callsInHistory') : t('gol:transactionsInHistory')}
          busy={loading}
          onPage={setPage}
          onBackground={() => undefined}
          downloadHref={`/api/reports/line-history/${lineId}/${tab}/download?${result.query}`}
          tableTestId={tab === 'calls' ? 'line-calls' : 'line-transactions'}
        />
      ) : null}
    </div>
  )
}
