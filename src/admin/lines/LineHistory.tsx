'use client'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { LINE_HISTORY_MAX_DAYS as MAX_DAYS } from '../../domain/reports'
import { addIsoDays, periodDays, saoPauloDay } from '../../domain/time'
import type { ViewResult } from '../reports/kinds'
import { ReportResult } from '../reports/ReportResult'
import { api } from '../shared/api'
import { tr, type Lang } from '../shared/lang'
import { DateInput } from '../shared/DateInput'
import { Message } from '../shared/Message'
import { button } from '../shared/styles'
import ui from '../shared/ui.module.scss'

type Tab = 'calls' | 'transactions'

/** C7: the line's history of transactions and calls for a period of at most 30 days, 100 a page, with the Download of the whole period. */
export function LineHistory({ lineId, lang = 'pt' }: { lineId: string; lang?: Lang }) {
  const t = useMemo(() => tr(lang), [lang])
  const [tab, setTab] = useState<Tab>('calls')
  const [from, setFrom] = useState(() => addIsoDays(saoPauloDay(), -(MAX_DAYS - 1)))
  const [to, setTo] = useState(() => saoPauloDay())
  const [result, setResult] = useState<ViewResult & { query: string }>()
  const [page, setPage] = useState(1)
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(false)

  const load = useCallback(async () => {
    if (!from || !to) return setError(t('Informe as datas como dd/mm/aaaa.', 'Enter the dates as dd/mm/yyyy.'))
    if (from > to) return setError(t('A data inicial deve ser anterior à data final.', 'The start date must come before the end date.'))
    if (periodDays(from, to) > MAX_DAYS) return setError(t(`O período máximo é de ${MAX_DAYS} dias.`, `The period is at most ${MAX_DAYS} days.`))
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
      <div style={{ display: 'flex', gap: 8, marginBottom: 10 }} role="tablist">
        {(
          [
            ['transactions', t('Histórico de transações', 'Transaction history')],
            ['calls', t('Histórico de chamadas', 'Call history')],
          ] as const
        ).map(([key, title]) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            style={{ ...button, fontWeight: tab === key ? 700 : 400, borderBottom: tab === key ? '3px solid #da291c' : button.border }}
            onClick={() => {
              setTab(key)
              setPage(1)
            }}
          >
            {title}
          </button>
        ))}
      </div>
      <h2 className={ui.h2}>{tab === 'calls' ? t('Histórico de chamadas', 'Call history') : t('Histórico de transações', 'Transaction history')}</h2>
      <div style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap', marginBottom: 10 }}>
        <label style={{ display: 'grid', gap: 2 }}>
          <span className={ui.muted}>{t('Data de início', 'Start date')}</span>
          <DateInput className={ui.input} value={from} onChange={(v) => {
              setFrom(v)
              setPage(1)
            }} label={t('Data de início', 'Start date')} />
        </label>
        <label style={{ display: 'grid', gap: 2 }}>
          <span className={ui.muted}>{t('Data final', 'End date')}</span>
          <DateInput className={ui.input} value={to} onChange={(v) => {
              setTo(v)
              setPage(1)
            }} label={t('Data final', 'End date')} />
        </label>
        <span className={ui.muted}>{t(`Período máximo: ${MAX_DAYS} dias`, `At most ${MAX_DAYS} days`)}</span>
      </div>
      <Message ok={false} text={error} />
      {loading && !result ? (
        <p className={ui.muted}>{t('Carregando…', 'Loading…')}</p>
      ) : result ? (
        <ReportResult
          lang={lang}
          result={result}
          totalLabel={tab === 'calls' ? t('Total histórico de chamadas', 'Calls in history') : t('Total histórico de transações', 'Transactions in history')}
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
