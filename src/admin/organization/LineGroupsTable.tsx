'use client'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { api } from '../shared/api'
import { DeleteButton } from '../shared/ConfirmButton'
import { fmtDate, fmtNumber } from '../shared/format'
import { Message } from '../shared/Message'
import { card, td } from '../shared/styles'
import { AddLinesPicker } from './AddLinesPicker'
import { type Lang } from '../shared/lang'
import { GROUPS, groupWords, type GroupKind } from './kinds'
import ui from '../shared/ui.module.scss'
import { useGolT } from '../i18n/useGolT'

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
  companyId,
  lang = 'pt',
  paging,
}: {
  kind: GroupKind
  companyId: string | number
  without: number
  rows: GroupRow[]
  canWrite: boolean
  lang?: Lang
  /** The page of groups shown (the list's own page below, so its pager moves this table too). */
  paging?: { page: number; totalPages: number; totalDocs: number }
}) {
  const g = { ...GROUPS[kind], ...groupWords(kind, lang) }
  const t = useGolT()
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const pageHref = (n: number) => {
    const next = new URLSearchParams(params?.toString())
    next.set('page', String(n))
    return `${pathname}?${next}`
  }
  const [adding, setAdding] = useState<GroupRow>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [newName, setNewName] = useState('')
  const showModified = kind === 'profiles'

  /** D: "Criar departamento" with its name, then straight on to adding its lines. */
  const create = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    try {
      const res = await api<{ doc: { id: string | number; name: string } }>(`/${g.collection}`, { method: 'POST', body: { name: newName.trim(), company: companyId } })
      setNewName('')
      setNotice(t('gol:singularNameCreated', { Singular: g.Singular, name: res.doc.name }))
      router.refresh()
      setAdding({ id: res.doc.id, name: res.doc.name, updatedAt: null, lines: 0 })
    } catch (err) {
      setError((err as Error).message)
    }
  }

  const remove = async (row: GroupRow) => {
    setError(undefined)
    try {
      await api(`/${g.collection}/${row.id}`, { method: 'DELETE' })
      setNotice(t('gol:singularNameDeleted', { Singular: g.Singular, name: row.name }))
      router.refresh()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <section style={{ ...card, margin: '20px 0' }} data-testid={`${kind}-line-counts`}>
      <h2 className={ui.h2}>{g.title}</h2>
      {canWrite && kind === 'departments' && (
        <form onSubmit={create} style={{ display: 'flex', gap: 8, alignItems: 'end', margin: '0 0 12px' }} data-testid="department-create">
          <label className={ui.field}>
            <span className={ui.muted}>{t('gol:newDepartmentName')}</span>
            <input className={ui.input} value={newName} maxLength={120} required onChange={(e) => setNewName(e.target.value)} aria-label={t('gol:newDepartmentName')} />
          </label>
          <button type="submit" className={ui.primary}>
            {t('gol:createDepartment')}
          </button>
        </form>
      )}
      <Message ok text={notice} />
      <Message ok={false} text={error} />
      <table className={ui.table}>
        <thead>
          <tr>
            <th className={ui.th}>{t('gol:name')}</th>
            {showModified && <th className={ui.th}>{t('gol:lastModified')}</th>}
            <th className={ui.th}>{t('gol:lines3')}</th>
            <th className={ui.numTh}>{t('gol:actions')}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="group-row-none">
            <td className={ui.td}>{g.none}</td>
            {showModified && <td className={ui.td} />}
            <td className={ui.td}>{fmtNumber(without)}</td>
            <td style={{ ...td, textAlign: 'right' }}>
              <a href={linesOf(g.field, null)} className={ui.button} aria-label={`${t('gol:view')} ${g.none}`}>
                {t('gol:view')}
              </a>
            </td>
          </tr>
          {rows.map((row) => (
            <tr key={row.id} data-testid="group-row">
              <td className={ui.td}>{row.name}</td>
              {showModified && <td className={ui.td}>{fmtDate(row.updatedAt)}</td>}
              <td className={ui.td}>{fmtNumber(row.lines)}</td>
              <td className={ui.numTd}>
                <span className={ui.inline}>
                  <a href={linesOf(g.field, row.id)} className={ui.button} aria-label={`${t('gol:view')} ${row.name}`}>
                    {t('gol:view')}
                  </a>
                  {canWrite && (
                    <button type="button" className={ui.button} aria-label={`${t('gol:addLinesTo')} ${row.name}`} onClick={() => setAdding(row)}>
                      {t('gol:addLines')}
                    </button>
                  )}
                  <a href={`/admin/collections/${g.collection}/${row.id}`} className={ui.button} aria-label={`${canWrite ? t('gol:edit') : t('gol:open')} ${row.name}`}>
                    {canWrite ? t('gol:edit') : t('gol:open')}
                  </a>
                  {canWrite && (
                    <DeleteButton
                      name={row.name}
                      title={`${t('gol:delete')} ${g.singular}`}
                      message={
                        <>
                          {t('gol:delete')} <strong>{row.name}</strong>?{' '}
                          {row.lines > 0 ? t('gol:itsVLinesWillGoTo', { v: fmtNumber(row.lines), none: g.none }) : ''}
                        </>
                      }
                      onConfirm={() => remove(row)}
                    />
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {paging && paging.totalPages > 1 && (
        <nav data-testid="groups-paging" aria-label={t('gol:pages')} style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 8 }}>
          <span className={ui.muted}>
            {t('gol:pagePageOfTotalpagesVIn', { page: paging.page, totalPages: paging.totalPages, v: fmtNumber(paging.totalDocs) })}
          </span>
          {paging.page > 1 && (
            <a href={pageHref(paging.page - 1)} className={ui.linkButton} aria-label={t('gol:previousPage')}>
              ‹
            </a>
          )}
          {paging.page < paging.totalPages && (
            <a href={pageHref(paging.page + 1)} className={ui.linkButton} aria-label={t('gol:nextPage')}>
              ›
            </a>
          )}
        </nav>
      )}
      {rows.length === 0 && <p className={ui.muted}>{t('gol:noSingularYet', { singular: g.singular })}</p>}
      {adding && (
        <AddLinesPicker
          kind={kind}
          lang={lang}
          group={adding}
          onClose={(added) => {
            setAdding(undefined)
            if (added) {
              setNotice(
                t('gol:linesAddedTo', { count: added, n: fmtNumber(added), name: adding.name }),
              )
              router.refresh()
            }
          }}
        />
      )}
    </section>
  )
}
