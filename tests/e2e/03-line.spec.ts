import { demoLineId, expect, screenshot, test } from './helpers'

test('lista de assinantes e página da linha: cadastro, ofertas com %, cota compartilhada, histórico', async ({ adminPage: page }) => {
  await page.goto('/admin/collections/lines')
  await expect(page.getByRole('columnheader', { name: /Nº da linha/ })).toBeVisible()
  await screenshot(page, '30-assinantes')

  const id = await demoLineId()
  await page.goto(`/admin/collections/lines/${id}`)
  const overview = page.getByTestId('line-overview')
  await expect(overview).toBeVisible()
  await expect(overview).toContainText('Número do chip (ICCID)')
  await expect(overview).toContainText('IMSI')
  const offers = overview.getByTestId('line-offers')
  await expect(offers).toContainText('Claro Total Compartilhado Pacote VOZ')
  await expect(offers).toContainText('30.000 MIN')
  await expect(offers.getByRole('progressbar').first()).toBeVisible()
  await expect(overview.getByTestId('line-shared')).toContainText('Claro Total Compartilhado 100GB - Franquia')
  await expect(overview.getByTestId('line-quota')).toContainText('Limite configurado')
  const history = overview.getByTestId('line-history')
  await expect(history.getByTestId('line-calls')).toBeVisible()
  await screenshot(page, '31-linha')
  // The period is at most 30 days.
  await history.getByLabel('Data de início').fill('01/01/2026')
  await expect(history.getByRole('alert')).toContainText('O período máximo é de 30 dias.')
  await history.getByRole('tab', { name: 'Histórico de transações' }).click()
  await expect(history.getByRole('heading', { name: 'Histórico de transações' })).toBeVisible()
})
