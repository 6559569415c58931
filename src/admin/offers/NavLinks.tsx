import { golT } from '../i18n'
import { langOf } from '../shared/lang'
import ui from '../shared/ui.module.scss'

/** In the side menu: the shared-offer distribution (G) and the spreadsheet import (L). */
export function BulkNavLinks({ i18n }: { i18n?: { language?: string } }) {
  const t = golT(langOf(i18n))
  return (
    <>
      <a href="/admin/ofertas-compartilhadas" data-testid="nav-shared-offers" className={ui.navLink}>
        {t('gol:navSharedOffers')}
      </a>
      <a href="/admin/importar" data-testid="nav-import" className={ui.navLink}>
        {t('gol:navImport')}
      </a>
    </>
  )
}

export default BulkNavLinks
