import { golT } from '../i18n'
import { langOf } from '../shared/lang'

/** In the side menu: ask for a report (H). The downloads (H6) are the reports collection's own entry. */
export function ReportsNavLink({ i18n }: { i18n?: { language?: string } }) {
  return (
    <a href="/admin/relatorios" data-testid="nav-reports" style={{ display: 'block', padding: '4px 0', textDecoration: 'none' }}>
      {golT(langOf(i18n))('gol:reports')}
    </a>
  )
}

export default ReportsNavLink
