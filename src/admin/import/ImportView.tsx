import type { AdminViewServerProps } from 'payload'
import { AdminPage } from '../shared/AdminPage'
import { ImportPanel } from './ImportPanel'

/** /admin/importar: bulk update of lines from a spreadsheet, checked before it is applied (SPEC L). */
export function ImportView(props: AdminViewServerProps) {
  return (
    <AdminPage {...props}>
      <ImportPanel />
    </AdminPage>
  )
}

export default ImportView
