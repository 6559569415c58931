'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { api } from '../shared/api'
import { ConfirmButton } from '../shared/ConfirmButton'
import { fmtDate, fmtNumber } from '../shared/format'
import { Message } from '../shared/Message'
import { button, card, h2, muted, table, td, th } from '../shared/styles'
import { AddLinesPicker } from './AddLinesPicker'
import { tr, type Lang } from '../shared/lang'
import { GROUPS, groupWords, type GroupKind } from './kinds'

export interface GroupRow {
  id: string | number
  name: string
  updatedAt: string | null
  lines: number
}

const linesOf = (field: string, id: string | number | null) =>
  id == null ? `/admin/collections/lines?where[${field}][exists]=false` : `/admin/collections/lines?where[${field}][equals]=${id}`

/** The list with line counts and the per-row actions (view, add lines, edit, delete). */
export function LineGroupsTable({
  kind,
  without,
  rows,
  canWrite,
  lang = 'pt',
}: {
  kind: GroupKind
  without: number
  rows: GroupRow[]
  canWrite: boolean
  lang?: Lang
}) {
  const g = { ...GROUPS[kind], ...groupWords(kind, lang) }
  const t = tr(lang)
  const router = useRouter()
  const [adding, setAdding] = useState<GroupRow>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const showModified = kind === 'profiles'

  const remove = async (row: GroupRow) => {
    setError(undefined)
    try {
      await api(`/${g.collection}/${row.id}`, { method: 'DELETE' })
      setNotice(t(`${g.Singular} "${row.name}" excluído.`, `${g.Singular} "${row.name}" deleted.`))
      router.refresh()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <section style={{ ...card, margin: '20px 0' }} data-testid={`${kind}-line-counts`}>
      <h2 style={h2}>{g.title}</h2>
      <Message ok text={notice} />
      <Message ok={false} text={error} />
      <table style={table}>
        <thead>
          <tr>
            <th style={th}>{t('Nome', 'Name')}</th>
            {showModified && <th style={th}>{t('Última modificação', 'Last modified')}</th>}
            <th style={th}>{t('Qtd. de linhas', 'Lines')}</th>
            <th style={{ ...th, textAlign: 'right' }}>{t('Ações', 'Actions')}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="group-row-none">
            <td style={td}>{g.none}</td>
            {showModified && <td style={td} />}
            <td style={td}>{fmtNumber(without)}</td>
            <td style={{ ...td, textAlign: 'right' }}>
              <a href={linesOf(g.field, null)} style={button} aria-label={`${t('Visualizar', 'View')} ${g.none}`}>
                {t('Visualizar', 'View')}
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
                  <a href={linesOf(g.field, row.id)} style={button} aria-label={`${t('Visualizar', 'View')} ${row.name}`}>
                    {t('Visualizar', 'View')}
                  </a>
                  {canWrite && (
                    <button type="button" style={button} aria-label={`${t('Adicionar linhas a', 'Add lines to')} ${row.name}`} onClick={() => setAdding(row)}>
                      {t('Adicionar linhas', 'Add lines')}
                    </button>
                  )}
                  <a href={`/admin/collections/${g.collection}/${row.id}`} style={button} aria-label={`${canWrite ? t('Editar', 'Edit') : t('Ver', 'Open')} ${row.name}`}>
                    {canWrite ? t('Editar', 'Edit') : t('Ver', 'Open')}
                  </a>
                  {canWrite && (
                    <ConfirmButton
                      ariaLabel={`${t('Excluir', 'Delete')} ${row.name}`}
                      title={`${t('Excluir', 'Delete')} ${g.singular}`}
                      lang={lang}
                      message={
                        <>
                          {t('Excluir', 'Delete')} <strong>{row.name}</strong>?{' '}
                          {row.lines > 0 ? t(`As ${fmtNumber(row.lines)} linhas ficarão em "${g.none}".`, `Its ${fmtNumber(row.lines)} lines will go to "${g.none}".`) : ''}
                        </>
                      }
                      onConfirm={() => remove(row)}
                    >
                      {t('Excluir', 'Delete')}
                    </ConfirmButton>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p style={muted}>{t(`Nenhum ${g.singular} criado.`, `No ${g.singular} yet.`)}</p>}
      {adding && (
        <AddLinesPicker
          kind={kind}
          lang={lang}
          group={adding}
          onClose={(added) => {
            setAdding(undefined)
            if (added) {
              setNotice(
                t(
                  `${fmtNumber(added)} ${added === 1 ? 'linha adicionada' : 'linhas adicionadas'} a ${adding.name}.`,
                  `${fmtNumber(added)} ${added === 1 ? 'line' : 'lines'} added to ${adding.name}.`,
                ),
              )
              router.refresh()
            }
          }}
        />
      )}
    </section>
  )
}
