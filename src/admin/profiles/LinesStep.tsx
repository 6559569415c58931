'use client'
import { useCallback, useEffect, useState } from 'react'
import { AddLinesPicker } from '../organization/AddLinesPicker'
import { api, whereQuery } from '../shared/api'
import { ConfirmButton } from '../shared/ConfirmButton'
import { fmtMsisdn, fmtNumber } from '../shared/format'
import { Pager } from '../shared/Pager'
import { Progress } from '../shared/Progress'
import { useGolT } from '../i18n/useGolT'
import ui from '../shared/ui.module.scss'
import { FieldError } from './Field'
import css from './wizard.module.scss'

interface LineRow {
  id: string | number
  name?: string
  msisdn: string
}

/** 100 a page ("Exibindo 100"), every line of the profile reachable by paging. */
const LINES_PAGE = 100

/** Step 5 "Linhas do perfil": the profile's lines; add with the shared picker, remove (with confirmation) in batches. */
export function LinesStep({ id, name, readOnly }: { id: string | number; name: string; readOnly: boolean }) {
  const t = useGolT()
  const [lines, setLines] = useState<LineRow[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(1)
  const [picking, setPicking] = useState(false)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  const [failure, setFailure] = useState<string>()

  const load = useCallback(async () => {
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
    <div className={css.lines}>
      <p className={ui.muted}>
        {t('gol:profileLineCount', { count: total, n: fmtNumber(total) })}
      </p>
      <div className={css.actions}>
        {!readOnly && (
          <>
            <button type="button" className={ui.primary} onClick={() => setPicking(true)}>
              {t('gol:addLines')}
            </button>
            <ConfirmButton
              title={t('gol:profileRemoveLinesTitle')}
              message={t('gol:profileRemoveLinesMessage', { count: selected.size, n: selected.size, name })}
              disabled={selected.size === 0}
              onConfirm={remove}
            >
              {t('gol:profileRemoveFromProfile', { n: fmtNumber(selected.size) })}
            </ConfirmButton>
          </>
        )}
        <a href="/admin/collections/profiles" className={`${ui.button} ${css.link}`}>
          {t('gol:profileDone')}
        </a>
      </div>
      {progress && progress.done < progress.total && <Progress done={progress.done} total={progress.total} label={t('gol:profileRemovingLines')} />}
      <FieldError message={failure} />
      <table className={ui.table} aria-label={t('gol:profileStepLines')}>
        <thead>
          <tr>
            <th className={ui.th} />
            <th className={ui.th}>{t('gol:name')}</th>
            <th className={ui.th}>{t('gol:lineNumber')}</th>
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
      <Pager page={page} pages={pages} onPage={setPage} label={t('gol:profileLinesPages')} testId="profile-lines-paging" summary={t('gol:profileLinesPaging', { size: LINES_PAGE, page, pages })} />
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
