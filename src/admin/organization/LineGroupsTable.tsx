'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { api } from '../shared/api'
import { ConfirmButton } from '../shared/ConfirmButton'
import { fmtDate, fmtNumber } from '../shared/format'
import { Message } from '../shared/Message'
import { button, card, h2, muted, table, td, th } from '../shared/styles'
import { AddLinesPicker } from './AddLinesPicker'
import { GROUPS, type GroupKind } from './kinds'

export interface GroupRow {
  id: string | number
  name: string
  updatedAt: string | null
  lines: number
}

const linesOf = (field: string, id: string | number | null) =>
  id == null ? `/admin/collections/lines?where[${field}][exists]=false` : `/admin/collections/lines?where[${field}][equals]=${id}`

/** The list with line counts and the per-row actions (view, add lines, edit, delete). */
export function LineGroupsTable({ kind, without, rows, canWrite }: { kind: GroupKind; without: number; rows: GroupRow[]; canWrite: boolean }) {
  const g = GROUPS[kind]
  const router = useRouter()
  const [adding, setAdding] = useState<GroupRow>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const showModified = kind === 'profiles'

  const remove = async (row: GroupRow) => {
    setError(undefined)
    try {
      await api(`/${g.collection}/${row.id}`, { method: 'DELETE' })
      setNotice(`${kind === 'profiles' ? 'Perfil' : 'Departamento'} "${row.name}" excluído.`)
      router.refresh()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <section style={{ ...card, margin: '20px 0' }} data-testid={`${kind}-line-counts`}>
      <h2 style={h2}>{kind === 'profiles' ? 'Lista de perfis' : 'Departamentos'}</h2>
      <Message ok text={notice} />
      <Message ok={false} text={error} />
      <table style={table}>
        <thead>
          <tr>
            <th style={th}>Nome</th>
            {showModified && <th style={th}>Última modificação</th>}
            <th style={th}>Qtd. de linhas</th>
            <th style={{ ...th, textAlign: 'right' }}>Ações</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="group-row-none">
            <td style={td}>{g.none}</td>
            {showModified && <td style={td} />}
            <td style={td}>{fmtNumber(without)}</td>
            <td style={{ ...td, textAlign: 'right' }}>
              <a href={linesOf(g.field, null)} style={button} aria-label={`Visualizar ${g.none}`}>
                Visualizar
              </a>
            </td>
          </tr>
          {rows.map((row) => (
            <tr key={row.id} data-testid="group-row">
              <td style={td}>{row.name}</td>
              {showModified && <td style={td}>{fmtDate(row.updatedAt)}</td>}
              <td style={td}>{fmtNumber(row.lines)}</td>
              <td style={{ ...td, textAlign: 'right', whiteSpace: 'nowrap' }}>
                <span style={{ display: 'inline-flex', gap: 6 }}>
                  <a href={linesOf(g.field, row.id)} style={button} aria-label={`Visualizar ${row.name}`}>
                    Visualizar
                  </a>
                  {canWrite && (
                    <button type="button" style={button} aria-label={`Adicionar linhas a ${row.name}`} onClick={() => setAdding(row)}>
                      Adicionar linhas
                    </button>
                  )}
                  <a href={`/admin/collections/${g.collection}/${row.id}`} style={button} aria-label={`${canWrite ? 'Editar' : 'Ver'} ${row.name}`}>
                    {canWrite ? 'Editar' : 'Ver'}
                  </a>
                  {canWrite && (
                    <ConfirmButton
                      ariaLabel={`Excluir ${row.name}`}
                      title={`Excluir ${g.singular}`}
                      message={
                        <>
                          Excluir <strong>{row.name}</strong>? {row.lines > 0 ? `As ${fmtNumber(row.lines)} linhas ficarão em "${g.none}".` : ''}
                        </>
                      }
                      onConfirm={() => remove(row)}
                    >
                      Excluir
                    </ConfirmButton>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p style={muted}>Nenhum {g.singular} criado.</p>}
      {adding && (
        <AddLinesPicker
          kind={kind}
          group={adding}
          onClose={(added) => {
            setAdding(undefined)
            if (added) {
              setNotice(`${fmtNumber(added)} ${added === 1 ? 'linha adicionada' : 'linhas adicionadas'} a ${adding.name}.`)
              router.refresh()
            }
          }}
        />
      )}
    </section>
  )
}
