import { apiFromPage, confirmAction, database, download, expect, login, screenshot, test } from './helpers'

type Department = { id: number; name: string }

test('backup de Departamentos, renomear, pré-visualizar e restaurar; histórico de restaurações', async ({ adminPage: page }) => {
  test.setTimeout(180_000)
  const found = await apiFromPage<{ docs: Department[] }>(page, '/departments?where[name][equals]=Compras&depth=0')
  const department = found.data.docs[0]
  expect(department, 'departamento Compras dos dados de demonstração').toBeTruthy()

  await page.goto('/admin/backup')
  await expect(page.getByRole('heading', { name: 'Backup e restauração' })).toBeVisible()
  await expect(page.getByTestId('nav-backup')).toHaveAttribute('href', '/admin/backup')
  const create = page.getByTestId('backup-create')
  await create.getByLabel('Departamento', { exact: true }).check()
  await confirmAction(page, 'Fazer backup')
  // The request answers at once; the backup job (autoRun every 5 s) writes it and the list follows it to OK.
  await expect(create.getByRole('status')).toContainText('Backup solicitado: Departamento (departamento_')

  const rows = page.getByTestId('backups-departments').getByTestId('backup-row')
  await expect(rows.first()).toContainText(/departamento_\d{14}/)
  await expect(rows.first().getByTestId('backup-status')).toHaveText('OK', { timeout: 60_000 })
  const name = /departamento_\d{14}/.exec(await rows.first().innerText())![0]
  await screenshot(page, '80-backup-restauracao')

  const sheet = await download(page, () => rows.first().getByRole('link', { name: `Baixar ${name}` }).click())
  expect(sheet.name).toMatch(/^departamento_\d{14}\.xlsx$/)

  // A change after the backup, which the restore must undo.
  const renamed = `Compras renomeado ${Date.now() % 100000}`
  const patch = await apiFromPage(page, `/departments/${department.id}`, { method: 'PATCH', body: { name: renamed } })
  expect(patch.status).toBe(200)

  await rows.first().getByRole('button', { name: `Pré-visualizar ${name}` }).click()
  const preview = page.getByTestId('restore-preview')
  await expect(preview).toBeVisible()
  await expect(preview.getByTestId('preview-counts')).toContainText('0 a criar, 1 a alterar, 0 a excluir')
  await expect(preview.getByTestId('preview-update')).toContainText('Compras')
  await screenshot(page, '81-restauracao-previa')

  await confirmAction(page, /^Restaurar$/)
  const status = page.getByTestId('restore-status')
  await expect(status).toBeVisible()
  // The job runs in the app's process (autoRun every 5 s); the panel polls until it ends.
  await expect(status.getByTestId('restore-state')).toHaveText('Sucesso', { timeout: 60_000 })
  await expect(status).toContainText('Itens aplicados: 1 · com falha: 0')
  const back = await apiFromPage<Department>(page, `/departments/${department.id}?depth=0`)
  expect(back.data.name).toBe('Compras')
  const applied = await download(page, () => status.getByRole('link', { name: 'Baixar itens aplicados (.xlsx)' }).click())
  expect(applied.name).toMatch(/aplicados\.xlsx$/)
  await screenshot(page, '82-restauracao-concluida')

  // The side menu links here (it may be collapsed at this width, so go by its address).
  await expect(page.getByTestId('nav-restore-history')).toHaveAttribute('href', '/admin/historico-restauracoes')
  await page.goto('/admin/historico-restauracoes')
  await expect(page.getByRole('heading', { name: 'Histórico de restaurações' })).toBeVisible()
  const history = page.getByTestId('restore-history')
  const first = history.getByTestId('history-row').first()
  await expect(first).toContainText('Departamento')
  await expect(first).toContainText(name)
  await expect(first).toContainText('Sucesso')
  await expect(first).toContainText('Aplicados: 1 · com falha: 0')
  await history.getByLabel('Tipo de restauração').selectOption({ label: 'Perfil' })
  await history.getByRole('button', { name: 'Pesquisar' }).click()
  await expect(history).toContainText('Nenhuma restauração no período.')
  await history.getByLabel('Tipo de restauração').selectOption({ label: 'Departamento' })
  await history.getByRole('button', { name: 'Pesquisar' }).click()
  await expect(history.getByTestId('history-row').first()).toContainText(name)
  await screenshot(page, '83-historico-restauracoes')

  // Bad periods are explained, not searched.
  await history.getByLabel('Data inicial').fill('01/01/2026')
  await history.getByLabel('Data final').fill('31/12/2026')
  await history.getByRole('button', { name: 'Pesquisar' }).click()
  await expect(history.getByRole('alert')).toHaveText('O período máximo de consulta é de 180 dias.')
  await history.getByLabel('Data inicial').fill('31/02/2026')
  await history.getByRole('button', { name: 'Pesquisar' }).click()
  await expect(history.getByRole('alert')).toHaveText('Data inicial inválida: use dd/mm/aaaa.')
  await history.getByLabel('Data inicial').fill('10/12/2026')
  await history.getByLabel('Data final').fill('01/12/2026')
  await history.getByRole('button', { name: 'Pesquisar' }).click()
  await expect(history.getByRole('alert')).toHaveText('A data inicial deve ser anterior à data final.')

  // Deleting a backup asks first (one no restore points to).
  await page.goto('/admin/backup')
  await page.getByTestId('backup-create').getByLabel('Perfil', { exact: true }).check()
  await confirmAction(page, 'Fazer backup')
  const profiles = page.getByTestId('backups-profiles').getByTestId('backup-row')
  await expect(profiles.first()).toContainText(/perfil_\d{14}/)
  await expect(profiles.first().getByTestId('backup-status')).toHaveText('OK', { timeout: 60_000 })
  const profilesBackup = /perfil_\d{14}/.exec(await profiles.first().innerText())![0]
  await page.getByRole('button', { name: `Excluir ${profilesBackup}` }).click()
  await expect(page.getByRole('dialog')).toContainText(`O backup ${profilesBackup}`)
  await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click()
  await expect(profiles.filter({ hasText: profilesBackup })).toHaveCount(1)
  await confirmAction(page, `Excluir ${profilesBackup}`)
  await expect(page.getByTestId('backup-restore').getByRole('status')).toContainText(`Backup excluído: ${profilesBackup}`)
  await expect(profiles.filter({ hasText: profilesBackup })).toHaveCount(0)
})

test('sub-administrador lê "Sem permissão" e não vê os links de backup', async ({ browser }) => {
  const db = database()
  const found = await db.execute({ sql: 'SELECT username FROM users WHERE email = ?', args: ['subadmin@claro-demo.com.br'] })
  db.close()
  const context = await browser.newContext()
  const page = await context.newPage()
  await login(page, String(found.rows[0]?.username))
  await page.goto('/admin/backup')
  await expect(page.getByTestId('backup-forbidden')).toContainText('Sem permissão')
  await expect(page.getByTestId('backup-create')).toHaveCount(0)
  await expect(page.getByTestId('nav-backup')).toHaveCount(0)
  await screenshot(page, '84-backup-sem-permissao')
  await page.goto('/admin/historico-restauracoes')
  await expect(page.getByTestId('backup-forbidden')).toContainText('Sem permissão')
  await context.close()
})
