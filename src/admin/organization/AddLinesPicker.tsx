'use client'
import { useEffect, useState } from 'react'
import { api, whereQuery } from '../shared/api'
import { Dialog } from '../shared/ConfirmButton'
import { fmtNumber } from '../shared/format'
import { Message } from '../shared/Message'
import { Progress } from '../shared/Progress'
import { type Lang } from '../shared/lang'
import { GROUPS, groupWords, type GroupKind } from './kinds'
import { primary } from '../shared/styles'
import ui from '../shared/ui.module.scss'
import { useGolT } from '../i18n/useGolT'

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
export function AddLinesPicker({
  kind,
  group,
  onClose,
  lang = 'pt',
}: {
  kind: GroupKind
  group: { id: string | number; name: string }
  onClose: (added: number) => void
  lang?: Lang
}) {
  const g = { ...GROUPS[kind], ...groupWords(kind, lang) }
  const t = useGolT()
  const [search, setSearch] = useState('')
  const [onlyNone, setOnlyNone] = useState(false)
  const [lines, setLines] = useState<LineRow[]>([])
  const [total, setTotal] = useState(0)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    const timer = setTimeout(async () => {
      const outside = onlyNone ? { [g.field]: { exists: false } } : { or: [{ [g.field]: { not_equals: group.id } }, { [g.field]: { exists: false } }] }
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
  }, [search, onlyNone, g.field, group.id])

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
      setError(`${(e as Error).message} (${t('gol:doneOfLengthLinesAlreadyAdded', { done, length: ids.length })})`)
    }
  }

  const busy = progress !== undefined && !error && progress.done < progress.total
  return (
    <Dialog title={`${t('gol:addLinesTo')} ${group.name}`} onClose={() => !busy && onClose(0)} width={760}>
      <label style={{ display: 'grid', gap: 4, marginBottom: 10 }}>
        <span className={ui.muted}>{t('gol:lineNameNumber')}</span>
        <input
          className={ui.input}
          value={search}
          autoFocus
          placeholder={t('gol:searchByNameOrNumber')}
          onChange={(e) => setSearch(e.target.value)}
          aria-label={t('gol:searchLines')}
        />
      </label>
      <label style={{ display: 'flex', gap: 6, alignItems: 'center', marginBottom: 6 }}>
        <input type="checkbox" checked={onlyNone} onChange={(e) => setOnlyNone(e.target.checked)} />
        {t('gol:onlyV', { v: g.none.toLowerCase() })}
      </label>
      <p className={ui.muted}>
        {t('gol:linesFoundOutside', { count: total, n: fmtNumber(total), name: group.name })}
        {total > lines.length ? t('gol:showingLengthNarrowTheSearch', { length: lines.length }) : ''} · {fmtNumber(selected.size)}{' '}
        {t('gol:selected')}
      </p>
      <div style={{ maxHeight: 360, overflow: 'auto', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
        <table className={ui.table}>
          <thead>
            <tr>
              <th className={ui.th}>
                <input
                  type="checkbox"
                  aria-label={t('gol:selectEveryLineShown')}
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
              <th className={ui.th}>{t('gol:name')}</th>
              <th className={ui.th}>{t('gol:lineNumber')}</th>
              <th className={ui.th}>{kind === 'profiles' ? t('gol:currentProfile') : t('gol:currentDepartment')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const current = (kind === 'profiles' ? l.profile : l.department)?.name
              return (
                <tr key={l.id}>
                  <td className={ui.td}>
                    <input type="checkbox" aria-label={`${t('gol:select')} ${l.msisdn}`} checked={selected.has(String(l.id))} onChange={() => toggle(String(l.id))} />
                  </td>
                  <td className={ui.td}>{l.name}</td>
                  <td className={ui.td}>{l.msisdn}</td>
                  <td className={ui.td}>{current ?? g.none}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {progress && <Progress done={progress.done} total={progress.total} label={t('gol:addingLines')} />}
      <Message ok={false} text={error} />
      <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', marginTop: 12 }}>
        <button type="button" className={ui.button} disabled={busy} onClick={() => onClose(progress?.done ?? 0)}>
          {t('gol:cancel')}
        </button>
        <button type="button" style={{ ...primary, opacity: busy || selected.size === 0 ? 0.5 : 1 }} disabled={busy || selected.size === 0} onClick={save}>
          {t('gol:add')} {fmtNumber(selected.size)} {selected.size === 1 ? t('gol:line2') : t('gol:lines2')}
        </button>
      </div>
    </Dialog>
  )
}
