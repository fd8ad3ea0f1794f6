/** autocannon, the way every scenario of the HTTP benchmark is loaded: warm-up, N runs, medians. */
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon'

import type { ServerProcess } from './processes'

import { waitUntilIdle } from './processes'

export type RequestSpec = { body?: string; headers?: Record<string, string>; method?: 'GET' | 'PATCH' | 'POST'; path: string }

/**
 * A fixed request (cacheable), or a rotation where every request is a URL not seen before;
 * optionally on its own number of connections, and measured while another load runs beside it.
 */
export type Load = ({ fixed: RequestSpec } | { next: () => RequestSpec }) & { connections?: number; beside?: { load: Load; connections: number } }

export type LoadOptions = { connections: number; durationS: number; runs: number; warmupS: number }

export type RunResult = {
  reqPerSec: number
  p50Ms: number
  p99Ms: number
  meanMs: number
  requests: number
  /** Responses by HTTP status, e.g. { "200": 5120 }. */
  statuses: Record<string, number>
  errors: number
  timeouts: number
  mbPerSec: number
  peakRssMb: number
  /**
   * p99 of the first answer on each connection (it includes opening the connection, and meets the
   * server at the start of a run), and of the answers on connections already open.
   */
  p99OpeningMs: null | number
  p99OpenMs: null | number
  /** The server's CPU time per answered request, in µs: what a request costs, whatever the load generator took. */
  cpuUsPerRequest: null | number
  /** The load running beside this one, if any: its rate, p99 and everything that was not a 200. */
  beside?: { reqPerSec: number; p99Ms: number; failures: number }
}

export type Measurement = {
  median: { reqPerSec: number; p50Ms: number; p99Ms: number; p99OpeningMs: null | number; p99OpenMs: null | number; peakRssMb: number; cpuUsPerRequest: null | number }
  runs: RunResult[]
  warmup: RunResult
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** The nearest-rank percentile (0 < q ≤ 1; 1 is the maximum) in whole ms, null without values. */
export const percentile = (values: number[], q: number): null | number => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!)
}

const requestsOf = (load: Load): AutocannonRequest[] => {
  if ('fixed' in load) return [{ method: 'GET', ...load.fixed }]
  // autocannon calls setupRequest for every request it sends (per connection), so each one
  // takes the next URL of the rotation.
  return [{ setupRequest: (request) => ({ ...request, method: 'GET', headers: {}, body: undefined, ...load.next() }) }]
}

type Server = Pick<ServerProcess, 'cpuSeconds' | 'rssMb' | 'url'>

const once = async (server: Server, load: Load, defaultConnections: number, durationS: number): Promise<RunResult> => {
  const connections = load.connections ?? defaultConnections
  const rssMb = server.rssMb
  let peakRssMb = rssMb()
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb())), 500)
  let result: AutocannonResult
  let beside: AutocannonResult | null = null
  const answered = new Set<object>()
  const openingLatencies: number[] = []
  const openLatencies: number[] = []
  const cpuBefore = server.cpuSeconds()
  let cpuSeconds: number
  try {
    const loading = (spec: Load, count: number) => autocannon({ url: server.url, connections: count, pipelining: 1, duration: durationS, timeout: 30, requests: requestsOf(spec) })
    const main = loading(load, connections)
    main.on('response', (client, _status, _bytes, latencyMs) => {
      if (answered.has(client)) openLatencies.push(latencyMs)
      else {
        answered.add(client)
        openingLatencies.push(latencyMs)
      }
    })
    ;[result, beside] = await Promise.all([main, load.beside ? loading(load.beside.load, load.beside.connections) : null])
    cpuSeconds = server.cpuSeconds() - cpuBefore
  } finally {
    clearInterval(sampler)
  }
  peakRssMb = Math.max(peakRssMb, rssMb())
  await waitUntilIdle(server)
  return {
    reqPerSec: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.mean,
    p99OpeningMs: percentile(openingLatencies, 0.99),
    p99OpenMs: percentile(openLatencies, 0.99),
    requests: result.requests.total ?? 0,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count])),
    errors: result.errors,
    timeouts: result.timeouts,
    mbPerSec: Math.round((result.throughput.average / 1024 / 1024) * 10) / 10,
    peakRssMb,
    // With a load beside it, the server's CPU went to both: per request of this one it means nothing.
    cpuUsPerRequest: result.requests.total && !beside ? Math.round((cpuSeconds * 1e6) / result.requests.total) : null,
    ...(beside
      ? {
          beside: {
            reqPerSec: Math.round(beside.requests.average * 10) / 10,
            p99Ms: beside.latency.p99,
            failures: beside.errors + beside.timeouts + Object.entries(beside.statusCodeStats ?? {}).reduce((sum, [status, { count }]) => sum + (status === '200' ? 0 : count), 0),
          },
        }
      : {}),
  }
}

const medianOrNull = (values: (null | number)[]): null | number => {
  const present = values.filter((value): value is number => value !== null)
  return present.length ? median(present) : null
}

const medianOf = (runs: RunResult[]): Measurement['median'] => {
  const cpu = runs.flatMap((run) => (run.cpuUsPerRequest === null ? [] : [run.cpuUsPerRequest]))
  return {
    reqPerSec: median(runs.map((run) => run.reqPerSec)),
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    p99OpeningMs: medianOrNull(runs.map((run) => run.p99OpeningMs)),
    p99OpenMs: medianOrNull(runs.map((run) => run.p99OpenMs)),
    peakRssMb: median(runs.map((run) => run.peakRssMb)),
    cpuUsPerRequest: cpu.length ? median(cpu) : null,
  }
}

/**
 * Warm-up, then `runs` runs, with the medians of req/s, p50, p99, peak server RSS and server CPU
 * per request. Loads compared with each other are measured in turns on one server: every load's
 * warm-up, then run 1 of each, run 2 of each, …. A server slows as its heap grows and the
 * machine's speed drifts; in turns, every load of the comparison sees the same drift, so their
 * ratio does not depend on which was measured first.
 */
export const measureSideBySide = async (server: Server, loads: Load[], options: LoadOptions): Promise<Measurement[]> => {
  await waitUntilIdle(server)
  const warmups: RunResult[] = []
  for (const load of loads) warmups.push(await once(server, load, options.connections, options.warmupS))
  const runs: RunResult[][] = loads.map(() => [])
  for (let run = 0; run < options.runs; run++) {
    for (const [index, load] of loads.entries()) runs[index]!.push(await once(server, load, options.connections, options.durationS))
  }
  return loads.map((_, index) => ({ median: medianOf(runs[index]!), runs: runs[index]!, warmup: warmups[index]! }))
}
