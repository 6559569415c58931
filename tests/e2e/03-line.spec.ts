import { apiFromPage, demoLineId, expect, screenshot, test } from './helpers'

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
  // The demo moves 1 000 minutes of this line's VOZ franchise to the next line (Claro Pós): the page shows the engine's balance after it.
  await expect(offers).toContainText('29.000 MIN')
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

test('simular uma chamada na página da linha: permitida no horário do perfil, recusada fora dele, sem registrar consumo', async ({ adminPage: page }) => {
  const id = await demoLineId()
  await page.goto(`/admin/collections/lines/${id}`)
  const box = page.getByTestId('simulate-call')
  await expect(box).toBeVisible()
  const line = await apiFromPage<{ msisdn: string }>(page, `/lines/${id}?depth=0`)
  const balance = () => apiFromPage<{ consumption: unknown }>(page, `/engine/balance?line=${line.data.msisdn}&at=2026-11-24T13:00:00.000Z`)
  const before = await balance()
  expect(before.status).toBe(200)
  await box.getByLabel('Destino (como discado)').fill('32345678')
  await box.getByLabel('Data da simulação').fill('24/11/2026') // a Tuesday
  await box.getByLabel('Hora da simulação').fill('10:00')
  await box.getByRole('button', { name: 'Simular' }).click()
  const result = box.getByTestId('simulate-result')
  await expect(result).toContainText('Permitido')
  await expect(result).toContainText('Local para Fixo')
  await expect(result).toContainText('1 min 0 s')
  await screenshot(page, '32-linha-simular-chamada')

  await box.getByLabel('Hora da simulação').fill('20:00')
  await box.getByRole('button', { name: 'Simular' }).click()
  await expect(result).toContainText('Recusado')
  await expect(result).toContainText('CALENDAR')

  await box.getByLabel('Hora da simulação').fill('25:00')
  await box.getByRole('button', { name: 'Simular' }).click()
  await expect(box).toContainText('Informe a hora como hh:mm')
  // Simulating counted nothing.
  expect((await balance()).data.consumption).toEqual(before.data.consumption)
})
