import type { SanitizedConfig } from 'payload'

import type { BodyLimits } from './limits'

import { withBodyLimit } from './bodyLimit'
import { withCsrfCheck } from './csrf'
import { bodyLimits } from './limits'
import { withOperatorKeyCheck } from './operatorKeys'

type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

/**
 * What every route handler that takes a request body gets (REST POST, PATCH, PUT, DELETE; GraphQL
 * POST): cross-site cookie writes refused (403) first, from the headers alone, then the body limit
 * (413), then JSON bodies with MongoDB operator keys (400).
 */
export const guardWrites = <Args extends unknown[]>(
  handler: Handler<Args>,
  config: Promise<SanitizedConfig> | SanitizedConfig,
  limits: Pick<BodyLimits, 'json' | 'multipart'> = bodyLimits(),
): Handler<Args> => withCsrfCheck(withBodyLimit(withOperatorKeyCheck(handler), limits), config)
