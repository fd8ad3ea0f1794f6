import type { Access } from 'payload'

import { hasRole, reporterIdOf } from './roles'

/**
 * Editors edit every article. A reporter edits only articles that carry their byline, and never
 * publishes: Payload asks this function with `data._status === 'published'` both to decide
 * whether to show the publish button and to authorise the publish itself.
 */
export const canEditArticle: Access = ({ data, req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  if (!hasRole(user, 'reporter')) return false
  if (data?._status === 'published') return false
  const reporterId = reporterIdOf(user)
  if (reporterId === null) return false
  return { reporters: { in: [reporterId] } }
}
