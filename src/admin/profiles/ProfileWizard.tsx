'use client'
import { useCallback, useEffect, useState, type CSSProperties, type ReactNode } from 'react'
import { WEEKDAYS, type UsageCategory } from '../../domain/categories'
import { AddLinesPicker } from '../organization/AddLinesPicker'
import { api, whereQuery } from '../shared/api'
import { ConfirmButton } from '../shared/ConfirmButton'
import { fmtMsisdn, fmtNumber } from '../shared/format'
import { Pager } from '../shared/Pager'
import { Progress } from '../shared/Progress'
import { button, card, input, muted, primary, table } from '../shared/styles'
import {
  bodyOf,
  categoryLabel,
  CONTROL_PT,
  DAY_PT,
  draftOf,
  editorKeyOf,
  LIMIT_CATEGORIES,
  LIST_SCOPE_PT,
  LIST_TYPE_PT,
  LIST_USAGE_PT,
  STEPS,
  stepOfPath,
  validateListEntry,
  validateStep,
  type LimitControl,
  type ListEntry,
  type ProfileDraft,
  type StepErrors,
} from './steps'
import ui from '../shared/ui.module.scss'

const error: CSSProperties = { color: '#b00020', fontSize: 13, margin: '4px 0 0' }
const row: CSSProperties = { display: 'flex', gap: 10, flexWrap: 'wrap', alignItems: 'flex-end' }
const field: CSSProperties = { display: 'grid', gap: 4 }

function Field({ label, htmlFor, children, message }: { label: string; htmlFor: string; children: ReactNode; message?: string }) {
  return (
    <div style={field}>
      <label htmlFor={htmlFor} className={ui.muted}>
        {label}
      </label>
      {children}
      {message && (
        <p role="alert" style={error}>
          {message}
        </p>
      )}
    </div>
  )
}

interface LineRow {
  id: string | number
  name?: string
  msisdn: string
}

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
      const e = validateStep(s, draft)
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
      const e = validateStep(s, draft)
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
        } else setErrors({ form: data?.errors?.[0]?.message ?? `Erro ${res.status}` })
        return
      }
      const saved = data.doc ?? data
      setId(saved.id)
      if (id == null) window.history.replaceState(null, '', `/admin/collections/profiles/${saved.id}`)
      setErrors({})
      setNotice(id == null ? 'Perfil criado. A aplicação nas linhas do perfil é imediata.' : 'Perfil salvo. A alteração vale para todas as linhas do perfil.')
      setStep(4)
    } catch (e) {
      setErrors({ form: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 980 }}>
      <h1 style={{ margin: 0 }}>{id == null ? 'Criar perfil' : `Editar perfil: ${draft.name}`}</h1>
      <ol aria-label="Passos" style={{ display: 'flex', gap: 8, listStyle: 'none', padding: 0, margin: 0, flexWrap: 'wrap' }}>
        {STEPS.map((s, i) => (
          <li key={s.key}>
            <button
              type="button"
              aria-current={step === i ? 'step' : undefined}
              disabled={i === 4 && id == null}
              style={step === i ? primary : button}
              onClick={() => go(i)}
            >
              {i + 1} {s.title}
            </button>
          </li>
        ))}
      </ol>
      {notice && (
        <p role="status" style={{ ...card, borderColor: '#1c7c3c', margin: 0 }}>
          {notice}
        </p>
      )}
      {errors.form && (
        <p role="alert" style={error}>
          {errors.form}
        </p>
      )}

      <section className={ui.card} aria-label={STEPS[step].title}>
        <h2 className={ui.h2}>
          {step + 1} {STEPS[step].title}
        </h2>

        {readOnly && (
          <p data-testid="profile-read-only" style={{ ...muted, marginTop: 0 }}>
            Somente leitura: o seu perfil de gestão não altera perfis.
          </p>
        )}
        {/* A disabled fieldset disables every input and button of the step at once (the step buttons above stay usable). */}
        <fieldset disabled={readOnly} style={{ border: 'none', padding: 0, margin: 0, minWidth: 0 }}>
        {step === 0 && (
          <Field label="Nome" htmlFor="profile-name" message={errors.name}>
            <input id="profile-name" style={{ ...input, maxWidth: 420 }} value={draft.name} maxLength={120} onChange={(e) => update({ name: e.target.value })} />
          </Field>
        )}

        {step === 1 && (
          <>
            <p className={ui.muted}>
              Números da lista permitida ignoram o calendário e os limites; números da lista bloqueada são sempre recusados.
            </p>
            <div style={row}>
              {(
                [
                  ['type', 'Tipo de lista', LIST_TYPE_PT],
                  ['usage', 'Tipo de uso', LIST_USAGE_PT],
                  ['scope', 'Tipo de ligação', LIST_SCOPE_PT],
                ] as const
              ).map(([key, label, choices]) => (
                <Field key={key} label={label} htmlFor={`list-${key}`}>
                  <select id={`list-${key}`} className={ui.input} value={entry[key]} onChange={(e) => setEntry({ ...entry, [key]: e.target.value })}>
                    {Object.entries(choices).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                </Field>
              ))}
              <Field label="CP + CA + Número" htmlFor="list-number">
                <input id="list-number" className={ui.input} inputMode="tel" value={entry.number} onChange={(e) => setEntry({ ...entry, number: e.target.value })} />
              </Field>
              <button
                type="button"
                className={ui.button}
                onClick={() => {
                  const e = validateListEntry(entry, draft.lists)
                  if (Object.keys(e).length) return setErrors({ entry: e.number })
                  setErrors({})
                  update({ lists: [...draft.lists, { ...entry, number: entry.number.trim() }] })
                  setEntry({ ...entry, number: '' })
                }}
              >
                Adicionar
              </button>
            </div>
            {errors.entry && (
              <p role="alert" style={error}>
                {errors.entry}
              </p>
            )}
            <table style={{ ...table, marginTop: 12 }}>
              <thead>
                <tr>
                  <th className={ui.th}>Tipo de lista</th>
                  <th className={ui.th}>Tipo de uso</th>
                  <th className={ui.th}>Tipo de ligação</th>
                  <th className={ui.th}>CP + CA + Número</th>
                  <th className={ui.th} />
                </tr>
              </thead>
              <tbody>
                {draft.lists.length === 0 && (
                  <tr>
                    <td className={ui.td} colSpan={5}>
                      <span className={ui.muted}>Nenhum número nas listas.</span>
                    </td>
                  </tr>
                )}
                {draft.lists.map((l, i) => (
                  <tr key={`${l.number}-${i}`}>
                    <td className={ui.td}>{LIST_TYPE_PT[l.type]}</td>
                    <td className={ui.td}>{LIST_USAGE_PT[l.usage]}</td>
                    <td className={ui.td}>{LIST_SCOPE_PT[l.scope]}</td>
                    <td className={ui.td}>
                      {l.number}
                      {errors[`lists.${i}.number`] && <p style={error}>{errors[`lists.${i}.number`]}</p>}
                    </td>
                    <td className={ui.td}>
                      <button type="button" className={ui.danger} aria-label={`Remover ${l.number}`} onClick={() => update({ lists: draft.lists.filter((_, j) => j !== i) })}>
                        Remover
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}

        {step === 2 && (
          <>
            <fieldset style={{ border: 0, padding: 0, display: 'flex', gap: 14, flexWrap: 'wrap' }}>
              <legend className={ui.muted}>Dias em que as linhas podem ser usadas</legend>
              <label>
                <input type="checkbox" checked={draft.calendar.holidays} onChange={(e) => update({ calendar: { ...draft.calendar, holidays: e.target.checked } })} /> Feriados
              </label>
              {WEEKDAYS.map((d) => (
                <label key={d}>
                  <input
                    type="checkbox"
                    checked={draft.calendar.days.includes(d)}
                    onChange={(e) =>
                      update({
                        calendar: {
                          ...draft.calendar,
                          days: e.target.checked ? WEEKDAYS.filter((x) => x === d || draft.calendar.days.includes(x)) : draft.calendar.days.filter((x) => x !== d),
                        },
                      })
                    }
                  />{' '}
                  {DAY_PT[d]}
                </label>
              ))}
            </fieldset>
            {errors['calendar.days'] && (
              <p role="alert" style={error}>
                {errors['calendar.days']}
              </p>
            )}
            <h3 style={{ fontSize: 15, margin: '16px 0 6px' }}>Horário</h3>
            <p className={ui.muted}>Sem horários, as linhas podem ser usadas o dia todo. Para atravessar a meia-noite, use dois horários (22:00–24:00 e 00:00–06:00).</p>
            <div style={row}>
              <Field label="De" htmlFor="window-from">
                <input id="window-from" className={ui.input} placeholder="HH:MM" value={windowDraft.from} onChange={(e) => setWindowDraft({ ...windowDraft, from: e.target.value })} />
              </Field>
              <Field label="Até" htmlFor="window-to">
                <input id="window-to" className={ui.input} placeholder="HH:MM" value={windowDraft.to} onChange={(e) => setWindowDraft({ ...windowDraft, to: e.target.value })} />
              </Field>
              <button
                type="button"
                className={ui.button}
                onClick={() => {
                  const e = validateStep(2, { ...draft, calendar: { ...draft.calendar, days: ['mon'], windows: [windowDraft] } })
                  if (e['calendar.windows.0']) return setErrors({ window: e['calendar.windows.0'] })
                  setErrors({})
                  update({ calendar: { ...draft.calendar, windows: [...draft.calendar.windows, windowDraft] } })
                  setWindowDraft({ from: '', to: '' })
                }}
              >
                Adicionar
              </button>
            </div>
            {errors.window && (
              <p role="alert" style={error}>
                {errors.window}
              </p>
            )}
            <table style={{ ...table, marginTop: 12, maxWidth: 480 }}>
              <thead>
                <tr>
                  <th className={ui.th}>Hora inicial</th>
                  <th className={ui.th}>Hora final</th>
                  <th className={ui.th} />
                </tr>
              </thead>
              <tbody>
                {draft.calendar.windows.map((w, i) => (
                  <tr key={`${w.from}-${w.to}-${i}`}>
                    <td className={ui.td}>{w.from}</td>
                    <td className={ui.td}>
                      {w.to}
                      {errors[`calendar.windows.${i}`] && <p style={error}>{errors[`calendar.windows.${i}`]}</p>}
                    </td>
                    <td className={ui.td}>
                      <button
                        type="button"
                        className={ui.danger}
                        aria-label={`Remover horário ${w.from}-${w.to}`}
                        onClick={() => update({ calendar: { ...draft.calendar, windows: draft.calendar.windows.filter((_, j) => j !== i) } })}
                      >
                        Remover
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}

        {step === 3 && <LimitsStep draft={draft} errors={errors} onChange={(limits) => update({ limits })} />}

        </fieldset>

        {step === 4 && id != null && <ProfileLines id={id} name={draft.name} readOnly={readOnly} />}

        {step < 4 && (
          <div style={{ display: 'flex', gap: 8, marginTop: 18 }}>
            <button type="button" className={ui.button} disabled={step === 0} onClick={() => go(step - 1)}>
              Voltar
            </button>
            {step < 3 && (
              <button type="button" className={ui.primary} onClick={() => go(step + 1)}>
                Avançar
              </button>
            )}
            {!readOnly && (step === 3 || id != null) && (
              <button type="button" style={step === 3 ? primary : button} disabled={busy} onClick={save}>
                {busy ? 'Salvando…' : 'Salvar'}
              </button>
            )}
            <a href="/admin/collections/profiles" style={{ ...button, textDecoration: 'none' }}>
              Cancelar
            </a>
          </div>
        )}
      </section>
    </div>
  )
}


function LimitsStep({ draft, errors, onChange }: { draft: ProfileDraft; errors: StepErrors; onChange: (l: ProfileDraft['limits']) => void }) {
  const setAll = (control: LimitControl) => {
    const next: ProfileDraft['limits'] = {}
    for (const c of [...LIMIT_CATEGORIES.voice, ...LIMIT_CATEGORIES.sms]) next[c] = { control, quantity: null }
    onChange(next)
  }
  const set = (c: UsageCategory, v: { control: LimitControl; quantity: number | null }) => onChange({ ...draft.limits, [c]: v })
  const block = (kind: 'voice' | 'sms') => (
    <table style={{ ...table, marginBottom: 16, tableLayout: 'fixed' }}>
      <thead>
        <tr>
          <th className={ui.th}>{kind === 'voice' ? 'Ligação' : 'Sms'}</th>
          <th className={ui.th}>Controle</th>
          <th className={ui.th}>{kind === 'voice' ? 'Quantidade MIN' : 'Quantidade SMS'}</th>
        </tr>
      </thead>
      <tbody>
        {LIMIT_CATEGORIES[kind].map((c) => {
          const v = draft.limits[c] ?? { control: 'unlimited' as LimitControl, quantity: null }
          return (
            <tr key={c}>
              <td className={ui.td}>{categoryLabel(c)}</td>
              <td className={ui.td}>
                <select aria-label={`Controle ${categoryLabel(c)}`} className={ui.input} value={v.control} onChange={(e) => set(c, { ...v, control: e.target.value as LimitControl })}>
                  {(['unlimited', 'blocked', 'limited'] as const).map((k) => (
                    <option key={k} value={k}>
                      {k === 'limited' ? `Limitado (${kind === 'voice' ? 'Min' : 'Sms'})` : CONTROL_PT[k]}
                    </option>
                  ))}
                </select>
              </td>
              <td className={ui.td}>
                {v.control === 'limited' && (
                  <input
                    aria-label={`Quantidade ${categoryLabel(c)}`}
                    style={{ ...input, width: 110 }}
                    inputMode="numeric"
                    value={v.quantity ?? ''}
                    onChange={(e) => set(c, { ...v, quantity: e.target.value === '' ? null : Number(e.target.value.replace(/\D/g, '')) })}
                  />
                )}
                {errors[`limits.${c}`] && <p style={error}>{errors[`limits.${c}`]}</p>}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
  return (
    <>
      <p className={ui.muted}>Deixe tudo liberado, bloqueie tudo ou estipule uma cota de minutos ou SMS por ciclo para cada tipo de chamada.</p>
      <div style={{ display: 'flex', gap: 8, marginBottom: 12 }}>
        <button type="button" className={ui.button} onClick={() => setAll('unlimited')}>
          Liberar tudo
        </button>
        <button type="button" className={ui.button} onClick={() => setAll('blocked')}>
          Bloquear tudo
        </button>
      </div>
      {block('voice')}
      {block('sms')}
    </>
  )
}

/** Step 5: the profile's lines; add with the shared picker, remove (with confirmation) in batches. */
const LINES_PAGE = 100

function ProfileLines({ id, name, readOnly }: { id: string | number; name: string; readOnly: boolean }) {
  const [lines, setLines] = useState<LineRow[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(1)
  const [picking, setPicking] = useState(false)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  const [failure, setFailure] = useState<string>()

  const load = useCallback(async () => {
    // 100 a page ("Exibindo 100"), every line of the profile reachable by paging.
    const res = await api<{ docs: LineRow[]; totalDocs: number; totalPages: number }>(
      `/lines?${whereQuery({ profile: { equals: id } })}&limit=${LINES_PAGE}&page=${page}&depth=0&sort=name`,
    )
    if (res.docs.length === 0 && page > 1 && res.totalDocs > 0) return setPage(Math.max(1, res.totalPages))
    setLines(res.docs)
    setTotal(res.totalDocs)
  }, [id, page])
  const pages = Math.max(1, Math.ceil(total / LINES_PAGE))
  useEffect(() => {
    load().catch((e) => setFailure((e as Error).message))
  }, [load])

  const remove = async () => {
    const ids = [...selected]
    setFailure(undefined)
    setProgress({ done: 0, total: ids.length })
    try {
      for (let i = 0; i < ids.length; i += 25) {
        const chunk = ids.slice(i, i + 25)
        await api(`/lines?${whereQuery({ id: { in: chunk } })}&depth=0`, { method: 'PATCH', body: { profile: null } })
        setProgress({ done: Math.min(ids.length, i + chunk.length), total: ids.length })
      }
      setSelected(new Set())
      await load()
    } catch (e) {
      setFailure((e as Error).message)
    }
  }

  return (
    <div style={{ display: 'grid', gap: 10 }}>
      <p className={ui.muted}>
        {fmtNumber(total)} {total === 1 ? 'linha' : 'linhas'} neste perfil. Ao salvar, o perfil vale imediatamente para todas elas.
      </p>
      <div style={{ display: 'flex', gap: 8 }}>
        {!readOnly && (
          <>
            <button type="button" className={ui.primary} onClick={() => setPicking(true)}>
              Adicionar linhas
            </button>
            <ConfirmButton
              title="Remover linhas do perfil"
              message={`Remover ${selected.size} ${selected.size === 1 ? 'linha' : 'linhas'} do perfil ${name}? Elas ficarão sem perfil (sem calendário e sem limites).`}
              disabled={selected.size === 0}
              onConfirm={remove}
            >
              Remover do perfil ({fmtNumber(selected.size)})
            </ConfirmButton>
          </>
        )}
        <a href="/admin/collections/profiles" style={{ ...button, textDecoration: 'none' }}>
          Concluir
        </a>
      </div>
      {progress && progress.done < progress.total && <Progress done={progress.done} total={progress.total} label="Removendo linhas" />}
      {failure && (
        <p role="alert" style={error}>
          {failure}
        </p>
      )}
      <table className={ui.table} aria-label="Linhas do perfil">
        <thead>
          <tr>
            <th className={ui.th} />
            <th className={ui.th}>Nome</th>
            <th className={ui.th}>Nº da linha</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td className={ui.td}>
                <input
                  type="checkbox"
                  disabled={readOnly}
                  aria-label={`Selecionar ${l.msisdn}`}
                  checked={selected.has(String(l.id))}
                  onChange={(e) =>
                    setSelected((s) => {
                      const next = new Set(s)
                      if (e.target.checked) next.add(String(l.id))
                      else next.delete(String(l.id))
                      return next
                    })
                  }
                />
              </td>
              <td className={ui.td}>{l.name}</td>
              <td className={ui.td}>{fmtMsisdn(l.msisdn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        page={page}
        pages={pages}
        onPage={setPage}
        label="Páginas das linhas do perfil"
        testId="profile-lines-paging"
        summary={`Exibindo ${LINES_PAGE} · página ${page} de ${pages}`}
      />
      {picking && (
        <AddLinesPicker
          kind="profiles"
          group={{ id, name }}
          onClose={() => {
            setPicking(false)
            load().catch((e) => setFailure((e as Error).message))
          }}
        />
      )}
    </div>
  )
}
