import { DEMO, expect, screenshot, test } from './helpers'

test('dashboard da empresa: linhas por status, renovação, CSP, administradores e gráfico do ciclo', async ({ adminPage: page }) => {
  await page.goto('/admin')
  const dash = page.getByTestId('gol-dashboard')
  await expect(dash).toBeVisible()
  await expect(dash.getByRole('heading', { name: DEMO.companies.claro })).toBeVisible()
  await expect(dash.getByTestId('company-status')).toHaveText('Ativo')
  await expect(dash.getByTestId('lines-total')).toHaveText('50')
  await expect(dash.getByTestId('lines-by-status')).toContainText('Suspenso')
  await expect(dash.getByTestId('renews-in')).toContainText(/Renova em \d+ dias?/)
  await expect(dash).toContainText('Fidelização de CSP')
  await expect(dash.getByTestId('company-admins')).toContainText('admin@claro-demo.com.br')
  await expect(dash.getByRole('img', { name: /^Dados: total/ })).toBeVisible()
  await expect(dash.getByRole('img', { name: /^Voz: total/ })).toBeVisible()
  await screenshot(page, '10-dashboard')
})
