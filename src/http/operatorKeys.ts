import { findOperatorKey, operatorKeyMessage } from '../../plugins/shared/operatorKeys'
import { errorResponse } from './errorResponse'

type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

const isJson = (request: Request): boolean => {
  const type = request.headers.get('content-type')?.toLowerCase() ?? ''
  return type.includes('application/json') || type.includes('+json')
}

/**
 * A JSON body with a `$`-prefixed or `__proto__` key at any depth is refused with 400 before
 * Payload reads it, on every route that takes a body: the collections' own guard
 * (collections/hooks/rejectOperatorKeys.ts) does not reach the collections Payload adds itself
 * (`payload-preferences` takes any JSON from any signed-in user). Multipart bodies (uploads) are
 * left to that guard, which sees their `_payload`. A body that is not JSON at all goes on to
 * Payload's own 400.
 */
export const withOperatorKeyCheck =
  <Args extends unknown[]>(handler: Handler<Args>): Handler<Args> =>
  async (request, ...args) => {
    if (!request.body || !isJson(request)) return handler(request, ...args)
    const text = await request.text()
    let path: null | string = null
    try {
      path = findOperatorKey(JSON.parse(text))
    } catch {
      // Not JSON: Payload answers it.
    }
    if (path !== null) return errorResponse(400, 'VALIDATION', operatorKeyMessage(path))
    const again = new Request(request.url, {
      body: text,
      headers: request.headers,
      method: request.method,
      signal: request.signal,
    })
    return handler(again, ...args)
  }
