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
 * 3. Most-read at the issue's size: BENCH_RANKING_VIEWS (10,000,000) views over
 *    BENCH_RANKING_ARTICLES (100,000) articles, popularity Zipf-like, each view at a random hour of
 *    the last 7 days, loaded with the plugin's own write path (`addToMostRead`: the hourly buckets
 *    and running totals a counted view writes; one call per article and hour with that hour's views;
 *    into Redis through a bench-only pipelined loader). The corpus's articles take the top ranks
 *    (the HTTP path reads their headlines), synthetic ids the rest. For Redis and for a memory
 *    store (the embedded default; it lives in the server's process, so it is timed here): the
 *    ranking's first call (the window's running total built from the buckets), steady calls, and
 *    the roll (an hour leaving the window: one bucket subtracted) on a clock moved on by the
 *    bench; 24h and 7d, overall and one section. Over HTTP, through the Redis server (sharing the
 *    Redis): `GET /api/articles/most-read?window=24h|7d&limit=10` and GraphQL `mostRead(window:,
 *    limit: 10)`, and the same endpoint's 400 as a floor, one request at a time, in turns (p50/p95).
 *
 * Ports: BENCH_READERS_PORT (8200) the memory server, +1 the Redis server, +2 its redis-server.
 * Settings: BENCH_ARTICLES (the corpus, 10,000), BENCH_THREADS (2), BENCH_CONNECTIONS (16),
 * BENCH_WARMUP (3), BENCH_DURATION (6), BENCH_ROUNDS (2), BENCH_VIEW_RATE (1000),
 * BENCH_MOST_READ_REQUESTS (100), BENCH_RANKING_ARTICLES (100,000), BENCH_RANKING_VIEWS
 * (10,000,000), BENCH_ROLL_STEPS (5), BENCH_ROLL_CATCH_UP (12), BENCH_READERS_ONLY=most-read
 * (skips 1 and 2), BENCH_KEEP=1. Results: test/bench/results/readers.json.
 */
import { createClient } from '@libsql/client'
import { Redis } from 'ioredis'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import type { MostReadWindow } from '../../plugins/article-views/types'
import type { ServerProcess } from './processes'

import { addToMostRead, topViewed } from '../../plugins/article-views/counting'
import { type CounterStore, createCounterStore } from '../../plugins/shared/counterStore'
import { benchEnv, benchTmp, ensureCorpus, root } from './corpus'
import { startServer } from './processes'
import { type RequestLine, runWrk, type WrkResult } from './wrk'

const env = process.env
const settings = {
  articles: Number(env.BENCH_ARTICLES || 10_000),
  threads: Number(env.BENCH_THREADS || 2),
  connections: Number(env.BENCH_CONNECTIONS || 16),
  warmupS: Number(env.BENCH_WARMUP || 3),
  durationS: Number(env.BENCH_DURATION || 6),
  rounds: Number(env.BENCH_ROUNDS || 2),
  viewRate: Number(env.BENCH_VIEW_RATE || 1000),
  mostReadRequests: Number(env.BENCH_MOST_READ_REQUESTS || 100),
  rankingArticles: Number(env.BENCH_RANKING_ARTICLES || 100_000),
  rankingViews: Number(env.BENCH_RANKING_VIEWS || 10_000_000),
  rollSteps: Number(env.BENCH_ROLL_STEPS || 5),
  rollCatchUp: Number(env.BENCH_ROLL_CATCH_UP || 12),
  mostReadOnly: env.BENCH_READERS_ONLY === 'most-read',
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
 * The ranking's `count` article ids, most popular first: the corpus's real articles (its shuffled
 * order) take the top ranks and synthetic ids above the corpus's highest the rest, so the HTTP path
 * (which reads the top articles' headlines) finds every id it asks for while the ranking holds
 * `count` articles. Synthetic articles' sections go round the corpus's sections.
 */
const rankedArticles = (
  corpusIds: number[],
  corpusSections: Map<number, null | string>,
  sectionIds: string[],
  count: number,
) => {
  const ids = corpusIds.slice(0, count)
  const synthetic = new Map<number, string>()
  let next = corpusIds.reduce((max, id) => Math.max(max, id), 0) + 1
  while (ids.length < count) {
    const id = next++
    ids.push(id)
    synthetic.set(id, sectionIds[id % sectionIds.length]!)
  }
  return {
    ids,
    real: Math.min(corpusIds.length, count),
    sectionOf: (id: number) => corpusSections.get(id) ?? synthetic.get(id) ?? null,
  }
}

/**
 * `views` views: article popularity Zipf-like (s = 1) over `ids` (most popular first), each view
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

/**
 * For loading only: the store as `addToMostRead` sees it, whose increments are summed here and
 * sent to Redis as plain ZINCRBY in pipelines (no MULTI per call, each key's EXPIRE once per
 * flush). The keys are the plugin's own, so the sets end exactly as the app's store would leave
 * them — in about a minute instead of a quarter of an hour for ~2.9M calls. Bench-only: the
 * plugin's store keeps its one atomic step per view.
 */
const bulkRedisLoader = (client: Redis, store: CounterStore, prefix: string) => {
  let pending = new Map<string, Map<string, number>>()
  const ttls = new Map<string, number>()
  let size = 0
  const flush = async () => {
    // Calls made while this batch is sent go into the next one.
    const batch = pending
    pending = new Map()
    size = 0
    let pipeline = client.pipeline()
    let commands = 0
    for (const [key, members] of batch)
      for (const [member, by] of members) {
        pipeline.zincrby(prefix + key, by, member)
        if (++commands % 10_000 === 0) {
          await pipeline.exec()
          pipeline = client.pipeline()
        }
      }
    for (const key of batch.keys()) pipeline.expire(prefix + key, ttls.get(key)!)
    await pipeline.exec()
  }
  const loader: CounterStore = {
    ...store,
    sortedIncrementAll: async (keys, member, by, ttlSeconds) => {
      for (const key of keys) {
        let members = pending.get(key)
        if (!members) pending.set(key, (members = new Map()))
        if (!members.has(member)) size++
        members.set(member, (members.get(member) ?? 0) + by)
        ttls.set(key, Math.max(1, Math.ceil(ttlSeconds)))
      }
      if (size >= 300_000) await flush()
    },
  }
  return { loader, flush }
}

/** Every cell through the plugin's `addToMostRead`, 5,000 calls in flight at a time. */
const loadViews = async (
  store: CounterStore,
  cells: Iterable<{ at: number; id: number; views: number }>,
  sectionOf: (id: number) => null | string,
  label: string,
  flush?: () => Promise<void>,
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
  await flush?.()
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

/** Untimed rounds first: the first requests of a kind after the start are slower. */
const HTTP_WARMUP = 20

/**
 * REST and GraphQL for both windows, and a floor — the same endpoint answering 400 (an unknown
 * window) before any store or database call: what Next.js, Payload's request and the routing cost
 * by themselves. One request at a time, the five in turns, so that the machine's load and the
 * server's warm-up fall on all of them alike.
 */
const measureMostReadHttp = async (server: ServerProcess) => {
  const graphQL = (window: string) => () =>
    probe(
      `${server.url}/api/graphql`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: MOST_READ_QUERY(window) }),
      },
      200,
    )
  let lap = 0
  const rest =
    (window: string, status = 200) =>
    () =>
      probe(
        `${server.url}/api/articles/most-read?window=${window}&limit=10&_lap=${++lap}`,
        {},
        status,
      )
  const kinds: Record<string, () => Promise<string>> = {
    'rest floor': rest('1y', 400),
    'rest 24h': rest('24h'),
    'rest 7d': rest('7d'),
    'graphql 24h': graphQL('24h'),
    'graphql 7d': graphQL('7d'),
  }
  for (const window of ['24h', '7d']) {
    const first = JSON.parse(await kinds[`rest ${window}`]!()) as { docs: unknown[] }
    if (first.docs.length !== 10)
      throw new Error(`most-read ${window} answered ${first.docs.length} articles, not 10`)
    const answer = await kinds[`graphql ${window}`]!()
    if (answer.startsWith('{"errors"')) throw new Error(`GraphQL mostRead: ${answer.slice(0, 300)}`)
  }
  const times: Record<string, number[]> = {}
  for (let round = -HTTP_WARMUP; round < settings.mostReadRequests; round++)
    for (const [name, send] of Object.entries(kinds)) {
      const start = performance.now()
      await send()
      if (round >= 0) (times[name] ??= []).push(performance.now() - start)
    }
  const result: Record<string, { maxMs: number; p50Ms: number; p95Ms: number; requests: number }> =
    {}
  for (const [name, list] of Object.entries(times)) {
    result[name] = {
      requests: list.length,
      p50Ms: percentile(list, 50),
      p95Ms: percentile(list, 95),
      maxMs: percentile(list, 100),
    }
    log(
      `most-read over HTTP (Redis), ${name}: p50 ${result[name].p50Ms} ms, p95 ${result[name].p95Ms} ms`,
    )
  }
  return result
}

/** A ranking the bench times: a window, overall or in one section. */
type Ranking = { label: string; section: null | string; window: MostReadWindow }

const HOUR_MS = 3_600_000
const rankingsOf = (section: string): Ranking[] =>
  (['24h', '7d'] as const).flatMap((window) => [
    { label: `${window} overall`, section: null, window },
    { label: `${window} section ${section}`, section, window },
  ])
/** What findMostRead asks for a list of 10: limit × 2 + 10. */
const rank = (store: CounterStore, { section, window }: Ranking) =>
  topViewed(store, { limit: 30, section, window })
const markOf = (store: CounterStore, { section, window }: Ranking) =>
  store.markOf(`w:${window}${section === null ? '' : `:s:${section}`}:out`)

/** Redis's own time in scripts (INFO commandstats): how long it was busy, every client waiting. */
const redisScriptMs = async (client: null | Redis) => {
  if (!client) return 0
  let usec = 0
  for (const match of (await client.info('commandstats')).matchAll(
    /cmdstat_(?:eval|evalsha):calls=\d+,usec=(\d+)/g,
  ))
    usec += Number(match[1])
  return usec / 1000
}

/** One call timed, with Redis's script time during it and the hours it rolled out. */
const timeRoll = async (store: CounterStore, ranking: Ranking, client: null | Redis) => {
  const markBefore = await markOf(store, ranking)
  const busyBefore = await redisScriptMs(client)
  const start = performance.now()
  await rank(store, ranking)
  const ms = round1(performance.now() - start)
  const redisBusyMs = client ? round1((await redisScriptMs(client)) - busyBefore) : undefined
  const markAfter = await markOf(store, ranking)
  return {
    ms,
    redisBusyMs,
    hoursRolled: markBefore === null ? 'rebuilt' : (markAfter ?? 0) - markBefore,
  }
}

/**
 * The ranking alone (top 30), per window, overall and in one section: the first call builds the
 * window's running total from the hourly buckets (never built: once on a fresh store, or after a
 * pause longer than the window); then `BENCH_MOST_READ_REQUESTS` steady calls (a read of the
 * total's top members).
 */
const measureRanking = async (
  store: CounterStore,
  label: string,
  rankings: Ranking[],
  client: null | Redis,
) => {
  const result: Record<string, unknown> = {}
  for (const ranking of rankings) {
    const rebuild = await timeRoll(store, ranking, client)
    if (rebuild.hoursRolled !== 'rebuilt')
      throw new Error(`${label} ${ranking.label}: the first call found a total already built`)
    const steady = await timeSequential(settings.mostReadRequests, async () => {
      await rank(store, ranking)
    })
    result[ranking.label] = {
      rebuildMs: rebuild.ms,
      rebuildRedisBusyMs: rebuild.redisBusyMs,
      steady,
    }
    log(
      `ranking, ${label}, ${ranking.label}: rebuild ${rebuild.ms} ms${client ? ` (Redis busy ${rebuild.redisBusyMs} ms)` : ''}; steady p50 ${steady.p50Ms} ms, p95 ${steady.p95Ms} ms, max ${steady.maxMs} ms`,
    )
  }
  return result
}

/**
 * The roll, without waiting an hour: this process's clock (`Date.now`, which the window and the
 * memory store read) moves on an hour at a time, and each ranking's next call subtracts the
 * hourly bucket that has just left its window — a full hour of the loaded views (24h: the hour
 * 23 h back, then 22 h …; 7d: 167 h back …). `BENCH_ROLL_STEPS` (5) such hours, then a catch-up:
 * a ranking nobody asked for during `BENCH_ROLL_CATCH_UP` (12) hours rolls that many in its next
 * call. Runs last: it leaves the marks in this fake future.
 */
const measureRolls = async (
  store: CounterStore,
  label: string,
  rankings: Ranking[],
  client: null | Redis,
) => {
  const realNow = Date.now
  let offset = 0
  Date.now = () => realNow() + offset
  const steps: Record<string, Awaited<ReturnType<typeof timeRoll>>[]> = {}
  const catchUp: Record<string, Awaited<ReturnType<typeof timeRoll>>> = {}
  try {
    for (let step = 1; step <= settings.rollSteps; step++) {
      offset += HOUR_MS
      for (const ranking of rankings)
        (steps[ranking.label] ??= []).push(await timeRoll(store, ranking, client))
    }
    offset += settings.rollCatchUp * HOUR_MS
    for (const ranking of rankings) catchUp[ranking.label] = await timeRoll(store, ranking, client)
  } finally {
    Date.now = realNow
  }
  const result: Record<string, unknown> = {}
  for (const ranking of rankings) {
    const times = steps[ranking.label]!.map((step) => step.ms)
    const busy = steps[ranking.label]!.map((step) => step.redisBusyMs ?? 0)
    const entry = {
      oneHour: {
        calls: times.length,
        hoursRolled: steps[ranking.label]!.map((step) => step.hoursRolled),
        p50Ms: percentile(times, 50),
        maxMs: percentile(times, 100),
        redisBusyP50Ms: client ? percentile(busy, 50) : undefined,
      },
      catchUp: catchUp[ranking.label],
    }
    result[ranking.label] = entry
    log(
      `roll, ${label}, ${ranking.label}: one hour p50 ${entry.oneHour.p50Ms} ms, max ${entry.oneHour.maxMs} ms${client ? ` (Redis busy p50 ${entry.oneHour.redisBusyP50Ms} ms)` : ''}; ${settings.rollCatchUp} hours at once ${entry.catchUp?.ms} ms${client ? ` (Redis busy ${entry.catchUp?.redisBusyMs} ms)` : ''}, rolled ${entry.catchUp?.hoursRolled}`,
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
  if (!settings.mostReadOnly) fs.cpSync(corpus.dir, memoryDir, { recursive: true })
  fs.cpSync(corpus.dir, redisDir, { recursive: true })
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, loadAverageAtStart: load.map(round2) },
    settings,
  }

  try {
    // 1 and 2 on the memory store.
    if (!settings.mostReadOnly) {
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
      Object.assign(results, { views: { memory: viewsMemory }, votesVsFreshReads: votes })
    }

    // 1 and 3 on Redis.
    const redisUrl = await startRedis(path.join(runDir, 'redis-server'))
    log(
      `redis-server on ${ports.redisServer}; starting the embedded npm start with REDIS_URL on ${ports.redis}…`,
    )
    const redis = await startEmbedded('redis server', redisDir, ports.redis, {
      REDIS_URL: redisUrl,
    })
    if (!settings.mostReadOnly) {
      log('views, Redis store…')
      const viewsRedis = await measureViews(
        redis,
        ids,
        path.join(redisDir, 'newsroom.db'),
        path.join(redisDir, 'wrk'),
      )
      Object.assign(results, {
        views: { ...(results.views as object), redis: viewsRedis },
      })
    }

    // 3. Most-read at BENCH_RANKING_ARTICLES / BENCH_RANKING_VIEWS: the corpus's articles are the
    // most popular (the HTTP path reads their headlines), synthetic ids the rest.
    const corpusSections = await sectionsOf(path.join(corpus.dir, 'newsroom.db'))
    const ranked = rankedArticles(
      ids,
      corpusSections,
      corpus.manifest.sections.map(({ id }) => String(id)),
      settings.rankingArticles,
    )
    // One section's rankings too: the most-read article's (one of the larger sections).
    const section = ranked.sectionOf(ranked.ids[0]!) ?? String(corpus.manifest.sections[0]!.id)
    const rankings = rankingsOf(section)
    log(
      `most-read: loading ${settings.rankingViews.toLocaleString('en')} views over ${ranked.ids.length.toLocaleString('en')} articles (the top ${ranked.real.toLocaleString('en')} the corpus's) into Redis…`,
    )
    const now = Date.now()
    // The app's own store on the server's Redis and key prefix (what the server reads), and a
    // second client for the bulk load and INFO.
    const redisClient = new Redis(redisUrl)
    const redisStore = createCounterStore({ redis: redisUrl, keyPrefix: 'views' })
    const bulk = bulkRedisLoader(redisClient, redisStore, 'views:')
    const redisLoad = await loadViews(
      bulk.loader,
      viewCells(ranked.ids, settings.rankingViews, now),
      ranked.sectionOf,
      'Redis',
      bulk.flush,
    )
    const redisMemory = (await redisClient.info('memory')).match(/used_memory_human:(\S+)/)?.[1]
    log(
      `loaded ${redisLoad.cells.toLocaleString('en')} (article, hour) cells into Redis in ${redisLoad.seconds} s (Redis uses ${redisMemory}); load average ${os.loadavg().map(round2).join(' ')}`,
    )
    const rankingRedis = await measureRanking(redisStore, 'Redis', rankings, redisClient)
    // The totals' sizes (articles with views in the window) and the hourly buckets' (per hour).
    const sizes: Record<string, number> = {}
    for (const key of ['w:24h', 'w:7d', `w:24h:s:${section}`, `w:7d:s:${section}`])
      sizes[key] = await redisClient.zcard(`views:${key}`)
    const hour = Math.floor(now / HOUR_MS)
    sizes['h (the hour 23 h back)'] = await redisClient.zcard(`views:h:${hour - 23}`)
    sizes[`h:s:${section}`] = await redisClient.zcard(`views:h:${hour - 23}:s:${section}`)
    log(`sizes: ${JSON.stringify(sizes)}`)
    const mostReadHttp = await measureMostReadHttp(redis)
    const rollsRedis = await measureRolls(redisStore, 'Redis', rankings, redisClient)
    await redis.stop()
    await redisStore.close()
    redisClient.disconnect()
    const loadAfterRedis = os.loadavg().map(round2)

    let memoryStore: CounterStore | null = createCounterStore({ redis: null, keyPrefix: 'views' })
    const memoryLoad = await loadViews(
      memoryStore,
      viewCells(ranked.ids, settings.rankingViews, now),
      ranked.sectionOf,
      'memory',
    )
    log(
      `loaded into a memory store in ${memoryLoad.seconds} s; load average ${os.loadavg().map(round2).join(' ')}`,
    )
    const rankingMemory = await measureRanking(memoryStore, 'memory', rankings, null)
    const rollsMemory = await measureRolls(memoryStore, 'memory', rankings, null)
    memoryStore = null

    Object.assign(results, {
      mostRead: {
        articles: ranked.ids.length,
        corpusArticles: ranked.real,
        views: settings.rankingViews,
        cells: redisLoad.cells,
        section,
        loadSeconds: { redis: redisLoad.seconds, memory: memoryLoad.seconds },
        redisUsedMemory: redisMemory,
        sizes,
        redis: { ranking: rankingRedis, http: mostReadHttp, rolls: rollsRedis },
        memory: { ranking: rankingMemory, rolls: rollsMemory },
        loadAverageAfterRedis: loadAfterRedis,
      },
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
