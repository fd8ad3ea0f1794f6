import type { CollectionBeforeOperationHook } from 'payload'

import { hasRole } from '../../access/roles'

/**
 * `draft=true` asks for the latest version, which for a reader is useless at best: a published
 * article with a pending draft on top would vanish from their results. Readers get the published
 * documents whatever they ask for; staff get what they ask for.
 */
export const ignoreDraftsForReaders: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  // Server code that bypasses access control (seeding, jobs) reads what it asks for.
  if (operation !== 'read' || overrideAccess || hasRole(req.user, 'admin', 'editor', 'reporter'))
    return args
  const readArgs = args as { draft?: boolean }
  if (readArgs.draft) readArgs.draft = false
  return args
}
