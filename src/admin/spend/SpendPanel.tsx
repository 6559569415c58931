'use client'
/**
 * "Gastos" on the line, department and company pages (issue 15): the cost beyond the
 * franchises in the current and past cycles, and the money caps with what is used and left
 * (GET /api/spend-caps/summary), with links to the caps and the alert log.
 */
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { useGolT } from '../i18n/useGolT'
import panel from '../shared/panel.module.scss'
import ui from '../shared/ui.module.scss'

type Scope = 'line' | 'department' | 'company'

interface Summary {
  cycle: string
  cost: number
  cycles: { cycle: string; cents: number }[]
  caps: { id: string; name: string; control: 'notify' | 'block'; amount: number; used: number; left: number; percent: number | null }[]
}

const brl = (cents: number) => (cents / 100).toLocaleString('pt-BR', { style: 'currency', currency: 'BRL' })
const FILTER: Record<Scope, string> = { line: 'line', department: 'department', company: 'company' }

export function SpendPanel({ scope }: { scope: Scope }) {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const t = useGolT()
  const api = config.routes?.api ?? '/api'
  const [data, setData] = useState<Summary | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (id == null) return
    fetch(`${api}/spend-caps/summary?scope=${scope}&id=${encodeURIComponent(String(id))}`, { credentials: 'include' })
      .then(async (r) => (r.ok ? setData((await r.json()) as Summary) : setError(`HTTP ${r.status}`)))
      .catch((e: unknown) => setError(String(e)))
  }, [api, id, scope])
  if (id == null) return null
  return (
    <section className={panel.box} data-testid="spend-panel">
      <strong>{t('gol:spendRBeyondTheFranchises')}</strong>
      {error && <div role="alert">{error}</div>}
      {data && (
        <>
          <div>
            {t('gol:currentCycle')} ({data.cycle}): <strong data-testid="spend-cost">{brl(data.cost)}</strong>
          </div>
          {data.cycles.length > 1 && (
            <table className={panel.cycles}>
              <thead>
                <tr>
                  <th>{t('gol:cycle')}</th>
                  <th className={ui.right}>{t('gol:cost')}</th>
                </tr>
              </thead>
              <tbody>
                {data.cycles.map((c) => (
                  <tr key={c.cycle}>
                    <td>{c.cycle}</td>
                    <td className={ui.right}>{brl(c.cents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div>
            <strong>{t('gol:spendCaps')}</strong>
            {data.caps.length === 0 && <div>{t('gol:noCap')}</div>}
            <ul className={panel.caps} data-testid="spend-caps">
              {data.caps.map((c) => (
                <li key={c.id}>
                  <a href={`/admin/collections/spend-caps/${c.id}`}>{c.name || t('gol:cap')}</a>: {brl(c.used)} {t('gol:of')} {brl(c.amount)} ({c.percent ?? 0}%) ·{' '}
                  {t('gol:left')} {brl(c.left)} · {c.control === 'block' ? t('gol:blocks') : t('gol:notifies')}
                </li>
              ))}
            </ul>
            <a href={`/admin/collections/spend-caps/create`}>{t('gol:newSpendCap')}</a> ·{' '}
            <a href={`/admin/collections/spend-alerts?where[${FILTER[scope]}][equals]=${String(id)}`}>{t('gol:alerts')}</a>
          </div>
        </>
      )}
    </section>
  )
}
