import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { redirect } from 'next/navigation'
import { ImportPanel } from './ImportPanel'

/** /admin/importar: bulk update of lines from a spreadsheet, checked before it is applied (SPEC L). */
export function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
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
        <div style={{ paddingTop: 20 }}>
          <ImportPanel />
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}

export default ImportView
