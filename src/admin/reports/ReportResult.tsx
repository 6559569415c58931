'use client'
import { Pager } from '../shared/Pager'
import { SimpleTable } from '../shared/SimpleTable'
import type { ViewResult } from './kinds'
import ui from '../shared/ui.module.scss'
import { useGolT } from '../i18n/useGolT'

/**
 * The on-screen report: its total, one page of rows ("Exibindo 100"), paging, and the
 * Download of exactly the filtered result (the same query, streamed as .xlsx). Too large to
 * stream: a link to the background report instead.
 */
export function ReportResult({
  result,
  totalLabel,
  busy,
  onPage,
  onBackground,
  downloadHref,
  tableTestId = 'report-table',
}: {
  result: ViewResult & { query: string }
  totalLabel: string
  busy: boolean
  onPage: (page: number) => void
  onBackground: () => void
  /** Where the Download points (default: the report kind's own download with the same query). */
  downloadHref?: string
  tableTestId?: string
}) {
  const t = useGolT()
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
  const first = (result.page - 1) * result.pageSize
  return (
    <section data-testid="report-result" className={ui.stack}>
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
        <strong data-testid="report-total">
          {totalLabel}: {result.tooLarge ? t('gol:overTotal', { total: result.total }) : result.total}
        </strong>
        {result.tooLarge ? (
          <span data-testid="report-too-large">
            {t('gol:tooLargeToDownloadAtOnce')}
            <button type="button" className={ui.button} disabled={busy} onClick={onBackground}>
              {t('gol:requestTheBackgroundReport')}
            </button>
          </span>
        ) : (
          <a href={downloadHref ?? `/api/reports/view/${result.kind}/download?${result.query}`} className={ui.linkButton} data-testid="report-download" download>
            Download
          </a>
        )}
      </div>
      {result.rows.length === 0 ? (
        <p className={ui.muted}>{t('gol:nothingForTheChosenPeriodAnd')}</p>
      ) : (
        <div className={ui.scroll}>
          <SimpleTable testId={tableTestId} columns={result.headers} rows={result.rows.map((r) => r.map((c) => (c == null ? '' : String(c))))} keys={result.rows.map((_, i) => first + i)} />
        </div>
      )}
      <Pager
        page={result.page}
        pages={pages}
        onPage={onPage}
        busy={busy}
        edges
        label={t('gol:pages')}
        testId="report-paging"
        summary={`${t('gol:showingPagesize', { pageSize: result.pageSize })} · ${t('gol:pagePageOfPages', { page: result.page, pages })}`}
      />
    </section>
  )
}
