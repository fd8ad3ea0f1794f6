import type { IncomingMessage } from 'node:http'

import type { Admission } from './admission'

import { renewsStoredCopyOnNode } from '../plugins/http-cache/answerOnNode'
import { isStaffRequest } from './staffRequests'

type AdmitOptions = NonNullable<Parameters<Admission['admit']>[3]>

/**
 * How `npm start` and `npm run serve:api` admit a request (src/admission.ts):
 * - signed-in staff (a valid token, src/staffRequests.ts) ahead of everyone;
 * - the read that renews a copy everybody reads, ahead of the other reads;
 * - any other read outside the admin may be turned away when too many wait, with or without a
 *   login header: one that is not a valid staff token would otherwise keep a flood queued.
 * Logins, writes and the admin's pages still queue.
 */
export const admitOptionsOf = (incoming: IncomingMessage): AdmitOptions => {
  if (isStaffRequest(incoming)) return { isStaff: true }
  const isRead = incoming.method === 'GET' || incoming.method === 'HEAD'
  return { first: renewsStoredCopyOnNode(incoming), isSheddable: isRead && !(incoming.url ?? '/').startsWith('/admin') }
}
