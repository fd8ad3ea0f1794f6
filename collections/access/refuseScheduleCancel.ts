import type { CollectionBeforeDeleteHook } from 'payload'

import { canChangeLiveState, liveStateForbidden } from './liveState'

/**
 * The admin's schedule drawer cancels a scheduled publish by deleting its job through the Local
 * API (access not checked, `schedulePublishHandler` in @payloadcms/ui): without this a reporter
 * could call off the desk's scheduled publication. Runs on deletes made with a signed-in user only;
 * the job runner deletes through the database adapter and is not affected.
 */
export const refuseScheduleCancel: CollectionBeforeDeleteHook = ({ req }) => {
  if (req.user && !canChangeLiveState(req.user)) throw liveStateForbidden(req, 'publish')
}
