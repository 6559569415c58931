import { confirmAction, database, expect, screenshot, test } from './helpers'

const quotaOf = async (msisdn: string) => {
  const db = database()
  try {
    const res = await db.execute({ sql: 'SELECT quota_control AS control, quota_amount_m_b AS mb FROM lines WHERE msisdn = ?', args: [msisdn] })
    return { control: res.rows[0]?.control, mb: res.rows[0]?.mb == null ? null : Number(res.rows[0].mb) }
  } finally {
    db.close()
  }
}

test('distribui a oferta compartilhada: filtros, limite massivo e validação contra o total', async ({ adminPage: page }) => {
  await page.goto('/admin/ofertas-compartilhadas')
  await expect(page.getByRole('heading', { name: 'Ofertas compartilhadas' })).toBeVisible()
  await expect(page.getByText('Claro Total Compartilhado 100 GB', { exact: true })).toBeVisible()
  await expect(page.getByTestId('total-lines')).not.toHaveText('0')
  await screenshot(page, '70-ofertas-compartilhadas')

  // Two lines picked by number through the filter; a massive limit of 1 GB on them.
  const rows = page.locator('tbody tr')
  const first = (await rows.nth(0).getAttribute('data-testid'))!.replace('line-', '')
  const second = (await rows.nth(1).getAttribute('data-testid'))!.replace('line-', '')
  for (const msisdn of [first, second]) {
    await page.getByPlaceholder('Buscar').fill(msisdn)
    await expect(rows).toHaveCount(1)
    await page.getByLabel(`Selecionar ${msisdn}`).check()
  }
  await page.getByPlaceholder('Buscar').fill('')
  await page.getByLabel('Limite massivo', { exact: true }).selectOption('limited')
  await page.getByLabel('Quantidade massivo').fill('1')
  await page.getByLabel('Unidade massivo').selectOption('GB')
  await page.getByRole('button', { name: 'Aplicar às selecionadas (2)' }).click()
  await expect(page.getByText('2 alteradas, não salvas')).toBeVisible()
  await confirmAction(page, 'Salvar')
  await expect(page.getByRole('status').filter({ hasText: 'Distribuição salva: 2 linhas alteradas' })).toBeVisible()
  expect(await quotaOf(first)).toEqual({ control: 'limited', mb: 1024 })
  expect(await quotaOf(second)).toEqual({ control: 'limited', mb: 1024 })

  // Above the pool: warned on screen, refused by the server, nothing written.
  await page.getByLabel(`Limite ${first}`).selectOption('limited')
  await page.getByLabel(`Quantidade ${first}`).fill('100')
  await page.getByLabel(`Unidade ${first}`).selectOption('GB')
  await expect(page.locator('p[role="alert"]').filter({ hasText: 'excede o total da oferta compartilhada' })).toBeVisible()
  await confirmAction(page, 'Salvar')
  await expect(page.locator('p[role="alert"]').filter({ hasText: 'não foi salva' })).toBeVisible()
  await screenshot(page, '71-ofertas-compartilhadas-erro')
  expect(await quotaOf(first)).toEqual({ control: 'limited', mb: 1024 })
})
