import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq, initTransaction, killTransaction } from 'payload'

import { databaseKind } from '../../src/database'

import { DELIVER_TASK } from '../../plugins/distribution/tasks/deliverWebhook'

type ID = number | string

/** A `cache.purge` delivery waiting in the job queue (jobs do not run in tests unless asked). */
export type QueuedPurge = { channel: string; keys: string[]; reason: string }

/**
 * Channels a CDN purge service would be: `count` subscribed to `cache.purge`, and one that is
 * not (it must get nothing). Created through the Local API; nothing is ever delivered to them.
 */
export const purgeChannels = async (payload: Payload, count = 2): Promise<ID[]> => {
  const create = (name: string, events: string[]) =>
    payload.create({
      collection: 'distribution-channels',
      data: {
        name,
        url: `http://127.0.0.1:9/${name}`,
        allowPrivateNetwork: true,
        events,
      } as never,
    })
  await create('articles-only', ['article.published'])
  const ids: ID[] = []
  for (let n = 1; n <= count; n++) ids.push((await create(`cdn-${n}`, ['cache.purge'])).id)
  return ids
}

const byChannel = (a: QueuedPurge, b: QueuedPurge) => a.channel.localeCompare(b.channel)

/** The `cache.purge` deliveries queued so far, by channel. */
export const queuedPurges = async (payload: Payload): Promise<QueuedPurge[]> => {
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: DELIVER_TASK } },
    depth: 0,
    limit: 0,
    pagination: false,
  })
  return jobs.docs
    .map((job) => job.input as { body?: { data?: QueuedPurge }; channel?: string; event?: string })
    .filter((input) => input.event === 'cache.purge')
    .map((input) => ({
      channel: String(input.channel),
      keys: input.body?.data?.keys ?? [],
      reason: input.body?.data?.reason ?? '',
    }))
    .sort(byChannel)
}

/** Forgets the queued deliveries, so the next step counts only its own. */
export const clearQueuedDeliveries = async (payload: Payload): Promise<void> => {
  await payload.delete({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: DELIVER_TASK } },
  })
}

/** What one change should queue: one purge per subscribed channel, with these keys and reason. */
export const onePurgePerChannel = (channels: ID[], keys: string[], reason: string) =>
  channels.map((channel) => ({ channel: String(channel), keys, reason })).sort(byChannel)

/**
 * Only PostgreSQL rolls a save back here: SQLite runs without transactions (src/database.ts) and
 * MongoDB needs a replica set for them.
 */
export const canRollBack = (): boolean => databaseKind() === 'postgres'

/** Runs `save` in a transaction of its own, then rolls it back, as a save that fails later would. */
export const rolledBack = async (
  payload: Payload,
  save: (req: PayloadRequest) => Promise<unknown>,
): Promise<void> => {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await save(req)
  } finally {
    await killTransaction(req)
  }
}
