import { DEMO, expect, latestCode, login, pickCompany, screenshot, test } from './helpers'

test('login com CPF, senha e o código enviado por e-mail', async ({ page }) => {
  await page.goto('/admin/login')
  await expect(page.getByRole('heading', { name: 'Login' })).toBeVisible()
  await screenshot(page, '01-login')
  const since = new Date(Date.now() - 1000)
  await page.getByLabel('Usuário (CPF)').fill(DEMO.users.admin)
  await page.getByLabel('Senha', { exact: true }).fill(DEMO.password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page.getByLabel('Código de acesso')).toBeVisible()
  await screenshot(page, '02-login-codigo')
  const code = await latestCode(DEMO.users.admin, since)
  expect(code).toMatch(/^\d{5}$/)
  await page.getByLabel('Código de acesso').fill(code)
  await page.getByRole('button', { name: 'Confirmar' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
  await expect(page.getByText(DEMO.companies.claro).first()).toBeVisible()
})

test('suporte escolhe a empresa entre as várias', async ({ page }) => {
  await login(page, 'support')
  await page.goto('/admin/empresa')
  await expect(page.getByRole('row').filter({ hasText: DEMO.companies.alfa })).toBeVisible()
  await screenshot(page, '03-selecao-empresa')
  await pickCompany(page, DEMO.companies.alfa)
  await page.goto('/admin')
  await expect(page.getByText(DEMO.companies.alfa).first()).toBeVisible()
})
