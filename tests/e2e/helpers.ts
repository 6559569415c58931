/**
 * Shared pieces of the browser tests: the demo logins, the e-mailed code read from the
 * outbox, logging in through the real login page, picking a company, screenshots and
 * confirmation dialogs. New suites (profile wizard, distribution, reports, backups …)
 * import `test` and `expect` from here and ask for a logged page with `loggedPage('admin')`.
 */
import { createClient } from '@libsql/client'
import ExcelJS from 'exceljs'
import { test as base, expect, type Browser, type Page } from '@playwright/test'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'

export { expect }

/** Demo data (src/seed/demo.ts). */
export const DEMO = {
  password: 'Gol@demo2026',
  users: {
    support: '15796071874',
    /** Administrator of CLARO BRASIL DEMO. */
    admin: '34337361898',
    /** Administrator of ALFA LOGÍSTICA LTDA. */
    adminAlfa: '53346128580',
  },
  companies: { claro: 'CLARO BRASIL DEMO', alfa: 'ALFA LOGÍSTICA LTDA' },
} as const

export type DemoUser = keyof typeof DEMO.users

export const dataDir = (): string => {
  const dir = process.env.GOL_E2E_DATA_DIR
  if (!dir) throw new Error('GOL_E2E_DATA_DIR não definido: rode pelo playwright.config.ts')
  return dir
}

export const SCREENS_DIR = path.resolve('test-results/screens')

/** Full-page screenshot of a main screen, as test-results/screens/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true })
  const file = path.join(SCREENS_DIR, `${name}.png`)
  // Payload loads list cells (relationships) as they scroll into view: scroll through once.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
      window.scrollTo(0, y)
      await new Promise((r) => setTimeout(r, 60))
    }
    window.scrollTo(0, document.documentElement.scrollHeight)
  })
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(500)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Direct read access to the test server's SQLite database. */
export function database() {
  return createClient({ url: `file:${path.join(dataDir(), 'gol.db')}` })
}

/**
 * The newest 5-digit login code e-mailed to a user (by CPF) after `since`, read from
 * the outbox (no SMTP_URL in tests). Waits a little for the mail to land.
 */
export async function latestCode(username: string, since: Date, timeoutMs = 15_000): Promise<string> {
  const db = database()
  try {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const user = await db.execute({ sql: 'SELECT email FROM users WHERE username = ?', args: [username] })
      const email = user.rows[0]?.email
      if (email) {
        const mails = await db.execute({
          sql: 'SELECT text, created_at FROM outbox WHERE "to" LIKE ? AND created_at >= ? ORDER BY created_at DESC LIMIT 5',
          args: [`%${String(email)}%`, since.toISOString()],
        })
        for (const row of mails.rows) {
          const match = /(?:c[óo]digo[^\d]*)(\d{5})\b/i.exec(String(row.text ?? ''))
          if (match) return match[1]
        }
      }
      if (Date.now() > deadline) throw new Error(`Nenhum código de acesso no outbox para ${username}`)
      await new Promise((r) => setTimeout(r, 300))
    }
  } finally {
    db.close()
  }
}

/** Logs in through the login page: CPF + password, then the code from the e-mail. */
export async function login(page: Page, who: DemoUser | string, password: string = DEMO.password): Promise<void> {
  const username = who in DEMO.users ? DEMO.users[who as DemoUser] : who
  // The code must be newer than this instant (clock of the same machine; a second of slack).
  const since = new Date(Date.now() - 1000)
  await page.goto('/admin/login')
  await page.getByLabel('Usuário (CPF)').fill(username)
  await page.getByLabel('Senha', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page.getByLabel('Código de acesso')).toBeVisible()
  const code = await latestCode(username, since)
  await page.getByLabel('Código de acesso').fill(code)
  await page.getByRole('button', { name: 'Confirmar' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
}

/**
 * Makes `companyName` the company the session works on (A5): through the picker when it
 * is on screen, otherwise through the same endpoint the picker calls.
 */
export async function pickCompany(page: Page, companyName: string): Promise<void> {
  const picker = page.getByRole('heading', { name: 'Seleção de empresa' })
  if (await picker.isVisible().catch(() => false)) {
    await page.getByRole('row').filter({ hasText: companyName }).getByRole('button', { name: 'Selecionar' }).click()
    await page.waitForURL((url) => !url.pathname.endsWith('/empresa'))
    return
  }
  // From the page itself, so the request carries the browser's Origin (Payload's CSRF check).
  const result = await page.evaluate(async (name) => {
    const list = await fetch('/api/users/companies', { credentials: 'include' })
    if (!list.ok) return `GET /api/users/companies: ${list.status}`
    const { docs } = (await list.json()) as { docs: { id: number | string; name: string }[] }
    const company = docs.find((c) => c.name === name)
    if (!company) return `Empresa ${name} não está entre as do usuário`
    const res = await fetch('/api/users/select-company', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ company: company.id }),
    })
    return res.ok ? 'ok' : `POST /api/users/select-company: ${res.status}`
  }, companyName)
  expect(result).toBe('ok')
}

const stateFile = (who: string, company?: string) =>
  path.join(dataDir(), `state-${who}${company ? '-' + company.replace(/\W+/g, '_') : ''}.json`)

/**
 * A page logged in as a demo user (and working on `company`, when given). The first call
 * logs in through the UI; later ones reuse the saved session, so the login rate limits
 * are never reached.
 */
export async function loggedPage(browser: Browser, who: DemoUser, company?: string): Promise<Page> {
  const file = stateFile(who, company)
  if (existsSync(file)) {
    const context = await browser.newContext({ storageState: file })
    const page = await context.newPage()
    // The selected company is kept on the server, per user: an earlier test may have picked another.
    if (company) await page.goto('/api/users/me').then(() => pickCompany(page, company))
    return page
  }
  const context = await browser.newContext()
  const page = await context.newPage()
  await login(page, who)
  if (company) await pickCompany(page, company)
  await context.storageState({ path: file })
  return page
}

/** Clicks a button that asks for confirmation, and confirms it in our dialog. */
export async function confirmAction(page: Page, button: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: button }).first().click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Confirmar' }).click()
  await expect(dialog).toBeHidden()
}

/** `test` with an `adminPage` fixture: the admin of CLARO BRASIL DEMO, already logged in. */
export const test = base.extend<{ adminPage: Page; supportPage: Page }>({
  adminPage: async ({ browser }, use) => {
    const page = await loggedPage(browser, 'admin', DEMO.companies.claro)
    await use(page)
    await page.context().close()
  },
  supportPage: async ({ browser }, use) => {
    const page = await loggedPage(browser, 'support', DEMO.companies.claro)
    await use(page)
    await page.context().close()
  },
})

/** Runs `action` and returns the file it downloads (reports, backups), saved under test-results/downloads. */
export async function download(page: Page, action: () => Promise<unknown>): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), action()])
  const target = path.resolve('test-results/downloads', file.suggestedFilename())
  await file.saveAs(target)
  return { name: file.suggestedFilename(), path: target }
}

/** The id of a demo company's n-th line (in creation order; the first 20 have individual offers). */
export async function demoLineId(company: string = DEMO.companies.claro, index = 0): Promise<number> {
  const db = database()
  try {
    const res = await db.execute({
      sql: 'SELECT l.id FROM lines l JOIN companies c ON c.id = l.company_id WHERE c.name = ? ORDER BY l.id LIMIT 1 OFFSET ?',
      args: [company, index],
    })
    return Number(res.rows[0]?.id)
  } finally {
    db.close()
  }
}

/** The id of a demo company, by name. */
export async function demoCompanyId(company: string = DEMO.companies.claro): Promise<number> {
  const db = database()
  try {
    const res = await db.execute({ sql: 'SELECT id FROM companies WHERE name = ?', args: [company] })
    return Number(res.rows[0]?.id)
  } finally {
    db.close()
  }
}

/** A REST call from inside the page (the session cookie and the Origin Payload's CSRF check wants). */
export async function apiFromPage<T = unknown>(page: Page, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; data: T }> {
  // A fresh page is on about:blank, where a relative URL means nothing: open the admin first.
  if (!page.url().startsWith('http')) await page.goto('/admin')
  return page.evaluate(
    async ({ path, init }) => {
      const res = await fetch(`/api${path}`, {
        method: init.method ?? 'GET',
        credentials: 'include',
        headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      })
      return { status: res.status, data: await res.json().catch(() => null) }
    },
    { path, init },
  )
}

/** Rows of the demo database (the server's embedded file). */
export async function query<T = Record<string, unknown>>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  const db = database()
  try {
    return (await db.execute({ sql, args })).rows as unknown as T[]
  } finally {
    db.close()
  }
}

/** The first sheet of a downloaded .xlsx, cells as text. */
export async function readSheet(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const rows: string[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))))
  return rows
}
