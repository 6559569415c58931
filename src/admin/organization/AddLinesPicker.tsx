'use client'
import { useEffect, useState } from 'react'
import { api, whereQuery } from '../shared/api'
import { Dialog } from '../shared/ConfirmButton'
import { fmtNumber } from '../shared/format'
import { Message } from '../shared/Message'
import { Progress } from '../shared/Progress'
import { button, input, muted, primary, table, td, th } from '../shared/styles'
import { GROUPS, type GroupKind } from './kinds'

interface LineRow {
  id: string | number
  name?: string
  msisdn: string
  department?: { name?: string } | null
  profile?: { name?: string } | null
}

const BATCH = 25

/**
 * "Adicionar linhas": search the company's lines not yet in the group (by name or
 * number), tick them, and move them in batches with progress.
 */
export function AddLinesPicker({ kind, group, onClose }: { kind: GroupKind; group: { id: string | number; name: string }; onClose: (added: number) => void }) {
  const g = GROUPS[kind]
  const [search, setSearch] = useState('')
  const [lines, setLines] = useState<LineRow[]>([])
  const [total, setTotal] = useState(0)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    const timer = setTimeout(async () => {
      const outside = { or: [{ [g.field]: { not_equals: group.id } }, { [g.field]: { exists: false } }] }
      const term = search.trim()
      const where = term ? { and: [outside, { or: [{ name: { like: term } }, { msisdn: { like: term.replace(/\D/g, '') || term } }] }] } : outside
      try {
        const res = await api<{ docs: LineRow[]; totalDocs: number }>(`/lines?${whereQuery(where)}&limit=100&depth=1&sort=name`)
        setLines(res.docs)
        setTotal(res.totalDocs)
      } catch (e) {
        setError((e as Error).message)
      }
    }, 250)
    return () => clearTimeout(timer)
  }, [search, g.field, group.id])

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const allShown = lines.length > 0 && lines.every((l) => selected.has(String(l.id)))

  const save = async () => {
    const ids = [...selected]
    setError(undefined)
    setProgress({ done: 0, total: ids.length })
    let done = 0
    try {
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH)
        const res = await api<{ docs: unknown[]; errors?: { message: string }[] }>(`/lines?${whereQuery({ id: { in: chunk } })}&depth=0`, {
          method: 'PATCH',
          body: { [g.field]: group.id },
        })
        if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '))
        done += chunk.length
        setProgress({ done, total: ids.length })
      }
      onClose(done)
    } catch (e) {
      setError(`${(e as Error).message} (${done} de ${ids.length} linhas já adicionadas)`)
    }
  }

  const busy = progress !== undefined && !error && progress.done < progress.total
  return (
    <Dialog title={`Adicionar linhas a ${group.name}`} onClose={() => !busy && onClose(0)} width={760}>
      <label style={{ display: 'grid', gap: 4, marginBottom: 10 }}>
        <span style={muted}>Nome/Número da linha</span>
        <input style={input} value={search} autoFocus placeholder="Buscar por nome ou número" onChange={(e) => setSearch(e.target.value)} aria-label="Buscar linhas" />
      </label>
      <p style={muted}>
        {fmtNumber(total)} {total === 1 ? 'linha encontrada' : 'linhas encontradas'} fora de {group.name}
        {total > lines.length ? ` (mostrando ${lines.length}; refine a busca)` : ''} · {fmtNumber(selected.size)} selecionadas
      </p>
      <div style={{ maxHeight: 360, overflow: 'auto', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
        <table style={table}>
          <thead>
            <tr>
              <th style={th}>
                <input
                  type="checkbox"
                  aria-label="Selecionar todas as linhas mostradas"
                  checked={allShown}
                  onChange={() =>
                    setSelected((s) => {
                      const next = new Set(s)
                      for (const l of lines) {
                        if (allShown) next.delete(String(l.id))
                        else next.add(String(l.id))
                      }
                      return next
                    })
                  }
                />
              </th>
              <th style={th}>Nome</th>
              <th style={th}>Nº da linha</th>
              <th style={th}>{kind === 'profiles' ? 'Perfil atual' : 'Departamento atual'}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const current = (kind === 'profiles' ? l.profile : l.department)?.name
              return (
                <tr key={l.id}>
                  <td style={td}>
                    <input type="checkbox" aria-label={`Selecionar ${l.msisdn}`} checked={selected.has(String(l.id))} onChange={() => toggle(String(l.id))} />
                  </td>
                  <td style={td}>{l.name}</td>
                  <td style={td}>{l.msisdn}</td>
                  <td style={td}>{current ?? g.none}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {progress && <Progress done={progress.done} total={progress.total} label="Adicionando linhas" />}
      <Message ok={false} text={error} />
      <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', marginTop: 12 }}>
        <button type="button" style={button} disabled={busy} onClick={() => onClose(progress?.done ?? 0)}>
          Cancelar
        </button>
        <button type="button" style={{ ...primary, opacity: busy || selected.size === 0 ? 0.5 : 1 }} disabled={busy || selected.size === 0} onClick={save}>
          Adicionar {fmtNumber(selected.size)} {selected.size === 1 ? 'linha' : 'linhas'}
        </button>
      </div>
    </Dialog>
  )
}
