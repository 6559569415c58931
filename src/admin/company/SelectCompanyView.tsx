import type { AdminViewServerProps } from 'payload'
import { AdminPage } from '../shared/AdminPage'
import { CompanyPickerRedirect } from './CompanyPickerRedirect'

/** /admin/empresa: switch the company the admin works on (A5). */
export function SelectCompanyView(props: AdminViewServerProps) {
  return (
    <AdminPage {...props}>
      <CompanyPickerRedirect />
    </AdminPage>
  )
}

export default SelectCompanyView
