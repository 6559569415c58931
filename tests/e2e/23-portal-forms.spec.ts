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
