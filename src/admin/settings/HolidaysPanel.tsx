'use client'
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { api, whereQuery } from '../shared/api'
import { Pager } from '../shared/Pager'
import { ConfirmButton } from '../shared/ConfirmButton'
import { DateInput } from '../shared/DateInput'
import { fmtDate } from '../shared/format'
import { tr, type Lang } from '../shared/lang'
import { Message } from '../shared/Message'
import { input, td, th } from '../shared/styles'
import ui from '../shared/ui.module.scss'

interface Holiday {
  id: string | number
  date: string
  name: string
  ddd?: number | null
  state?: string | null
}

const PAGE = 20

/** Holidays (F): create (date, name, DDD or state; none = national), list, search, "national only", edit, delete. */
export function HolidaysPanel({ companyId, states, canWrite, lang = 'pt' }: { companyId: string | number; states: string[]; canWrite: boolean; lang?: Lang }) {
  const t = tr(lang)
  const [date, setDate] = useState('')
  const [name, setName] = useState('')
  const [region, setRegion] = useState('')
  const [formError, setFormError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [search, setSearch] = useState('')
  const [nationalOnly, setNationalOnly] = useState(false)
  const [page, setPage] = useState(1)
  const [list, setList] = useState<{ docs: Holiday[]; totalDocs: number; totalPages: number }>({ docs: [], totalDocs: 0, totalPages: 1 })
  const [error, setError] = useState<string>()

  const load = useCallback(async () => {
    const and: Record<string, unknown>[] = [{ company: { equals: companyId } }]
    if (search.trim()) and.push({ name: { like: search.trim() } })
    if (nationalOnly) and.push({ ddd: { exists: false } }, { state: { exists: false } })
    try {
      setList(await api(`/holidays?${whereQuery({ and })}&sort=date&limit=${PAGE}&page=${page}&depth=0`))
      setError(undefined)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [companyId, search, nationalOnly, page])

  useEffect(() => {
    const t = setTimeout(() => void load(), 200)
    return () => clearTimeout(t)
  }, [load])

  const create = async (e: FormEvent) => {
    e.preventDefault()
    setFormError(undefined)
    setNotice(undefined)
    if (!date) return setFormError(t('Data inválida: use dd/mm/aaaa.', 'Invalid date: use dd/mm/yyyy.'))
    const r = region.trim().toUpperCase()
    const body: Record<string, unknown> = { company: companyId, date, name: name.trim() }
    if (/^\d{2}$/.test(r)) body.ddd = Number(r)
    else if (r) {
      if (!states.includes(r)) return setFormError(
          t(
            'DDD/Estado: informe um DDD de 2 dígitos ou a sigla do estado (ex.: SP), ou deixe vazio para nacional.',
            'Area code/State: enter a 2-digit DDD or a state code (e.g. SP), or leave it empty for a national holiday.',
          ),
        )
      body.state = r
    }
    try {
      await api('/holidays', { method: 'POST', body })
      setNotice(t(`Feriado "${name.trim()}" criado.`, `Holiday "${name.trim()}" created.`))
      setDate('')
      setName('')
      setRegion('')
      await load()
    } catch (err) {
      setFormError((err as Error).message)
    }
  }

  const remove = async (h: Holiday) => {
    try {
      await api(`/holidays/${h.id}`, { method: 'DELETE' })
      setNotice(t(`Feriado "${h.name}" excluído.`, `Holiday "${h.name}" deleted.`))
      await load()
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <>
      {canWrite && (
        <section className={ui.card} data-testid="holiday-create">
          <h2 className={ui.h2}>{t('Criar Feriado', 'New holiday')}</h2>
          <form onSubmit={create} style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
            <label style={{ display: 'grid', gap: 4 }}>
              <span>{t('Data', 'Date')}</span>
              <DateInput className={ui.input} value={date} onChange={setDate} required label={t('Data', 'Date')} />
            </label>
            <label style={{ display: 'grid', gap: 4 }}>
              <span>{t('Nome', 'Name')}</span>
              <input className={ui.input} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} required aria-label={t('Nome', 'Name')} />
            </label>
            <label style={{ display: 'grid', gap: 4 }}>
              <span>{t('DDD/Estado', 'Area code/State')}</span>
              <input
                style={{ ...input, width: 160 }}
                value={region}
                list="gol-states"
                placeholder={t('vazio = nacional', 'empty = national')}
                onChange={(e) => setRegion(e.target.value)}
                aria-label={t('DDD/Estado', 'Area code/State')}
              />
              <datalist id="gol-states">
                {states.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </label>
            <button type="submit" className={ui.primary}>
              {t('Salvar', 'Save')}
            </button>
          </form>
          <Message ok={false} text={formError} />
          <Message ok text={notice} />
        </section>
      )}
      <section className={ui.card} data-testid="holiday-list">
        <h2 className={ui.h2}>{t('Lista de feriados', 'Holidays')}</h2>
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 10 }}>
          <input className={ui.input} placeholder={t('Buscar feriado', 'Search holidays')}
            aria-label={t('Buscar feriado', 'Search holidays')} value={search} onChange={(e) => (setSearch(e.target.value), setPage(1))} />
          <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            <input type="checkbox" role="switch" checked={nationalOnly} onChange={(e) => (setNationalOnly(e.target.checked), setPage(1))} />
            {t('Ver apenas os feriados nacionais', 'National holidays only')}
          </label>
          <span className={ui.muted}>
            {list.totalDocs} {t('feriados', 'holidays')}
          </span>
        </div>
        <Message ok={false} text={error} />
        <table className={ui.table}>
          <thead>
            <tr>
              <th className={ui.th}>{t('Data', 'Date')}</th>
              <th className={ui.th}>{t('Nome', 'Name')}</th>
              <th className={ui.th}>DDD</th>
              <th className={ui.th}>{t('Estado', 'State')}</th>
              {canWrite && <th style={{ ...th, textAlign: 'right' }}>{t('Ações', 'Actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.docs.map((h) => (
              <tr key={h.id} data-testid="holiday-row">
                <td className={ui.td}>{fmtDate(h.date)}</td>
                <td className={ui.td}>{h.name}</td>
                <td className={ui.td}>{h.ddd ?? ''}</td>
                <td className={ui.td}>{h.state ?? (h.ddd ? '' : t('Nacional', 'National'))}</td>
                {canWrite && (
                  <td style={{ ...td, textAlign: 'right', whiteSpace: 'nowrap' }}>
                    <span style={{ display: 'inline-flex', gap: 6 }}>
                      <a className={ui.button} href={`/admin/collections/holidays/${h.id}`} aria-label={`${t('Editar', 'Edit')} ${h.name}`}>
                        {t('Editar', 'Edit')}
                      </a>
                      <ConfirmButton
                        lang={lang}
                        ariaLabel={`${t('Excluir', 'Delete')} ${h.name}`}
                        title={t('Excluir feriado', 'Delete holiday')}
                        message={t(`Excluir o feriado "${h.name}" de ${fmtDate(h.date)}?`, `Delete the holiday "${h.name}" of ${fmtDate(h.date)}?`)}
                        onConfirm={() => remove(h)}
                      >
                        {t('Excluir', 'Delete')}
                      </ConfirmButton>
                    </span>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {list.docs.length === 0 && <p className={ui.muted}>{t('Nenhum feriado encontrado.', 'No holiday found.')}</p>}
        {list.totalPages > 1 && (
          <Pager words lang={lang} page={page} pages={list.totalPages} onPage={setPage} summary={`${t('Página', 'Page')} ${page} ${t('de', 'of')} ${list.totalPages}`} />
        )}
      </section>
    </>
  )
}
