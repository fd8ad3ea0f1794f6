import type { CollectionBeforeOperationHook } from 'payload'

import { pinnedUniqueField } from '../../shared/uniqueLookup'

/**
 * A read by a unique field (an article by its slug — how a frontend loads a page) matches one
 * document at most, so the page count Payload runs beside the query tells nothing: skip it. The
 * answer keeps its shape (`totalDocs` 0 or 1, one page).
 */
export const skipCountForUniqueLookup: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
}) => {
  const read = args as { id?: unknown; pagination?: boolean; where?: unknown }
  if (operation !== 'read' || read.id !== undefined || read.pagination === false) return args
  if (pinnedUniqueField(read.where, collection)) read.pagination = false
  return args
}
