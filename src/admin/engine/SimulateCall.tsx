'use client'
/**
 * "Simular uma chamada" on the line page (SPEC L): asks for the event type, destination,
 * time and units, calls POST /api/engine/simulate (the engine's decision without counting
 * anything) and shows the decision, the units granted, the category and the reason.
 */
import { useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

type Service = 'voice' | 'sms' | 'collect' | 'data'

interface Result {
  allow: boolean
  granted: number
  category: string | null
  categoryLabel: string | null
  destination: string | null
  reason: { code: string; message: string }
  at: string
}

const SERVICES: Record<Service, { label: string; unit: string; defaultUnits: string }> = {
  voice: { label: 'Chamada de voz', unit: 'segundos', defaultUnits: '60' },
  sms: { label: 'SMS', unit: 'mensagens', defaultUnits: '1' },
  collect: { label: 'Chamada a cobrar', unit: 'segundos', defaultUnits: '60' },
  data: { label: 'Sessão de dados', unit: 'MB', defaultUnits: '10' },
}

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: 16, margin: '24px 0', display: 'grid', gap: 12 }
const row: React.CSSProperties = { display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'end' }
const field: React.CSSProperties = { display: 'grid', gap: 4, fontSize: 13 }
const input: React.CSSProperties = { padding: '6px 8px', fontSize: 14, border: '1px solid var(--theme-elevation-250, #bbb)', borderRadius: 3, background: 'var(--theme-input-bg, #fff)', color: 'inherit' }

/** Now in São Paulo (fixed UTC−03:00 since 2019) as a datetime-local value. */
const nowInSaoPaulo = () => new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 16)

const formatGranted = (service: Service, granted: number) => {
  if (service === 'data') return `${(granted / 2 ** 20).toLocaleString('pt-BR', { maximumFractionDigits: 2 })} MB`
  if (service === 'sms') return `${granted} SMS`
  const m = Math.floor(granted / 60)
  const s = granted % 60
  return m ? `${m} min ${s} s (${granted} s)` : `${granted} s`
}

export function SimulateCall() {
  const { id } = useDocumentInfo()
  const msisdn = useFormFields(([fields]) => fields.msisdn?.value) as string | undefined
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes?.api ?? '/api'}`
  const [service, setService] = useState<Service>('voice')
  const [destination, setDestination] = useState('')
  const [at, setAt] = useState(nowInSaoPaulo)
  const [units, setUnits] = useState(SERVICES.voice.defaultUnits)
  const [result, setResult] = useState<{ service: Service; body: Result }>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  if (!id || !msisdn) return null

  const run = async () => {
    setBusy(true)
    setError(undefined)
    setResult(undefined)
    try {
      const n = Number(units)
      const body = {
        line: msisdn,
        service,
        ...(service === 'data' ? {} : { destination }),
        at: `${at}:00-03:00`,
        ...(units !== '' && Number.isFinite(n) ? { units: service === 'data' ? Math.round(n * 2 ** 20) : n } : {}),
      }
      const res = await fetch(`${api}/engine/simulate`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const data = await res.json().catch(() => ({}))
      if (!res.ok) {
        const fields = (data?.fields ?? []) as { field: string; message: string }[]
        setError(fields.length ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : (data?.errors?.[0]?.message ?? `Erro ${res.status}`))
      } else setResult({ service, body: data as Result })
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={box} data-testid="simulate-call">
      <strong>Simular uma chamada</strong>
      <span style={{ fontSize: 13, opacity: 0.8 }}>
        Mostra o que o motor responderia agora para esta linha, sem registrar consumo nem reservar saldo.
      </span>
      <div style={row}>
        <label style={field}>
          Tipo de evento
          <select
            style={input}
            value={service}
            onChange={(e) => {
              const s = e.target.value as Service
              setService(s)
              setUnits(SERVICES[s].defaultUnits)
            }}
          >
            {(Object.keys(SERVICES) as Service[]).map((s) => (
              <option key={s} value={s}>
                {SERVICES[s].label}
              </option>
            ))}
          </select>
        </label>
        {service !== 'data' && (
          <label style={field}>
            Destino (como discado)
            <input style={input} value={destination} onChange={(e) => setDestination(e.target.value)} placeholder="ex.: 021 11 98765-4321" />
          </label>
        )}
        <label style={field}>
          Data e hora (Brasília)
          <input style={input} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
        <label style={field}>
          Quantidade ({SERVICES[service].unit})
          <input style={{ ...input, width: 110 }} type="number" min={0} value={units} onChange={(e) => setUnits(e.target.value)} />
        </label>
        <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} disabled={busy} onClick={run}>
          {busy ? 'Simulando…' : 'Simular'}
        </button>
      </div>
      {error && <div style={{ color: 'var(--theme-error-500, #b00020)' }}>{error}</div>}
      {result && (
        <div data-testid="simulate-result" style={{ display: 'grid', gap: 4 }}>
          <div style={{ fontWeight: 600, color: result.body.allow ? 'var(--theme-success-600, #1a7f37)' : 'var(--theme-error-500, #b00020)' }}>
            {result.body.allow ? 'Permitido' : 'Recusado'}
          </div>
          <div>Concedido: {formatGranted(result.service, result.body.granted)}</div>
          <div>Categoria: {result.body.categoryLabel ?? result.body.category ?? '—'}</div>
          {result.body.destination && <div>Destino normalizado: +{result.body.destination}</div>}
          <div>
            Motivo: {result.body.reason.message} <code style={{ opacity: 0.7 }}>{result.body.reason.code}</code>
          </div>
        </div>
      )}
    </div>
  )
}
