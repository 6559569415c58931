/**
 * Issue 13, the guide's forms: a user created in the admin without typing a password (I) gets
 * the e-mailed temporary one; the Claro Pós transfer (G) shows what the origin line has left of
 * the offer and refuses more before saving.
 */
import { DEMO, demoLineId, expect, query, screenshot, test } from './helpers'
import type { Page } from '@playwright/test'

/** A valid CPF (check digits computed) from 9 digits. */
function cpf(base: string): string {
  const digits = base.split('').map(Number)
  for (const size of [9, 10]) {
    const sum = digits.slice(0, size).reduce((acc, d, i) => acc + d * (size + 1 - i), 0)
    const rest = (sum * 10) % 11
    digits.push(rest === 10 ? 0 : rest)
  }
  return digits.join('')
}

test('usuário criado no admin sem digitar senha recebe a senha temporária por e-mail', async ({ adminPage: page }) => {
  const stamp = String(Date.now()).slice(-8)
  const username = cpf(`1${stamp}`)
  const email = `novo.${stamp}@claro-demo.com.br`
  await page.goto('/admin/collections/users/create')
  // No password on the create form: the note says it is e-mailed.
  await expect(page.getByTestId('temporary-password-note')).toHaveText('Uma senha temporária será enviada por e-mail ao usuário.')
  await expect(page.locator('#field-password')).toHaveCount(0)
  await expect(page.locator('#field-confirm-password')).toHaveCount(0)
  await page.locator('#field-username').fill(username)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-firstName').fill('Novo')
  await page.locator('#field-lastName').fill('Usuário E2E')
  await page.locator('#field-companies .rs__control').click()
  await page.locator('.rs__option', { hasText: DEMO.companies.claro }).first().click()
  await screenshot(page, 'i-usuario-criar-sem-senha')
  await page.getByRole('button', { name: 'Salvar' }).click()
  await page.waitForURL((url) => /\/admin\/collections\/users\/\d+/.test(url.pathname))
  await expect
    .poll(async () => (await query<{ n: number }>('SELECT COUNT(*) AS n FROM users WHERE username = ? AND must_change_password = 1', [username]))[0]?.n)
    .toBe(1)
  await expect
    .poll(async () => (await query<{ text: string }>('SELECT text FROM outbox WHERE "to" LIKE ? ORDER BY id DESC LIMIT 1', [`%${email}%`]))[0]?.text ?? '')
    .toMatch(/senha temporária é: \S{8,}/)
  // The edit form keeps Payload's "Mudar senha".
  await expect(page.getByRole('button', { name: 'Mudar senha' })).toBeVisible()
})

/** Picks an option of a Payload relationship field (react-select), searching by `text`. */
async function pickRelation(page: Page, field: string, text: string): Promise<void> {
  await page.locator(`#field-${field} .rs__control`).click()
  await page.keyboard.type(text)
  await page.locator('.rs__option', { hasText: text }).first().click()
}

test('Claro Pós: a transferência mostra o disponível da origem e recusa mais antes de salvar', async ({ adminPage: page }) => {
  // Lines 15 and 16 of the demo company have individual offers and are used by no other suite.
  const [from] = await query<{ msisdn: string }>('SELECT msisdn FROM lines WHERE id = ?', [await demoLineId(DEMO.companies.claro, 15)])
  const [to] = await query<{ msisdn: string }>('SELECT msisdn FROM lines WHERE id = ?', [await demoLineId(DEMO.companies.claro, 16)])
  const transfers = async () => Number((await query<{ n: number }>('SELECT COUNT(*) AS n FROM transfers'))[0].n)
  const before = await transfers()

  await page.goto('/admin/collections/transfers/create')
  const available = page.getByTestId('transfer-available')
  await expect(available).toHaveText('Escolha a linha de origem e a oferta para ver o disponível.')
  await pickRelation(page, 'fromLine', from.msisdn)
  await pickRelation(page, 'toLine', to.msisdn)
  // The offer options are the origin line's individual offers.
  await pickRelation(page, 'offer', 'Claro Total Compartilhado Pacote VOZ')
  await expect(available).toHaveText(/^Disponível: \d+ min$/, { timeout: 15_000 })
  const left = Number(/Disponível: (\d+) min/.exec((await available.textContent()) ?? '')?.[1])
  expect(left).toBeGreaterThan(0)

  // Too much: the error is shown and nothing is saved.
  await page.locator('#field-amount').fill(String(left + 1))
  await page.getByRole('button', { name: 'Salvar' }).click()
  await expect(page.getByText(`Quantidade acima do que a linha de origem tem desta oferta: no máximo ${left} min`).first()).toBeAttached()
  await screenshot(page, 'g-transferencia-acima-do-disponivel')
  expect(page.url()).toContain('/admin/collections/transfers/create')
  expect(await transfers()).toBe(before)

  // What exists: saved.
  await page.locator('#field-amount').fill('10')
  await page.getByRole('button', { name: 'Salvar' }).click()
  await page.waitForURL((url) => /\/admin\/collections\/transfers\/\d+/.test(url.pathname))
  await expect.poll(transfers).toBe(before + 1)
  const [saved] = await query<{ amount: number }>('SELECT amount FROM transfers ORDER BY id DESC LIMIT 1')
  expect(Number(saved.amount)).toBe(10)
  await screenshot(page, 'g-transferencia-salva')
})

test('admin em inglês: o erro de campo do servidor na transferência chega em inglês', async ({ adminPage: page }) => {
  // The admin's language is Payload's `payload-lng` cookie (Account → Language).
  await page.context().addCookies([{ name: 'payload-lng', value: 'en', url: new URL('/', page.url()).href }])
  const [line] = await query<{ msisdn: string }>('SELECT msisdn FROM lines WHERE id = ?', [await demoLineId(DEMO.companies.claro, 15)])
  const transfers = async () => Number((await query<{ n: number }>('SELECT COUNT(*) AS n FROM transfers'))[0].n)
  const before = await transfers()
  await page.goto('/admin/collections/transfers/create')
  await pickRelation(page, 'fromLine', line.msisdn)
  await pickRelation(page, 'toLine', line.msisdn)
  await pickRelation(page, 'offer', 'Claro Total Compartilhado Pacote VOZ')
  await expect(page.getByTestId('transfer-available')).toHaveText(/^Available: \d+ min$/, { timeout: 15_000 })
  await page.locator('#field-amount').fill('1')
  await page.getByRole('button', { name: 'Save' }).click()
  // The destination = origin rule is the server's (the field's validate): its message in the admin's language.
  await expect(page.getByText('The destination line must differ from the origin').first()).toBeAttached()
  await expect(page.getByText('A linha de destino deve ser diferente da origem')).toHaveCount(0)
  await screenshot(page, 'g-transferencia-erro-do-servidor-em-ingles')
  expect(await transfers()).toBe(before)
})

/** Cells of the on-screen report table. */
const reportRows = (page: Page) =>
  page.getByTestId('report-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')))

async function notificationsOf(page: Page, msisdn: string): Promise<string[][]> {
  await page.goto('/admin/relatorios')
  await page.getByRole('radio', { name: 'Histórico de notificações' }).check()
  await page.getByLabel('Nº da linha').fill(msisdn)
  await page.getByRole('button', { name: 'Pesquisar' }).click()
  await expect(page.getByTestId('report-result')).toBeVisible()
  return reportRows(page)
}

test('H4: a cota de dados limitada e a oferta recebida por transferência aparecem antes de notificadas', async ({ adminPage: page }) => {
  const thresholds = (row: string[]) => row.slice(3).every((cell) => ['-', 'Sim', 'Não'].includes(cell))
  const company = await query<{ id: number }>('SELECT id FROM companies WHERE name = ?', [DEMO.companies.claro])
  const [limited] = await query<{ msisdn: string; amount: number }>(
    "SELECT msisdn, quota_amount_m_b AS amount FROM lines WHERE company_id = ? AND quota_control = 'limited' ORDER BY id LIMIT 1",
    [company[0].id],
  )
  const quotaRows = (await notificationsOf(page, limited.msisdn)).filter((r) => r[1] === 'Cota de dados')
  expect(quotaRows).toHaveLength(1)
  expect(quotaRows[0][2]).toBe(`Cota de dados ${Number(limited.amount)} MB`)
  expect(thresholds(quotaRows[0])).toBe(true)
  await screenshot(page, 'h4-notificacoes-cota-de-dados')

  // The receiver of the transfer saved above lists the offer it received, besides its own of the same name.
  const [last] = await query<{ offer: string; package: string; to: number }>(
    'SELECT o.offer AS offer, o.package AS package, t.to_line_id AS "to" FROM transfers t JOIN offers o ON o.id = t.offer_id ORDER BY t.id DESC LIMIT 1',
  )
  const [receiver] = await query<{ msisdn: string }>('SELECT msisdn FROM lines WHERE id = ?', [last.to])
  const [own] = await query<{ n: number }>("SELECT COUNT(*) AS n FROM offers WHERE line_id = ? AND kind = 'individual' AND offer = ? AND package = ?", [last.to, last.offer, last.package])
  const rows = await notificationsOf(page, receiver.msisdn)
  const received = rows.filter((r) => r[1] === last.offer && r[2] === last.package)
  expect(received).toHaveLength(Number(own.n) + 1)
  expect(received.every(thresholds)).toBe(true)
  await screenshot(page, 'h4-notificacoes-oferta-recebida')
})
