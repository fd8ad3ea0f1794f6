import type { Access } from 'payload'

import { hasRole } from './roles'

/** Editors and admins: the desk that publishes and manages the newsroom's reference data. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
