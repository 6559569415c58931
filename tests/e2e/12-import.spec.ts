import { writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { confirmAction, database, expect, screenshot, test } from './helpers'

test('importa uma planilha: verificação sem alterar nada, depois aplica só as linhas válidas', async ({ adminPage: page }) => {
  const db = database()
  const lines = await db.execute("SELECT l.msisdn, l.extension FROM lines l JOIN companies c ON c.id = l.company_id WHERE c.name = 'CLARO BRASIL DEMO' ORDER BY l.id LIMIT 2")
  const other = await db.execute("SELECT l.msisdn FROM lines l JOIN companies c ON c.id = l.company_id WHERE c.name = 'ALFA LOGÍSTICA LTDA' ORDER BY l.id LIMIT 1")
  db.close()
  const [a, b] = lines.rows.map((r) => String(r.msisdn))
  const foreign = String(other.rows[0].msisdn)
  const dir = path.resolve('test-results/downloads')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'importacao.csv')
  writeFileSync(file, ['Nº da linha;Ramal;Cota;Cota (MB)', `${a};7001;;`, `${b};12a;;`, `${foreign};7003;;`].join('\r\n'))

  await page.goto('/admin/importar')
  await page.getByLabel('Planilha').setInputFiles(file)
  await page.getByRole('button', { name: 'Verificar (sem alterar nada)' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('3 linhas na planilha')
  await expect(page.getByTestId('import-row-2')).toContainText('Será alterada')
  await expect(page.getByTestId('import-row-3')).toContainText('Ramal')
  await expect(page.getByTestId('import-row-4')).toContainText('Linha não encontrada nesta empresa')
  await screenshot(page, '80-importacao-verificacao')
  const check = database()
  expect((await check.execute({ sql: 'SELECT extension FROM lines WHERE msisdn = ?', args: [a] })).rows[0].extension).not.toBe('7001')

  await confirmAction(page, /Aplicar 1 alteração/)
  await expect(page.getByTestId('import-summary')).toContainText('1 alteradas')
  await screenshot(page, '81-importacao-resultado')
  expect((await check.execute({ sql: 'SELECT extension FROM lines WHERE msisdn = ?', args: [a] })).rows[0].extension).toBe('7001')
  check.close()
})
