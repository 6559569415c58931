import { langOf, tr } from '../shared/lang'

/** In the side menu: the general settings screen (F). */
export function SettingsNavLink({ i18n }: { i18n?: { language?: string } }) {
  return (
    <a href="/admin/configuracoes" data-testid="nav-settings" style={{ display: 'block', padding: '4px 0', textDecoration: 'none' }}>
      {tr(langOf(i18n))('Configurações gerais', 'General settings')}
    </a>
  )
}

export default SettingsNavLink
