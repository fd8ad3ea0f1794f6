import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { releaseStaleJobs } from '../../plugins/shared/jobLease'
import { bootPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload('jobs')
})
afterAll(async () => {
  await payload?.destroy()
})

describe('jobs of a runner that died', () => {
  it('go back to the queue after the lease, and only those', async () => {
    const queue = () =>
      payload.jobs.queue({
        task: 'refreshRelatedSuggestions',
        input: { collection: 'articles', id: '1' },
      } as never)
    const stale = await queue()
    const running = await queue()
    const old = new Date(Date.now() - 10 * 60 * 1000).toISOString()
    await payload.db.updateOne({
      collection: 'payload-jobs',
      id: stale.id,
      data: { processing: true, updatedAt: old },
    })
    await payload.db.updateOne({
      collection: 'payload-jobs',
      id: running.id,
      data: { processing: true },
    })
    expect(await releaseStaleJobs(payload)).toBe(1)
    const jobs = await payload.find({ collection: 'payload-jobs', sort: 'createdAt' })
    expect(jobs.docs.map((job) => [job.id, job.processing])).toEqual([
      [stale.id, false],
      [running.id, true],
    ])
  })
})
