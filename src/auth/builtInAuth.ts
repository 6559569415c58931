import type { CollectionBeforeOperationHook, Endpoint, PayloadRequest } from 'payload'
import { Forbidden } from 'payload'
import { failure } from '../http/endpoint'

/**
 * Payload keeps its own auth operations open beside our two-step login (src/collections/Users/endpoints/auth.ts):
 * GraphQL `loginUser`, `forgotPasswordUser`, `resetPasswordUser`, `refreshTokenUser`, and REST
 * `/forgot-password`, `/reset-password`, `/refresh-token`, `/verify/:id`. A one-step login would
 * skip the e-mailed code, the rate limits and the uniform answers, so:
 * - login runs only for our own password check, which marks its request context;
 * - forgot/reset password are closed (recovery is POST /api/users/recover);
 * - refresh extends a session only for a user that may still work (not blocked);
 * - unlock goes through `access.unlock` (src/collections/Users/access/index.ts).
 * The hook guards every interface (REST, GraphQL, Local API) in one place; the REST paths are
 * also answered here so that they give one fixed answer, whatever the body.
 */
const TWO_STEP_LOGIN = 'golTwoStepLogin'

/** Request context for the two-step login's own password check (payload.login). */
export const twoStepLoginContext = { [TWO_STEP_LOGIN]: true }

const CLOSED = 'Operação indisponível. Para entrar use o login com código; para recuperar a senha, POST /api/users/recover.'

const closed = (req: PayloadRequest) => new Forbidden(req.t)

export const guardBuiltInAuth: CollectionBeforeOperationHook = ({ operation, context, req }) => {
  if (operation === 'login' && context?.[TWO_STEP_LOGIN] !== true) throw closed(req)
  if (operation === 'forgotPassword' || operation === 'resetPassword') throw closed(req)
  if (operation === 'refresh' && (!req.user || (req.user as { blocked?: boolean }).blocked)) throw closed(req)
}

const answerClosed: Endpoint['handler'] = () => failure(403, CLOSED)

export const closedAuthEndpoints: Endpoint[] = [
  { path: '/forgot-password', method: 'post', handler: answerClosed },
  { path: '/reset-password', method: 'post', handler: answerClosed },
  { path: '/verify/:id', method: 'post', handler: answerClosed },
]
