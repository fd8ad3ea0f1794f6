import type { NextRequest } from 'next/server'

import { NextResponse } from 'next/server'

const LANGUAGE_COOKIE = 'payload-lng'

/**
 * Payload picks the admin language from its cookie, then from the browser's Accept-Language. A
 * Korean newsroom wants Korean whatever the browser says, until a user picks English in their
 * account settings (which sets the cookie), so the cookie defaults to `ko` here.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  const headers = new Headers(request.headers)
  const cookie = headers.get('cookie')
  headers.set('cookie', `${cookie ? `${cookie}; ` : ''}${LANGUAGE_COOKIE}=ko`)
  const response = NextResponse.next({ request: { headers } })
  response.cookies.set(LANGUAGE_COOKIE, 'ko', {
    path: '/',
    sameSite: 'lax',
    maxAge: 60 * 60 * 24 * 365,
  })
  return response
}

export const config = { matcher: ['/admin/:path*'] }
