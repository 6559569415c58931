import { apiFromPage, confirmAction, database, demoCompanyId, expect, screenshot, test } from './helpers'

const BATCH_SIZE = 25

const countOf = async (row: import('@playwright/test').Locator) => Number((await row.locator('td').nth(1).innerText()).replace(/\D/g, ''))

test('departamentos com contagem de linhas e "Adicionar linhas" com busca', async ({ adminPage: page }) => {
  await page.goto('/admin/collections/departments')
  const table = page.getByTestId('departments-line-counts')
  await expect(table).toBeVisible()
  const none = table.getByTestId('group-row-none')
  await expect(none).toContainText('Linhas sem departamento')
  const compras = table.getByTestId('group-row').filter({ hasText: 'Compras' })
  const before = await countOf(compras)
  const withoutBefore = await countOf(none)
  expect(withoutBefore).toBeGreaterThan(1)
  await screenshot(page, '40-departamentos')

  await compras.getByRole('button', { name: 'Adicionar linhas a Compras' }).click()
  const dialog = page.getByRole('dialog', { name: 'Adicionar linhas a Compras' })
  await expect(dialog).toBeVisible()
  // Only the lines without a department; the search narrows the list; pick two of them.
  await dialog.getByLabel('Somente linhas sem departamento').check()
  await expect(dialog.locator('tbody tr')).toHaveCount(withoutBefore)
  const rows = dialog.locator('tbody tr').filter({ hasText: 'Linhas sem departamento' })
  await expect(rows.first()).toBeVisible()
  const first = (await rows.nth(0).locator('td').nth(2).innerText()).trim()
  await dialog.getByLabel('Buscar linhas').fill(first)
  await expect(dialog.locator('tbody tr')).toHaveCount(1)
  await dialog.getByLabel(`Selecionar ${first}`).check()
  await dialog.getByLabel('Buscar linhas').fill('')
  const second = (await rows.nth(1).locator('td').nth(2).innerText()).trim()
  await dialog.getByLabel(`Selecionar ${second}`).check()
  await screenshot(page, '41-adicionar-linhas')
  await dialog.getByRole('button', { name: 'Adicionar 2 linhas' }).click()
  await expect(dialog).toBeHidden()
  await expect(table.getByRole('status')).toContainText('2 linhas adicionadas a Compras')
  await expect.poll(() => countOf(compras)).toBe(before + 2)
  await expect.poll(() => countOf(none)).toBe(withoutBefore - 2)
})

test('perfis com última modificação e "Linhas sem perfil"', async ({ adminPage: page }) => {
  await page.goto('/admin/collections/profiles')
  const table = page.getByTestId('profiles-line-counts')
  await expect(table.getByTestId('group-row-none')).toContainText('Linhas sem perfil')
  await expect(table.getByTestId('group-row').filter({ hasText: 'Horário comercial' })).toBeVisible()
  await expect(table).toContainText('Última modificação')
  await screenshot(page, '50-perfis')
})

test('criar departamento com nome e linhas; excluir pede confirmação e as linhas voltam para "Linhas sem departamento"', async ({ adminPage: page }) => {
  await page.goto('/admin/collections/departments')
  const table = page.getByTestId('departments-line-counts')
  const none = table.getByTestId('group-row-none')
  const withoutBefore = await countOf(none)
  const name = `Temporário ${Date.now() % 100000}`
  await table.getByLabel('Nome do novo departamento').fill(name)
  await table.getByRole('button', { name: 'Criar departamento' }).click()
  const row = table.getByTestId('group-row').filter({ hasText: name })
  await expect(row).toBeVisible()
  // Every line moves through the temporary department: put them back afterwards for later suites.
  const db = database()
  const before = await db.execute({ sql: 'SELECT id, department_id FROM lines WHERE company_id = ?', args: [await demoCompanyId()] })
  db.close()
  test.info().attach('departamentos antes', { body: JSON.stringify(before.rows) })

  // Creating goes straight on to adding its lines.
  const dialog = page.getByRole('dialog', { name: `Adicionar linhas a ${name}` })
  await expect(dialog.locator('tbody tr').first()).toBeVisible()
  await dialog.getByLabel('Selecionar todas as linhas mostradas').check()
  const picked = Number((await dialog.getByRole('button', { name: /^Adicionar \d+ linhas$/ }).innerText()).replace(/\D/g, ''))
  expect(picked).toBeGreaterThan(BATCH_SIZE)
  await dialog.getByRole('button', { name: /^Adicionar \d+ linhas$/ }).click()
  // Moved in batches, with a progress bar, then the dialog closes.
  await expect(dialog).toBeHidden({ timeout: 60_000 })
  await expect.poll(() => countOf(row)).toBe(picked)
  await expect.poll(() => countOf(none)).toBe(0)

  // Cancelling keeps it; confirming deletes it and its lines fall back to no department.
  await row.getByRole('button', { name: `Excluir ${name}` }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click()
  await expect(row).toBeVisible()
  await confirmAction(page, `Excluir ${name}`)
  await expect(row).toHaveCount(0)
  expect(withoutBefore).toBeGreaterThan(0)
  await expect.poll(() => countOf(none)).toBe(picked)

  const byDepartment = new Map<string, number[]>()
  for (const r of before.rows) {
    if (r.department_id == null) continue
    const key = String(r.department_id)
    byDepartment.set(key, [...(byDepartment.get(key) ?? []), Number(r.id)])
  }
  for (const [department, ids] of byDepartment) {
    const query = ids.map((id, i) => `where[id][in][${i}]=${id}`).join('&')
    const res = await apiFromPage(page, `/lines?${query}`, { method: 'PATCH', body: { department: Number(department) } })
    expect(res.status).toBe(200)
  }
  await page.reload()
  await expect.poll(() => countOf(none)).toBe(withoutBefore)
})
