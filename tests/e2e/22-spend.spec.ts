import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { cycleFor } from '../../src/engine/core/cycle'
import { apiFromPage, DEMO, download, expect, loggedPage, query, readSheet, screenshot, test } from './helpers'

/**
 * Spend control (issue 15) in the browser: support adds a tariff; the admin of CLARO BRASIL DEMO
 * sets a department cap, records a priced call, and sees the cost in the "Gastos" panels (line,
 * department, company), the dashboard card, the cost report (screen = Download), the alert the
 * cap raised and its signed webhook delivery. Every amount is checked against the usage rows.
 */
const COMPANY = DEMO.companies.claro
const CAP_NAME = 'Teto e2e departamento'
const WEBHOOK_SECRET = 'segredo-e2e'

/** R$ as the screens write it. */
const brl = (cents: number) => (cents / 100).toLocaleString('pt-BR', { style: 'currency', currency: 'BRL' })
const spaces = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim()

/** dd/mm/aaaa of today in São Paulo, moved by `days`. */
function brDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
  const d = new Date(`${today}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  const iso = d.toISOString().slice(0, 10)
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

interface Fixture {
  company: number
  cycle: string
  department: { id: number; name: string }
  line: { id: number; msisdn: string }
}

async function fixture(): Promise<Fixture> {
  const [company] = await query<{ id: number; renewal: number }>('SELECT id, renewal_day AS renewal FROM companies WHERE name = ?', [COMPANY])
  // The second department (the first carries the demo's own department cap) and an active line in it.
  const [department] = await query<{ id: number; name: string }>('SELECT id, name FROM departments WHERE company_id = ? ORDER BY id LIMIT 1 OFFSET 1', [company.id])
  const [line] = await query<{ id: number; msisdn: string }>("SELECT id, msisdn FROM lines WHERE department_id = ? AND status = 'active' ORDER BY id DESC LIMIT 1", [department.id])
  return {
    company: Number(company.id),
    cycle: cycleFor(new Date(), Number(company.renewal)).key,
    department: { id: Number(department.id), name: String(department.name) },
    line: { id: Number(line.id), msisdn: String(line.msisdn) },
  }
}

/** This cycle's cost (centavos) from the usage rows: of a line, a department or the company. */
async function cycleCost(f: Fixture, scope: 'line' | 'department' | 'company'): Promise<number> {
  const where = { line: 'u.line_id = ?', department: 'l.department_id = ?', company: 'l.company_id = ?' }[scope]
  const id = { line: f.line.id, department: f.department.id, company: f.company }[scope]
  const [row] = await query<{ cents: number | null }>(`SELECT sum(u.cost) AS cents FROM usage u JOIN lines l ON l.id = u.line_id WHERE ${where} AND u.cycle = ?`, [id, f.cycle])
  return Number(row.cents ?? 0)
}

async function spendPanel(page: Page, path: string) {
  await page.goto(path)
  const panel = page.getByTestId('spend-panel')
  await expect(panel).toBeVisible()
  await expect(panel.getByTestId('spend-cost')).toBeVisible()
  return panel
}

test.describe.configure({ mode: 'serial' })

let hooks: { headers: Record<string, string | string[] | undefined>; body: string }[] = []
let server: Server
let hookUrl = ''

test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      hooks.push({ headers: req.headers, body })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gol-alertas`
})

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

test('tarifas: o suporte cria uma tarifa para a empresa; o administrador a lê mas não a cria', async ({ browser }) => {
  const f = await fixture()
  const support = await loggedPage(browser, 'support', COMPANY)
  const created = await apiFromPage<{ doc: { id: number } }>(support, '/tariffs', {
    method: 'POST',
    body: { company: f.company, name: 'Tarifa e2e', validFrom: new Date(Date.now() - 60_000).toISOString(), voicePerMinute: 0.5, firstIncrementS: 30, nextIncrementS: 6, smsPerMessage: 0.2, dataPerMB: 0.1 },
  })
  expect(created.status).toBe(201)
  await support.goto('/admin/collections/tariffs')
  const table = support.locator('.table')
  await expect(table.getByText('Tarifa e2e', { exact: true })).toBeVisible()
  await expect(table.getByText('Tarifa demonstração', { exact: true })).toBeVisible()
  await screenshot(support, '22-tarifas-suporte')
  await support.context().close()

  const admin = await loggedPage(browser, 'admin', COMPANY)
  const denied = await apiFromPage(admin, '/tariffs', { method: 'POST', body: { company: f.company, name: 'Não pode', validFrom: new Date().toISOString(), voicePerMinute: 1, smsPerMessage: 0, dataPerMB: 0 } })
  expect(denied.status).toBe(403)
  await admin.goto(`/admin/collections/tariffs/${created.data.doc.id}`)
  await expect(admin.locator('input[name="name"]')).toHaveValue('Tarifa e2e')
  await admin.context().close()
})

test('gastos: teto de departamento, painéis da linha, departamento e empresa, card do painel inicial', async ({ browser }) => {
  const f = await fixture()
  const page = await loggedPage(browser, 'admin', COMPANY)
  await page.goto('/admin')

  // The company's webhook, received by this test (signed with the secret).
  const settings = await apiFromPage(page, `/companies/${f.company}`, { method: 'PATCH', body: { spendAlerts: { thresholds: '50, 80, 100', webhookUrl: hookUrl, webhookSecret: WEBHOOK_SECRET } } })
  expect(settings.status).toBe(200)

  // A department cap the department already spends half of (so the next call alerts).
  const before = await cycleCost(f, 'department')
  const amount = Math.max(1, Math.ceil(before / 100) * 2)
  const cap = await apiFromPage<{ doc: { id: number } }>(page, '/spend-caps', { method: 'POST', body: { company: f.company, name: CAP_NAME, scope: 'department', department: f.department.id, amount, control: 'notify' } })
  expect(cap.status).toBe(201)

  // A 10-minute international call, priced with the new tariff (R$ 0,50/min) as far as no franchise covers it.
  const usage = await apiFromPage<{ accepted?: number; rejected?: unknown[] }>(page, '/engine/usage', {
    method: 'POST',
    body: { events: [{ id: `e2e-spend-${Date.now()}`, line: f.line.msisdn, service: 'voice', destination: '0021351912345678', at: new Date().toISOString(), units: 600 }] },
  })
  expect(usage.status).toBe(200)
  expect(usage.data.rejected ?? []).toEqual([])

  const lineCost = await cycleCost(f, 'line')
  const departmentCost = await cycleCost(f, 'department')
  const companyCost = await cycleCost(f, 'company')
  expect(companyCost).toBeGreaterThan(0)
  expect(departmentCost).toBeGreaterThan(before)

  const line = await spendPanel(page, `/admin/collections/lines/${f.line.id}`)
  await expect(line.getByTestId('spend-cost')).toHaveText(brl(lineCost))
  // Each panel lists the caps set on that line, department or company: none on this line.
  await expect(line).toContainText('Nenhum limite.')
  await line.scrollIntoViewIfNeeded()
  await screenshot(page, '22-gastos-linha')

  const department = await spendPanel(page, `/admin/collections/departments/${f.department.id}`)
  await expect(department.getByTestId('spend-cost')).toHaveText(brl(departmentCost))
  const capRow = department.getByTestId('spend-caps').locator('li').filter({ hasText: CAP_NAME })
  expect(spaces(await capRow.textContent())).toContain(`${brl(departmentCost)} de ${brl(amount * 100)}`.replace(/\s+/g, ' '))
  await expect(capRow).toContainText('avisa')
  await screenshot(page, '22-gastos-departamento')

  const company = await spendPanel(page, `/admin/collections/companies/${f.company}`)
  await expect(company.getByTestId('spend-cost')).toHaveText(brl(companyCost))
  const companyCap = company.getByTestId('spend-caps').locator('li').filter({ hasText: 'Gasto da empresa' })
  expect(spaces(await companyCap.textContent())).toContain(`${brl(companyCost)} de ${brl(200_000)}`.replace(/\s+/g, ' '))
  await screenshot(page, '22-gastos-empresa')

  await page.goto('/admin')
  await expect(page.getByTestId('cycle-cost')).toHaveText(brl(companyCost))
  await screenshot(page, '22-painel-card-gastos')
  await page.context().close()
})

test('relatório de custos: a tela e o Download têm os mesmos valores, que somam o total da empresa', async ({ browser }) => {
  const f = await fixture()
  const page = await loggedPage(browser, 'admin', COMPANY)
  await page.goto('/admin/relatorios')
  await page.getByRole('radio', { name: 'Custo por linha e departamento' }).check()
  await page.getByLabel('Data de início').fill(brDay(-6))
  await page.getByLabel('Data final').fill(brDay(0))
  await page.getByRole('button', { name: 'Pesquisar' }).click()
  await expect(page.getByTestId('report-result')).toBeVisible()
  await expect(page.getByTestId('report-table').locator('th')).toContainText(['Departamento', 'Nº da linha', 'Usuário', 'Eventos', 'Custo (R$)'])
  const shown = await page
    .getByTestId('report-table')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')))
  // The line that made the call is listed with a cost; the company total is the sum of the department subtotals.
  const cents = (s: string) => Math.round(Number(s.replace(/\./g, '').replace(',', '.')) * 100)
  expect(shown.some((r) => r[1] === `+${f.line.msisdn}` && cents(r[4]) > 0)).toBe(true)
  const total = shown.find((r) => r[0] === 'Empresa (total)')
  expect(total).toBeTruthy()
  const subtotals = shown.filter((r) => r[0].endsWith(' (total)') && r[0] !== 'Empresa (total)')
  expect(cents(total![4])).toBe(subtotals.reduce((s, r) => s + cents(r[4]), 0))
  expect(subtotals.some((r) => r[0] === `${f.department.name} (total)`)).toBe(true)
  await screenshot(page, '22-relatorio-de-custos')

  const file = await download(page, () => page.getByTestId('report-download').click())
  const sheet = await readSheet(file.path)
  expect(sheet[0]).toEqual(['Departamento', 'Nº da linha', 'Usuário', 'Eventos', 'Custo (R$)'])
  expect(sheet.slice(1, 1 + shown.length)).toEqual(shown)
  await page.context().close()
})

test('alertas e entregas de webhook: o teto alertou uma vez e a entrega assinada está no registro', async ({ browser }) => {
  const page = await loggedPage(browser, 'admin', COMPANY)
  await page.goto('/admin/collections/spend-alerts')
  const alertRows = page.locator('.table tbody tr').filter({ hasText: CAP_NAME })
  await expect(async () => {
    await page.reload()
    expect(await alertRows.count()).toBeGreaterThan(0)
  }).toPass({ timeout: 60_000 })
  await expect(alertRows.first()).toContainText('Percentual atingido')
  await screenshot(page, '22-alertas')

  // Delivered to this test's server, signed over "<timestamp>.<body>".
  await expect.poll(() => hooks.filter((h) => h.body.includes(CAP_NAME)).length, { timeout: 60_000 }).toBeGreaterThan(0)
  const hook = hooks.find((h) => h.body.includes(CAP_NAME))!
  const signature = createHmac('sha256', WEBHOOK_SECRET).update(`${String(hook.headers['x-gol-timestamp'])}.${hook.body}`).digest('hex')
  expect(String(hook.headers['x-gol-signature'])).toContain(signature)

  await page.goto('/admin/collections/webhook-deliveries')
  const deliveries = page.locator('.table tbody tr').filter({ hasText: hookUrl })
  await expect(async () => {
    await page.reload()
    expect(await deliveries.filter({ hasText: 'Entregue' }).count()).toBeGreaterThan(0)
  }).toPass({ timeout: 60_000 })
  await expect(deliveries.filter({ hasText: 'Entregue' }).first()).toContainText('200')
  await screenshot(page, '22-entregas-webhook')
  await page.context().close()
  hooks = []
})
