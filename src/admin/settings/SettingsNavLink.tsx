import { golT } from '../i18n'
import { langOf } from '../shared/lang'
import ui from '../shared/ui.module.scss'

/** In the side menu: the general settings screen (F). */
export function SettingsNavLink({ i18n }: { i18n?: { language?: string } }) {
  return (
    <a href="/admin/configuracoes" data-testid="nav-settings" className={ui.navLink}>
      {golT(langOf(i18n))('gol:generalSettings')}
    </a>
  )
}

export default SettingsNavLink
