'use client'
import { useState } from 'react'
import { api } from '../shared/api'
import { ConfirmButton } from '../shared/ConfirmButton'
import { Message } from '../shared/Message'
import { primary } from '../shared/styles'
import ui from '../shared/ui.module.scss'
import { useGolT } from '../i18n/useGolT'

const DEFAULT_CSP = '21'

/** CSP long-distance carrier with the extra-billing warning, and the interrupt-at-limit switch (F). */
export function CspSettings({
  companyId,
  csp: initialCsp,
  interruptAtLimit: initialInterrupt,
  carriers,
  canWrite,
}: {
  companyId: string | number
  csp: string
  interruptAtLimit: boolean
  carriers: { code: string; name: string }[]
  canWrite: boolean
}) {
  const t = useGolT()
  const [csp, setCsp] = useState(initialCsp)
  const [interrupt, setInterrupt] = useState(initialInterrupt)
  const [saved, setSaved] = useState({ csp: initialCsp, interrupt: initialInterrupt })
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const changed = csp !== saved.csp || interrupt !== saved.interrupt

  const save = async () => {
    setMessage(undefined)
    try {
      await api(`/companies/${companyId}`, { method: 'PATCH', body: { csp, interruptAtLimit: interrupt } })
      setSaved({ csp, interrupt })
      setMessage({ ok: true, text: t('gol:settingsSaved') })
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message })
    }
  }

  const carrier = carriers.find((c) => c.code === csp)
  return (
    <section className={ui.card} data-testid="csp-settings">
      <h2 className={ui.h2}>{t('gol:longDistanceCarrierCsp')}</h2>
      <label style={{ display: 'grid', gap: 4, maxWidth: 360 }}>
        <span>{t('gol:longDistanceCarrierCsp2')}</span>
        <select className={ui.input} value={csp} disabled={!canWrite} onChange={(e) => setCsp(e.target.value)} aria-label={t('gol:longDistanceCarrierCsp')}>
          {carriers.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} - {c.name.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <p className={ui.muted}>
        {t('gol:theDefaultIs21EmbratelLong')}
      </p>
      {csp !== DEFAULT_CSP && (
        <p role="alert" data-testid="csp-warning" style={{ background: '#fff4e5', color: '#7a4b00', border: '1px solid #f0b35a', borderRadius: 4, padding: '8px 12px' }}>
          {t('gol:warningWithCspCspVLong', { csp, v: carrier?.name.toUpperCase() })}
        </p>
      )}
      <label style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '12px 0' }}>
        <input type="checkbox" role="switch" checked={interrupt} disabled={!canWrite} onChange={(e) => setInterrupt(e.target.checked)} />
        <span>{t('gol:interruptTheCallWhenTheLimit')}</span>
      </label>
      <p className={ui.muted}>
        {t('gol:whenOnACallIsCut')}
      </p>
      {canWrite &&
        (csp !== DEFAULT_CSP && csp !== saved.csp ? (
          <ConfirmButton
            variant="primary"
            disabled={!changed}
            title={t('gol:changeTheLongDistanceCarrier')}
            message={t('gol:withCspCspLongDistanceCalls', { csp })}
            onConfirm={save}
          >
            {t('gol:save')}
          </ConfirmButton>
        ) : (
          <button type="button" style={{ ...primary, opacity: changed ? 1 : 0.5 }} disabled={!changed} onClick={save}>
            {t('gol:save')}
          </button>
        ))}
      {message && <Message ok={message.ok} text={message.text} />}
    </section>
  )
}
