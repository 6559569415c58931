'use client'
import { Button } from '@payloadcms/ui'
import type { ReactNode } from 'react'
import ui from './ui.module.scss'
import { useGolT } from '../i18n/useGolT'

/**
 * The paging row of the admin's lists: a summary ("Exibindo 100 · página 2 de 5") and
 * Payload buttons. `edges` adds first and last; `words` writes "‹ Anterior" / "Próxima ›"
 * instead of arrows named for screen readers ("Página anterior", "Próxima página").
 */
export function Pager({
  page,
  pages,
  onPage,
  summary,
  busy,
  edges,
  words,
  label,
  testId,
}: {
  page: number
  pages: number
  onPage: (page: number) => void
  summary: ReactNode
  busy?: boolean
  edges?: boolean
  words?: boolean
  /** The nav's name; without it the row is a plain div. */
  label?: string
  testId?: string
}) {
  const t = useGolT()
  const first = busy || page <= 1
  const last = busy || page >= pages
  const button = (to: number, disabled: boolean, text: string, aria?: string) => (
    <Button type="button" buttonStyle="secondary" size="small" margin={false} disabled={disabled} aria-label={aria} onClick={() => onPage(to)}>
      {text}
    </Button>
  )
  const prev = words ? button(page - 1, first, `‹ ${t('gol:previous')}`) : button(page - 1, first, '‹', t('gol:previousPage'))
  const next = words ? button(page + 1, last, `${t('gol:next')} ›`) : button(page + 1, last, '›', t('gol:nextPage'))
  const Row = label ? 'nav' : 'div'
  return (
    <Row className={ui.pager} aria-label={label} data-testid={testId}>
      {words ? (
        <>
          {prev}
          <span className={ui.muted}>{summary}</span>
          {next}
        </>
      ) : (
        <>
          <span className={ui.muted}>{summary}</span>
          {edges && button(1, first, '«', t('gol:firstPage'))}
          {prev}
          {next}
          {edges && button(pages, last, '»', t('gol:lastPage'))}
        </>
      )}
    </Row>
  )
}
