import type { Locator, Page } from '@playwright/test'
import { DEMO, demoLineId, download, expect, loggedPage, login, pickCompany, query, readSheet, screenshot, test } from './helpers'

/**
 * The custom screens and lists that had no two-company browser test: the line page (with its
 * history's Download), the users list, the distribution grid, the restore history's Download,
 * the profile wizard for a viewer and the user's "Status atual / Novo status". Support works on
 * each demo company in turn and must see that company's data only.
 */
const COMPANIES = [DEMO.companies.claro, DEMO.companies.alfa] as const
const slug = (company: string) => (company === DEMO.companies.claro ? 'claro' : 'alfa')
const other = (company: string) => (company === DEMO.companies.claro ? DEMO.companies.alfa : DEMO.companies.claro)

const cellsOf = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')))

const companyId = async (name: string) => Number((await query<{ id: number }>('SELECT id FROM companies WHERE name = ?', [name]))[0].id)

test.describe.configure({ mode: 'serial' })

for (const company of COMPANIES) {
  test(`página da linha (${company}): franquias do saldo do motor, histórico com Download igual à lista, nada da outra empresa`, async ({ browser }) => {
    const page = await loggedPage(browser, 'support', company)
    await page.goto('/admin')
    await pickCompany(page, company)
    const id = await demoLineId(company, 0)
    await page.goto(`/admin/collections/lines/${id}`)
    const overview = page.getByTestId('line-overview')
    await expect(overview).toBeVisible()
    // The franchise shown is the engine's (after the demo's Claro Pós transfer of 1 000 minutes).
    const [{ msisdn }] = await query<{ msisdn: string }>('SELECT msisdn FROM lines WHERE id = ?', [id])
    const balance = await page.evaluate(async (line) => (await fetch(`/api/engine/balance?line=${line}`, { credentials: 'include' })).json(), String(msisdn))
    const voice = (balance.franchises as { unit: string; capacity: number }[]).find((f) => f.unit === 'minutes')
    if (voice) await expect(overview.getByTestId('line-offers')).toContainText(`${(voice.capacity / 60).toLocaleString('pt-BR')} MIN`)

    // C7: what is listed is what the Download has.
    const history = overview.getByTestId('line-history')
    await expect(history.getByTestId('line-calls')).toBeVisible()
    const listed = await cellsOf(page, 'line-calls')
    const file = await download(page, () => history.getByTestId('report-download').click())
    const sheet = await readSheet(file.path)
    expect(sheet[0]).toEqual(['Data', 'CP + CA + Número', 'Duração / Volume', 'Tipo de chamada'])
    expect(sheet.slice(1, 1 + listed.length)).toEqual(listed)
    const total = Number((await history.getByTestId('report-total').textContent())?.replace(/\D+/g, ''))
    expect(sheet.length - 1).toBe(total)
    await screenshot(page, `c5-c7-linha-suporte-${slug(company)}`)

    // A line of the other company is not shown while this one is selected.
    await page.goto(`/admin/collections/lines/${await demoLineId(other(company), 0)}`)
    await page.waitForLoadState('networkidle')
    await expect(page.getByTestId('line-overview')).toHaveCount(0)
    await page.context().close()
  })

  test(`usuários (${company}): a lista do suporte mostra só os usuários da empresa selecionada`, async ({ browser }) => {
    const page = await loggedPage(browser, 'support', company)
    await page.goto('/admin')
    await pickCompany(page, company)
    const mine = await query<{ username: string }>(
      "SELECT DISTINCT u.username FROM users u JOIN users_rels r ON r.parent_id = u.id AND r.path = 'companies' WHERE r.companies_id = ?",
      [await companyId(company)],
    )
    const theirs = await query<{ username: string }>(
      "SELECT DISTINCT u.username FROM users u JOIN users_rels r ON r.parent_id = u.id AND r.path = 'companies' WHERE r.companies_id = ? AND u.id NOT IN (SELECT parent_id FROM users_rels WHERE path = 'companies' AND companies_id = ?)",
      [await companyId(other(company)), await companyId(company)],
    )
    await page.goto('/admin/collections/users?limit=100')
    await expect(page.locator('.table tbody tr')).toHaveCount(mine.length)
    for (const u of mine) await expect(page.locator('.table').getByText(String(u.username), { exact: true })).toHaveCount(1)
    for (const u of theirs) await expect(page.locator('.table').getByText(String(u.username), { exact: true })).toHaveCount(0)
    await screenshot(page, `i-usuarios-suporte-${slug(company)}`)
    await page.context().close()
  })

  test(`ofertas compartilhadas (${company}): a grade de distribuição lista só linhas da empresa`, async ({ browser }) => {
    const page = await loggedPage(browser, 'support', company)
    await page.goto('/admin')
    await pickCompany(page, company)
    const own = new Set((await query<{ msisdn: string }>('SELECT msisdn FROM lines WHERE company_id = ?', [await companyId(company)])).map((l) => String(l.msisdn)))
    await page.goto('/admin/ofertas-compartilhadas')
    await expect(page.getByRole('heading', { name: 'Ofertas compartilhadas' })).toBeVisible()
    await page.waitForLoadState('networkidle')
    const rows = await page.locator('tbody tr[data-testid^="line-"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')!.slice(5)))
    expect(rows.every((m) => own.has(m))).toBe(true)
    await screenshot(page, `g-grade-distribuicao-suporte-${slug(company)}`)
    await page.context().close()
  })

  test(`histórico de restaurações (${company}): Download com as linhas listadas`, async ({ browser }) => {
    const page = await loggedPage(browser, 'support', company)
    await page.goto('/admin')
    await pickCompany(page, company)
    await page.goto('/admin/historico-restauracoes')
    const history = page.getByTestId('restore-history')
    await expect(history.getByTestId('history-download')).toBeVisible()
    const listed = await history.getByTestId('history-row').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')))
    const file = await download(page, () => history.getByTestId('history-download').click())
    const sheet = await readSheet(file.path)
    expect(sheet[0]).toEqual(['Tipo', 'Nome', 'Data', 'Estado'])
    expect(sheet.length - 1).toBe(listed.length)
    // Same restores in the same order: type, state, and the name (the file names the backup's .csv).
    expect(sheet.slice(1).map((r) => [r[0], r[1].replace(/\.csv$/, ''), r[3]])).toEqual(listed.map((r) => [r[0], r[1], r[3]]))
    await screenshot(page, `h7-historico-restauracoes-download-${slug(company)}`)
    await page.context().close()
  })
}

test('perfil de consulta lê o assistente de perfil sem poder alterar', async ({ browser }) => {
  const [{ username }] = await query<{ username: string }>("SELECT username FROM users WHERE email = 'viewer@claro-demo.com.br'")
  const context = await browser.newContext()
  const page = await context.newPage()
  await login(page, String(username))
  const [profile] = await query<{ id: number }>(
    'SELECT p.id FROM profiles p JOIN companies c ON c.id = p.company_id WHERE c.name = ? ORDER BY p.id LIMIT 1',
    [DEMO.companies.claro],
  )
  await page.goto(`/admin/collections/profiles/${profile.id}`)
  await expect(page.getByTestId('profile-read-only')).toBeVisible()
  await expect(page.locator('#profile-name')).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Salvar' })).toHaveCount(0)
  await page.getByRole('button', { name: /Linhas do perfil/ }).click()
  await expect(page.getByTestId('profile-lines-paging')).toContainText('Exibindo 100')
  await expect(page.getByRole('button', { name: 'Adicionar linhas' })).toBeHidden()
  await screenshot(page, 'e-perfil-somente-leitura')
  await context.close()
})

/** Picks an option once the form has hydrated (a change made before that is lost) and Salvar is enabled. */
async function choose(select: Locator, value: string) {
  await expect(async () => {
    await select.selectOption(value)
    await expect(select).toHaveValue(value, { timeout: 1000 })
  }).toPass()
}

test('usuário: Status atual / Novo status bloqueia e desbloqueia', async ({ adminPage: page }) => {
  const [viewer] = await query<{ id: number }>("SELECT id FROM users WHERE email = 'viewer@claro-demo.com.br'")
  const blocked = async () => Number((await query<{ b: number }>('SELECT blocked AS b FROM users WHERE id = ?', [viewer.id]))[0].b)
  await page.goto(`/admin/collections/users/${viewer.id}`)
  const status = page.getByTestId('user-status')
  await expect(status.getByTestId('user-status-current')).toHaveText('Ativo')
  await choose(status.getByLabel('Novo status'), 'blocked')
  await screenshot(page, 'i-usuario-status')
  await page.getByRole('button', { name: 'Salvar' }).click()
  await expect.poll(blocked).toBe(1)
  await page.reload()
  await expect(page.getByTestId('user-status-current')).toHaveText('Bloqueado')
  await choose(page.getByTestId('user-status').getByLabel('Novo status'), 'active')
  await page.getByRole('button', { name: 'Salvar' }).click()
  await expect.poll(blocked).toBe(0)
})

