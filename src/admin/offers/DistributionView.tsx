import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { redirect } from 'next/navigation'
import { DistributionGrid } from './DistributionGrid'

/** /admin/ofertas-compartilhadas: Configurações > Ofertas compartilhadas (G). */
export function DistributionView({ initPageResult, params, searchParams }: AdminViewServerProps) {
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
          <DistributionGrid />
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}

export default DistributionView
