import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { generateCpf } from '../../../src/validation/generate'
import { markStamped } from '../../../src/lib/peer.mjs'
import { startTestApp, type TestApp } from '../../helpers/app'
import { fromPeer } from '../../helpers/security'
import { makeWorld, PASSWORD, type World } from '../../helpers/world'

/**
 * A2, A3, A5, A6 end to end: the app sends real mail through SMTP (SMTP_URL) to a
 * server started here on loopback, and the tests read the code from the message.
 */
interface Mail {
  to: string[]
  raw: string
}
const inbox: Mail[] = []
let smtp: SMTPServer
let app: TestApp
let world: World
/** A distinct client address per call keeps the per-address limits out of the way, except where tested. */
const freshIp = () => fromPeer()

const decode = (raw: string): string => {
  const qp = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
  const b64 = raw
    .split(/\r?\n/)
    .filter((l) => /^[A-Za-z0-9+/=]{16,}$/.test(l))
    .join('')
  return `${Buffer.from(qp, 'latin1').toString('utf8')}\n${Buffer.from(b64, 'base64').toString('utf8')}`
}

async function nextMail(to: string, since: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mail = inbox.slice(since).find((m) => m.to.includes(to))
    if (mail) return decode(mail.raw)
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`no mail for ${to}`)
}

const post = (path: string, body: unknown, headers: Record<string, string> = freshIp(), token?: string) =>
  app.rest.request('POST', path, { body, headers, token })

async function startLogin(user: any, password = PASSWORD): Promise<{ challenge: string; code: string }> {
  const since = inbox.length
  const res = await post('/users/login', { username: user.username, password })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(res.body).toMatchObject({ otpRequired: true })
  expect(typeof res.body.challenge).toBe('string')
  const text = await nextMail(user.email, since)
  expect(text).toContain('Seu código de acesso ao GOL - Gestor Online é')
  const code = /Gestor Online é: (\d{5})/.exec(text)?.[1]
  expect(code).toMatch(/^\d{5}$/)
  return { challenge: res.body.challenge, code: code! }
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (d: Buffer) => (raw += d.toString('latin1')))
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const { port } = (smtp as unknown as { server: { address: () => { port: number } } }).server.address()
  app = await startTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } })
  world = await makeWorld(app.payload)
  markStamped() // the route handlers are called directly: the tests stamp the peer address as server.mjs does
})
afterAll(async () => {
  await app?.close()
  await new Promise<void>((resolve) => smtp?.close(() => resolve()))
})

describe('login with an e-mailed code (A2)', () => {
  it('password, then the 5-digit code from the e-mail, gives a token Payload accepts', async () => {
    const user = world.a.users.admin
    const { challenge, code } = await startLogin(user)
    const res = await post('/users/login/otp', { challenge, code })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ token: expect.any(String), exp: expect.any(Number), user: { id: user.id } })
    expect(res.body.user.hash).toBeUndefined()
    const me = await app.rest.get('/users/me', res.body.token)
    expect(me.body.user?.id).toEqual(user.id)
    const lines = await app.rest.get('/lines?limit=100', res.body.token)
    expect(lines.status).toBe(200)
    expect(lines.body.totalDocs).toBe(4)
    // single use
    const again = await post('/users/login/otp', { challenge, code })
    expect(again.status).toBe(401)
  })

  it('the code is stored hashed, never in clear', async () => {
    const { challenge, code } = await startLogin(world.a.users.viewer)
    const stored = await app.payload.find({ collection: 'login-challenges' as never, overrideAccess: true, limit: 100 })
    expect(JSON.stringify(stored.docs)).not.toContain(challenge)
    expect(stored.docs.some((d: any) => d.codeHash === code)).toBe(false)
    expect((await post('/users/login/otp', { challenge, code })).status).toBe(200)
  })

  it('refuses a wrong code and, after 5 wrong tries, even the right one', async () => {
    const { challenge, code } = await startLogin(world.a.users.subadmin)
    const wrong = code === '00000' ? '11111' : '00000'
    for (let i = 0; i < 5; i++) {
      const res = await post('/users/login/otp', { challenge, code: wrong })
      expect(res.status).toBe(401)
      expect(res.body.token).toBeUndefined()
    }
    expect((await post('/users/login/otp', { challenge, code })).status).toBe(401)
  })

  it('refuses an expired code (180 s)', async () => {
    const { challenge, code } = await startLogin(world.b.users.admin)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 181_000)
      expect((await post('/users/login/otp', { challenge, code })).status).toBe(401)
    } finally {
      vi.useRealTimers()
    }
    // still valid just before the limit
    const fresh = await startLogin(world.b.users.admin)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 170_000)
      expect((await post('/users/login/otp', fresh)).status).toBe(200)
    } finally {
      vi.useRealTimers()
    }
  })

  it('a wrong password and an unknown CPF get the same answer in similar time, and no e-mail', async () => {
    const since = inbox.length
    const time = async (username: string) => {
      const t = performance.now()
      const res = await post('/users/login', { username, password: 'Errada@123' })
      return { res, ms: performance.now() - t }
    }
    // Three interleaved pairs, compared by their medians: one sample each is at the mercy of
    // whatever else the machine does during that one request.
    // Its own user: the wrong passwords here must not count against another test's user.
    const known = await app.payload.create({
      collection: 'users',
      data: { username: generateCpf(world.rng), email: 'tempo.login@example.com', password: PASSWORD, firstName: 'T', lastName: 'T', role: 'viewer', companies: [world.b.company.id] } as never,
      overrideAccess: true,
    })
    const pairs = []
    for (let i = 0; i < 3; i++) pairs.push([await time(known.username as string), await time(generateCpf(world.rng))])
    const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[1]
    for (const [wrong, unknown] of pairs) {
      expect(wrong.res.status).toBe(401)
      expect(unknown.res.status).toBe(401)
      expect(unknown.res.body).toEqual(wrong.res.body)
      expect(wrong.ms).toBeGreaterThanOrEqual(790)
      expect(unknown.ms).toBeGreaterThanOrEqual(790)
    }
    const [wrongMs, unknownMs] = [median(pairs.map((p) => p[0].ms)), median(pairs.map((p) => p[1].ms))]
    expect(Math.abs(wrongMs - unknownMs)).toBeLessThan(250)
    expect(inbox.length).toBe(since)
  })

  it('a blocked user cannot log in nor use a token it already had', async () => {
    const user = world.b.users.subadmin
    const { challenge, code } = await startLogin(user)
    const token = (await post('/users/login/otp', { challenge, code })).body.token
    expect((await app.rest.get('/lines', token)).status).toBe(200)
    await app.payload.update({ collection: 'users', id: user.id, data: { blocked: true } as never, overrideAccess: true })
    expect((await app.rest.get('/lines', token)).status).toBe(403)
    expect((await app.rest.gql('{ Lines { docs { id } } }', {}, token)).body.data?.Lines ?? null).toBeNull()
    const login = await post('/users/login', { username: user.username, password: PASSWORD })
    expect(login.status).toBe(401)
    await app.payload.update({ collection: 'users', id: user.id, data: { blocked: false } as never, overrideAccess: true })
  })
})

describe('recovery (A3) and temporary passwords (A1)', () => {
  it('answers the same for an unknown and a known e-mail; the known one gets a temporary password', async () => {
    const user = world.a.users.viewer
    const since = inbox.length
    const unknown = await post('/users/recover', { username: generateCpf(world.rng), email: 'ninguem@example.com' })
    const known = await post('/users/recover', { username: user.username, email: user.email })
    expect(unknown.status).toBe(200)
    expect(known.status).toBe(200)
    expect(known.body).toEqual(unknown.body)
    const timingUser = await app.payload.create({
      collection: 'users',
      data: { username: generateCpf(world.rng), email: 'tempo@example.com', password: PASSWORD, firstName: 'T', lastName: 'T', role: 'viewer', companies: [world.a.company.id] } as never,
      overrideAccess: true,
    })
    const t0 = performance.now()
    await post('/users/recover', { username: generateCpf(world.rng), email: 'outro.ninguem@example.com' })
    const tUnknown = performance.now() - t0
    const t1 = performance.now()
    await post('/users/recover', { username: timingUser.username, email: timingUser.email })
    const tKnown = performance.now() - t1
    expect(Math.abs(tKnown - tUnknown)).toBeLessThan(250)
    const text = await nextMail(user.email, since)
    expect(inbox.slice(since).filter((m) => m.to.includes('ninguem@example.com'))).toHaveLength(0)
    const temporary = /senha temporária é: (\S+)/.exec(text)?.[1]
    expect(temporary).toBeDefined()
    // the temporary password replaces the old one when it is used (tests/integration/security/recovery.test.ts)
    const { challenge, code } = await startLogin(user, temporary)
    expect((await post('/users/login', { username: user.username, password: PASSWORD })).status).toBe(401)
    const res = await post('/users/login/otp', { challenge, code })
    expect(res.body.mustChangePassword).toBe(true)
    // a token with a temporary password opens nothing but the password change
    expect((await app.rest.get('/lines', res.body.token)).status).toBe(403)
    expect((await post('/users/change-password', { newPassword: 'curta' }, freshIp(), res.body.token)).status).toBe(400)
    const changed = await post('/users/change-password', { newPassword: PASSWORD }, freshIp(), res.body.token)
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    // the password change ends the old sessions and hands a new token
    expect((await app.rest.get('/lines', res.body.token)).status).toBe(403)
    expect((await app.rest.get('/lines', changed.body.token)).status).toBe(200)
    const next = await startLogin(user)
    expect((await post('/users/login/otp', next)).body.mustChangePassword).toBe(false)
  })

  it('works for a user locked by wrong passwords', async () => {
    const user = world.b.users.viewer
    for (let i = 0; i < 6; i++) await post('/users/login', { username: user.username, password: 'Errada@123' })
    // locked: even the right password fails
    expect((await post('/users/login', { username: user.username, password: PASSWORD })).status).toBe(401)
    const since = inbox.length
    expect((await post('/users/recover', { username: user.username, email: user.email })).status).toBe(200)
    const temporary = /senha temporária é: (\S+)/.exec(await nextMail(user.email, since))?.[1]
    const { challenge, code } = await startLogin(user, temporary)
    expect((await post('/users/login/otp', { challenge, code })).status).toBe(200)
  })

  it('changing a normal password needs the current one', async () => {
    const user = world.a.users.subadmin
    const { challenge, code } = await startLogin(user)
    const token = (await post('/users/login/otp', { challenge, code })).body.token
    expect((await post('/users/change-password', { currentPassword: 'Errada@123', newPassword: 'Nova@Senha1' }, freshIp(), token)).status).toBe(400)
    const first = await post('/users/change-password', { currentPassword: PASSWORD, newPassword: 'Nova@Senha1' }, freshIp(), token)
    expect(first.status).toBe(200)
    expect((await post('/users/change-password', { currentPassword: 'Nova@Senha1', newPassword: PASSWORD }, freshIp(), first.body.token)).status).toBe(200)
  })
})

describe('user administration (I) and API keys', () => {
  it('a user created without password gets a temporary one by e-mail and must replace it', async () => {
    const admin = world.a.users.admin
    const first = await startLogin(admin)
    const token = (await post('/users/login/otp', first)).body.token
    const since = inbox.length
    const username = generateCpf(world.rng)
    const created = await post(
      '/users',
      { username, email: 'novo.usuario@example.com', firstName: 'Novo', lastName: 'Usuário', role: 'viewer', companies: [world.a.company.id], departments: [world.a.departments[1].id] },
      freshIp(),
      token,
    )
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const text = await nextMail('novo.usuario@example.com', since)
    const temporary = /senha temporária é: (\S+)/.exec(text)?.[1]
    expect(temporary).toBeDefined()
    const user = { ...created.body.doc, username }
    const login = await startLogin(user, temporary)
    const res = await post('/users/login/otp', login)
    expect(res.body.mustChangePassword).toBe(true)
    expect((await app.rest.get('/lines', res.body.token)).status).toBe(403)
  })

  it('an API key skips the code and is scoped like its user', async () => {
    const user = world.b.users.admin
    const key = 'b-admin-integration-key-0123456789'
    await app.payload.update({ collection: 'users', id: user.id, data: { enableAPIKey: true, apiKey: key } as never, overrideAccess: true })
    const res = await app.rest.get('/lines?limit=100&depth=0', `users API-Key ${key}`)
    expect(res.status).toBe(200)
    expect(res.body.totalDocs).toBe(4)
    for (const line of res.body.docs) expect(line.company).toEqual(world.b.company.id)
    expect((await app.rest.get(`/lines/${world.a.lines[0].id}`, `users API-Key ${key}`)).status).toBe(404)
  })
})

describe('rate limits (A6)', () => {
  it('per client address on login', async () => {
    const headers = fromPeer('192.0.2.10')
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) statuses.push((await post('/users/login', { username: generateCpf(world.rng), password: 'x' }, headers)).status)
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(30)).toEqual([429, 429])
  }, 60_000)

  it('per account on login, whatever the address', async () => {
    const username = generateCpf(world.rng)
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await post('/users/login', { username, password: 'x' })).status)
    expect(statuses.at(-1)).toBe(429)
  }, 60_000)

  it('per account on recovery', async () => {
    const statuses: number[] = []
    const username = generateCpf(world.rng)
    for (let i = 0; i < 4; i++) statuses.push((await post('/users/recover', { username, email: 'limite@example.com' })).status)
    expect(statuses).toEqual([200, 200, 200, 429])
  })
})

describe('company selection (A5)', () => {
  it('lists the user companies and selects only one of them', async () => {
    const { challenge, code } = await startLogin(world.a.users.admin)
    const token = (await post('/users/login/otp', { challenge, code })).body.token
    const list = await app.rest.get('/users/companies', token)
    expect(list.status).toBe(200)
    expect(list.body.docs).toEqual([
      { id: world.a.company.id, cnpj: world.a.company.cnpj, name: world.a.company.name, clientNumber: world.a.company.clientNumber, status: 'active' },
    ])
    expect((await post('/users/select-company', { company: world.b.company.id }, freshIp(), token)).status).toBe(403)
    const ok = await post('/users/select-company', { company: world.a.company.id }, freshIp(), token)
    expect(ok.status).toBe(200)
    expect((await app.rest.get('/users/companies', token)).body.selected).toEqual(world.a.company.id)
    expect((await app.rest.get('/users/companies')).status).toBe(401)
  })
})
