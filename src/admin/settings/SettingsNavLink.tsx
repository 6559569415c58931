/** In the side menu: the general settings screen (F). */
export function SettingsNavLink() {
  return (
    <a href="/admin/configuracoes" data-testid="nav-settings" style={{ display: 'block', padding: '4px 0', textDecoration: 'none' }}>
      Configurações gerais
    </a>
  )
}

export default SettingsNavLink
