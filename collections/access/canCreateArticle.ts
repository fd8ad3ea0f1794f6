import type { Access } from 'payload'

import { canChangeLiveState } from './liveState'
import { hasRole } from './roles'

/** Any staff member may start an article; only the desk may create it already published (liveState.ts). */
export const canCreateArticle: Access = ({ data, req: { user } }) => {
  if (canChangeLiveState(user)) return true
  return hasRole(user, 'reporter') && data?._status !== 'published'
}
