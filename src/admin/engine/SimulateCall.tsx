'use client'
/**
 * "Simular uma chamada" on the line page (SPEC L): asks for the event type, destination,
 * time and units, calls POST /api/engine/simulate (the engine's decision without counting
 * anything) and shows the decision, the units granted, the category and the reason.
 */
import { useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useMemo, useState } from 'react'
import { instantOfLocal, saoPauloClock } from '../../domain/time'
import { DateInput } from '../shared/DateInput'
import { langOf, tr } from '../shared/lang'
import ui from '../shared/ui.module.scss'

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

const SERVICES: Record<Service, { label: [string, string]; unit: [string, string]; defaultUnits: string }> = {
  voice: { label: ['Chamada de voz', 'Voice call'], unit: ['segundos', 'seconds'], defaultUnits: '60' },
  sms: { label: ['SMS', 'SMS'], unit: ['mensagens', 'messages'], defaultUnits: '1' },
  collect: { label: ['Chamada a cobrar', 'Collect call'], unit: ['segundos', 'seconds'], defaultUnits: '60' },
  data: { label: ['Sessão de dados', 'Data session'], unit: ['MB', 'MB'], defaultUnits: '10' },
}

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: 16, margin: '24px 0', display: 'grid', gap: 12 }
const row: React.CSSProperties = { display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'end' }
const field: React.CSSProperties = { display: 'grid', gap: 4, fontSize: 13 }

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

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
  const { i18n } = useTranslation()
  const lang = langOf(i18n)
  const t = useMemo(() => tr(lang), [lang])
  const pick = ([pt, en]: [string, string]) => t(pt, en)
  const api = `${config.serverURL ?? ''}${config.routes?.api ?? '/api'}`
  const [service, setService] = useState<Service>('voice')
  const [destination, setDestination] = useState('')
  const [day, setDay] = useState(() => saoPauloClock().day)
  const [time, setTime] = useState(() => saoPauloClock().time)
  const [units, setUnits] = useState(SERVICES.voice.defaultUnits)
  const [result, setResult] = useState<{ service: Service; body: Result }>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  if (!id || !msisdn) return null

  const run = async () => {
    setError(undefined)
    setResult(undefined)
    if (!day) return setError(t('Informe a data como dd/mm/aaaa.', 'Enter the date as dd/mm/yyyy.'))
    if (!TIME.test(time)) return setError(t('Informe a hora como hh:mm (00:00 a 23:59).', 'Enter the time as hh:mm (00:00 to 23:59).'))
    setBusy(true)
    try {
      const n = Number(units)
      const body = {
        line: msisdn,
        service,
        ...(service === 'data' ? {} : { destination }),
        at: instantOfLocal(day, time).toISOString(),
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
        setError(fields.length ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : (data?.errors?.[0]?.message ?? `${t('Erro', 'Error')} ${res.status}`))
      } else setResult({ service, body: data as Result })
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={box} data-testid="simulate-call">
      <strong>{t('Simular uma chamada', 'Simulate a call')}</strong>
      <span style={{ fontSize: 13, opacity: 0.8 }}>
        {t(
          'Mostra o que o motor responderia agora para esta linha, sem registrar consumo nem reservar saldo.',
          'Shows what the engine would answer for this line, without recording usage or reserving balance.',
        )}
      </span>
      <div style={row}>
        <label style={field}>
          {t('Tipo de evento', 'Event type')}
          <select
            className={ui.input}
            value={service}
            onChange={(e) => {
              const s = e.target.value as Service
              setService(s)
              setUnits(SERVICES[s].defaultUnits)
            }}
          >
            {(Object.keys(SERVICES) as Service[]).map((s) => (
              <option key={s} value={s}>
                {pick(SERVICES[s].label)}
              </option>
            ))}
          </select>
        </label>
        {service !== 'data' && (
          <label style={field}>
            {t('Destino (como discado)', 'Destination (as dialled)')}
            <input className={ui.input} value={destination} onChange={(e) => setDestination(e.target.value)} placeholder={t('ex.: 021 11 98765-4321', 'e.g. 021 11 98765-4321')} />
          </label>
        )}
        <label style={field}>
          {t('Data (Brasília)', 'Date (Brasília)')}
          <DateInput className={ui.input} value={day} onChange={setDay} label={t('Data da simulação', 'Simulation date')} />
        </label>
        <label style={field}>
          {t('Hora', 'Time')}
          <input
            className={ui.input} style={{ width: 70 }}
            value={time}
            inputMode="numeric"
            placeholder="hh:mm"
            maxLength={5}
            aria-label={t('Hora da simulação', 'Simulation time')}
            onChange={(e) => setTime(e.target.value.replace(/[^\d:]/g, ''))}
          />
        </label>
        <label style={field}>
          {t('Quantidade', 'Quantity')} ({pick(SERVICES[service].unit)})
          <input className={ui.input} style={{ width: 110 }} type="number" min={0} value={units} onChange={(e) => setUnits(e.target.value)} />
        </label>
        <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} disabled={busy} onClick={run}>
          {busy ? t('Simulando…', 'Simulating…') : t('Simular', 'Simulate')}
        </button>
      </div>
      {error && <div style={{ color: 'var(--theme-error-500, #b00020)' }}>{error}</div>}
      {result && (
        <div data-testid="simulate-result" style={{ display: 'grid', gap: 4 }}>
          <div style={{ fontWeight: 600, color: result.body.allow ? 'var(--theme-success-600, #1a7f37)' : 'var(--theme-error-500, #b00020)' }}>
            {result.body.allow ? t('Permitido', 'Allowed') : t('Recusado', 'Refused')}
          </div>
          <div>
            {t('Concedido', 'Granted')}: {formatGranted(result.service, result.body.granted)}
          </div>
          <div>
            {t('Categoria', 'Category')}: {result.body.categoryLabel ?? result.body.category ?? '—'}
          </div>
          {result.body.destination && (
            <div>
              {t('Destino normalizado', 'Normalised destination')}: +{result.body.destination}
            </div>
          )}
          <div>
            {t('Motivo', 'Reason')}: {result.body.reason.message} <code style={{ opacity: 0.7 }}>{result.body.reason.code}</code>
          </div>
        </div>
      )}
    </div>
  )
}
