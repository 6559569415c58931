'use client'
/**
 * "Simular uma chamada" on the line page (SPEC L): asks for the event type, destination,
 * time and units, calls POST /api/engine/simulate (the engine's decision without counting
 * anything) and shows the decision, the units granted, the category and the reason.
 */
import { Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'
import { instantOfLocal, saoPauloClock } from '../../domain/time'
import { DateInput } from '../shared/DateInput'
import panel from '../shared/panel.module.scss'
import ui from '../shared/ui.module.scss'
import type { GolTranslationKey } from '../i18n'
import { useGolT } from '../i18n/useGolT'

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

const SERVICES: Record<Service, { label: GolTranslationKey; unit: GolTranslationKey; defaultUnits: string }> = {
  voice: { label: 'gol:simVoice', unit: 'gol:unitSeconds', defaultUnits: '60' },
  sms: { label: 'gol:simSms', unit: 'gol:unitMessages', defaultUnits: '1' },
  collect: { label: 'gol:simCollect', unit: 'gol:unitSeconds', defaultUnits: '60' },
  data: { label: 'gol:simData', unit: 'gol:unitMB', defaultUnits: '10' },
}


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
  const t = useGolT()
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
    if (!day) return setError(t('gol:enterTheDateAsDdMm'))
    if (!TIME.test(time)) return setError(t('gol:enterTheTimeAsHhMm'))
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
        setError(fields.length ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : (data?.errors?.[0]?.message ?? `${t('gol:error')} ${res.status}`))
      } else setResult({ service, body: data as Result })
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className={panel.box} data-testid="simulate-call">
      <strong>{t('gol:simulateACall')}</strong>
      <span className={panel.hint}>
        {t('gol:showsWhatTheEngineWouldAnswer')}
      </span>
      <div className={panel.row}>
        <label className={panel.field}>
          {t('gol:eventType')}
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
                {t(SERVICES[s].label)}
              </option>
            ))}
          </select>
        </label>
        {service !== 'data' && (
          <label className={panel.field}>
            {t('gol:destinationAsDialled')}
            <input className={ui.input} value={destination} onChange={(e) => setDestination(e.target.value)} placeholder={t('gol:eG02111987654321')} />
          </label>
        )}
        <label className={panel.field}>
          {t('gol:dateBrasLia')}
          <DateInput className={ui.input} value={day} onChange={setDay} label={t('gol:simulationDate')} />
        </label>
        <label className={panel.field}>
          {t('gol:time')}
          <input
            className={`${ui.input} ${panel.narrow}`}
            value={time}
            inputMode="numeric"
            placeholder="hh:mm"
            maxLength={5}
            aria-label={t('gol:simulationTime')}
            onChange={(e) => setTime(e.target.value.replace(/[^\d:]/g, ''))}
          />
        </label>
        <label className={panel.field}>
          {t('gol:quantity')} ({t(SERVICES[service].unit)})
          <input className={`${ui.input} ${panel.units}`} type="number" min={0} value={units} onChange={(e) => setUnits(e.target.value)} />
        </label>
        <Button type="button" buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={run}>
          {busy ? t('gol:simulating') : t('gol:simulate')}
        </Button>
      </div>
      {error && <div className={panel.error}>{error}</div>}
      {result && (
        <div data-testid="simulate-result" className={ui.field}>
          <div className={result.body.allow ? panel.allowed : panel.refused}>
            {result.body.allow ? t('gol:allowed') : t('gol:refused')}
          </div>
          <div>
            {t('gol:granted')}: {formatGranted(result.service, result.body.granted)}
          </div>
          <div>
            {t('gol:category')}: {result.body.categoryLabel ?? result.body.category ?? '—'}
          </div>
          {result.body.destination && (
            <div>
              {t('gol:normalisedDestination')}: +{result.body.destination}
            </div>
          )}
          <div>
            {t('gol:reason')}: {result.body.reason.message} <code className={panel.faint}>{result.body.reason.code}</code>
          </div>
        </div>
      )}
    </div>
  )
}
