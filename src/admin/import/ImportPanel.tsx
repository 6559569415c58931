'use client'
import { useState, type CSSProperties } from 'react'
import { ConfirmButton } from '../shared/ConfirmButton'
import { fmtNumber } from '../shared/format'
import { Progress } from '../shared/Progress'
import { button, primary, td } from '../shared/styles'
import ui from '../shared/ui.module.scss'

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

const FIELD_PT: Record<string, string> = { name: 'Nome', department: 'Departamento', profile: 'Perfil', extension: 'Ramal', quota: 'Cota', msisdn: 'Nº da linha' }
const STATUS_PT: Record<Status, string> = { change: 'Será alterada', unchanged: 'Sem alteração', error: 'Erro', applied: 'Alterada', failed: 'Falhou' }
const STATUS_COLOR: Record<Status, string> = { change: '#0b62a4', unchanged: 'var(--theme-elevation-500)', error: '#b00020', applied: '#1c7c3c', failed: '#b00020' }
const CHUNK = 100
const errorStyle: CSSProperties = { color: '#b00020', fontSize: 13 }

const fieldOf = (path: string) => FIELD_PT[path.split('.')[0]] ?? path

async function post(body: unknown): Promise<Result> {
  const res = await fetch('/api/lines/import', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) {
    const list = (data?.errors?.[0]?.data?.errors ?? []) as { message: string }[]
    throw new Error(list.map((e) => e.message).join('; ') || data?.errors?.[0]?.message || `Erro ${res.status}`)
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
      setFailure(`${(e as Error).message} (${done.length} de ${todo.length} linhas processadas)`)
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
    <div style={{ display: 'grid', gap: 16, maxWidth: 1100 }}>
      <h1 style={{ margin: 0 }}>Importar planilha de assinantes</h1>
      <section className={ui.card}>
        <p style={{ marginTop: 0 }}>
          Atualize o nome, departamento, perfil, ramal e cota da oferta compartilhada de várias linhas de uma vez com uma planilha <b>.xlsx</b> ou <b>.csv</b>. A
          primeira linha traz os títulos: <b>Nº da linha</b> (obrigatório), Nome, Departamento, Perfil, Ramal, Cota (Limitado, Ilimitado ou Bloqueado) e Cota (MB).
        </p>
        <p className={ui.muted}>
          Célula vazia: não altera. “-” ou “Linhas sem departamento/perfil”: retira o departamento, o perfil ou o ramal. A cota aceita MB ou GB (“10 GB”).
        </p>
        <div style={{ display: 'flex', gap: 10, flexWrap: 'wrap', alignItems: 'center' }}>
          <a href="/api/lines/import/template" style={{ ...button, textDecoration: 'none' }} download>
            Baixar planilha atual (modelo)
          </a>
          <input
            aria-label="Planilha"
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
            {busy && !progress ? 'Verificando…' : 'Verificar (sem alterar nada)'}
          </button>
        </div>
      </section>

      {failure && (
        <p role="alert" style={errorStyle}>
          {failure}
        </p>
      )}
      {progress && (busy || progress.done < progress.total) && <Progress done={progress.done} total={progress.total} label="Aplicando alterações" />}

      {check && (
        <section className={ui.card} aria-label="Relatório">
          <h2 className={ui.h2}>{applied ? 'Resultado da importação' : 'Verificação (nada foi alterado)'}</h2>
          <p data-testid="import-summary">
            {fmtNumber(report.length)} linhas na planilha ·{' '}
            {applied ? `${fmtNumber(count('applied'))} alteradas · ${fmtNumber(count('failed'))} falharam` : `${fmtNumber(count('change'))} serão alteradas`} ·{' '}
            {fmtNumber(count('unchanged'))} sem alteração · {fmtNumber(count('error'))} com erro
          </p>
          {check.ignoredColumns.length > 0 && <p className={ui.muted}>Colunas ignoradas: {check.ignoredColumns.join(', ')}</p>}
          <div style={{ display: 'flex', gap: 8, marginBottom: 10, flexWrap: 'wrap' }}>
            {(['all', 'change', 'error'] as const).map((f) => (
              <button key={f} type="button" style={filter === f ? primary : button} onClick={() => setFilter(f)}>
                {f === 'all' ? 'Todas' : f === 'change' ? 'Alterações' : 'Erros'}
              </button>
            ))}
            {!applied && (
              <ConfirmButton
                variant="primary"
                disabled={busy || toApply === 0}
                title="Aplicar importação"
                message={`Aplicar as alterações de ${fmtNumber(toApply)} ${toApply === 1 ? 'linha' : 'linhas'}? Linhas com erro não serão alteradas. Cada linha é gravada por inteiro ou não é gravada.`}
                onConfirm={apply}
              >
                Aplicar {fmtNumber(toApply)} {toApply === 1 ? 'alteração' : 'alterações'}
              </ConfirmButton>
            )}
          </div>
          <div style={{ overflowX: 'auto' }}>
            <table className={ui.table}>
              <thead>
                <tr>
                  <th className={ui.th}>Linha da planilha</th>
                  <th className={ui.th}>Nº da linha</th>
                  <th className={ui.th}>Situação</th>
                  <th className={ui.th}>Alterações</th>
                  <th className={ui.th}>Erros</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.row} data-testid={`import-row-${r.row}`}>
                    <td className={ui.td}>{r.row}</td>
                    <td className={ui.td}>{r.msisdn}</td>
                    <td style={{ ...td, color: STATUS_COLOR[r.status], fontWeight: 600 }}>{STATUS_PT[r.status]}</td>
                    <td className={ui.td}>
                      {r.changes.map((c) => (
                        <div key={c.field}>
                          {FIELD_PT[c.field] ?? c.field}: {c.from ?? '—'} → {c.to ?? '—'}
                        </div>
                      ))}
                    </td>
                    <td style={{ ...td, ...errorStyle }}>
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
