'use client'
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { api, whereQuery } from '../shared/api'
import { Pager } from '../shared/Pager'
import { DeleteButton } from '../shared/ConfirmButton'
import { DateInput } from '../shared/DateInput'
import { fmtDate } from '../shared/format'
import { Message } from '../shared/Message'
import { input } from '../shared/styles'
import ui from '../shared/ui.module.scss'
import { useGolT } from '../i18n/useGolT'

interface Holiday {
  id: string | number
  date: string
  name: string
  ddd?: number | null
  state?: string | null
}

const PAGE = 20

/** Holidays (F): create (date, name, DDD or state; none = national), list, search, "national only", edit, delete. */
export function HolidaysPanel({ companyId, states, canWrite }: { companyId: string | number; states: string[]; canWrite: boolean }) {
  const t = useGolT()
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
    if (!date) return setFormError(t('gol:invalidDateUseDdMmYyyy'))
    const r = region.trim().toUpperCase()
    const body: Record<string, unknown> = { company: companyId, date, name: name.trim() }
    if (/^\d{2}$/.test(r)) body.ddd = Number(r)
    else if (r) {
      if (!states.includes(r)) return setFormError(
          t('gol:areaCodeStateEnterA2'),
        )
      body.state = r
    }
    try {
      await api('/holidays', { method: 'POST', body })
      setNotice(t('gol:holidayVCreated', { v: name.trim() }))
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
      setNotice(t('gol:holidayNameDeleted', { name: h.name }))
      await load()
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <>
      {canWrite && (
        <section className={ui.card} data-testid="holiday-create">
          <h2 className={ui.h2}>{t('gol:newHoliday')}</h2>
          <form onSubmit={create} style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
            <label className={ui.field}>
              <span>{t('gol:date')}</span>
              <DateInput className={ui.input} value={date} onChange={setDate} required label={t('gol:date')} />
            </label>
            <label className={ui.field}>
              <span>{t('gol:name')}</span>
              <input className={ui.input} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} required aria-label={t('gol:name')} />
            </label>
            <label className={ui.field}>
              <span>{t('gol:areaCodeState')}</span>
              <input
                style={{ ...input, width: 160 }}
                value={region}
                list="gol-states"
                placeholder={t('gol:emptyNational')}
                onChange={(e) => setRegion(e.target.value)}
                aria-label={t('gol:areaCodeState')}
              />
              <datalist id="gol-states">
                {states.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </label>
            <button type="submit" className={ui.primary}>
              {t('gol:save')}
            </button>
          </form>
          <Message ok={false} text={formError} />
          <Message ok text={notice} />
        </section>
      )}
      <section className={ui.card} data-testid="holiday-list">
        <h2 className={ui.h2}>{t('gol:holidays')}</h2>
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 10 }}>
          <input className={ui.input} placeholder={t('gol:searchHolidays')}
            aria-label={t('gol:searchHolidays')} value={search} onChange={(e) => (setSearch(e.target.value), setPage(1))} />
          <label className={ui.pair}>
            <input type="checkbox" role="switch" checked={nationalOnly} onChange={(e) => (setNationalOnly(e.target.checked), setPage(1))} />
            {t('gol:nationalHolidaysOnly')}
          </label>
          <span className={ui.muted}>
            {list.totalDocs} {t('gol:holidays2')}
          </span>
        </div>
        <Message ok={false} text={error} />
        <table className={ui.table}>
          <thead>
            <tr>
              <th className={ui.th}>{t('gol:date')}</th>
              <th className={ui.th}>{t('gol:name')}</th>
              <th className={ui.th}>DDD</th>
              <th className={ui.th}>{t('gol:state')}</th>
              {canWrite && <th className={ui.numTh}>{t('gol:actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.docs.map((h) => (
              <tr key={h.id} data-testid="holiday-row">
                <td className={ui.td}>{fmtDate(h.date)}</td>
                <td className={ui.td}>{h.name}</td>
                <td className={ui.td}>{h.ddd ?? ''}</td>
                <td className={ui.td}>{h.state ?? (h.ddd ? '' : t('gol:national'))}</td>
                {canWrite && (
                  <td className={ui.numTd}>
                    <span className={ui.inline}>
                      <a className={ui.button} href={`/admin/collections/holidays/${h.id}`} aria-label={`${t('gol:edit')} ${h.name}`}>
                        {t('gol:edit')}
                      </a>
                      <DeleteButton name={h.name} title={t('gol:deleteHoliday')} message={t('gol:deleteTheHolidayNameOfV', { name: h.name, v: fmtDate(h.date) })} onConfirm={() => remove(h)} />
                    </span>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {list.docs.length === 0 && <p className={ui.muted}>{t('gol:noHolidayFound')}</p>}
        {list.totalPages > 1 && (
          <Pager words page={page} pages={list.totalPages} onPage={setPage} summary={`${t('gol:page')} ${page} ${t('gol:of')} ${list.totalPages}`} />
        )}
      </section>
    </>
  )
}
