import type { SanitizedConfig, TypedUser } from 'payload'

import { getPayload } from 'payload'

import type { Lock } from './lockRule'

import { errorResponse } from '../../src/http/errorResponse'
import { isAllowedLock, isOwnLock, LOCKS_SLUG } from './lockRule'
import { hasRole } from './roles'

type Handler = (request: Request) => Promise<Response>

const refuse = (language: 'en' | 'ko'): Response =>
  errorResponse(
    403,
    'FORBIDDEN',
    language === 'en'
      ? 'An edit lock can only be taken in your own name, on a document you may edit, and released by its holder.'
      : '편집 잠금은 편집할 수 있는 문서에 자기 이름으로만 걸 수 있고, 건 사람만 풀 수 있습니다.',
  )

/** The JSON body, or null: Payload also reads a multipart `_payload` field, which this guard does not accept. */
const jsonBody = async (request: Request): Promise<null | Record<string, unknown>> => {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json'))
    return null
  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as unknown
  return body && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : null
}

/**
 * Payload builds `payload-locked-documents` itself during sanitisation, with "any logged-in user"
 * access and no option to change it (3.90), so its REST route is guarded in front of Payload's
 * handler: staff read locks (the admin shows who is editing); a lock is created or taken over only
 * in one's own name on a document one may edit (lockRule.ts); only its holder releases it; bulk
 * writes and duplicates of locks are refused. Other paths pass straight through.
 */
export const withLockRule =
  (config: Promise<SanitizedConfig> | SanitizedConfig, handler: Handler): Handler =>
  async (request) => {
    const payload = await getPayload({ config })
    const prefix = `${payload.config.routes.api}/${LOCKS_SLUG}`
    const { pathname } = new URL(request.url)
    if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return handler(request)

    const method = request.method.toUpperCase()
    if (method === 'OPTIONS') return handler(request)
    const { user } = await payload.auth({ headers: request.headers })
    // Anonymous requests meet Payload's own access, which refuses them.
    if (!user) return handler(request)
    const staff = user as TypedUser
    const language = request.headers.get('accept-language')?.toLowerCase().startsWith('en')
      ? 'en'
      : 'ko'
    const isRead =
      method === 'GET' ||
      (method === 'POST' &&
        [
          request.headers.get('x-payload-http-method-override'),
          request.headers.get('x-http-method-override'),
        ].includes('GET'))
    if (isRead)
      return hasRole(staff, 'admin', 'editor', 'reporter') ? handler(request) : refuse(language)

    const segments = pathname.slice(prefix.length).split('/').filter(Boolean)
    if (method === 'POST' && segments.length === 0) {
      const body = await jsonBody(request)
      return body && (await isAllowedLock(payload, staff, body as Lock))
        ? handler(request)
        : refuse(language)
    }
    if ((method === 'PATCH' || method === 'DELETE') && segments.length === 1) {
      const existing = (await payload
        .findByID({
          collection: LOCKS_SLUG,
          id: decodeURIComponent(segments[0]!),
          depth: 0,
          disableErrors: true,
          overrideAccess: true,
        })
        .catch(() => null)) as Lock | null
      if (!existing) return refuse(language)
      if (method === 'DELETE')
        return isOwnLock(staff, existing) ? handler(request) : refuse(language)
      const body = await jsonBody(request)
      if (!body) return refuse(language)
      // Taking a lock over: the lock as it is and as it would be both pass the rule, in the taker's name.
      const after: Lock = {
        document: 'document' in body ? (body.document as Lock['document']) : existing.document,
        globalSlug:
          'globalSlug' in body ? (body.globalSlug as Lock['globalSlug']) : existing.globalSlug,
        user: 'user' in body ? (body.user as Lock['user']) : existing.user,
      }
      const isAllowed =
        (await isAllowedLock(payload, staff, { ...existing, user: after.user })) &&
        (await isAllowedLock(payload, staff, after))
      return isAllowed ? handler(request) : refuse(language)
    }
    return refuse(language)
  }
