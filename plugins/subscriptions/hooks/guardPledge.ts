import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { InputError } from '../../shared/inputError'
import { isDeskRequest } from '../access'

/**
 * A pledge from outside (REST, GraphQL; not server code or the desk): it counts against the
 * address's and the reader's limits (429 with Retry-After), and the honeypot must be empty (400).
 */
export const guardPledge =
  (
    config: SanitizedSubscriptionsConfig,
    limit: (req: PayloadRequest) => Promise<void>,
  ): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'create' || req.payloadAPI === 'local' || isDeskRequest(config, req))
      return args
    await limit(req)
    const data = (args as { data?: Record<string, unknown> }).data
    const trap = data?.[config.honeypotField]
    if (trap !== undefined && trap !== null && trap !== '')
      throw new InputError(
        `자동 입력으로 보여 접수하지 않았습니다: ${config.honeypotField} (automated submission refused)`,
      )
    return args
  }
