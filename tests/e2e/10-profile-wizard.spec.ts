import { database, expect, screenshot, test } from './helpers'

test('cria um perfil pelos quatro passos, com validação em cada passo, e atribui linhas', async ({ adminPage: page }) => {
  await page.goto('/admin/collections/profiles/create')
  await expect(page.getByRole('heading', { name: 'Criar perfil' })).toBeVisible()

  // 1 Nome do Perfil: required.
  await page.getByRole('button', { name: 'Avançar' }).click()
  await expect(page.locator('p[role="alert"]').first()).toContainText('Informe o nome do perfil')
  const name = `Perfil MKT PME ${Date.now() % 100000}`
  await page.getByLabel('Nome', { exact: true }).fill(name)
  await screenshot(page, '60-perfil-passo-1')
  await page.getByRole('button', { name: 'Avançar' }).click()

  // 2 Lista permitida e lista bloqueada: a bad number is refused, a good one is added.
  await expect(page.getByRole('heading', { name: '2 Lista permitida e lista bloqueada' })).toBeVisible()
  await page.getByLabel('CP + CA + Número').fill('19-abc')
  await page.getByRole('button', { name: 'Adicionar' }).click()
  await expect(page.locator('p[role="alert"]').first()).toContainText('Número inválido')
  await page.getByLabel('Tipo de lista').selectOption('allowed')
  await page.getByLabel('Tipo de uso').selectOption('voice')
  await page.getByLabel('CP + CA + Número').fill('1999999999')
  await page.getByRole('button', { name: 'Adicionar' }).click()
  await expect(page.locator('tbody')).toContainText('1999999999')
  await screenshot(page, '61-perfil-passo-2')
  await page.getByRole('button', { name: 'Avançar' }).click()

  // 3 Calendário: a window that ends before it starts is refused.
  await expect(page.getByRole('heading', { name: '3 Calendário' })).toBeVisible()
  await page.getByLabel('Domingo').uncheck()
  await page.getByLabel('De', { exact: true }).fill('18:00')
  await page.getByLabel('Até', { exact: true }).fill('08:00')
  await page.getByRole('button', { name: 'Adicionar' }).click()
  await expect(page.locator('p[role="alert"]').first()).toContainText('deve ser anterior')
  await page.getByLabel('De', { exact: true }).fill('08:00')
  await page.getByLabel('Até', { exact: true }).fill('18:00')
  await page.getByRole('button', { name: 'Adicionar' }).click()
  await expect(page.locator('tbody')).toContainText('18:00')
  await screenshot(page, '62-perfil-passo-3')
  await page.getByRole('button', { name: 'Avançar' }).click()

  // 4 Limite: a limited category needs its quantity.
  await expect(page.getByRole('heading', { name: '4 Limite' })).toBeVisible()
  await page.getByLabel('Controle Internacional para Móvel').selectOption('blocked')
  await page.getByLabel('Controle SMS para Móvel Outras Operadoras').selectOption('limited')
  await page.getByRole('button', { name: 'Salvar' }).click()
  await expect(page.getByText('A quantidade: informe um número inteiro')).toBeVisible()
  await page.getByLabel('Quantidade SMS para Móvel Outras Operadoras').fill('100')
  await screenshot(page, '63-perfil-passo-4')
  await page.getByRole('button', { name: 'Salvar' }).click()

  // 5 Linhas do perfil: saved; add two lines with the picker.
  await expect(page.getByRole('status').filter({ hasText: 'Perfil criado' })).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/collections\/profiles\/\d+$/)
  await page.getByRole('button', { name: 'Adicionar linhas' }).click()
  const dialog = page.getByRole('dialog', { name: `Adicionar linhas a ${name}` })
  await expect(dialog).toBeVisible()
  const rows = dialog.locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  await rows.nth(0).getByRole('checkbox').check()
  await rows.nth(1).getByRole('checkbox').check()
  await dialog.getByRole('button', { name: 'Adicionar 2 linhas' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('table', { name: 'Linhas do perfil' }).locator('tbody tr')).toHaveCount(2)
  await screenshot(page, '64-perfil-linhas')

  // Stored as the server validated it.
  const db = database()
  try {
    const profile = await db.execute({ sql: 'SELECT id FROM profiles WHERE name = ?', args: [name] })
    const id = profile.rows[0]?.id
    expect(id).toBeDefined()
    const lines = await db.execute({ sql: 'SELECT count(*) AS n FROM lines WHERE profile_id = ?', args: [id!] })
    expect(Number(lines.rows[0].n)).toBe(2)
  } finally {
    db.close()
  }
})
