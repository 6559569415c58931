/** In the side menu: the shared-offer distribution (G) and the spreadsheet import (L). */
export function BulkNavLinks() {
  return (
    <>
      <a href="/admin/ofertas-compartilhadas" data-testid="nav-shared-offers" style={{ display: 'block', padding: '4px 0', textDecoration: 'none' }}>
        Ofertas compartilhadas
      </a>
      <a href="/admin/importar" data-testid="nav-import" style={{ display: 'block', padding: '4px 0', textDecoration: 'none' }}>
        Importar planilha
      </a>
    </>
  )
}

export default BulkNavLinks
