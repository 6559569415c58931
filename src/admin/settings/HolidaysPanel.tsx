'use client'
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { api, whereQuery } from '../shared/api'
import { ConfirmButton } from '../shared/ConfirmButton'
import { fmtDate } from '../shared/format'
import { Message } from '../shared/Message'
import { button, card, h2, input, muted, primary, table, td, th } from '../shared/styles'

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
    const r = region.trim().toUpperCase()
    const body: Record<string, unknown> = { company: companyId, date, name: name.trim() }
    if (/^\d{2}$/.test(r)) body.ddd = Number(r)
    else if (r) {
      if (!states.includes(r)) return setFormError('DDD/Estado: informe um DDD de 2 dígitos ou a sigla do estado (ex.: SP), ou deixe vazio para nacional.')
      body.state = r
    }
    try {
      await api('/holidays', { method: 'POST', body })
      setNotice(`Feriado "${name.trim()}" criado.`)
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
      setNotice(`Feriado "${h.name}" excluído.`)
      await load()
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <>
      {canWrite && (
        <section style={card} data-testid="holiday-create">
          <h2 style={h2}>Criar Feriado</h2>
          <form onSubmit={create} style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
            <label style={{ display: 'grid', gap: 4 }}>
              <span>Data</span>
              <input type="date" style={input} value={date} onChange={(e) => setDate(e.target.value)} required aria-label="Data" />
            </label>
            <label style={{ display: 'grid', gap: 4 }}>
              <span>Nome</span>
              <input style={input} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} required aria-label="Nome" />
            </label>
            <label style={{ display: 'grid', gap: 4 }}>
              <span>DDD/Estado</span>
              <input style={{ ...input, width: 160 }} value={region} list="gol-states" placeholder="vazio = nacional" onChange={(e) => setRegion(e.target.value)} aria-label="DDD/Estado" />
              <datalist id="gol-states">
                {states.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </label>
            <button type="submit" style={primary}>
              Salvar
            </button>
          </form>
          <Message ok={false} text={formError} />
          <Message ok text={notice} />
        </section>
      )}
      <section style={card} data-testid="holiday-list">
        <h2 style={h2}>Lista de feriados</h2>
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 10 }}>
          <input style={input} placeholder="Buscar feriado" aria-label="Buscar feriado" value={search} onChange={(e) => (setSearch(e.target.value), setPage(1))} />
          <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            <input type="checkbox" role="switch" checked={nationalOnly} onChange={(e) => (setNationalOnly(e.target.checked), setPage(1))} />
            Ver apenas os feriados nacionais
          </label>
          <span style={muted}>{list.totalDocs} feriados</span>
        </div>
        <Message ok={false} text={error} />
        <table style={table}>
          <thead>
            <tr>
              <th style={th}>Data</th>
              <th style={th}>Nome</th>
              <th style={th}>DDD</th>
              <th style={th}>Estado</th>
              {canWrite && <th style={{ ...th, textAlign: 'right' }}>Ações</th>}
            </tr>
          </thead>
          <tbody>
            {list.docs.map((h) => (
              <tr key={h.id} data-testid="holiday-row">
                <td style={td}>{fmtDate(h.date)}</td>
                <td style={td}>{h.name}</td>
                <td style={td}>{h.ddd ?? ''}</td>
                <td style={td}>{h.state ?? (h.ddd ? '' : 'Nacional')}</td>
                {canWrite && (
                  <td style={{ ...td, textAlign: 'right', whiteSpace: 'nowrap' }}>
                    <span style={{ display: 'inline-flex', gap: 6 }}>
                      <a style={button} href={`/admin/collections/holidays/${h.id}`} aria-label={`Editar ${h.name}`}>
                        Editar
                      </a>
                      <ConfirmButton ariaLabel={`Excluir ${h.name}`} title="Excluir feriado" message={`Excluir o feriado "${h.name}" de ${fmtDate(h.date)}?`} onConfirm={() => remove(h)}>
                        Excluir
                      </ConfirmButton>
                    </span>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {list.docs.length === 0 && <p style={muted}>Nenhum feriado encontrado.</p>}
        {list.totalPages > 1 && (
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 10 }}>
            <button type="button" style={button} disabled={page <= 1} onClick={() => setPage(page - 1)}>
              ‹ Anterior
            </button>
            <span>
              Página {page} de {list.totalPages}
            </span>
            <button type="button" style={button} disabled={page >= list.totalPages} onClick={() => setPage(page + 1)}>
              Próxima ›
            </button>
          </div>
        )}
      </section>
    </>
  )
}
