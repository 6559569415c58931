'use client'
import { useState } from 'react'
import { api } from '../shared/api'
import { ConfirmButton } from '../shared/ConfirmButton'
import { tr, type Lang } from '../shared/lang'
import { Message } from '../shared/Message'
import { primary } from '../shared/styles'
import ui from '../shared/ui.module.scss'

const DEFAULT_CSP = '21'

/** CSP long-distance carrier with the extra-billing warning, and the interrupt-at-limit switch (F). */
export function CspSettings({
  companyId,
  csp: initialCsp,
  interruptAtLimit: initialInterrupt,
  carriers,
  canWrite,
  lang = 'pt',
}: {
  companyId: string | number
  csp: string
  interruptAtLimit: boolean
  carriers: { code: string; name: string }[]
  canWrite: boolean
  lang?: Lang
}) {
  const t = tr(lang)
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
      setMessage({ ok: true, text: t('Configurações salvas.', 'Settings saved.') })
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message })
    }
  }

  const carrier = carriers.find((c) => c.code === csp)
  return (
    <section className={ui.card} data-testid="csp-settings">
      <h2 className={ui.h2}>{t('Fidelização de CSP', 'Long-distance carrier (CSP)')}</h2>
      <label style={{ display: 'grid', gap: 4, maxWidth: 360 }}>
        <span>{t('Operadora de longa distância (CSP)', 'Long-distance carrier (CSP)')}</span>
        <select className={ui.input} value={csp} disabled={!canWrite} onChange={(e) => setCsp(e.target.value)} aria-label={t('Fidelização de CSP', 'Long-distance carrier (CSP)')}>
          {carriers.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} - {c.name.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <p className={ui.muted}>
        {t(
          'O padrão é o 21 - EMBRATEL: as chamadas interurbanas pelo 21 são cobertas pelos planos. Com outra operadora a empresa terá cobrança excedente da operadora escolhida.',
          'The default is 21 - EMBRATEL: long-distance calls through 21 are covered by the plans. With another carrier the company is billed extra by that carrier.',
        )}
      </p>
      {csp !== DEFAULT_CSP && (
        <p role="alert" data-testid="csp-warning" style={{ background: '#fff4e5', color: '#7a4b00', border: '1px solid #f0b35a', borderRadius: 4, padding: '8px 12px' }}>
          {t(
            `Atenção: com o CSP ${csp} - ${carrier?.name.toUpperCase()} as ligações de longa distância não são cobertas pelo plano e serão cobradas à parte pela operadora escolhida.`,
            `Warning: with CSP ${csp} - ${carrier?.name.toUpperCase()} long-distance calls are not covered by the plan and are billed separately by that carrier.`,
          )}
        </p>
      )}
      <label style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '12px 0' }}>
        <input type="checkbox" role="switch" checked={interrupt} disabled={!canWrite} onChange={(e) => setInterrupt(e.target.checked)} />
        <span>{t('Interromper a ligação ao atingir o limite definido', 'Interrupt the call when the limit is reached')}</span>
      </label>
      <p className={ui.muted}>
        {t(
          'Ligado, a chamada é interrompida assim que atingir os limites configurados em Perfis > Limites.',
          'When on, a call is cut as soon as it reaches the limits set in Profiles > Limits.',
        )}
      </p>
      {canWrite &&
        (csp !== DEFAULT_CSP && csp !== saved.csp ? (
          <ConfirmButton
            variant="primary"
            disabled={!changed}
            lang={lang}
            title={t('Alterar a operadora de longa distância', 'Change the long-distance carrier')}
            message={t(
              `Com o CSP ${csp} as ligações de longa distância serão cobradas à parte pela operadora escolhida. Salvar mesmo assim?`,
              `With CSP ${csp} long-distance calls are billed separately by that carrier. Save anyway?`,
            )}
            onConfirm={save}
          >
            {t('Salvar', 'Save')}
          </ConfirmButton>
        ) : (
          <button type="button" style={{ ...primary, opacity: changed ? 1 : 0.5 }} disabled={!changed} onClick={save}>
            {t('Salvar', 'Save')}
          </button>
        ))}
      {message && <Message ok={message.ok} text={message.text} />}
    </section>
  )
}
