/**
 * Issue 13, the guide's forms: a user created in the admin without typing a password (I) gets
 * the e-mailed temporary one; the Claro Pós transfer (G) shows what the origin line has left of
 * the offer and refuses more before saving.
 */
import { DEMO, expect, query, screenshot, test } from './helpers'

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
