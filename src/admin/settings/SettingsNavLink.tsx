import { golT } from '../i18n'
import { langOf } from '../shared/lang'

/** In the side menu: the general settings screen (F). */
export function SettingsNavLink({ i18n }: { i18n?: { language?: string } }) {
  return (
    <a href="/admin/configuracoes" data-testid="nav-settings" style={{ display: 'block', padding: '4px 0', textDecoration: 'none' }}>
      {golT(langOf(i18n))('gol:generalSettings')}
    </a>
  )
}

export default SettingsNavLink
