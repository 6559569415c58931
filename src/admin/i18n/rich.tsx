import { Fragment, type ReactNode } from 'react'

/**
 * A translated text with elements in it: `rich(t('gol:importIntro'), { xlsx: <b>.xlsx</b> })`
 * puts each element where the text says `{{xlsx}}` (t called without vars leaves them as is).
 */
export function rich(text: string, parts: Record<string, ReactNode>): ReactNode {
  return text.split(/(\{\{\s*\w+\s*\}\})/).map((piece, i) => {
    const name = /^\{\{\s*(\w+)\s*\}\}$/.exec(piece)?.[1]
    return <Fragment key={i}>{name && name in parts ? parts[name] : piece}</Fragment>
  })
}
