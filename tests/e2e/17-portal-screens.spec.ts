import { database, DEMO, expect, loggedPage, pickCompany, screenshot, test } from './helpers'

/** Screens worded as the carrier's guide: the subscribers' filter bar, the password recovery, the company selection. */

async function linesOf(company: string, extra = '', args: (string | number)[] = []): Promise<number> {
  const db = database()
  try {
    const res = await db.execute({ sql: `SELECT count(*) AS n FROM lines l JOIN companies c ON c.id = l.company_id WHERE c.name = ? ${extra}`, args: [company, ...args] })
    return Number(res.rows[0].n)
  } finally {
    db.close()
  }
}

for (const company of [DEMO.companies.claro, DEMO.companies.alfa]) {
  test(`assinantes (${company}): barra de filtros do guia e Total assinantes`, async ({ browser }) => {
    const page = await loggedPage(browser, 'support', company)
    await page.goto('/admin')
    await pickCompany(page, company)
    await page.goto('/admin/collections/lines')
    const bar = page.getByTestId('lines-filter-bar')
    await expect(bar).toBeVisible()
    await expect(page.getByTestId('lines-total')).toHaveText(`Total assinantes: ${await linesOf(company)}`)
    await expect(page.locator('thead')).toContainText('Perfil da linha')
    await bar.getByLabel('Status').selectOption('active')
    await expect(page).toHaveURL(/where%5Bstatus%5D%5Bequals%5D=active|where\[status\]\[equals\]=active/)
    await expect(page.getByTestId('lines-total')).toHaveText(`Total assinantes: ${await linesOf(company, "AND l.status = 'active'")}`)
    await screenshot(page, `c1-assinantes-filtros-${company === DEMO.companies.claro ? 'claro' : 'alfa'}`)
    await page.context().close()
  })
}

test('recuperação de senha com o texto e os números do guia; seleção de empresa por Nome', async ({ page, browser }) => {
  await page.goto('/admin/login')
  await page.getByText('Recuperar senha').click()
  await expect(page.getByRole('heading', { name: 'Recuperação de senha' })).toBeVisible()
  await expect(page.getByText('Atendimento Grandes Empresas: *860 ou 0800 721 1021')).toBeVisible()
  await expect(page.getByText('Atendimento Pequenas e Médias empresas: 1052')).toBeVisible()
  await expect(page.getByTestId('recover-help')).toContainText('Caso seu endereço de e-Mail tenha mudado')
  await screenshot(page, '02-recuperacao-de-senha')
  const support = await loggedPage(browser, 'support')
  await support.goto('/admin/empresa')
  await expect(support.getByRole('columnheader', { name: 'Nome', exact: true })).toBeVisible()
  await support.context().close()
})
