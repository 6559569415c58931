import { NextResponse, type NextRequest } from 'next/server'

const LANGUAGE_COOKIE = 'payload-lng'

/**
 * The admin speaks pt-BR by default (SPEC), whatever the browser asks for; Payload
 * would otherwise follow Accept-Language. A user who picks English in the account
 * page keeps that choice in the same cookie.
 */
export function proxy(req: NextRequest) {
  if (req.cookies.get(LANGUAGE_COOKIE)) return NextResponse.next()
  const headers = new Headers(req.headers)
  headers.set('cookie', [req.headers.get('cookie'), `${LANGUAGE_COOKIE}=pt`].filter(Boolean).join('; '))
  const res = NextResponse.next({ request: { headers } })
  res.cookies.set(LANGUAGE_COOKIE, 'pt', { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' })
  return res
}

export const config = { matcher: ['/admin/:path*'] }
