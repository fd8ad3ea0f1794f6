import type { FieldAccess, PayloadRequest, Where } from 'payload'

import type { SanitizedSubscriptionsConfig } from './types'

import { readerOf } from '../shared/readerClient'

export const nobody: FieldAccess = () => false

/** The desk (admins, editors), signed in to the staff collection. */
export const isDeskRequest = (config: SanitizedSubscriptionsConfig, req: PayloadRequest): boolean =>
  Boolean(req.user) && req.user!.collection === config.users && config.isDesk(req)

/** The desk reads every pledge; a signed-in reader their own; anyone else none (no path shows more). */
export const ownPledges =
  (config: SanitizedSubscriptionsConfig) =>
  ({ req }: { req: PayloadRequest }): boolean | Where => {
    if (isDeskRequest(config, req)) return true
    const reader = readerOf(req, config.readers)
    return reader ? { reader: { equals: String(reader.id) } } : false
  }
