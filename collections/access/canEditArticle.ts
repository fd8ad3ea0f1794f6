import type { Access } from 'payload'

import { canChangeLiveState } from './liveState'
import { hasRole, reporterIdOf } from './roles'

/**
 * The desk edits every article. A reporter edits only articles that carry their byline, and never
 * publishes: Payload asks this function with `data._status === 'published'` both to decide
 * whether to show the publish button and to authorise the publish itself. What else a reporter's
 * write may not do to the live article is enforced per operation by `enforceLiveStateRule`.
 */
export const canEditArticle: Access = ({ data, req: { user } }) => {
  if (canChangeLiveState(user)) return true
  if (!hasRole(user, 'reporter')) return false
  if (data?._status === 'published') return false
  const reporterId = reporterIdOf(user)
  if (reporterId === null) return false
  return { reporters: { in: [reporterId] } }
}
