/**
 * Scenario z of `npm run bench:http`: a flood. A breaking story brings readers faster than the
 * app can answer fresh reads (issue 5: "one breaking story multiplies reads a hundred times").
 * What a newsroom needs then is not throughput, which the scenarios before measure, but that the
 * app stays up and within its memory, turns away what it cannot answer (503 with Retry-After,
 * after that second; a CDN then answers from its stale copy), keeps answering cached readers, and
 * lets the desk go on publishing: a correction saved during the flood is what the next reader gets.
 *
 * One run, no warm-up: fresh article reads (scenario a's rotation) on `connections` connections,
 * the cached article (b) on 5 more, and meanwhile, once a second, an editor's save of a test
 * article followed by an anonymous read of it. That read is the first of a copy the save purged,
 * which the server starts ahead of other misses: the story's first reader after a correction, not
 * a reader of any other story.
 */
import autocannon, { type AutocannonRequest } from 'autocannon'
import { performance } from 'node:perf_hooks'

import type { Load, RequestSpec } from './load'
import type { ServerProcess } from './processes'

import { percentile } from './load'
import { waitUntilIdle } from './processes'

export type FloodOptions = {
  /** Connections sending fresh reads. */
  connections: number
  durationS: number
  fresh: Extract<Load, { next: () => RequestSpec }>
  cachedPath: string
  /** Saves the test article with `marker` as a staff member; returns the HTTP status. */
  save: (marker: string) => Promise<number>
  /** An anonymous read of the test article: its status and, when 200, whether it shows `marker`. */
  readBack: (marker: string) => Promise<{ shows: boolean; status: number }>
}

type Latencies = { count: number; p50Ms: null | number; p99Ms: null | number; maxMs: null | number }

export type FloodResult = {
  connections: number
  durationS: number
  /** Fresh reads: answers per second by status, and the latency of each kind of answer. */
  fresh: { perSecond: Record<string, number>; byStatus: Record<string, Latencies>; errors: number; timeouts: number; retryAfter: null | string }
  cached: { connections: number; perSecond: number; latency: Latencies; failures: number }
  saves: { latency: Latencies; failures: number }
  /** Anonymous reads right after each save: how many showed it, were turned away, or showed an older copy. */
  readsAfterSave: { latency: Latencies; showed: number; shed: number; stale: number; other: number }
  peakRssMb: number
  /** How long after the flood the server was idle again. */
  settledMs: number
}

const latencies = (values: number[]): Latencies => ({ count: values.length, p50Ms: percentile(values, 0.5), p99Ms: percentile(values, 0.99), maxMs: percentile(values, 1) })

export const measureFlood = async (server: Pick<ServerProcess, 'cpuSeconds' | 'rssMb' | 'url'>, options: FloodOptions): Promise<FloodResult> => {
  await waitUntilIdle(server)
  let peakRssMb = server.rssMb()
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, server.rssMb())), 250)
  const freshByStatus = new Map<number, number[]>()
  let retryAfter: null | string = null
  const freshRequests: AutocannonRequest[] = [{ setupRequest: (request) => ({ ...request, method: 'GET', headers: {}, body: undefined, ...options.fresh.next() }) }]
  const fresh = autocannon({ url: server.url, connections: options.connections, pipelining: 1, duration: options.durationS, timeout: 60, requests: freshRequests })
  fresh.on('response', (_client, status, _bytes, ms) => {
    const list = freshByStatus.get(status) ?? []
    list.push(ms)
    freshByStatus.set(status, list)
  })
  const cachedConnections = 5
  const cachedLatencies: number[] = []
  const cached = autocannon({ url: server.url, connections: cachedConnections, pipelining: 1, duration: options.durationS, timeout: 60, requests: [{ method: 'GET', path: options.cachedPath }] })
  cached.on('response', (_client, _status, _bytes, ms) => cachedLatencies.push(ms))

  const saveMs: number[] = []
  const readMs: number[] = []
  const readsAfterSave = { showed: 0, shed: 0, stale: 0, other: 0 }
  let saveFailures = 0
  const started = performance.now()
  const desk = (async () => {
    // The first second lets the flood's connections open; the last leaves room for the last read.
    for (let round = 1; performance.now() - started < (options.durationS - 1) * 1000; round++) {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const marker = `flood-${Date.now()}-${round}`
      const saveStarted = performance.now()
      const status = await options.save(marker).catch(() => 0)
      saveMs.push(performance.now() - saveStarted)
      if (status !== 200) {
        saveFailures += 1
        continue
      }
      const readStarted = performance.now()
      const read = await options.readBack(marker).catch(() => ({ shows: false, status: 0 }))
      readMs.push(performance.now() - readStarted)
      if (read.status === 503) readsAfterSave.shed += 1
      else if (read.status !== 200) readsAfterSave.other += 1
      else if (read.shows) readsAfterSave.showed += 1
      else readsAfterSave.stale += 1
    }
  })()
  // One 503's Retry-After, as a reader's browser or a CDN would see it.
  const probeRetryAfter = setTimeout(() => {
    void fetch(`${server.url}${options.fresh.next().path}`).then(async (response) => {
      if (response.status === 503) retryAfter = response.headers.get('retry-after')
      await response.arrayBuffer()
    }, () => undefined)
  }, (options.durationS * 1000) / 2)
  let freshResult: Awaited<typeof fresh>
  let cachedResult: Awaited<typeof cached>
  try {
    ;[freshResult, cachedResult] = await Promise.all([fresh, cached, desk])
  } finally {
    clearInterval(sampler)
    clearTimeout(probeRetryAfter)
  }
  const seconds = options.durationS
  const settledMs = await waitUntilIdle(server, 60_000)
  return {
    connections: options.connections,
    durationS: options.durationS,
    fresh: {
      perSecond: Object.fromEntries([...freshByStatus].map(([status, list]) => [String(status), Math.round(list.length / seconds)])),
      byStatus: Object.fromEntries([...freshByStatus].map(([status, list]) => [String(status), latencies(list)])),
      errors: freshResult.errors,
      timeouts: freshResult.timeouts,
      retryAfter,
    },
    cached: {
      connections: cachedConnections,
      perSecond: Math.round(cachedResult.requests.average),
      latency: latencies(cachedLatencies),
      failures: cachedResult.errors + cachedResult.timeouts + cachedResult.non2xx,
    },
    saves: { latency: latencies(saveMs), failures: saveFailures },
    readsAfterSave: { latency: latencies(readMs), ...readsAfterSave },
    peakRssMb: Math.max(peakRssMb, server.rssMb()),
    settledMs,
  }
}

/** The flood's lines of the report. */
export const floodReport = (result: FloodResult): string[] => {
  const ms = (latency: Latencies) => (latency.count ? `p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms` : 'none')
  const statuses = Object.entries(result.fresh.perSecond)
    .map(([status, perSecond]) => `${status}: ${perSecond}/s (${ms(result.fresh.byStatus[status]!)})`)
    .join('; ')
  const { showed, shed, stale, other } = result.readsAfterSave
  return [
    `flood (z): fresh article reads on ${result.connections} connections for ${result.durationS} s, beside the cached article on ${result.cached.connections} and an editor's save once a second`,
    `  fresh reads          ${statuses}${result.fresh.errors + result.fresh.timeouts ? `; ${result.fresh.errors} errors, ${result.fresh.timeouts} timeouts` : ''}${result.fresh.retryAfter ? `; 503 Retry-After: ${result.fresh.retryAfter} s` : ''}`,
    `  cached reads         ${result.cached.perSecond}/s, ${ms(result.cached.latency)}${result.cached.failures ? `, ${result.cached.failures} failures` : ''}`,
    `  editor's saves       ${result.saves.latency.count}, ${ms(result.saves.latency)}${result.saves.failures ? `, ${result.saves.failures} failed` : ''}`,
    `  read after each save ${showed} showed the save, ${shed} turned away (503), ${stale} showed an older copy${other ? `, ${other} other answers` : ''}; ${ms(result.readsAfterSave.latency)}`,
    `  server               peak RSS ${result.peakRssMb} MB; idle ${(result.settledMs / 1000).toFixed(1)} s after the flood`,
  ]
}
