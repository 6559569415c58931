import type { Page } from '@playwright/test'
import { cycleStartLabel } from '../../src/admin/shared/format'
import { cycleFor } from '../../src/engine/core/cycle'
import { DEMO, download, expect, loggedPage, pickCompany, query, readSheet, screenshot, test } from './helpers'

/** The reports read on screen (H1–H5, H7) and every custom screen following the selected company, on both demo companies. */

const COMPANIES = [DEMO.companies.claro, DEMO.companies.alfa] as const
const slug = (company: string) => (company === DEMO.companies.claro ? 'claro' : 'alfa')

/** dd/mm/aaaa of today in São Paulo, moved by `days`. */
function brDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
  const d = new Date(`${today}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  const iso = d.toISOString().slice(0, 10)
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

/** Cells of the on-screen table. */
const tableRows = (page: Page) =>
  page.getByTestId('report-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')))

async function search(page: Page, kind: string) {
  await page.goto('/admin/relatorios')
  await page.getByRole('radio', { name: kind }).check()
}

async function runSearch(page: Page) {
  await page.getByRole('button', { name: 'Pesquisar' }).click()
  await expect(page.getByTestId('report-result')).toBeVisible()
}

const totalOf = async (page: Page) => Number((await page.getByTestId('report-total').textContent())?.replace(/\D+/g, ''))

test.describe.configure({ mode: 'serial' })

for (const company of COMPANIES) {
  test(`relatórios na tela (${company}): assinantes, chamadas, transações, dados, notificações, restaurações`, async ({ browser }) => {
    test.setTimeout(240_000)
    const page = await loggedPage(browser, 'support', company)
    await page.goto('/admin')
    await pickCompany(page, company)
    const [{ id: companyId }] = await query<{ id: number }>('SELECT id FROM companies WHERE name = ?', [company])
    const lines = await query<{ msisdn: string }>('SELECT msisdn FROM lines WHERE company_id = ?', [companyId])
    const own = new Set(lines.map((l) => String(l.msisdn)))

    // H5: the total, the Oferta column, 100 a page, the Download equal to what is listed.
    await search(page, 'Lista de assinantes')
    await runSearch(page)
    await expect(page.getByTestId('report-total')).toHaveText(`Total assinantes: ${lines.length}`)
    const shown = await tableRows(page)
    expect(shown.length).toBe(Math.min(100, lines.length))
    expect(shown.every((r) => own.has(r[1]))).toBe(true)
    await expect(page.getByTestId('report-table').locator('th')).toContainText(['Nome', 'Nº da linha', 'Nº da conta', 'Departamento', 'Oferta', 'Perfil da linha', 'Status'])
    await expect(page.getByTestId('report-paging')).toContainText('Exibindo 100')
    await screenshot(page, `h5-lista-de-assinantes-${slug(company)}`)
    const file = await download(page, () => page.getByTestId('report-download').click())
    const sheet = await readSheet(file.path)
    expect(sheet.length - 1).toBe(lines.length)
    expect(sheet.slice(1, 1 + shown.length)).toEqual(shown)

    // H1: the last 7 days; the period rule is stated; every origin is a line of this company.
    await search(page, 'Histórico de chamadas')
    await expect(page.getByTestId('report-period-limit')).toContainText('Quantidade Máxima de dias configurada para consulta: 30')
    await page.getByLabel('Data de início').fill(brDay(-6))
    await page.getByLabel('Data final').fill(brDay(0))
    await runSearch(page)
    const calls = await tableRows(page)
    expect(calls.every((r) => own.has(r[0].replace(/^\+/, '')))).toBe(true)
    const callsTotal = await totalOf(page)
    if (callsTotal > 100) {
      await page.getByRole('button', { name: 'Próxima página' }).click()
      await expect(page.getByTestId('report-paging')).toContainText('página 2 de')
    }
    await screenshot(page, `h1-historico-de-chamadas-${slug(company)}`)

    // H1 over the limit: the error on the field, nothing listed.
    await page.getByLabel('Data de início').fill(brDay(-40))
    await page.getByRole('button', { name: 'Pesquisar' }).click()
    await expect(page.getByTestId('report-error-to')).toContainText('O período máximo é de 30 dias')

    // H2: total and the 180 days rule.
    await search(page, 'Histórico de transações')
    await expect(page.getByTestId('report-period-limit')).toContainText('Quantidade Máxima de dias configurada para consulta: 180')
    await page.getByLabel('Data de início').fill(brDay(-29))
    await page.getByLabel('Data final').fill(brDay(0))
    await runSearch(page)
    await expect(page.getByTestId('report-total')).toContainText('Total Histórico de Transações:')
    await screenshot(page, `h2-historico-de-transacoes-${slug(company)}`)

    // H3, H4, H7: listed on screen with their totals.
    for (const [kind, shot, period] of [
      ['Histórico de dados', 'h3-historico-de-dados', true],
      ['Histórico de notificações', 'h4-historico-de-notificacoes', false],
      ['Histórico de restaurações', 'h7-historico-de-restauracoes', false],
    ] as const) {
      await search(page, kind)
      if (period) {
        await page.getByLabel('Data de início').fill(brDay(-6))
        await page.getByLabel('Data final').fill(brDay(0))
      }
      await runSearch(page)
      await expect(page.getByTestId('report-total')).toContainText('Total')
      if (kind !== 'Histórico de restaurações' && (await totalOf(page)) > 0) {
        const rows = await tableRows(page)
        expect(rows.every((r) => own.has(r[0].replace(/^\+/, '')))).toBe(true)
      }
      await screenshot(page, `${shot}-${slug(company)}`)
    }
    await page.context().close()
  })

  test(`telas próprias seguem a empresa selecionada (${company}): ofertas compartilhadas e painel`, async ({ browser }) => {
    const page = await loggedPage(browser, 'support', company)
    await page.goto('/admin')
    await pickCompany(page, company)
    const [{ id: companyId, renewal }] = await query<{ id: number; renewal: number }>('SELECT id, renewal_day AS renewal FROM companies WHERE name = ?', [company])
    const accounts = await query<{ number: string; company: number }>(
      "SELECT DISTINCT a.number, a.company_id AS company FROM accounts a JOIN offers o ON o.account_id = a.id WHERE o.kind = 'shared' AND o.unit = 'mb'",
      [],
    )
    await page.goto('/admin/ofertas-compartilhadas')
    await expect(page.getByRole('heading', { name: 'Ofertas compartilhadas' })).toBeVisible()
    const mine = accounts.filter((a) => Number(a.company) === Number(companyId))
    const others = accounts.filter((a) => Number(a.company) !== Number(companyId))
    // The accounts are the options of the account picker.
    if (mine.length) await expect(page.locator('option').filter({ hasText: String(mine[0].number) })).toHaveCount(1)
    else await page.waitForLoadState('networkidle')
    for (const a of others) await expect(page.getByText(String(a.number))).toHaveCount(0)
    await screenshot(page, `ofertas-compartilhadas-suporte-${slug(company)}`)

    // The dashboard's cycle start is the cycle's real first day (30 de Novembro for a renewal day of 31).
    await page.goto('/admin')
    await expect(page.getByTestId('cycle-start')).toHaveText(cycleStartLabel(cycleFor(new Date(), Number(renewal)).key, 'pt'))
    await expect(page.getByTestId('cycle-start')).not.toHaveText(/^31 de (Fevereiro|Abril|Junho|Setembro|Novembro)/)
    await screenshot(page, `painel-suporte-${slug(company)}`)

    // The lines list keeps to the company too.
    await page.goto('/admin/collections/lines?limit=100')
    const msisdns = await query<{ msisdn: string }>('SELECT msisdn FROM lines WHERE company_id != ? LIMIT 5', [companyId])
    await expect(page.locator('.table')).toBeVisible()
    for (const l of msisdns) await expect(page.getByText(String(l.msisdn), { exact: true })).toHaveCount(0)
    await page.context().close()
  })
}
