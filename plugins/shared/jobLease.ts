import type { Payload, Where } from 'payload'

/** A job still marked as processing after this long belongs to a runner that died. */
const JOB_LEASE_MS = 2 * 60 * 1000

/**
 * The lease in force: `NEWSROOM_JOB_LEASE_MS` when set (tests use a few seconds), else two minutes.
 * It must outlast the longest job a live runner may be running (a delivery waits up to a minute for
 * its receiver), or a slow job would be taken for abandoned.
 */
export const jobLeaseMs = (): number => {
  const raw = process.env.NEWSROOM_JOB_LEASE_MS
  if (raw === undefined || raw.trim() === '') return JOB_LEASE_MS
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(
      `NEWSROOM_JOB_LEASE_MS must be a whole number of milliseconds above 0 (got "${raw}")`,
    )
  }
  return value
}

/**
 * Payload marks a job `processing` when a runner takes it and clears the mark when it ends; a
 * runner killed in between leaves the job marked for ever. Jobs whose mark is older than the lease
 * go back to the queue (a delivery is at least once: its receiver deduplicates by webhook-id).
 *
 * Each job is released by one conditional write (still processing, still stale), so a worker that
 * read the list a moment ago cannot release a job another worker has just taken up again.
 */
export const releaseStaleJobs = async (payload: Payload): Promise<number> => {
  const cutoff = new Date(Date.now() - jobLeaseMs()).toISOString()
  const isStale: Where[] = [
    { processing: { equals: true } },
    { completedAt: { exists: false } },
    { updatedAt: { less_than: cutoff } },
  ]
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    select: { processing: true },
    where: { and: isStale },
  })
  let released = 0
  for (const job of docs) {
    const updated = await payload.db.updateOne({
      collection: 'payload-jobs',
      data: { processing: false },
      options: { atomic: true },
      where: { and: [{ id: { equals: job.id } }, ...isStale] },
    })
    if (updated) released += 1
  }
  if (released > 0)
    payload.logger.warn(`${released} job(s) of a stopped runner returned to the queue`)
  return released
}
