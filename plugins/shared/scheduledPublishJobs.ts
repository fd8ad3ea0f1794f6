import type { Where } from 'payload'

/** Payload's task behind the schedule drawer (and the embargo's release). */
export const SCHEDULE_PUBLISH_TASK = 'schedulePublish'

/**
 * The `payload-jobs` still waiting to publish or unpublish one document: not run, not claimed by
 * a runner (a claimed one is left to finish). `waitUntil` narrows them to one planned time.
 */
export const pendingScheduledPublishJobs = ({
  collection,
  id,
  type,
  waitUntil,
}: {
  collection: string
  id: unknown
  type: 'publish' | 'unpublish'
  waitUntil?: unknown
}): Where => ({
  and: [
    { taskSlug: { equals: SCHEDULE_PUBLISH_TASK } },
    { 'input.type': { equals: type } },
    { 'input.doc.relationTo': { equals: collection } },
    { 'input.doc.value': { equals: String(id) } },
    { completedAt: { exists: false } },
    { processing: { equals: false } },
    ...(waitUntil === undefined
      ? []
      : [{ waitUntil: { equals: new Date(waitUntil as string).toISOString() } }]),
  ],
})
