import type { CollectionAfterChangeHook } from 'payload'

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
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { 'input.type': { equals: 'unpublish' } },
        { 'input.doc.relationTo': { equals: collection.slug } },
        { 'input.doc.value': { equals: String(doc.id) } },
        { completedAt: { exists: false } },
        { processing: { equals: false } },
      ],
    },
    // The runner's bookkeeping, not the publisher's: a reporter's save never gets here (only the
    // desk publishes), and the jobs' own access rules are for the schedule drawer.
    overrideAccess: true,
    req,
  })
  return doc
}
