'use client'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { callTypeLabel } from '../../domain/callTypes'
import { api, whereQuery } from '../shared/api'
import { fmtDateTime, fmtMB, fmtNumber } from '../shared/format'
import { tr, type Lang } from '../shared/lang'
import { DateInput } from '../shared/DateInput'
import { Message } from '../shared/Message'
import { SimpleTable } from '../shared/SimpleTable'
import { button, card, h2, input, muted } from '../shared/styles'

type Tab = 'calls' | 'transactions'
const MAX_DAYS = 30
const isoDay = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)

/** Seconds → "m:ss" (or "h:mm:ss"). */
function duration(seconds: number): string {
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const r = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`
}

/** C7: the line's history of transactions and calls for a period of at most 30 days. */
export function LineHistory({ lineId, lang = 'pt' }: { lineId: string; lang?: Lang }) {
  const t = useMemo(() => tr(lang), [lang])
  const today = new Date()
  const [tab, setTab] = useState<Tab>('calls')
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 29 * 86_400_000)))
  const [to, setTo] = useState(isoDay(today))
  const [rows, setRows] = useState<Record<string, any>[]>([])
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(false)

  const load = useCallback(async () => {
    if (!from || !to) return setError(t('Informe as datas como dd/mm/aaaa.', 'Enter the dates as dd/mm/yyyy.'))
    const start = new Date(`${from}T00:00:00-03:00`)
    const end = new Date(`${to}T23:59:59.999-03:00`)
    if (!(start <= end)) return setError(t('A data inicial deve ser anterior à data final.', 'The start date must come before the end date.'))
    if ((end.getTime() - start.getTime()) / 86_400_000 > MAX_DAYS) return setError(t(`O período máximo é de ${MAX_DAYS} dias.`, `The period is at most ${MAX_DAYS} days.`))
    setError(undefined)
    setLoading(true)
    try {
      const where =
        tab === 'calls'
          ? { and: [{ line: { equals: lineId } }, { at: { greater_than_equal: start.toISOString() } }, { at: { less_than_equal: end.toISOString() } }] }
          : {
              and: [
                { entity: { equals: 'lines' } },
                { entityId: { equals: lineId } },
                { at: { greater_than_equal: start.toISOString() } },
                { at: { less_than_equal: end.toISOString() } },
              ],
            }
      const res = await api<{ docs: Record<string, any>[]; totalDocs: number }>(
        `/${tab === 'calls' ? 'usage' : 'transactions'}?${whereQuery(where)}&sort=-at&limit=100&depth=0`,
      )
      setRows(res.docs)
      setTotal(res.totalDocs)
    } catch (e) {
      setRows([])
      setTotal(0)
      setError((e as Error).message)
    } finally {
      setLoading(false)
    }
  }, [from, to, tab, lineId, t])

  useEffect(() => {
    void load()
  }, [load])

  return (
    <div style={card} data-testid="line-history">
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
            onClick={() => setTab(key)}
          >
            {title}
          </button>
        ))}
      </div>
      <h2 style={h2}>{tab === 'calls' ? t('Histórico de chamadas', 'Call history') : t('Histórico de transações', 'Transaction history')}</h2>
      <div style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap', marginBottom: 10 }}>
        <label style={{ display: 'grid', gap: 2 }}>
          <span style={muted}>{t('Data de início', 'Start date')}</span>
          <DateInput style={input} value={from} onChange={setFrom} label={t('Data de início', 'Start date')} />
        </label>
        <label style={{ display: 'grid', gap: 2 }}>
          <span style={muted}>{t('Data final', 'End date')}</span>
          <DateInput style={input} value={to} onChange={setTo} label={t('Data final', 'End date')} />
        </label>
        <span style={muted}>{t(`Período máximo: ${MAX_DAYS} dias`, `At most ${MAX_DAYS} days`)}</span>
      </div>
      <Message ok={false} text={error} />
      {loading ? (
        <p style={muted}>{t('Carregando…', 'Loading…')}</p>
      ) : rows.length === 0 ? (
        <p style={muted}>{t('Nenhum registro no período.', 'Nothing in this period.')}</p>
      ) : tab === 'calls' ? (
        <SimpleTable
          testId="line-calls"
          keys={rows.map((r) => r.id)}
          columns={[t('Data', 'Date'), t('CP + CA + Número', 'Number dialled'), t('Duração / Volume', 'Duration / volume'), t('Tipo de chamada', 'Call type')]}
          rows={rows.map((r) => [
            fmtDateTime(r.at),
            r.destination || (r.service === 'data' ? (r.group ?? '') : ''),
            r.service === 'data' ? fmtMB(r.units / 1_048_576) : r.service === 'sms' ? `${fmtNumber(r.units)} SMS` : duration(r.units),
            callTypeLabel(r.category, lang),
          ])}
        />
      ) : (
        <SimpleTable
          testId="line-transactions"
          keys={rows.map((r) => r.id)}
          columns={[t('Data', 'Date'), t('Perfil de gestão', 'Management role'), t('Usuário', 'User'), t('Evento', 'Event'), t('Descrição', 'Description')]}
          rows={rows.map((r) => [fmtDateTime(r.at), r.role, r.userLogin, r.event, r.description])}
        />
      )}
      {total > rows.length && (
        <p style={muted}>{t(`Mostrando os ${rows.length} mais recentes de ${fmtNumber(total)}.`, `Showing the latest ${rows.length} of ${fmtNumber(total)}.`)}</p>
      )}
    </div>
  )
}
