import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { redirect } from 'next/navigation'
import type { ReactNode } from 'react'
import ui from './ui.module.scss'

/**
 * A custom root view's frame: Payload's default template (menu, header) around the
 * content, for a logged user only (others go to the login).
 */
export function AdminPage({ initPageResult, params, searchParams, children }: AdminViewServerProps & { children: ReactNode }) {
  if (!initPageResult.req.user) redirect('/admin/login')
  return (
    <DefaultTemplate
      i18n={initPageResult.req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={initPageResult.req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={initPageResult.req.user || undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <div className={ui.page}>{children}</div>
      </Gutter>
    </DefaultTemplate>
  )
}
