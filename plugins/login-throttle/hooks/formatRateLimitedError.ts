import type { AfterErrorHook } from 'payload'

import { RATE_LIMITED, rateLimitedErrorOf } from '../errors'

/**
 * A refused attempt answers REST `429 { errors: [{ message, code: 'RATE_LIMITED' }] }` and GraphQL
 * an error with `extensions.code: 'RATE_LIMITED'`; both carry Retry-After (set by the throttle hook).
 */
export const formatRateLimitedError: AfterErrorHook = ({ error, graphqlResult }) => {
  const limited = rateLimitedErrorOf(error)
  if (!limited) return
  if (graphqlResult)
    return {
      graphqlResult: {
        ...graphqlResult,
        extensions: { ...graphqlResult.extensions, code: RATE_LIMITED },
      },
    }
  return { response: { errors: [{ message: limited.message, code: RATE_LIMITED }] }, status: 429 }
}
