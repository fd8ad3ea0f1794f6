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

describe('a process that runs no jobs (NEWSROOM_RUN_JOBS=off: app processes, these tests)', () => {
  it('neither reads nor queues scheduled jobs in the background', async () => {
    const db = payload.db as unknown as Record<string, (...args: unknown[]) => unknown>
    const methods = ['find', 'findOne', 'count', 'create', 'updateOne', 'updateMany']
    const originals = new Map(methods.map((name) => [name, db[name]]))
    const touched: string[] = []
    for (const name of methods) {
      const original = originals.get(name)!
      db[name] = function (this: unknown, ...args: unknown[]) {
        touched.push(String((args[0] as { collection?: string } | undefined)?.collection))
        return original.apply(payload.db, args)
      }
    }
    try {
      // The in-process runner's cron fires every 10 s; a scheduled task (the pledge reminders)
      // made Payload count and queue scheduled jobs on it, before asking whether to run any.
      await new Promise((resolve) => setTimeout(resolve, 10_500))
    } finally {
      for (const [name, original] of originals) db[name] = original
    }
    expect(touched.filter((collection) => collection === 'payload-jobs')).toEqual([])
  })
})
