/**
 * `npm run bench:readers` (part of `npm run bench`): the reader counters of issue 24 — views,
 * votes, most-read — on the embedded `npm start` (SQLite), with the memory counter store and with
 * Redis, side by side in one run. docs/benchmarks.md ("Reader counters") has the latest table.
 *
 * 1. Views: `POST /api/articles/:id/view`, every request a new browser (`x-reader-token`) and a new
 *    client address (`x-forwarded-for`, one trusted proxy: the per-address limit is the readers',
 *    not the bench's), walking every article, with a browser's User-Agent (a missing one is a
 *    bot's). Per store: a run at full speed (BENCH_CONNECTIONS connections) and a paced run at
 *    about BENCH_VIEW_RATE (1,000) a second (each connection waits between requests). Database
 *    writes are counted from the database itself: the articles' `view_count` is read every
 *    second during the runs (the flush job writes each article at most once per flush).
 * 2. Votes vs fresh article reads (memory store, SQLite), measured in turns: `POST
 *    /api/articles/:id/vote` `{ value: ±1 }` from a new browser and address each, against `GET
 *    /api/articles/:id?depth=1&_lap=<n>` (every URL new, as http.ts's fresh reads). Cost: the
 *    server's CPU time per request (and req/s).
 * 3. Most-read: BENCH_VIEWS (1,000,000) views over BENCH_ARTICLES (10,000) articles, popularity
 *    Zipf-like, each view at a random hour of the last 7 days, loaded into Redis with the plugin's
 *    own write path (`addToMostRead`, the hourly buckets and running totals countView writes;
 *    batched: one call per article and hour with that hour's views). Then `GET
 *    /api/articles/most-read?window=24h|7d` and GraphQL `mostRead(window:)`, one request at a time
 *    (p50/p95), through the Redis server. The ranking itself — its first call, which builds the
 *    window's running total from the buckets, then steady calls — in this process against the same
 *    Redis, and against a memory store loaded the same way, the embedded default (a memory store
 *    lives in the server's process, so the bench cannot load it from outside; it is timed here).
 *
 * Ports: BENCH_READERS_PORT (8200) the memory server, +1 the Redis server, +2 its redis-server.
 * Settings: BENCH_ARTICLES, BENCH_VIEWS, BENCH_THREADS (2), BENCH_CONNECTIONS (16),
 * BENCH_WARMUP (3), BENCH_DURATION (6), BENCH_ROUNDS (2), BENCH_VIEW_RATE (1000),
 * BENCH_MOST_READ_REQUESTS (100), BENCH_RANKING_ARTICLES and BENCH_RANKING_VIEWS (the
 * ranking alone at that size, synthetic ids; off by default), BENCH_KEEP=1. Results: test/bench/results/readers.json.
 */
import { createClient } from '@libsql/client'
import { Redis } from 'ioredis'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import type { ServerProcess } from './processes'

import { addToMostRead, topViewed } from '../../plugins/article-views/counting'
import { type CounterStore, createCounterStore } from '../../plugins/shared/counterStore'
import { benchEnv, benchTmp, ensureCorpus, root } from './corpus'
import { startServer } from './processes'
import { type RequestLine, runWrk, type WrkResult } from './wrk'

const env = process.env
const settings = {
  articles: Number(env.BENCH_ARTICLES || 10_000),
  views: Number(env.BENCH_VIEWS || 1_000_000),
  threads: Number(env.BENCH_THREADS || 2),
  connections: Number(env.BENCH_CONNECTIONS || 16),
  warmupS: Number(env.BENCH_WARMUP || 3),
  durationS: Number(env.BENCH_DURATION || 6),
  rounds: Number(env.BENCH_ROUNDS || 2),
  viewRate: Number(env.BENCH_VIEW_RATE || 1000),
  mostReadRequests: Number(env.BENCH_MOST_READ_REQUESTS || 100),
  rankingArticles: Number(env.BENCH_RANKING_ARTICLES || 0),
  rankingViews: Number(env.BENCH_RANKING_VIEWS || 10_000_000),
  port: Number(env.BENCH_READERS_PORT || 8200),
  keep: env.BENCH_KEEP === '1',
}
const ports = { memory: settings.port, redis: settings.port + 1, redisServer: settings.port + 2 }

const started = performance.now()
const log = (line: string) =>
  process.stderr.write(
    `[bench readers ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`,
  )
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const round1 = (value: number) => Math.round(value * 10) / 10
const round2 = (value: number) => Math.round(value * 100) / 100

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

/** What this run started, stopped in reverse order on the way out. */
const running: { name: string; stop: () => Promise<void> }[] = []
const stopAll = async () => {
  for (const entry of running.splice(0).reverse()) {
    try {
      await entry.stop()
    } catch (error) {
      log(`stopping ${entry.name} failed: ${String(error)}`)
    }
  }
}
const onSignal = (code: number) => () => {
  log('stopping everything this run started…')
  void stopAll().then(() => process.exit(code))
}

// --- Requests ------------------------------------------------------------------------------------

/** A new reader per request: token and address from a counter no run repeats. */
let readersUsed = 0
const newReader = () => {
  const n = ++readersUsed
  return {
    'x-reader-token': `bench-reader-${process.pid}-${n}`,
    // One trusted proxy (NEWSROOM_TRUSTED_PROXIES=1): the address the app sees is this one.
    'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  }
}

/** Enough lines that no request of a run repeats one (at `perSecond` at most). */
const lineCount = (durationS: number, perSecond: number) =>
  Math.max(2000, Math.ceil(durationS * perSecond * 1.5))

const viewRequests = (ids: number[], count: number): RequestLine[] =>
  Array.from({ length: count }, (_, index) => ({
    method: 'POST' as const,
    path: `/api/articles/${ids[index % ids.length]}/view`,
    headers: newReader(),
  }))

const voteRequests = (ids: number[], count: number): RequestLine[] =>
  Array.from({ length: count }, (_, index) => ({
    method: 'POST' as const,
    path: `/api/articles/${ids[index % ids.length]}/vote`,
    body: JSON.stringify({ value: index % 3 === 2 ? -1 : 1 }),
    headers: newReader(),
  }))

let lapsUsed = 0
const freshReadRequests = (ids: number[], count: number): RequestLine[] => {
  const first = ++lapsUsed
  lapsUsed += Math.ceil(count / ids.length)
  return Array.from({ length: count }, (_, index) => ({
    path: `/api/articles/${ids[index % ids.length]}?depth=1&_lap=${first + Math.floor(index / ids.length)}`,
  }))
}

// --- Servers ---------------------------------------------------------------------------------------

const startEmbedded = async (
  name: string,
  dataDir: string,
  port: number,
  extra: Record<string, string>,
): Promise<ServerProcess> => {
  const server = await startServer({
    name,
    command: 'npm',
    args: ['run', '--silent', 'start'],
    cwd: root,
    env: {
      ...process.env,
      ...benchEnv(dataDir),
      NEWSROOM_BENCH: '',
      // The flush job of buffered views runs in the server, as in the embedded default.
      NEWSROOM_RUN_JOBS: '',
      // Readers' addresses come in x-forwarded-for (see newReader).
      NEWSROOM_TRUSTED_PROXIES: '1',
      REDIS_URL: '',
      PORT: String(port),
      ...extra,
    },
    port,
    readyPath: '/api/articles?limit=1&depth=0',
    logFile: path.join(dataDir, `${name.replace(/\W+/g, '-')}.log`),
    isLauncher: true,
    timeoutMs: 10 * 60_000,
  })
  running.push({ name, stop: server.stop })
  return server
}

const startRedis = async (dir: string) => {
  fs.mkdirSync(dir, { recursive: true })
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(ports.redisServer),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: ['ignore', fs.openSync(path.join(dir, 'redis.log'), 'a'), 'inherit'] },
  )
  const stop = async () => {
    if (child.exitCode !== null) return
    child.kill('SIGTERM')
    for (let i = 0; i < 50 && child.exitCode === null; i++) await wait(100)
  }
  running.push({ name: 'redis-server', stop })
  const store = createCounterStore({
    redis: `redis://127.0.0.1:${ports.redisServer}`,
    keyPrefix: 'bench-ping',
  })
  for (let i = 0; i < 50; i++) {
    try {
      await store.setIfAbsent('ping', 1)
      await store.close()
      return `redis://127.0.0.1:${ports.redisServer}`
    } catch {
      await wait(200)
    }
  }
  await store.close()
  throw new Error('redis-server did not answer')
}

// --- Database writes -----------------------------------------------------------------------------

/**
 * Reads every article's `view_count` once a second: a changed count is a flush job's write (the
 * job writes each article at most once per flush, its flushes ≥ 10 s apart, so a 1 s poll sees
 * each). Also counts the flush jobs seen queued.
 */
const watchWrites = (dbFile: string) => {
  const db = createClient({ url: `file:${dbFile}` })
  const last = new Map<number, number>()
  const writes = new Map<number, number>()
  const jobs = new Set<string>()
  let polls = 0
  let firstSum: null | number = null
  let lastSum = 0
  let stopped = false
  let firstPoll = 0
  let lastPoll = 0
  const poll = async () => {
    const { rows } = await db.execute('select id, view_count from articles')
    let sum = 0
    for (const row of rows) {
      const id = Number(row.id)
      const count = Number(row.view_count ?? 0)
      sum += count
      const before = last.get(id)
      if (before !== undefined && before !== count) writes.set(id, (writes.get(id) ?? 0) + 1)
      last.set(id, count)
    }
    try {
      const queued = await db.execute(
        "select id from payload_jobs where task_slug = 'flushArticleViews'",
      )
      for (const row of queued.rows) jobs.add(String(row.id))
    } catch {
      // no jobs table: counts alone
    }
    polls++
    firstSum ??= sum
    lastSum = sum
    lastPoll = performance.now()
    if (!firstPoll) firstPoll = lastPoll
  }
  const loop = (async () => {
    while (!stopped) {
      try {
        await poll()
      } catch (error) {
        log(`reading view_count failed: ${String(error)}`)
      }
      await wait(1000)
    }
  })()
  return {
    stop: async () => {
      stopped = true
      await loop
      db.close()
      const seconds = (lastPoll - firstPoll) / 1000
      const perArticle = [...writes.values()]
      const max = perArticle.length ? Math.max(...perArticle) : 0
      return {
        seconds: round1(seconds),
        polls,
        articlesWritten: writes.size,
        rowWrites: perArticle.reduce((sum, value) => sum + value, 0),
        maxWritesOneArticle: max,
        maxWritesPerArticlePerSecond: seconds > 0 ? round2(max / seconds) : null,
        flushJobsSeen: jobs.size,
        viewCountAdded: lastSum - (firstSum ?? 0),
      }
    },
  }
}

// --- Measurements ----------------------------------------------------------------------------------

type Run = WrkResult & { cpuMsPerRequest?: number }

const wrkRun = async (
  server: ServerProcess,
  name: string,
  requests: RequestLine[],
  options: { durationS: number; delayMs?: number; connections?: number },
  dir: string,
): Promise<Run> => {
  const cpuBefore = server.cpuSeconds()
  const result = await runWrk({
    url: server.url,
    requests,
    headers: { 'user-agent': BROWSER },
    connections: options.connections ?? settings.connections,
    threads: settings.threads,
    durationS: options.durationS,
    delayMs: options.delayMs,
    dir,
    name,
  })
  const cpu = server.cpuSeconds() - cpuBefore
  const run: Run = {
    ...result,
    cpuMsPerRequest: result.requests ? round2((cpu * 1000) / result.requests) : undefined,
  }
  log(
    `${name}: ${run.reqPerSec} req/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, server CPU ${run.cpuMsPerRequest} ms/request${run.failures ? `, ${run.failures} failed` : ''}${run.isWrapped ? ' (lines repeated)' : ''}`,
  )
  return run
}

const probe = async (
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  expect: number,
) => {
  const response = await fetch(url, {
    ...init,
    headers: { 'user-agent': BROWSER, ...init.headers },
  })
  const body = await response.text()
  if (response.status !== expect)
    throw new Error(
      `${init.method ?? 'GET'} ${url} answered ${response.status}: ${body.slice(0, 300)}`,
    )
  return body
}

const measureViews = async (server: ServerProcess, ids: number[], dbFile: string, dir: string) => {
  await probe(
    `${server.url}/api/articles/${ids[0]}/view`,
    { method: 'POST', headers: newReader() },
    204,
  )
  const watcher = watchWrites(dbFile)
  const warmup = await wrkRun(
    server,
    `${path.basename(dir)}-views-warmup`,
    viewRequests(ids, lineCount(settings.warmupS, 5000)),
    { durationS: settings.warmupS },
    dir,
  )
  const full = await wrkRun(
    server,
    `${path.basename(dir)}-views-full`,
    viewRequests(ids, lineCount(settings.durationS, 5000)),
    { durationS: settings.durationS },
    dir,
  )
  // Paced: each connection waits so that connections × 1000 / (delay + latency) ≈ the rate; only
  // when full speed reaches the rate (else the full-speed run is the answer).
  let paced: (Run & { delayMs: number }) | null = null
  if (full.reqPerSec >= settings.viewRate) {
    const perConnectionMs = (settings.connections * 1000) / settings.viewRate
    let delayMs = Math.max(1, Math.round(perConnectionMs - full.latencyMs.p50))
    const pacedRun = () =>
      wrkRun(
        server,
        `${path.basename(dir)}-views-paced`,
        viewRequests(ids, lineCount(settings.durationS, settings.viewRate * 2)),
        { durationS: settings.durationS, delayMs },
        dir,
      )
    let run = await pacedRun()
    if (run.reqPerSec < settings.viewRate * 0.9 && delayMs > 1) {
      // Latency at this load was higher than full speed's p50 suggested: wait less.
      delayMs = Math.max(1, Math.round(delayMs * (run.reqPerSec / settings.viewRate) - 1))
      run = await pacedRun()
    }
    paced = { ...run, delayMs }
  } else
    log(`views: full speed (${full.reqPerSec}/s) is below ${settings.viewRate}/s: no paced run`)
  // The floor: a crawler's view is answered 204 before any store or database call, so it costs
  // what Next.js, Payload's request and the endpoint's routing cost.
  const floor = await wrkRun(
    server,
    `${path.basename(dir)}-views-bot-floor`,
    viewRequests(ids, lineCount(settings.durationS, 5000)).map((request) => ({
      ...request,
      headers: {
        ...request.headers,
        'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)',
      },
    })),
    { durationS: settings.durationS },
    dir,
  )
  // One flush interval more, so that the runs' last buffered views reach the database.
  await wait(12_000)
  const writes = await watcher.stop()
  log(
    `database writes during the view runs: ${writes.rowWrites} article writes (${writes.articlesWritten} articles) in ${writes.seconds} s, at most ${writes.maxWritesOneArticle} for one article (${writes.maxWritesPerArticlePerSecond}/s), ${writes.flushJobsSeen} flush jobs; view_count +${writes.viewCountAdded} for ${warmup.requests + full.requests + (paced?.requests ?? 0)} views sent`,
  )
  const counted = warmup.requests + full.requests + (paced?.requests ?? 0) + 1
  return {
    warmup,
    full,
    paced,
    floor,
    cpuOverFloor: round2((full.cpuMsPerRequest ?? 0) / (floor.cpuMsPerRequest ?? 1)),
    viewsSent: counted,
    writes,
  }
}

/** Votes and fresh reads in turns (a, b, a, b …): whatever loads the machine falls on both. */
const measureVotesVsReads = async (server: ServerProcess, ids: number[], dir: string) => {
  await probe(
    `${server.url}/api/articles/${ids[1]}/vote`,
    {
      method: 'POST',
      headers: { ...newReader(), 'content-type': 'application/json' },
      body: '{"value":1}',
    },
    200,
  )
  await probe(`${server.url}/api/articles/${ids[1]}?depth=1&_lap=0`, {}, 200)
  const lines = lineCount(settings.durationS, 1500)
  const scenarios = {
    vote: () => voteRequests(ids, lines),
    read: () => freshReadRequests(ids, lines),
  }
  const runs: Record<'read' | 'vote', Run[]> = { vote: [], read: [] }
  for (const [name, requests] of Object.entries(scenarios))
    await wrkRun(server, `${name}-warmup`, requests(), { durationS: settings.warmupS }, dir)
  for (let round = 1; round <= settings.rounds; round++)
    for (const [name, requests] of Object.entries(scenarios))
      runs[name as 'read' | 'vote'].push(
        await wrkRun(
          server,
          `${name}-round${round}`,
          requests(),
          { durationS: settings.durationS },
          dir,
        ),
      )
  const summary = (list: Run[]) => ({
    reqPerSec: Math.round(mean(list.map((run) => run.reqPerSec))),
    p50Ms: round1(mean(list.map((run) => run.latencyMs.p50))),
    p99Ms: round1(mean(list.map((run) => run.latencyMs.p99))),
    cpuMsPerRequest: round2(mean(list.map((run) => run.cpuMsPerRequest ?? 0))),
    failures: list.reduce((sum, run) => sum + run.failures, 0),
  })
  const vote = summary(runs.vote)
  const read = summary(runs.read)
  return {
    vote,
    read,
    runs,
    ratios: {
      cpuPerRequest: round2(vote.cpuMsPerRequest / read.cpuMsPerRequest),
      throughput: round2(read.reqPerSec / vote.reqPerSec),
      p50: round2(vote.p50Ms / read.p50Ms),
    },
  }
}

const mean = (values: number[]) =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return round1(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0)
}

// --- Most-read -------------------------------------------------------------------------------------

/** Articles' sections, from the corpus database. */
const sectionsOf = async (dbFile: string): Promise<Map<number, null | string>> => {
  const db = createClient({ url: `file:${dbFile}` })
  try {
    const { rows } = await db.execute('select id, section_id from articles')
    return new Map(
      rows.map((row) => [Number(row.id), row.section_id === null ? null : String(row.section_id)]),
    )
  } finally {
    db.close()
  }
}

/**
 * `views` views: article popularity Zipf-like (s = 1) over the corpus's shuffled order, each view
 * at a uniformly random hour of the last 7 days; yielded as (article, hour) → views, which is what
 * the buckets hold, one article at a time. Seeded: every run and store gets the same views.
 */
function* viewCells(ids: number[], views: number, now: number) {
  let seed = 0x2f6e2b1
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff
    return seed / 0x80000000
  }
  let total = 0
  for (let rank = 0; rank < ids.length; rank++) total += 1 / (rank + 1)
  const hours = new Int32Array(168)
  let assigned = 0
  for (let rank = 0; rank < ids.length; rank++) {
    const share =
      rank === ids.length - 1
        ? views - assigned
        : Math.min(views - assigned, Math.round((1 / (rank + 1) / total) * views))
    assigned += share
    hours.fill(0)
    for (let view = 0; view < share; view++) hours[Math.floor(random() * 168)]!++
    for (let back = 0; back < 168; back++)
      if (hours[back]) yield { id: ids[rank]!, at: now - back * 3_600_000, views: hours[back]! }
  }
}

/** Every cell through the plugin's `addToMostRead`, 5,000 calls in flight at a time. */
const loadViews = async (
  store: CounterStore,
  cells: Iterable<{ at: number; id: number; views: number }>,
  sectionOf: (id: number) => null | string,
  label: string,
) => {
  const loadStarted = performance.now()
  let count = 0
  let batch: Promise<void>[] = []
  for (const cell of cells) {
    batch.push(addToMostRead(store, { ...cell, section: sectionOf(cell.id) }))
    if (++count % 500_000 === 0)
      log(`${label}: ${count.toLocaleString('en')} (article, hour) cells…`)
    if (batch.length === 5000) {
      await Promise.all(batch)
      batch = []
    }
  }
  await Promise.all(batch)
  return { cells: count, seconds: round1((performance.now() - loadStarted) / 1000) }
}

/** One request at a time: latency without queueing. */
const timeSequential = async (count: number, send: (index: number) => Promise<void>) => {
  const times: number[] = []
  for (let index = 0; index < count; index++) {
    const start = performance.now()
    await send(index)
    times.push(performance.now() - start)
  }
  return {
    requests: count,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: percentile(times, 100),
  }
}

const MOST_READ_QUERY = (window: string) =>
  `query MostRead { mostRead(window: "${window}", limit: 10) { id title views viewCount } }`

const measureMostReadHttp = async (server: ServerProcess) => {
  const result: Record<string, Awaited<ReturnType<typeof timeSequential>>> = {}
  for (const window of ['24h', '7d']) {
    const rest = `${server.url}/api/articles/most-read?window=${window}&limit=10`
    const first = JSON.parse(await probe(`${rest}&_lap=0`, {}, 200)) as { docs: unknown[] }
    if (first.docs.length === 0) throw new Error(`most-read ${window} answered no articles`)
    result[`rest ${window}`] = await timeSequential(settings.mostReadRequests, async (index) => {
      await probe(`${rest}&_lap=${index + 1}`, {}, 200)
    })
    const body = JSON.stringify({ query: MOST_READ_QUERY(window) })
    const graphQL = await probe(
      `${server.url}/api/graphql`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      },
      200,
    )
    if (graphQL.startsWith('{"errors"'))
      throw new Error(`GraphQL mostRead: ${graphQL.slice(0, 300)}`)
    result[`graphql ${window}`] = await timeSequential(settings.mostReadRequests, async () => {
      await probe(
        `${server.url}/api/graphql`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        },
        200,
      )
    })
    log(
      `most-read ${window} over HTTP (Redis): REST p50 ${result[`rest ${window}`]!.p50Ms} ms p95 ${result[`rest ${window}`]!.p95Ms} ms; GraphQL p50 ${result[`graphql ${window}`]!.p50Ms} ms p95 ${result[`graphql ${window}`]!.p95Ms} ms`,
    )
  }
  return result
}

/**
 * The ranking alone (top 30): the first call of a window builds its running total from the hourly
 * buckets (once after a deploy, or after a pause longer than the window); later calls read the
 * total's top members (rolling out an hour's bucket when one has left the window).
 */
const measureRanking = async (store: CounterStore, label: string) => {
  const result: Record<string, { rebuildMs: number } & Awaited<ReturnType<typeof timeSequential>>> =
    {}
  for (const window of ['24h', '7d'] as const) {
    // What findMostRead asks for a list of 10: limit × 2 + 10.
    const rank = () => topViewed(store, { limit: 30, section: null, window })
    const start = performance.now()
    await rank()
    const rebuildMs = Math.round((performance.now() - start) * 10) / 10
    result[window] = { rebuildMs, ...(await timeSequential(20, async () => void (await rank()))) }
    log(
      `most-read ranking, ${label}, ${window}: first (builds the running total) ${rebuildMs} ms; then p50 ${result[window]!.p50Ms} ms, p95 ${result[window]!.p95Ms} ms`,
    )
  }
  return result
}

// --- The run ---------------------------------------------------------------------------------------

const main = async () => {
  const load = os.loadavg()
  log(
    `machine: ${os.cpus().length} cores, load average ${load.map((value) => value.toFixed(2)).join(' ')} (shared: ratios matter more than absolute numbers)`,
  )
  process.once('SIGINT', onSignal(130))
  process.once('SIGTERM', onSignal(143))
  const corpus = await ensureCorpus(settings.articles, log)
  const ids = corpus.manifest.articleList.map(([id]) => id)
  log(`corpus: ${ids.length} published articles (${corpus.generated ? 'generated' : 'cached'})`)
  const runDir = path.join(benchTmp, `readers-${Date.now()}`)
  const memoryDir = path.join(runDir, 'memory')
  const redisDir = path.join(runDir, 'redis')
  fs.cpSync(corpus.dir, memoryDir, { recursive: true })
  fs.cpSync(corpus.dir, redisDir, { recursive: true })
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, loadAverageAtStart: load.map(round2) },
    settings,
  }

  try {
    // 1 and 2 on the memory store.
    log(`starting the embedded npm start (SQLite, memory counter store) on ${ports.memory}…`)
    const memory = await startEmbedded('memory server', memoryDir, ports.memory, {})
    log('views, memory store…')
    const viewsMemory = await measureViews(
      memory,
      ids,
      path.join(memoryDir, 'newsroom.db'),
      path.join(memoryDir, 'wrk'),
    )
    log('votes vs fresh article reads, memory store…')
    const votes = await measureVotesVsReads(memory, ids, path.join(memoryDir, 'wrk'))
    log(
      `vote / fresh read: CPU per request ${votes.ratios.cpuPerRequest}×, throughput ${votes.ratios.throughput}×, p50 ${votes.ratios.p50}×`,
    )
    await memory.stop()
    running.splice(
      running.findIndex((entry) => entry.name === 'memory server'),
      1,
    )

    // 1 and 3 on Redis.
    const redisUrl = await startRedis(path.join(runDir, 'redis-server'))
    log(
      `redis-server on ${ports.redisServer}; starting the embedded npm start with REDIS_URL on ${ports.redis}…`,
    )
    const redis = await startEmbedded('redis server', redisDir, ports.redis, {
      REDIS_URL: redisUrl,
    })
    log('views, Redis store…')
    const viewsRedis = await measureViews(
      redis,
      ids,
      path.join(redisDir, 'newsroom.db'),
      path.join(redisDir, 'wrk'),
    )

    log(
      `most-read: loading ${settings.views.toLocaleString('en')} views over ${ids.length.toLocaleString('en')} articles into Redis…`,
    )
    const sections = await sectionsOf(path.join(corpus.dir, 'newsroom.db'))
    const sectionOf = (id: number) => sections.get(id) ?? null
    const now = Date.now()
    // The plugin's store on a client that sends each tick's commands in one write (the loader's
    // thousands of calls in flight); the app's own client is the same store without it.
    const redisClient = new Redis(redisUrl, { enableAutoPipelining: true })
    const redisStore = createCounterStore({ redis: redisClient, keyPrefix: 'views' })
    const redisLoad = await loadViews(
      redisStore,
      viewCells(ids, settings.views, now),
      sectionOf,
      'Redis',
    )
    log(
      `loaded ${redisLoad.cells.toLocaleString('en')} (article, hour) cells into Redis in ${redisLoad.seconds} s`,
    )
    const mostReadHttp = await measureMostReadHttp(redis)
    const rankingRedis = await measureRanking(redisStore, 'Redis')
    await redis.stop()

    const memoryStore = createCounterStore({ redis: null, keyPrefix: 'views' })
    const memoryLoad = await loadViews(
      memoryStore,
      viewCells(ids, settings.views, now),
      sectionOf,
      'memory',
    )
    log(`loaded into a memory store in ${memoryLoad.seconds} s`)
    const rankingMemory = await measureRanking(memoryStore, 'memory')

    // The ranking alone at a larger size (e.g. 100,000 articles, 10,000,000 views): no corpus
    // needed, synthetic ids and 12 sections, under another key prefix.
    let rankingLarge: unknown = null
    if (settings.rankingArticles) {
      const largeIds = Array.from({ length: settings.rankingArticles }, (_, index) => index + 1)
      const largeSection = (id: number) => String(id % 12)
      log(
        `ranking only: ${settings.rankingViews.toLocaleString('en')} views over ${largeIds.length.toLocaleString('en')} synthetic articles…`,
      )
      const largeRedis = createCounterStore({ redis: redisClient, keyPrefix: 'views-large' })
      const largeRedisLoad = await loadViews(
        largeRedis,
        viewCells(largeIds, settings.rankingViews, now),
        largeSection,
        'Redis, large',
      )
      log(
        `loaded ${largeRedisLoad.cells.toLocaleString('en')} cells into Redis in ${largeRedisLoad.seconds} s`,
      )
      const largeRedisRanking = await measureRanking(largeRedis, 'Redis, large')
      const largeMemory = createCounterStore({ redis: null, keyPrefix: 'views-large' })
      const largeMemoryLoad = await loadViews(
        largeMemory,
        viewCells(largeIds, settings.rankingViews, now),
        largeSection,
        'memory, large',
      )
      const largeMemoryRanking = await measureRanking(largeMemory, 'memory, large')
      rankingLarge = {
        articles: largeIds.length,
        views: settings.rankingViews,
        cells: largeRedisLoad.cells,
        loadSeconds: { redis: largeRedisLoad.seconds, memory: largeMemoryLoad.seconds },
        ranking: { redis: largeRedisRanking, memory: largeMemoryRanking },
      }
    }
    redisClient.disconnect()

    Object.assign(results, {
      views: { memory: viewsMemory, redis: viewsRedis },
      votesVsFreshReads: votes,
      mostRead: {
        articles: ids.length,
        views: settings.views,
        cells: redisLoad.cells,
        loadSeconds: { redis: redisLoad.seconds, memory: memoryLoad.seconds },
        httpRedis: mostReadHttp,
        ranking: { redis: rankingRedis, memory: rankingMemory },
      },
      mostReadRankingLarge: rankingLarge,
      loadAverageAtEnd: os.loadavg().map(round2),
      totalSeconds: Math.round((performance.now() - started) / 1000),
    })
  } finally {
    await stopAll()
    if (!settings.keep) fs.rmSync(runDir, { recursive: true, force: true })
  }
  const resultsDir = path.join(import.meta.dirname, 'results')
  fs.mkdirSync(resultsDir, { recursive: true })
  fs.writeFileSync(path.join(resultsDir, 'readers.json'), JSON.stringify(results, null, 2) + '\n')
  log(`done in ${results.totalSeconds} s; test/bench/results/readers.json written`)
}

main().catch(async (error) => {
  log(String(error instanceof Error ? (error.stack ?? error.message) : error))
  await stopAll()
  process.exit(1)
})
