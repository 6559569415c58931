import { golT } from '../i18n'
import { langOf } from '../shared/lang'
import ui from '../shared/ui.module.scss'

/** In the side menu: ask for a report (H). The downloads (H6) are the reports collection's own entry. */
export function ReportsNavLink({ i18n }: { i18n?: { language?: string } }) {
  return (
    <a href="/admin/relatorios" data-testid="nav-reports" className={ui.navLink}>
      {golT(langOf(i18n))('gol:reports')}
    </a>
  )
}

export default ReportsNavLink
