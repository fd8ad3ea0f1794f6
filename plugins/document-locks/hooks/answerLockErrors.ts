import type { AfterErrorHook } from 'payload'

import { releaseRequestLocks } from '../../shared/documentLock'
import { errorCodeOf } from '../errors'

/**
 * A REST or GraphQL request that failed gives back the in-process locks it held (its operation
 * never reached afterOperation), those of GraphQL's request proxies too; our 409/412 answers
 * carry their stable `code`.
 */
export const answerLockErrors: AfterErrorHook = async ({ error, req, result }) => {
  await releaseRequestLocks(req)
  const code = errorCodeOf(error)
  if (!code || !result || (code !== 'PRECONDITION_FAILED' && code !== 'CONFLICT')) return
  const status = (error as { status?: number }).status
  return {
    response: { ...result, errors: (result.errors ?? []).map((entry) => ({ ...entry, code })) },
    status,
  }
}
