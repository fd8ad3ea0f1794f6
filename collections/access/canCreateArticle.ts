import type { Access } from 'payload'

import { hasRole } from './roles'

/** Any staff member may start an article; only the desk may create it already published. */
export const canCreateArticle: Access = ({ data, req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) return true
  return hasRole(user, 'reporter') && data?._status !== 'published'
}
