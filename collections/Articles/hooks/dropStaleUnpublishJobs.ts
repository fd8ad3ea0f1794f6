import type { CollectionAfterChangeHook } from 'payload'

import { pendingScheduledPublishJobs } from '../../../plugins/shared/scheduledPublishJobs'

/**
 * An unpublish scheduled while a story was never published is void: at its first publication the
 * pending `schedulePublish` jobs that would take it down, all queued before it was live, are
 * deleted. Payload's schedule drawer preselected 게시 해제 for never-published drafts (see
 * components/PublishButton), so such a job usually meant "publish at" — left alone it would have
 * unpublished the story at that time, after someone published it by hand. Scheduled takedowns
 * queued while the story is live are kept.
 */
export const dropStaleUnpublishJobs: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  const isFirstPublication =
    doc._status === 'published' &&
    previousDoc?._status !== 'published' &&
    !previousDoc?.registeredAt
  if (!isFirstPublication) return doc
  await req.payload.delete({
    collection: 'payload-jobs',
    where: pendingScheduledPublishJobs({
      collection: collection.slug,
      id: doc.id,
      type: 'unpublish',
    }),
    // The runner's bookkeeping, not the publisher's: a reporter's save never gets here (only the
    // desk publishes), and the jobs' own access rules are for the schedule drawer.
    overrideAccess: true,
    req,
  })
  return doc
}
