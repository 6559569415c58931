'use client'
import type { NumberFieldClientProps, Validate } from 'payload'
import { NumberField, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'
import { idOf, type Id } from '../../domain/ids'
import { api } from '../shared/api'
import { useGolT } from '../i18n/useGolT'

type Unit = 'minutes' | 'sms' | 'mb'
type Offer = { id: Id; kind?: string; unit?: Unit; amount?: number; line?: Id | { id: Id } | null }
type Balance = { franchises?: { id: Id; capacity: number }[] }
type Available = { state: 'idle' } | { state: 'loading' } | { state: 'failed' } | { state: 'ready'; amount: number; unit: string }

const PER_UNIT: Record<Unit, number> = { minutes: 60, sms: 1, mb: 1_048_576 }
const UNIT_WORDS: Record<Unit, string> = { minutes: 'min', sms: 'SMS', mb: 'MB' }
/** The id a relationship form field holds: an id, a populated document, or a select option's `{value}`. */
const fieldId = (v: unknown): Id | undefined => idOf(v && typeof v === 'object' && !('id' in v) && 'value' in v ? v.value : v)

/**
 * What the origin line has of the offer, in the offer's unit: its franchise after Claro Pós
 * transfers, as the engine's balance has it (GET /api/engine/balance, capacity in seconds,
 * messages or bytes). An offer the engine does not list for the line: its contracted amount when
 * it is the line's own, otherwise none. The figure the server checks (Transfers/hooks/available.ts).
 */
async function availableOf(offerId: Id, lineId: Id): Promise<{ amount: number; unit: string }> {
  const [offer, line] = await Promise.all([
    api<Offer>(`/offers/${encodeURIComponent(String(offerId))}?depth=0`),
    api<{ msisdn: string }>(`/lines/${encodeURIComponent(String(lineId))}?depth=0`),
  ])
  const unit = offer.unit ?? 'minutes'
  const words = UNIT_WORDS[unit] ?? unit
  if (offer.kind !== 'individual') return { amount: 0, unit: words }
  const balance = await api<Balance>(`/engine/balance?line=${encodeURIComponent(line.msisdn)}`)
  const franchise = balance.franchises?.find((f) => String(f.id) === String(offer.id))
  if (franchise) return { amount: Math.floor(franchise.capacity / PER_UNIT[unit]), unit: words }
  return { amount: String(idOf(offer.line)) === String(lineId) ? Number(offer.amount ?? 0) : 0, unit: words }
}

/**
 * G, Claro Pós transfer: the amount field with what the origin line has left of the offer under
 * it, once both are picked; an amount above it is refused on the form, before saving (the server
 * check stays the authority).
 */
export function TransferAmountField(props: NumberFieldClientProps) {
  const t = useGolT()
  const { id, initialData } = useDocumentInfo()
  const offer = fieldId(useFormFields(([fields]) => fields.offer?.value))
  const fromLine = fieldId(useFormFields(([fields]) => fields.fromLine?.value))
  const [available, setAvailable] = useState<Available>({ state: 'idle' })
  const limit = useRef<{ amount: number; unit: string } | null>(null)

  useEffect(() => {
    limit.current = null
    if (offer == null || fromLine == null) return setAvailable({ state: 'idle' })
    let live = true
    setAvailable({ state: 'loading' })
    availableOf(offer, fromLine)
      .then(({ amount, unit }) => {
        // Editing a transfer: what it moves out of this origin is available to itself.
        const same = id != null && String(idOf(initialData?.offer)) === String(offer) && String(idOf(initialData?.fromLine)) === String(fromLine)
        const total = amount + (same ? Number(initialData?.amount ?? 0) : 0)
        if (!live) return
        limit.current = { amount: total, unit }
        setAvailable({ state: 'ready', amount: total, unit })
      })
      .catch(() => live && setAvailable({ state: 'failed' }))
    return () => {
      live = false
    }
  }, [offer, fromLine, id, initialData])

  const validate = useCallback<Validate>(
    (value) => {
      if (value == null || value === '') return true
      const n = Number(value)
      if (!Number.isInteger(n) || n < 0) return t('gol:transferWholeNumber')
      const left = limit.current
      if (!left) return true
      if (left.amount <= 0) return t('gol:transferNoFranchise')
      if (n <= 0) return t('gol:transferAboveZero')
      if (n > left.amount) return t('gol:transferAboveAvailable', { amount: left.amount, unit: left.unit })
      return true
    },
    [t],
  )

  return (
    <div className="transfer-amount">
      <NumberField {...props} validate={validate} />
      <p className="field-description" data-testid="transfer-available" style={{ marginTop: 4 }}>
        {available.state === 'idle'
          ? t('gol:transferPickOfferAndOrigin')
          : available.state === 'loading'
            ? t('gol:transferAvailableLoading')
            : available.state === 'failed'
              ? t('gol:transferAvailableFailed')
              : available.amount > 0
                ? t('gol:transferAvailable', { amount: available.amount, unit: available.unit })
                : t('gol:transferNoFranchise')}
      </p>
    </div>
  )
}

export default TransferAmountField
