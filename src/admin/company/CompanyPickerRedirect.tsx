'use client'
import { CompanyPicker } from './CompanyPicker'

/** The picker inside the admin: after a choice, reload the admin so every view is re-scoped. */
export function CompanyPickerRedirect() {
  return <CompanyPicker onSelected={() => window.location.assign('/admin')} />
}
