import { Gutter } from '@payloadcms/ui'
import type { ListViewServerProps } from 'payload'
import { REPORT_STATUS } from '../../domain/reports'
import { golT } from '../i18n'
import { langOf } from '../shared/lang'
import { DownloadsPanel } from './DownloadsPanel'
import ui from '../shared/ui.module.scss'

/**
 * The reports collection's list (/admin/collections/reports) replaced by H6 "Download de
 * relatórios": name, date, status, rows, error, the counts, refresh and download.
 */
export function DownloadsView({ i18n }: ListViewServerProps) {
  const lang = langOf(i18n)
  const en = lang === 'en'
  const statusLabels = Object.fromEntries(Object.entries(REPORT_STATUS).map(([k, [pt, english]]) => [k, en ? english : pt]))
  return (
    <Gutter>
      <div className={ui.page}>
        <h1 className={ui.pageTitle}>{golT(lang)('gol:reportDownloads')}</h1>
        <DownloadsPanel statusLabels={statusLabels} />
      </div>
    </Gutter>
  )
}

export default DownloadsView
