import { confirmAction, expect, screenshot, test } from './helpers'

test('configurações gerais: CSP com aviso, interromper ligação, criar e excluir feriado, filtro nacional', async ({ adminPage: page }) => {
  await page.goto('/admin/configuracoes')
  await expect(page.getByRole('heading', { name: 'Configurações gerais' })).toBeVisible()
  const csp = page.getByLabel('Fidelização de CSP')
  await expect(csp).toHaveValue('21')
  await expect(page.getByTestId('csp-warning')).toHaveCount(0)
  await csp.selectOption('41')
  await expect(page.getByTestId('csp-warning')).toContainText('cobradas à parte')
  await csp.selectOption('21')
  await expect(page.getByTestId('csp-warning')).toHaveCount(0)
  await expect(page.getByRole('switch', { name: 'Interromper a ligação ao atingir o limite definido' })).toBeVisible()

  const list = page.getByTestId('holiday-list')
  await expect(list.getByTestId('holiday-row').first()).toBeVisible()
  const name = `Aniversário da empresa ${Date.now() % 100000}`
  const form = page.getByTestId('holiday-create')
  await form.getByLabel('Data').fill('31/12/2026')
  await form.getByLabel('Nome').fill(name)
  await form.getByRole('button', { name: 'Salvar' }).click()
  await expect(form.getByRole('status')).toContainText(`Feriado "${name}" criado.`)
  const row = list.getByTestId('holiday-row').filter({ hasText: name })
  await expect(row).toContainText('31/12/2026')
  await expect(row).toContainText('Nacional')

  // "Ver apenas os feriados nacionais" hides the state and DDD holidays.
  await expect(list).toContainText('Revolução Constitucionalista')
  await list.getByRole('switch').check()
  await expect(list).not.toContainText('Revolução Constitucionalista')
  await expect(list).toContainText('Natal')
  await list.getByRole('switch').uncheck()
  await screenshot(page, '20-configuracoes-gerais')

  await list.getByLabel('Buscar feriado').fill(name)
  await expect(list.getByTestId('holiday-row')).toHaveCount(1)
  await confirmAction(page, `Excluir ${name}`)
  await expect(list.getByTestId('holiday-row')).toHaveCount(0)
})

test('feriado com estado inválido é recusado com mensagem', async ({ adminPage: page }) => {
  await page.goto('/admin/configuracoes')
  const form = page.getByTestId('holiday-create')
  await form.getByLabel('Data').fill('10/10/2026')
  await form.getByLabel('Nome').fill('Feriado errado')
  await form.getByLabel('DDD/Estado').fill('XX')
  await form.getByRole('button', { name: 'Salvar' }).click()
  await expect(form.getByRole('alert')).toContainText('DDD/Estado')
})
