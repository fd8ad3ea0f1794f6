import type { Access } from 'payload'

import { hasRole } from './roles'

/** Anyone in the newsroom: admin, editor or reporter. */
export const isStaff: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'reporter')
