'use client'
import { useState } from 'react'
import { golT, type GolTranslationKey } from '../i18n'
import { rich } from '../i18n/rich'
import { useGolT } from '../i18n/useGolT'
import { ConfirmButton } from '../shared/ConfirmButton'
import { fmtNumber } from '../shared/format'
import { Progress } from '../shared/Progress'
import ui from '../shared/ui.module.scss'
import css from './import.module.scss'

type Status = 'change' | 'unchanged' | 'error' | 'applied' | 'failed'
interface RowReport {
  row: number
  msisdn: string
  status: Status
  changes: { field: string; from: string | null; to: string | null }[]
  errors: { path: string; message: string }[]
  cells?: Record<string, string>
}
interface Result {
  mode: 'dry-run' | 'apply'
  ignoredColumns: string[]
  summary: Record<Status | 'rows', number>
  rows: RowReport[]
}

/** The spreadsheet's columns by field; the server's messages start with the pt-BR name ("Ramal: …"). */
const FIELD: Record<string, GolTranslationKey> = { name: 'gol:name', department: 'gol:department', profile: 'gol:profile', extension: 'gol:extension', quota: 'gol:quota', msisdn: 'gol:lineNumber' }
const STATUS: Record<Status, GolTranslationKey> = {
  change: 'gol:importStatusChange',
  unchanged: 'gol:importStatusUnchanged',
  error: 'gol:importStatusError',
  applied: 'gol:importStatusApplied',
  failed: 'gol:importStatusFailed',
}
const CHUNK = 100
const ptT = golT('pt')
const fieldOf = (path: string) => (FIELD[path.split('.')[0]] ? ptT(FIELD[path.split('.')[0]]) : path)

async function post(body: unknown): Promise<Result> {
  const res = await fetch('/api/lines/import', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) {
    const list = (data?.errors?.[0]?.data?.errors ?? []) as { message: string }[]
    throw new Error(list.map((e) => e.message).join('; ') || data?.errors?.[0]?.message || golT('pt')('gol:httpError', { status: res.status }))
  }
  return data as Result
}

const base64Of = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Importação em massa (SPEC L): a spreadsheet of lines' department, profile, extension
 * and quota. "Verificar" is a dry run (nothing changes) that reports each row; "Aplicar"
 * (after confirmation) sends the rows that would change, in chunks with progress; each
 * row is written whole or not at all and the report says which.
 */
export function ImportPanel() {
  const t = useGolT()
  const [file, setFile] = useState<File>()
  const [check, setCheck] = useState<Result>()
  const [applied, setApplied] = useState<RowReport[]>()
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  const [failure, setFailure] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [filter, setFilter] = useState<'all' | 'change' | 'error'>('all')

  const dryRun = async () => {
    if (!file) return
    setBusy(true)
    setFailure(undefined)
    setCheck(undefined)
    setApplied(undefined)
    try {
      setCheck(await post({ fileName: file.name, content: await base64Of(file) }))
    } catch (e) {
      setFailure((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const apply = async () => {
    if (!check) return
    const todo = check.rows.filter((r) => r.status === 'change')
    setBusy(true)
    setFailure(undefined)
    setProgress({ done: 0, total: todo.length })
    const done: RowReport[] = []
    try {
      for (let i = 0; i < todo.length; i += CHUNK) {
        const rows = todo.slice(i, i + CHUNK).map((r) => ({ row: r.row, ...r.cells }))
        const res = await post({ rows, apply: true })
        done.push(...res.rows)
        setProgress({ done: done.length, total: todo.length })
      }
    } catch (e) {
      setFailure(t('gol:importProcessed', { message: (e as Error).message, done: done.length, total: todo.length }))
    } finally {
      setApplied(done)
      setBusy(false)
    }
  }

  const report = applied ?? check?.rows ?? []
  const shown = report.filter((r) => filter === 'all' || (filter === 'change' ? r.status === 'change' || r.status === 'applied' : r.status === 'error' || r.status === 'failed'))
  const count = (s: Status) => report.filter((r) => r.status === s).length
  const toApply = check?.rows.filter((r) => r.status === 'change').length ?? 0

  return (
    <div className={css.panel}>
      <h1 className={ui.flush}>{t('gol:importTitle')}</h1>
      <section className={ui.card}>
        <p className={css.intro}>{rich(t('gol:importIntro'), { xlsx: <b>.xlsx</b>, csv: <b>.csv</b>, msisdn: <b>Nº da linha</b> })}</p>
        <p className={ui.muted}>{t('gol:importEmptyCells')}</p>
        <div className={css.toolbar}>
          <a href="/api/lines/import/template" className={`${ui.button} ${css.link}`} download>
            {t('gol:importTemplate')}
          </a>
          <input
            aria-label={t('gol:importFile')}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={ui.input}
            onChange={(e) => {
              setFile(e.target.files?.[0])
              setCheck(undefined)
              setApplied(undefined)
            }}
          />
          <button type="button" className={ui.primary} disabled={!file || busy} onClick={dryRun}>
            {busy && !progress ? t('gol:importChecking') : t('gol:importCheck')}
          </button>
        </div>
      </section>

      {failure && (
        <p role="alert" className={css.error}>
          {failure}
        </p>
      )}
      {progress && (busy || progress.done < progress.total) && <Progress done={progress.done} total={progress.total} label={t('gol:importApplying')} />}

      {check && (
        <section className={ui.card} aria-label={t('gol:importReport')}>
          <h2 className={ui.h2}>{applied ? t('gol:importResult') : t('gol:importDryRun')}</h2>
          <p data-testid="import-summary">
            {t('gol:importRows', { n: fmtNumber(report.length) })} ·{' '}
            {applied
              ? t('gol:importAppliedFailed', { applied: fmtNumber(count('applied')), failed: fmtNumber(count('failed')) })
              : t('gol:importWillChange', { n: fmtNumber(count('change')) })}{' '}
            · {t('gol:importUnchangedErrors', { unchanged: fmtNumber(count('unchanged')), errors: fmtNumber(count('error')) })}
          </p>
          {check.ignoredColumns.length > 0 && <p className={ui.muted}>{t('gol:importIgnoredColumns', { columns: check.ignoredColumns.join(', ') })}</p>}
          <div className={css.filters}>
            {(['all', 'change', 'error'] as const).map((f) => (
              <button key={f} type="button" className={filter === f ? ui.primary : ui.button} onClick={() => setFilter(f)}>
                {f === 'all' ? t('gol:all') : f === 'change' ? t('gol:importFilterChanges') : t('gol:importFilterErrors')}
              </button>
            ))}
            {!applied && (
              <ConfirmButton
                variant="primary"
                disabled={busy || toApply === 0}
                title={t('gol:importApplyTitle')}
                message={t('gol:importApplyMessage', { count: toApply, n: fmtNumber(toApply) })}
                onConfirm={apply}
              >
                {t('gol:importApply', { count: toApply, n: fmtNumber(toApply) })}
              </ConfirmButton>
            )}
          </div>
          <div className={css.scroll}>
            <table className={ui.table}>
              <thead>
                <tr>
                  <th className={ui.th}>{t('gol:importSheetRow')}</th>
                  <th className={ui.th}>{t('gol:lineNumber')}</th>
                  <th className={ui.th}>{t('gol:importState')}</th>
                  <th className={ui.th}>{t('gol:importFilterChanges')}</th>
                  <th className={ui.th}>{t('gol:importFilterErrors')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.row} data-testid={`import-row-${r.row}`}>
                    <td className={ui.td}>{r.row}</td>
                    <td className={ui.td}>{r.msisdn}</td>
                    <td className={`${ui.td} ${css.state} ${css[r.status]}`}>{t(STATUS[r.status])}</td>
                    <td className={ui.td}>
                      {r.changes.map((c) => (
                        <div key={c.field}>
                          {FIELD[c.field] ? t(FIELD[c.field]) : c.field}: {c.from ?? '—'} → {c.to ?? '—'}
                        </div>
                      ))}
                    </td>
                    <td className={`${ui.td} ${css.error}`}>
                      {r.errors.map((e, i) => (
                        <div key={i}>
                          {e.message.startsWith(`${fieldOf(e.path)}:`) ? e.message : `${fieldOf(e.path)}: ${e.message}`}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  )
}
