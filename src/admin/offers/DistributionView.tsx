import type { AdminViewServerProps } from 'payload'
import { AdminPage } from '../shared/AdminPage'
import { DistributionGrid } from './DistributionGrid'

/** /admin/ofertas-compartilhadas: Configurações > Ofertas compartilhadas (G). */
export function DistributionView(props: AdminViewServerProps) {
  return (
    <AdminPage {...props}>
      <DistributionGrid />
    </AdminPage>
  )
}

export default DistributionView
