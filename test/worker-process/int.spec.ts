import type { ChildProcess } from 'node:child_process'
import type { IncomingHttpHeaders } from 'node:http'
import type { Payload } from 'payload'

import { spawn } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import { buildConfig, getPayload } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { newsroomAppConfig } from '../../src/appConfig'
import { committedMigrations, databaseAdapter } from '../../src/database'
import { articleData, createNewsroom } from '../helpers/newsroom'
import { freshDatabaseUri } from '../helpers/payload'
import { itUnlessFerretDB } from '../helpers/mongoCompat'

// `npm run worker` processes killed and restarted against one database, and a real receiver.

const root = path.resolve(import.meta.dirname, '..', '..')
const SECRET = 'test-secret-not-for-production'
/** Short, so that restarted workers take over at their first run (the default two minutes in production). */
const LEASE_MS = 3000

type Received = {
  body: string
  headers: IncomingHttpHeaders
  path: string
  /** The status the receiver answered with; undefined while the request hangs or after it was cut. */
  status?: number
}

type Worker = {
  kill: () => Promise<void>
  killNow: () => void
  log: () => string
  /** Resolves once the worker has booted and its job runner runs (its start-up line is printed). */
  ready: Promise<void>
}

/** Start-up (tsx compiling the app, Payload's init) is slow on a loaded CI machine; it is not what is tested. */
const BOOT_TIMEOUT_MS = 120_000
const READY_LINE = '작업 처리기 시작'

let payload: Payload
let databaseUri: string
let fixture: NewsroomFixture
let receiver: http.Server
let base = ''
let received: Received[] = []
/** Unhealthy: the first `hangCount` requests are never answered, as a receiver stuck behind a slow database. */
let isHealthy = false
let hangCount = 0
let lastReceivedAt = 0
const workers: Worker[] = []
/** What the running `waitFor` last saw, for its timeout message. */
let progress = ''

const startWorker = (name: string): Worker => {
  let output = ''
  // As `npm run worker` runs it, in a process group of its own so that the whole group can be killed.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'src/bin/worker.ts'],
    {
      cwd: root,
      detached: true,
      env: {
        ...process.env,
        DATABASE_URI: databaseUri,
        PAYLOAD_SECRET: SECRET,
        NEWSROOM_JOB_LEASE_MS: String(LEASE_MS),
        NEWSROOM_SEED: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} not booted within ${BOOT_TIMEOUT_MS} ms\n${output}`)),
      BOOT_TIMEOUT_MS,
    )
    timer.unref()
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited (${code ?? signal}) before it booted\n${output}`))
    })
    markReady = () => {
      clearTimeout(timer)
      resolve()
    }
  })
  // Rejections are read through `await worker.ready`; one never awaited (a worker killed on purpose) is not an error.
  ready.catch(() => undefined)
  const onOutput = (chunk: Buffer) => {
    output += chunk
    if (output.includes(READY_LINE)) markReady()
  }
  child.stdout?.on('data', onOutput)
  child.stderr?.on('data', onOutput)
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  const killNow = () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  const worker: Worker = {
    kill: async () => {
      killNow()
      await exited
    },
    killNow,
    log: () => `--- ${name} ---\n${output}`,
    ready,
  }
  workers.push(worker)
  return worker
}

const waitFor = async (
  what: string,
  isDone: () => Promise<boolean> | boolean,
  timeoutMs: number,
) => {
  const deadline = Date.now() + timeoutMs
  progress = ''
  while (!(await isDone())) {
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${timeoutMs} ms (${progress || 'no progress recorded'})\n${workers.map((worker) => worker.log()).join('\n')}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const message: Received = { body, headers: request.headers, path: request.url ?? '' }
      received.push(message)
      lastReceivedAt = Date.now()
      if (!isHealthy && hangCount > 0) {
        hangCount -= 1
        return // never answered: the delivery stays in flight until its sender dies
      }
      message.status = 200
      response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`

  // The schema comes from the committed migrations, as on a production machine: the workers run in
  // production mode, where Payload runs the committed migrations itself, and find them applied.
  databaseUri = await freshDatabaseUri('worker_process')
  const config = await buildConfig(
    newsroomAppConfig({
      seed: 'off',
      secret: SECRET,
      db: databaseAdapter({ uri: databaseUri, push: false }),
    }),
  )
  payload = await getPayload({ config })
  await payload.db.migrate({ migrations: committedMigrations(databaseUri) as never })
  fixture = await createNewsroom(payload)
})

// Even if this process ends without running afterAll.
process.once('exit', () => workers.forEach((worker) => worker.killNow()))

afterAll(async () => {
  // Also when a test failed half-way: no worker outlives the suite.
  await Promise.all(workers.map((worker) => worker.kill()))
  receiver?.closeAllConnections()
  receiver?.close()
  await payload?.destroy()
})

const verified = (secret: string, message: Received) =>
  new Webhook(secret).verify(message.body, message.headers as Record<string, string>) as {
    data: { id: number | string }
    type: string
  }

describe('a worker killed mid-delivery, then restarted', () => {
  itUnlessFerretDB('atomicConditionalUpdate')(
    'delivers exactly the pending events: each once with a 2xx, none lost, none extra',
    async ({ onTestFailed }) => {
      onTestFailed(() => console.log(workers.map((worker) => worker.log()).join('\n')))
      const channels = await Promise.all(
        ['a', 'b'].map(async (name) => {
          const doc = (await payload.create({
            collection: 'distribution-channels',
            data: {
              name: `수신기 ${name}`,
              url: `${base}/${name}`,
              allowPrivateNetwork: true,
              timeoutMs: 60_000,
            } as never,
          })) as unknown as { id: number | string; secret: string }
          return { ...doc, path: `/${name}` }
        }),
      )
      const articles = []
      for (let index = 1; index <= 3; index++) {
        articles.push(
          await payload.create({
            collection: 'articles',
            data: articleData(fixture, {
              _status: 'published',
              title: `작업자 기사 ${index}`,
            }) as never,
          }),
        )
      }
      const jobs = await payload.find({
        collection: 'payload-jobs',
        limit: 100,
        where: { taskSlug: { equals: 'deliverWebhook' } },
      })
      const queued = jobs.docs.map(
        (job) =>
          job.input as { articleId: string; channel: string; event: string; webhookId: string },
      )
      expect(queued).toHaveLength(articles.length * channels.length)
      const expectedIds = new Set(queued.map((input) => input.webhookId))

      // The first worker sends everything at once; two requests hang, the others are answered.
      hangCount = 2
      const first = startWorker('first worker')
      await first.ready
      await waitFor(
        'two deliveries in flight and the others recorded',
        async () => {
          const succeeded = await payload.count({
            collection: 'webhook-deliveries',
            where: { status: { equals: 'succeeded' } },
          })
          progress = `${received.length} of ${queued.length} received, ${succeeded.totalDocs} succeeded`
          return received.length === queued.length && succeeded.totalDocs === queued.length - 2
        },
        30_000,
      )
      const hanging = received.filter((message) => message.status === undefined)
      expect(hanging).toHaveLength(2)
      await first.kill()

      // Killed mid-request: the two attempts are still claimed by a runner that no longer exists.
      const hangingIds = hanging.map((message) => message.headers['webhook-id'] as string)
      const abandoned = await payload.find({
        collection: 'webhook-deliveries',
        where: { webhookId: { in: hangingIds } },
      })
      expect(abandoned.docs.map((delivery) => delivery.status)).toEqual(['pending', 'pending'])

      // Restarted as a pair, which tick together: Payload may hand the same released job to both.
      isHealthy = true
      const second = startWorker('second worker')
      const third = startWorker('third worker')
      await Promise.all([second.ready, third.ready])
      await waitFor(
        'every delivery succeeded',
        async () =>
          (
            await payload.count({
              collection: 'webhook-deliveries',
              where: { status: { equals: 'succeeded' } },
            })
          ).totalDocs === queued.length,
        30_000,
      )
      // Nothing is left to run that could send again, including the look-again jobs of a runner that
      // found an attempt taken (one run later). Jobs the first worker finished may stay, marked
      // completed: Payload deletes a batch's completed jobs only once the whole batch is done.
      const unfinished = {
        and: [{ taskSlug: { equals: 'deliverWebhook' } }, { completedAt: { exists: false } }],
      }
      await waitFor(
        'every delivery job completed',
        async () =>
          (await payload.count({ collection: 'payload-jobs', where: unfinished as never }))
            .totalDocs === 0,
        25_000,
      )
      const failedJobs = await payload.find({
        collection: 'payload-jobs',
        where: {
          and: [{ taskSlug: { equals: 'deliverWebhook' } }, { hasError: { equals: true } }],
        },
      })
      expect(
        failedJobs.docs.map((job) => job.error),
        'delivery jobs that failed',
      ).toEqual([])
      // A second sender of the same attempt would have sent by now, in the same run.
      await waitFor(
        'the receiver to be quiet for a second',
        () => Date.now() - lastReceivedAt > 1000,
        10_000,
      )
      await second.kill()
      await third.kill()

      // Every request is genuine (signed with its channel's secret) and carries one of the queued events.
      const answered = new Map<string, number>()
      const delivered = new Set<string>()
      for (const message of received) {
        const channel = channels.find((candidate) => candidate.path === message.path)!
        const event = verified(channel.secret, message)
        const webhookId = message.headers['webhook-id'] as string
        expect(expectedIds.has(webhookId), `unexpected webhook-id ${webhookId}`).toBe(true)
        if (message.status !== undefined && message.status >= 200 && message.status < 300) {
          answered.set(webhookId, (answered.get(webhookId) ?? 0) + 1)
          delivered.add(`${event.type} ${event.data.id} → ${channel.path}`)
        }
      }
      // Exactly once per (event, channel) with a 2xx; only the interrupted attempts were sent again.
      expect(new Set(answered.keys())).toEqual(expectedIds)
      expect(
        [...answered].filter(([, count]) => count !== 1),
        'webhook-ids answered 2xx more than once',
      ).toEqual([])
      expect(delivered).toEqual(
        new Set(
          articles.flatMap((article) =>
            channels.map((channel) => `article.published ${article.id} → ${channel.path}`),
          ),
        ),
      )
      expect(received).toHaveLength(queued.length + hanging.length)

      const deliveries = await payload.find({ collection: 'webhook-deliveries', limit: 100 })
      expect(
        deliveries.docs.map((delivery) => [delivery.status, delivery.httpStatus, delivery.attempt]),
      ).toEqual(queued.map(() => ['succeeded', 200, 1]))
      expect(second.log() + third.log()).toContain('returned to the queue')
    },
    90_000 + 2 * BOOT_TIMEOUT_MS,
  )
})

describe('an attempt another runner was sending', () => {
  it('is looked at again after the lease, and sent if that runner died meanwhile', async () => {
    // Payload can hand one job to two workers: one claims the attempt and sends, the other finds it
    // claimed and ends the job. If the sender then dies, the attempt must not be left behind.
    await payload.delete({ collection: 'distribution-channels', where: { id: { exists: true } } })
    await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
    await payload.delete({ collection: 'webhook-deliveries', where: { id: { exists: true } } })
    received = []
    isHealthy = true
    process.env.NEWSROOM_JOB_LEASE_MS = '1000'
    try {
      const channel = (await payload.create({
        collection: 'distribution-channels',
        data: { name: '수신기', url: `${base}/hook`, allowPrivateNetwork: true } as never,
      })) as unknown as { id: number | string; secret: string }
      const article = await payload.create({
        collection: 'articles',
        data: articleData(fixture, { _status: 'published', title: '두 작업자' }) as never,
      })
      const job = (
        await payload.find({
          collection: 'payload-jobs',
          where: { taskSlug: { equals: 'deliverWebhook' } },
        })
      ).docs[0]!
      const input = job.input as { attempt: number; event: string; webhookId: string }
      // The sender's claim, left behind when it died mid-request.
      await payload.create({
        collection: 'webhook-deliveries',
        data: {
          webhookId: input.webhookId,
          attempt: input.attempt,
          event: input.event,
          status: 'pending',
        } as never,
      })
      await payload.jobs.run({ limit: 100 })
      expect(received).toHaveLength(0)
      expect(
        await payload.count({ collection: 'payload-jobs', where: { id: { equals: job.id } } }),
      ).toMatchObject({ totalDocs: 0 })

      await waitFor(
        'the abandoned attempt sent',
        async () => {
          await payload.jobs.run({ limit: 100 })
          return received.length > 0
        },
        10_000,
      )
      await new Promise((resolve) => setTimeout(resolve, 500))
      await payload.jobs.run({ limit: 100 })
      expect(received.map((message) => [message.headers['webhook-id'], message.status])).toEqual([
        [input.webhookId, 200],
      ])
      expect(verified(channel.secret, received[0]!).data.id).toBe(article.id)
      const deliveries = await payload.find({ collection: 'webhook-deliveries' })
      expect(deliveries.docs.map((delivery) => [delivery.webhookId, delivery.status])).toEqual([
        [input.webhookId, 'succeeded'],
      ])
    } finally {
      delete process.env.NEWSROOM_JOB_LEASE_MS
    }
  })
})
