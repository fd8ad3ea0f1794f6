import type { Access } from 'payload'

import { hasRole } from './roles'

/** Staff read everything; everybody else reads published documents only (a query, so the database filters). */
export const publishedOrStaff: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'reporter') ? true : { _status: { equals: 'published' } }
