'use client'
import { useState } from 'react'
import { useGolLang, useGolT } from '../i18n/useGolT'
import ui from '../shared/ui.module.scss'
import { CalendarStep } from './CalendarStep'
import { FieldError } from './Field'
import { LimitsStep } from './LimitsStep'
import { LinesStep } from './LinesStep'
import { ListsStep } from './ListsStep'
import { NameStep } from './NameStep'
import { bodyOf, draftOf, editorKeyOf, STEPS, stepOfPath, validateStep, type ListEntry, type ProfileDraft, type StepErrors } from './steps'
import css from './wizard.module.scss'

/**
 * "Criar perfil" / "Editar perfil" (E2) as the carrier guide shows it: 1 name, 2 allowed
 * and blocked lists, 3 calendar, 4 limits, each checked before "Avançar"; "Salvar" posts
 * to the Profiles REST API (the server's validation decides; its field errors bring the
 * editor back to their step). Then 5: the lines of the profile (add, remove).
 */
export function ProfileWizard({
  id: initialId,
  doc,
  company,
  readOnly = false,
}: {
  id?: string | number
  doc?: Record<string, any> | null
  company?: string | number | null
  /** A user who may not change profiles (a viewer) reads every step, changes nothing. */
  readOnly?: boolean
}) {
  const t = useGolT()
  const lang = useGolLang()
  const [id, setId] = useState(initialId)
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(doc))
  const [step, setStep] = useState(0)
  const [errors, setErrors] = useState<StepErrors>({})
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [entry, setEntry] = useState<ListEntry>({ type: 'allowed', usage: 'voice', scope: 'national', number: '' })
  const [windowDraft, setWindowDraft] = useState({ from: '', to: '' })

  const update = (patch: Partial<ProfileDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    // An edit answers the messages shown; the step is checked again on "Avançar" / "Salvar".
    setErrors({})
  }
  const go = (to: number) => {
    // Forward only through valid steps; back freely. The lines step needs a saved profile.
    for (let s = step; !readOnly && s < to && s < 4; s++) {
      const e = validateStep(s, draft, lang)
      if (Object.keys(e).length) {
        setErrors(e)
        setStep(s)
        return
      }
    }
    if (to === 4 && id == null) return
    setErrors({})
    setStep(to)
  }

  const save = async () => {
    for (let s = 0; s < 4; s++) {
      const e = validateStep(s, draft, lang)
      if (Object.keys(e).length) {
        setErrors(e)
        setStep(s)
        return
      }
    }
    const body = bodyOf(draft)
    setBusy(true)
    setNotice(undefined)
    try {
      const res = await fetch(id == null ? '/api/profiles?depth=0' : `/api/profiles/${id}?depth=0`, {
        method: id == null ? 'POST' : 'PATCH',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(id == null ? { ...body, company: company ?? undefined } : body),
      })
      const data = await res.json().catch(() => ({}))
      if (!res.ok) {
        const list = (data?.errors?.[0]?.data?.errors ?? []) as { path: string; message: string }[]
        if (list.length) {
          const mapped: StepErrors = {}
          for (const e of list) mapped[editorKeyOf(e.path, body)] = e.message
          setErrors(mapped)
          setStep(Math.min(...list.map((e) => stepOfPath(e.path))))
        } else setErrors({ form: data?.errors?.[0]?.message ?? t('gol:httpError', { status: res.status }) })
        return
      }
      const saved = data.doc ?? data
      setId(saved.id)
      if (id == null) window.history.replaceState(null, '', `/admin/collections/profiles/${saved.id}`)
      setErrors({})
      setNotice(id == null ? t('gol:profileCreated') : t('gol:profileSaved'))
      setStep(4)
    } catch (e) {
      setErrors({ form: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const stepProps = { draft, errors, update, setErrors }

  return (
    <div className={css.wizard}>
      <h1 className={css.title}>{id == null ? t('gol:profileCreate') : t('gol:profileEdit', { name: draft.name })}</h1>
      <ol aria-label={t('gol:profileSteps')} className={css.steps}>
        {STEPS.map((s, i) => (
          <li key={s.key}>
            <button type="button" aria-current={step === i ? 'step' : undefined} disabled={i === 4 && id == null} className={step === i ? ui.primary : ui.button} onClick={() => go(i)}>
              {i + 1} {t(s.title)}
            </button>
          </li>
        ))}
      </ol>
      {notice && (
        <p role="status" className={`${ui.card} ${css.notice}`}>
          {notice}
        </p>
      )}
      <FieldError message={errors.form} />

      <section className={ui.card} aria-label={t(STEPS[step].title)}>
        <h2 className={ui.h2}>
          {step + 1} {t(STEPS[step].title)}
        </h2>

        {readOnly && (
          <p data-testid="profile-read-only" className={`${ui.muted} ${css.readOnly}`}>
            {t('gol:profileReadOnly')}
          </p>
        )}
        {/* A disabled fieldset disables every input and button of the step at once (the step buttons above stay usable). */}
        <fieldset disabled={readOnly} className={css.plain}>
          {step === 0 && <NameStep {...stepProps} />}
          {step === 1 && <ListsStep {...stepProps} entry={entry} setEntry={setEntry} />}
          {step === 2 && <CalendarStep {...stepProps} windowDraft={windowDraft} setWindowDraft={setWindowDraft} />}
          {step === 3 && <LimitsStep draft={draft} errors={errors} onChange={(limits) => update({ limits })} />}
        </fieldset>

        {step === 4 && id != null && <LinesStep id={id} name={draft.name} readOnly={readOnly} />}

        {step < 4 && (
          <div className={css.footer}>
            <button type="button" className={ui.button} disabled={step === 0} onClick={() => go(step - 1)}>
              {t('gol:profileBack')}
            </button>
            {step < 3 && (
              <button type="button" className={ui.primary} onClick={() => go(step + 1)}>
                {t('gol:profileNext')}
              </button>
            )}
            {!readOnly && (step === 3 || id != null) && (
              <button type="button" className={step === 3 ? ui.primary : ui.button} disabled={busy} onClick={save}>
                {busy ? t('gol:profileSaving') : t('gol:save')}
              </button>
            )}
            <a href="/admin/collections/profiles" className={`${ui.button} ${css.link}`}>
              {t('gol:cancel')}
            </a>
          </div>
        )}
      </section>
    </div>
  )
}
