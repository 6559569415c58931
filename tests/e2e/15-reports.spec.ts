import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { apiFromPage, database, download, expect, screenshot, test } from './helpers'

/** dd/mm/aaaa of today in São Paulo, moved by `days`. */
function brDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
  const d = new Date(`${today}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  const iso = d.toISOString().slice(0, 10)
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

async function readSheet(file: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const rows: unknown[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

/** Whether the test database can hold report jobs (the jobs table and the reports' job columns come from the migrations). */
async function jobsSchema(): Promise<boolean> {
  const db = database()
  try {
    const jobs = await db.execute("SELECT count(*) AS n FROM sqlite_master WHERE name = 'payload_jobs'")
    const cols = await db.execute("SELECT count(*) AS n FROM pragma_table_info('reports') WHERE name IN ('attempts', 'heartbeat_at', 'finished_at', 'job')")
    return Number(jobs.rows[0].n) > 0 && Number(cols.rows[0].n) === 4
  } finally {
    db.close()
  }
}

/** Requests the report on screen, waits on the downloads page until it is done and downloads it. */
async function requestAndDownload(page: Page, screen: string) {
  await page.getByRole('button', { name: 'Solicitar' }).click()
  await page.waitForURL(/\/admin\/collections\/reports\?solicitado=/)
  const id = new URL(page.url()).searchParams.get('solicitado')
  expect(id).toBeTruthy()
  const row = page.getByTestId(`report-row-${id}`)
  await expect(row).toBeVisible()
  // Generated in the background (reports queue); the page refreshes itself while it is pending.
  await expect(row.getByTestId('report-status')).toHaveText('Concluído', { timeout: 90_000 })
  await expect(page.getByTestId('report-summary')).toContainText(/\d+ gerados \/ \d+ pendentes \/ \d+ falhas/)
  await screenshot(page, screen)
  const file = await download(page, () => row.getByRole('link', { name: /Download/ }).click())
  expect(file.name).toMatch(/\.xlsx$/)
  return readSheet(file.path)
}

test('relatórios: lista de assinantes e histórico de chamadas gerados em segundo plano e baixados', async ({ adminPage: page }) => {
  await page.goto('/admin')
  test.skip(!(await jobsSchema()), 'the SQLite migrations do not create payload_jobs / the reports job columns yet: no report can be generated')
  await expect(page.getByTestId('nav-reports')).toHaveAttribute('href', '/admin/relatorios')
  await page.goto('/admin/relatorios')
  await expect(page.getByRole('heading', { name: 'Relatórios', exact: true })).toBeVisible()

  // H5: no period; its own filters only.
  await page.getByRole('radio', { name: 'Lista de assinantes' }).check()
  await expect(page.getByTestId('report-field-status')).toBeVisible()
  await expect(page.getByTestId('report-field-from')).toHaveCount(0)
  await screenshot(page, '90-relatorios-solicitar')
  const subscribers = await requestAndDownload(page, '91-download-de-relatorios')
  expect(subscribers[0]).toEqual(['Nome', 'Nº da linha', 'Nº da conta', 'Departamento', 'Oferta', 'Perfil da linha', 'Status'])
  expect(subscribers.length).toBeGreaterThan(1)

  // H1: the last 7 days, period limit shown.
  await page.goto('/admin/relatorios')
  await page.getByRole('radio', { name: 'Histórico de chamadas' }).check()
  await expect(page.getByTestId('report-period-limit')).toContainText('Quantidade Máxima de dias configurada para consulta: 30')
  await expect(page.getByTestId('report-field-status')).toHaveCount(0)
  await page.getByLabel('Data de início').fill(brDay(-6))
  await page.getByLabel('Data final').fill(brDay(0))
  const calls = await requestAndDownload(page, '92-download-de-relatorios-chamadas')
  expect(calls[0]).toEqual(['Telefone origem', 'Usuário origem', 'Data', 'Hora', 'Telefone destino', 'Duração', 'Tipo de chamadas'])
  expect(calls.length).toBeGreaterThan(1)
})

test('relatórios: período invertido ou acima do limite mostra o erro no campo', async ({ adminPage: page }) => {
  await page.goto('/admin/relatorios')
  await page.getByRole('radio', { name: 'Histórico de chamadas' }).check()
  await page.getByLabel('Data de início').fill(brDay(0))
  await page.getByLabel('Data final').fill(brDay(-5))
  await page.getByRole('button', { name: 'Solicitar' }).click()
  await expect(page.getByTestId('report-error-to')).toContainText('A data inicial deve ser anterior ou igual à data final')
  await expect(page).toHaveURL(/\/admin\/relatorios$/)
  await screenshot(page, '93-relatorios-erro-periodo')

  await page.getByLabel('Data de início').fill(brDay(-40))
  await page.getByLabel('Data final').fill(brDay(0))
  await page.getByRole('button', { name: 'Solicitar' }).click()
  await expect(page.getByTestId('report-error-to')).toContainText('O período máximo é de 30 dias')
})

test('lista de linhas: "Download relatório" baixa exatamente as linhas filtradas', async ({ adminPage: page }) => {
  await page.goto('/admin')
  const { data } = await apiFromPage<{ totalDocs: number }>(page, '/lines?where[status][equals]=active&limit=1&depth=0')
  expect(data.totalDocs).toBeGreaterThan(0)
  await page.goto('/admin/collections/lines?where[status][equals]=active')
  const file = await download(page, () => page.getByRole('link', { name: 'Download relatório' }).click())
  const rows = await readSheet(file.path)
  expect(rows[0]).toContain('Nº da linha')
  expect(rows.length - 1).toBe(data.totalDocs)
  expect(rows.slice(1).every((r) => r[5] === 'Ativo')).toBe(true)
})

test('"Download relatório" em cada lista exportável', async ({ adminPage: page }) => {
  for (const slug of ['lines', 'departments', 'profiles', 'holidays', 'users', 'transactions']) {
    await page.goto(`/admin/collections/${slug}`)
    await expect(page.getByRole('link', { name: 'Download relatório' }), slug).toHaveAttribute('href', new RegExp(`/api/${slug}/export`))
  }
})
