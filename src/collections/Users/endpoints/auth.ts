import { createHash, createHmac, pbkdf2 as pbkdf2Callback, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import type { Endpoint, Payload, PayloadHandler, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'
import { generatePayloadCookie, getFieldsToSign, jwtSign } from 'payload'
import { addSessionToUser } from 'payload/shared'
import { actorOf } from '../../../access/policy'
import { auditLockoutIfLocked, auditLogin, lockedNow } from '../../../hooks/audit/events'
import { companyIdsOf, idOf, isSupport, type AccessUser } from '../../../access/roles'
import { twoStepLoginContext } from '../../../auth/builtInAuth'
import { clientAddress } from '../../../auth/clientAddress'
import { consume, RateLimited } from '../../../auth/rateLimit'
import { startRecovery, useRecovery } from '../../../auth/recovery'
import { otpEmail } from '../../../auth/templates'
import { dataOf, failure, json } from '../../../http/endpoint'
import { relationId } from '../../../domain/ids'
import type { User } from '../../../payload-types'

/**
 * The access flows of SPEC A, as custom endpoints of `users`. Custom endpoints come
 * before Payload's own in the collection's endpoint list (collections/config/sanitize),
 * so `POST /api/users/login` here replaces the built-in one-step login.
 */
/** Kept here too for the modules that import it from the endpoints. */
export { temporaryPassword } from '../../../auth/passwords'

export const OTP_TTL_SECONDS = 180
export const OTP_MAX_TRIES = 5
/** Failed answers never return sooner than this, so an unknown CPF and a wrong password look alike. */
const FAILURE_FLOOR_MS = 800

const GENERIC_LOGIN_ERROR = 'CPF ou senha inválidos, ou acesso bloqueado.'
const GENERIC_OTP_ERROR = 'Código inválido ou expirado. Se o problema continuar, faça login novamente.'
const RECOVER_ANSWER = 'Se o CPF e o e-mail forem de um usuário cadastrado, ele receberá uma senha temporária em instantes.'

type UserDoc = AccessUser & { email?: string; username?: string; firstName?: string; blocked?: boolean; mustChangePassword?: boolean; sessions?: unknown[] }

const pbkdf2 = promisify(pbkdf2Callback)
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const codeHash = (payload: Payload, challenge: string, code: string) => createHmac('sha256', payload.secret).update(`${challenge}:${code}`).digest('hex')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Waits so that the answer takes at least the floor (plus jitter) since `start`. */
const padFrom = async (start: number) => {
  const wait = FAILURE_FLOOR_MS + randomInt(0, 50) - (performance.now() - start)
  if (wait > 0) await sleep(wait)
}

const tooMany = (e: RateLimited) => json({ errors: [{ message: e.message }] }, 429, { 'retry-after': String(e.retryAfterSeconds) })
const fail = (message: string, status = 401) => failure(status, message)

const bodyOf = (req: PayloadRequest) => dataOf(req)

const usersConfig = (payload: Payload): SanitizedCollectionConfig => payload.collections.users.config

/** Drops a session created by payload.login when the password check alone was wanted. */
async function dropSession(payload: Payload, token: string, userId: string | number) {
  const sid = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}') as { sid?: string }).sid
  if (!sid) return
  const raw = (await payload.db.findOne({ collection: 'users', where: { id: { equals: userId } } })) as UserDoc | null
  if (!raw?.sessions) return
  await payload.db.updateOne({
    collection: 'users',
    id: userId,
    data: { sessions: (raw.sessions as { id: string }[]).filter((s) => s.id !== sid) },
    returning: false,
  })
}

/**
 * Checks username + password with Payload's own login (hash, lockout after
 * maxLoginAttempts, beforeLogin hooks) and discards the session it opens.
 */
async function checkPassword(payload: Payload, username: string, password: string): Promise<UserDoc | null> {
  try {
    const result = await payload.login({ collection: 'users', data: { username, password }, depth: 0, overrideAccess: true, context: twoStepLoginContext })
    if (result.token && result.user) await dropSession(payload, result.token, result.user.id)
    return (result.user as unknown as UserDoc) ?? null
  } catch {
    // An unknown login costs one password hash too, so its timing matches a wrong password's.
    const known = await payload.db.findOne({ collection: 'users', where: { username: { equals: username } } }).catch(() => null)
    if (!known) await pbkdf2(password, 'gol-timing-equaliser', 600_000, 32, 'sha256').catch(() => undefined)
    return null
  }
}

/** The user whose pending recovery's temporary password this is, once it is put to use (A3). */
async function recoveredUser(payload: Payload, username: string, password: string): Promise<UserDoc | null> {
  const known = (await payload.db.findOne({ collection: 'users', where: { username: { equals: username } } })) as UserDoc | null
  if (!known || known.blocked || !(await useRecovery(payload, known.id, password))) return null
  return (await payload.findByID({ collection: 'users', id: known.id, depth: 0, overrideAccess: true })) as unknown as UserDoc
}

/** Mints the session token exactly like Payload's login does (session + signed fields). */
async function mintToken(req: PayloadRequest, userId: string | number) {
  const { payload } = req
  const config = usersConfig(payload)
  const raw = await payload.db.findOne<User>({ collection: 'users', where: { id: { equals: userId } }, req })
  if (!raw) throw new Error(`user ${userId} vanished while logging in`)
  const { sid } = await addSessionToUser({ collectionConfig: config, payload, req, user: { ...raw, collection: 'users' } })
  const fieldsToSign = getFieldsToSign({ collectionConfig: config, email: raw.email, sid, user: { ...raw, collection: 'users' } })
  const { exp, token } = await jwtSign({ fieldsToSign, secret: payload.secret, tokenExpiration: config.auth.tokenExpiration })
  const user = await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, req })
  const cookie = generatePayloadCookie({ collectionAuthConfig: config.auth, cookiePrefix: payload.config.cookiePrefix, token })
  return { exp, token, user, cookie }
}

const login: PayloadHandler = async (req) => {
  const start = performance.now()
  const { username, password } = await bodyOf(req)
  const account = typeof username === 'string' ? username.replace(/\D/g, '') : ''
  try {
    await consume([
      ['loginIp', clientAddress(req.headers)],
      ['loginAccount', account || undefined],
    ])
  } catch (e) {
    if (e instanceof RateLimited) return tooMany(e)
    throw e
  }
  const lockedBefore = await lockedNow(req.payload, account)
  const user = account && typeof password === 'string' ? ((await checkPassword(req.payload, account, password)) ?? (await recoveredUser(req.payload, account, password))) : null
  if (!user || user.blocked) {
    await auditLockoutIfLocked(req.payload, account, lockedBefore)
    await padFrom(start)
    return fail(GENERIC_LOGIN_ERROR)
  }
  const challenge = randomBytes(24).toString('base64url')
  const code = String(randomInt(0, 100_000)).padStart(5, '0')
  await req.payload.create({
    collection: 'login-challenges',
    data: {
      challengeHash: sha256(challenge),
      user: relationId(user.id),
      codeHash: codeHash(req.payload, challenge, code),
      expiresAt: new Date(Date.now() + OTP_TTL_SECONDS * 1000).toISOString(),
      attempts: 0,
    },
    overrideAccess: true,
  })
  const mail = otpEmail(user.firstName ?? '', code, OTP_TTL_SECONDS / 60)
  await req.payload.sendEmail({ to: user.email, ...mail })
  return json({ otpRequired: true, challenge, expiresIn: OTP_TTL_SECONDS })
}

const loginOtp: PayloadHandler = async (req) => {
  const start = performance.now()
  const { challenge, code } = await bodyOf(req)
  try {
    await consume([['otpIp', clientAddress(req.headers)]])
  } catch (e) {
    if (e instanceof RateLimited) return tooMany(e)
    throw e
  }
  if (typeof challenge !== 'string' || typeof code !== 'string' || !/^\d{5}$/.test(code)) {
    await padFrom(start)
    return fail(GENERIC_OTP_ERROR)
  }
  const { payload } = req
  const found = await payload.find({ collection: 'login-challenges', where: { challengeHash: { equals: sha256(challenge) } }, limit: 1, depth: 0, overrideAccess: true })
  const doc = found.docs[0] as unknown as { id: string | number; user: unknown; codeHash: string; expiresAt: string; attempts: number } | undefined
  if (!doc || new Date(doc.expiresAt).getTime() <= Date.now() || doc.attempts >= OTP_MAX_TRIES) {
    if (doc) await payload.delete({ collection: 'login-challenges', id: doc.id, overrideAccess: true })
    await padFrom(start)
    return fail(GENERIC_OTP_ERROR)
  }
  const given = Buffer.from(codeHash(payload, challenge, code), 'hex')
  const stored = Buffer.from(doc.codeHash, 'hex')
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
    const attempts = doc.attempts + 1
    if (attempts >= OTP_MAX_TRIES) await payload.delete({ collection: 'login-challenges', id: doc.id, overrideAccess: true })
    else await payload.update({ collection: 'login-challenges', id: doc.id, data: { attempts }, overrideAccess: true })
    await padFrom(start)
    return fail(GENERIC_OTP_ERROR)
  }
  // Single use: the challenge is gone before the token exists; a concurrent second use finds nothing to delete.
  const removed = await payload.db.deleteMany({ collection: 'login-challenges', where: { id: { equals: doc.id } } }).then(
    () => true,
    () => false,
  )
  const userId = idOf(doc.user)
  const user = userId == null ? null : ((await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, disableErrors: true })) as UserDoc | null)
  if (!removed || !user || user.blocked) return fail(GENERIC_OTP_ERROR)
  const minted = await mintToken(req, user.id)
  await auditLogin(payload, user)
  return json(
    { message: 'Autenticado', token: minted.token, exp: minted.exp, user: minted.user, mustChangePassword: Boolean(user.mustChangePassword) },
    200,
    { 'set-cookie': minted.cookie as string },
  )
}

const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,}$/

/**
 * Sets a new password and answers a new token (the old sessions end). With a temporary
 * password the token is enough; otherwise the current password is checked.
 */
const changePassword: PayloadHandler = async (req) => {
  const user = req.user as UserDoc | null
  if (!user || user.blocked || (user as { collection?: string }).collection !== 'users') return fail('Faça login para trocar a senha.')
  const { currentPassword, newPassword } = await bodyOf(req)
  if (typeof newPassword !== 'string' || !PASSWORD_RULE.test(newPassword)) {
    return fail('A nova senha deve ter ao menos 8 caracteres, com letras e números.', 400)
  }
  if (!user.mustChangePassword) {
    const ok = typeof currentPassword === 'string' && (await checkPassword(req.payload, String(user.username), currentPassword))
    if (!ok) return fail('Senha atual incorreta.', 400)
  }
  if (typeof currentPassword === 'string' && currentPassword === newPassword) return fail('A nova senha deve ser diferente da atual.', 400)
  await req.payload.update({ collection: 'users', id: user.id, data: { password: newPassword, mustChangePassword: false }, overrideAccess: true })
  // Payload ends the user's sessions when the password changes: this one continues with a new token.
  const minted = await mintToken(req, user.id)
  return json({ message: 'Senha alterada.', token: minted.token, exp: minted.exp, user: minted.user }, 200, { 'set-cookie': minted.cookie as string })
}

const fieldErrors = (errors: { path: string; message: string }[]) =>
  json({ errors: [{ message: 'Dados inválidos.', data: { errors } }] }, 400)

/**
 * A3: a temporary password by e-mail for the account named by CPF *and* e-mail (e-mail alone
 * is not unique across companies); the same answer whether or not they match. The current
 * password keeps working until the temporary one is used (src/auth/recovery.ts).
 */
const recover: PayloadHandler = async (req) => {
  const start = performance.now()
  const { username, email } = await bodyOf(req)
  const account = typeof username === 'string' ? username.replace(/\D/g, '') : ''
  const address = typeof email === 'string' ? email.trim().toLowerCase() : ''
  const missing = [
    ...(account.length === 11 ? [] : [{ path: 'username', message: 'Informe o CPF (11 dígitos).' }]),
    ...(address.includes('@') ? [] : [{ path: 'email', message: 'Informe o e-mail cadastrado.' }]),
  ]
  if (missing.length) return fieldErrors(missing)
  try {
    await consume([
      ['recoverIp', clientAddress(req.headers)],
      ['recoverAccount', account],
    ])
  } catch (e) {
    if (e instanceof RateLimited) return tooMany(e)
    throw e
  }
  const { payload } = req
  const found = await payload.find({ collection: 'users', where: { and: [{ username: { equals: account } }, { email: { equals: address } }] }, limit: 1, depth: 0, overrideAccess: true })
  const user = found.docs[0] as unknown as UserDoc | undefined
  if (user && !user.blocked && user.email) {
    // Not awaited: hashing and sending would make a known account answer slower than an unknown one.
    void startRecovery(payload, user).catch((err: unknown) => payload.logger.error({ err, msg: 'recuperação de senha: falha ao gerar ou enviar a senha temporária' }))
  }
  await padFrom(start)
  return json({ message: RECOVER_ANSWER })
}

/** A5: the companies the logged user may pick. */
async function companiesOf(req: PayloadRequest, user: AccessUser) {
  const where: Where = isSupport(user) ? {} : { id: { in: companyIdsOf(user, { all: true }) } }
  const found = await req.payload.find({ collection: 'companies', where, limit: 1000, depth: 0, overrideAccess: true, sort: 'name' })
  return found.docs.map(({ id, cnpj, name, clientNumber, status }) => ({ id, cnpj, name, clientNumber, status }))
}

const listCompanies: PayloadHandler = async (req) => {
  const user = actorOf(req)
  if (!user) return fail('Faça login.', 401)
  return json({ docs: await companiesOf(req, user), selected: idOf((user as { selectedCompany?: unknown }).selectedCompany) ?? null })
}

const selectCompany: PayloadHandler = async (req) => {
  const user = actorOf(req)
  if (!user) return fail('Faça login.', 401)
  const { company } = await bodyOf(req)
  const choice = (await companiesOf(req, user)).find((c) => String(c.id) === String(company))
  if (!choice) return fail('Empresa não encontrada entre as suas.', 403)
  await req.payload.update({ collection: 'users', id: user.id, data: { selectedCompany: relationId(choice.id) }, overrideAccess: true })
  return json({ message: 'Empresa selecionada.', company: choice })
}

export const authEndpoints: Endpoint[] = [
  { path: '/login', method: 'post', handler: login },
  { path: '/login/otp', method: 'post', handler: loginOtp },
  { path: '/recover', method: 'post', handler: recover },
  { path: '/change-password', method: 'post', handler: changePassword },
  { path: '/companies', method: 'get', handler: listCompanies },
  { path: '/select-company', method: 'post', handler: selectCompany },
]
