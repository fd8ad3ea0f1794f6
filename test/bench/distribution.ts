/**
 * Distribution cost, measured side by side in one run (SQLite): the median latency of a publish
 * with 0 and with 20 matching channels (target ratio ≤ 1.2: deliveries are queued, not sent, in
 * the save), and deliveries per second from the job runner to a local receiver.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { articleData, createNewsroom } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const main = async () => {
  let received = 0
  const receiver = http.createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      received++
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`

  const payload = await bootPayload('bench-distribution', { newsroom: { runJobs: false } })
  const fixture = await createNewsroom(payload)
  const publishTimes = async (count: number) => {
    const times: number[] = []
    for (let index = 0; index < count; index++) {
      const started = performance.now()
      await payload.create({
        collection: 'articles',
        data: articleData(fixture, { title: `벤치 ${index}`, _status: 'published' }) as never,
      })
      times.push(performance.now() - started)
    }
    return times
  }
  await publishTimes(5) // warm-up
  const without = median(await publishTimes(30))
  await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
  for (let index = 0; index < 20; index++) {
    await payload.create({
      collection: 'distribution-channels',
      data: { name: `채널 ${index}`, url, allowPrivateNetwork: true } as never,
    })
  }
  const withChannels = median(await publishTimes(30))
  const queued = (
    await payload.count({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'deliverWebhook' } },
    })
  ).totalDocs

  const started = performance.now()
  while (received < queued && performance.now() - started < 300_000)
    await payload.jobs.run({ limit: 100 })
  const seconds = (performance.now() - started) / 1000

  const results = {
    publishMedianMs: {
      channels0: +without.toFixed(1),
      channels20: +withChannels.toFixed(1),
      ratio: +(withChannels / without).toFixed(2),
    },
    deliveries: {
      count: received,
      seconds: +seconds.toFixed(1),
      perSecond: +(received / seconds).toFixed(1),
    },
  }
  console.log(
    '\nDistribution (SQLite; publish = whole save incl. queueing one job per matching channel)',
  )
  console.table([
    { measure: 'publish median, 0 channels (ms)', value: results.publishMedianMs.channels0 },
    { measure: 'publish median, 20 channels (ms)', value: results.publishMedianMs.channels20 },
    { measure: 'ratio (target ≤ 1.2)', value: results.publishMedianMs.ratio },
    { measure: 'deliveries to a local receiver', value: received },
    { measure: 'deliveries per second', value: results.deliveries.perSecond },
  ])
  const out = path.resolve(import.meta.dirname, 'results', 'distribution.json')
  fs.writeFileSync(
    out,
    JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2),
  )
  console.log(`written to ${path.relative(process.cwd(), out)}`)
  await payload.destroy()
  receiver.close()
  process.exit(0)
}

void main()
