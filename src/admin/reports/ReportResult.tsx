'use client'
import { Pager } from '../shared/Pager'
import { SimpleTable } from '../shared/SimpleTable'
import { tr, type Lang } from '../shared/lang'
import { button } from '../shared/styles'
import type { ViewResult } from './kinds'
import ui from '../shared/ui.module.scss'

/**
 * The on-screen report: its total, one page of rows ("Exibindo 100"), paging, and the
 * Download of exactly the filtered result (the same query, streamed as .xlsx). Too large to
 * stream: a link to the background report instead.
 */
export function ReportResult({
  lang,
  result,
  totalLabel,
  busy,
  onPage,
  onBackground,
  downloadHref,
  tableTestId = 'report-table',
}: {
  lang: Lang
  result: ViewResult & { query: string }
  totalLabel: string
  busy: boolean
  onPage: (page: number) => void
  onBackground: () => void
  /** Where the Download points (default: the report kind's own download with the same query). */
  downloadHref?: string
  tableTestId?: string
}) {
  const t = tr(lang)
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
  const first = (result.page - 1) * result.pageSize
  return (
    <section data-testid="report-result" style={{ display: 'grid', gap: 12 }}>
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
        <strong data-testid="report-total">
          {totalLabel}: {result.tooLarge ? t(`mais de ${result.total}`, `over ${result.total}`) : result.total}
        </strong>
        {result.tooLarge ? (
          <span data-testid="report-too-large">
            {t('Resultado grande demais para baixar na hora: ', 'Too large to download at once: ')}
            <button type="button" className={ui.button} disabled={busy} onClick={onBackground}>
              {t('Solicitar relatório em segundo plano', 'Request the background report')}
            </button>
          </span>
        ) : (
          <a href={downloadHref ?? `/api/reports/view/${result.kind}/download?${result.query}`} style={{ ...button, textDecoration: 'none' }} data-testid="report-download" download>
            Download
          </a>
        )}
      </div>
      {result.rows.length === 0 ? (
        <p className={ui.muted}>{t('Nenhum registro no período e filtros escolhidos.', 'Nothing for the chosen period and filters.')}</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <SimpleTable testId={tableTestId} columns={result.headers} rows={result.rows.map((r) => r.map((c) => (c == null ? '' : String(c))))} keys={result.rows.map((_, i) => first + i)} />
        </div>
      )}
      <Pager
        page={result.page}
        pages={pages}
        onPage={onPage}
        busy={busy}
        edges
        lang={lang}
        label={t('Páginas', 'Pages')}
        testId="report-paging"
        summary={`${t(`Exibindo ${result.pageSize}`, `Showing ${result.pageSize}`)} · ${t(`página ${result.page} de ${pages}`, `page ${result.page} of ${pages}`)}`}
      />
    </section>
  )
}
