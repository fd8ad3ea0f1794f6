/**
 * `npm run bench:http` (the last part of `npm run bench`): the read paths over HTTP on the
 * production topology and on the embedded `npm start`, each against a baseline measured in the
 * same run, side by side (issue 20; docs/benchmarks.md has the latest table).
 *
 * Load: wrk (test/bench/wrk.ts, wrk.lua), BENCH_THREADS (2) threads, BENCH_CONNECTIONS (50)
 * connections; each scenario of a pair gets a BENCH_WARMUP (3) s warm-up, then the pair is run
 * in turns, BENCH_ROUNDS (2) rounds of BENCH_DURATION (8) s each; the table shows the mean. wrk
 * and the servers share this machine's cores.
 *
 * Corpus: test/bench/corpus.ts (BENCH_ARTICLES, default 10,000 published articles) — its SQLite
 * file for the embedded server, its PostgreSQL copy (corpusPostgres.ts) for the topology.
 * "fresh" scenarios walk every article in turn and add `_lap=<n>` to the URL, so no request of a
 * run repeats an earlier URL: every read misses every cache. "cached" ones send one URL.
 *
 * 1. Embedded: `npm start` alone (SQLite), no nginx: revalidations (If-None-Match → 304) and fresh
 *    reads, reported without a target.
 * 2. Topology: `deploy/local-cluster.sh up` (nginx on BENCH_EDGE_PORT (8100), BENCH_APPS (2) app
 *    processes, 1 worker, Redis on 6392, the PostgreSQL copy), then
 *    - S0, nginx serving the cached article's bytes as a static file (its own minimal nginx) vs
 *      the same article through the edge's micro-cache (target ≥ 0.8×);
 *    - P0, plain Payload `findByID` in a bare node:http server (p0Server.ts) vs fresh article
 *      reads through the edge (target ≥ 1.0×), with N0 between them: P0's hook-less collection
 *      read through the edge and Payload's own REST route (what the standard path costs);
 *    - the article page by GraphQL POST vs REST with the same fields, straight at app 1
 *      (target ≥ 0.7×);
 *    - publish → visible: BENCH_READERS (200) wrk connections read the article through the edge
 *      while it is published BENCH_PUBLISHES (20) times; after each publish the edge is polled,
 *      anonymously, like a reader, until the change shows (target p95 ≤ 3 s).
 *    Without deploy/local-cluster.sh the topology part is skipped (and said so).
 *
 * Settings: also BENCH_POSTGRES_URI (the server to copy the corpus to; default the local
 * postgres), BENCH_SCENARIOS (comma-separated ids), BENCH_KEEP=1 keeps the run folder.
 * Results: test/bench/results/http.json.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import type { ServerProcess } from './processes'

import { benchEnv, benchTmp, type CorpusManifest, ensureCorpus, root } from './corpus'
import { ensurePostgresCorpus } from './corpusPostgres'
import { startServer } from './processes'
import { type RequestLine, runWrk, startWrk, type WrkResult } from './wrk'

const env = process.env
const settings = {
  articles: Number(env.BENCH_ARTICLES || 10_000),
  threads: Number(env.BENCH_THREADS || 2),
  connections: Number(env.BENCH_CONNECTIONS || 50),
  warmupS: Number(env.BENCH_WARMUP || 3),
  durationS: Number(env.BENCH_DURATION || 8),
  rounds: Number(env.BENCH_ROUNDS || 2),
  readers: Number(env.BENCH_READERS || 200),
  publishes: Number(env.BENCH_PUBLISHES || 20),
  edgePort: Number(env.BENCH_EDGE_PORT || 8100),
  apps: Number(env.BENCH_APPS || 2),
  // Beside the edge and its app ports (edge + 1 … edge + apps).
  staticPort: Number(env.BENCH_EDGE_PORT || 8100) + 10,
  p0Port: Number(env.BENCH_EDGE_PORT || 8100) + 11,
  embeddedPort: Number(env.BENCH_EDGE_PORT || 8100) + 12,
  redisPort: Number(env.BENCH_REDIS_PORT || 6392),
  postgres: env.BENCH_POSTGRES_URI || 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  only: env.BENCH_SCENARIOS ? new Set(env.BENCH_SCENARIOS.split(',').map((id) => id.trim())) : null,
  keep: env.BENCH_KEEP === '1',
}

const started = performance.now()
const log = (line: string) =>
  process.stderr.write(
    `[bench http ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`,
  )
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What this run started, stopped in reverse order on the way out, whatever happens. */
const running: { name: string; stop: () => Promise<void> }[] = []
const track = (name: string, stop: () => Promise<void>) => {
  const entry = { name, stop }
  running.push(entry)
  return async () => {
    running.splice(running.indexOf(entry), 1)
    await stop()
  }
}
/** Set by Ctrl-C or SIGTERM: the exit code, once everything is stopped. */
let signalExitCode: null | number = null
let stopping: null | Promise<void> = null
/** One stop for every caller (a signal and the error it causes in the run both wait for it). */
const stopAll = (): Promise<void> =>
  (stopping ??= (async () => {
    for (const entry of running.splice(0).reverse()) {
      try {
        await entry.stop()
      } catch (error) {
        log(`stopping ${entry.name} failed: ${String(error)}`)
      }
    }
  })())
const onSignal = (code: number) => () => {
  signalExitCode = code
  log('stopping everything this run started…')
  void stopAll().then(() => process.exit(code))
}

// --- What is requested ---------------------------------------------------------------------

/**
 * The seed page's article page as one query, as docs/api.md shows it: the byline's reporters with
 * their slug for "이 기자의 다른뉴스보기" (a link to the reporter's page, not a list).
 */
const ARTICLE_PAGE_QUERY = `query ArticlePage($slug: String!) {
  Articles(where: { slug: { equals: $slug } }, limit: 1, select: true) {
    docs {
      id title subtitle regionLabel registeredAtText byline bodyHtml body
      related { id title slug regionLabel registeredAt }
      adjacent { newer { title regionLabel registeredAt } older { title regionLabel registeredAt } }
      reporters { name slug }
    }
  }
}`.replace(/\s+/g, ' ')

/** The same page over REST: the same top-level fields (`select`) and the reporters' name and slug (`populate`). */
const REST_PAGE_FIELDS = [
  'title',
  'subtitle',
  'regionLabel',
  'registeredAtText',
  'byline',
  'bodyHtml',
  'body',
  'related',
  'adjacent',
  'reporters',
]

const paths = {
  article: (id: number) => `/api/articles/${id}?depth=1`,
  plain: (id: number) => `/${id}?depth=1`,
  plainRest: (id: number) => `/api/bench-plain-articles/${id}?depth=1`,
  restPage: (slug: string) =>
    `/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=1&limit=1&${REST_PAGE_FIELDS.map((field) => `select[${field}]=true`).join('&')}&populate[reporters][name]=true&populate[reporters][slug]=true`,
}

/** `comment`, appended to the query text, makes a text the server has never parsed (its parse-once cache keys by text). */
const graphqlPage = (slug: string, comment = ''): RequestLine => ({
  method: 'POST',
  path: '/api/graphql',
  body: JSON.stringify({
    query: comment ? `${ARTICLE_PAGE_QUERY} # ${comment}` : ARTICLE_PAGE_QUERY,
    variables: { slug },
  }),
})

/** Laps handed out so far: each fresh run sends URLs no run before it sent. */
let lapsUsed = 0
const LAPS_PER_RUN = 3

const withLap = (request: RequestLine, lap: number): RequestLine =>
  request.method === 'POST'
    ? request
    : { ...request, path: `${request.path}${request.path.includes('?') ? '&' : '?'}_lap=${lap}` }

/** Every article once per lap, for LAPS_PER_RUN laps never used before (a POST's body is the caller's: nothing caches POSTs). */
const freshRequests = (
  articles: [number, string][],
  toRequest: (article: [number, string], lap: number) => RequestLine,
): RequestLine[] => {
  const first = ++lapsUsed
  lapsUsed += LAPS_PER_RUN - 1
  return Array.from({ length: LAPS_PER_RUN }, (_, lap) =>
    articles.map((article) => withLap(toRequest(article, first + lap), first + lap)),
  ).flat()
}

// --- Scenarios and their results ------------------------------------------------------------

type Probe = {
  status: number
  bytes: number
  etag: null | string
  cacheControl: null | string
  cacheStatus: null | string
  body: string
}

const send = async (
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Probe> => {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.headers,
    body: init.body,
  })
  const body = await response.text()
  return {
    status: response.status,
    bytes: Buffer.byteLength(body),
    etag: response.headers.get('etag'),
    cacheControl: response.headers.get('cache-control'),
    cacheStatus: response.headers.get('x-cache-status') ?? response.headers.get('x-cache'),
    body,
  }
}

type Scenario = {
  id: string
  title: string
  /** Base URL of the server under load. */
  url: string
  /** The requests of one run (called once per run: fresh ones never repeat a URL). */
  requests: () => RequestLine[]
  headers?: Record<string, string>
  expect: number[]
}

type ScenarioResult = {
  id: string
  title: string
  probe?: Omit<Probe, 'body'>
  runs: WrkResult[]
  mean?: { reqPerSec: number; p50Ms: number; p99Ms: number }
  skipped?: string
  notes: string[]
}

const results = new Map<string, ScenarioResult>()
const resultOf = (scenario: { id: string; title: string }) => {
  if (!results.has(scenario.id))
    results.set(scenario.id, { id: scenario.id, title: scenario.title, runs: [], notes: [] })
  return results.get(scenario.id)!
}
const skip = (scenario: { id: string; title: string }, reason: string) => {
  resultOf(scenario).skipped = reason
  log(`${scenario.id}: skipped, ${reason}`)
}
const isWanted = (id: string) => !settings.only || settings.only.has(id)

const mean = (values: number[]) =>
  Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10

/** One request of the scenario, checked: a scenario that answers errors is not measured. */
const probe = async (scenario: Scenario): Promise<boolean> => {
  const [request] = scenario.requests()
  const answer = await send(`${scenario.url}${request!.path}`, {
    method: request!.method ?? 'GET',
    headers: {
      ...scenario.headers,
      ...(request!.body ? { 'content-type': 'application/json' } : {}),
    },
    body: request!.body,
  })
  const { body, ...rest } = answer
  resultOf(scenario).probe = rest
  // GraphQL answers errors with a 200.
  if (!scenario.expect.includes(answer.status) || body.startsWith('{"errors"')) {
    skip(scenario, `answered HTTP ${answer.status}: ${body.slice(0, 200).replace(/\s+/g, ' ')}`)
    return false
  }
  return true
}

/**
 * Scenarios compared with each other: probed, warmed up one after the other, then measured in
 * turns (a, b, a, b …), so that whatever else loads the machine meanwhile falls on both.
 */
const measureSideBySide = async (group: Scenario[], dir: string) => {
  const ready: Scenario[] = []
  for (const scenario of group.filter((candidate) => isWanted(candidate.id)))
    if (await probe(scenario)) ready.push(scenario)
  if (!ready.length) return
  const run = (scenario: Scenario, name: string, durationS: number) =>
    runWrk({
      url: scenario.url,
      requests: scenario.requests(),
      headers: scenario.headers,
      connections: settings.connections,
      threads: settings.threads,
      durationS,
      dir,
      name: `${scenario.id}-${name}`,
    })
  log(
    `${ready.map((scenario) => scenario.id).join(' vs ')}: ${settings.warmupS} s warm-up each, then ${settings.rounds} rounds of ${settings.durationS} s in turns…`,
  )
  for (const scenario of ready) await run(scenario, 'warmup', settings.warmupS)
  for (let round = 1; round <= settings.rounds; round++) {
    for (const scenario of ready) {
      const result = await run(scenario, `round${round}`, settings.durationS)
      resultOf(scenario).runs.push(result)
    }
  }
  for (const scenario of ready) {
    const result = resultOf(scenario)
    result.mean = {
      reqPerSec: Math.round(mean(result.runs.map((run) => run.reqPerSec))),
      p50Ms: mean(result.runs.map((run) => run.latencyMs.p50)),
      p99Ms: mean(result.runs.map((run) => run.latencyMs.p99)),
    }
    const failures = result.runs.reduce((sum, run) => sum + run.failures, 0)
    if (failures) result.notes.push(`${failures} failed (non-2xx/3xx, socket errors, timeouts)`)
    if (result.runs.some((run) => run.isWrapped))
      result.notes.push('more requests than distinct URLs: some fresh URLs repeated')
    log(
      `${scenario.id}: ${result.mean.reqPerSec} req/s (${result.runs.map((run) => run.reqPerSec).join(', ')}), p50 ${result.mean.p50Ms} ms, p99 ${result.mean.p99Ms} ms${failures ? `, ${failures} failed` : ''}`,
    )
  }
}

// --- Servers -----------------------------------------------------------------------------------

/** Environment of the app processes: the bench corpus's, without the P0 collection unless asked. */
const appEnv = (dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ...benchEnv(dataDir),
  NEWSROOM_BENCH: '',
  ...extra,
})

const startTracked = async (
  options: Parameters<typeof startServer>[0],
): Promise<ServerProcess & { stopTracked: () => Promise<void> }> => {
  const server = await startServer(options)
  return { ...server, stopTracked: track(options.name, server.stop) }
}

/**
 * nginx serving one file, with what deploy/nginx.conf spends on every request besides the
 * cache: one worker a core, keep-alive, a buffered access log.
 */
const startStaticNginx = async (dir: string, file: string) => {
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true })
  const conf = path.join(dir, 'nginx.conf')
  fs.writeFileSync(
    conf,
    `worker_processes auto;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'logs', 'error.log')} warn;
events { worker_connections 4096; }
http {
  log_format edge '$remote_addr [$time_local] "$request" $status $body_bytes_sent rt=$request_time';
  access_log ${path.join(dir, 'logs', 'access.log')} edge buffer=64k flush=1s;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${settings.staticPort};
    location = /article.json { root ${path.dirname(file)}; default_type application/json; }
    location = /health { return 200; }
  }
}
`,
  )
  return startTracked({
    name: 'S0 nginx (static file)',
    command: 'nginx',
    args: ['-p', dir, '-c', conf, '-e', path.join(dir, 'logs', 'error.log'), '-g', 'daemon off;'],
    cwd: dir,
    env: process.env,
    port: settings.staticPort,
    readyPath: '/health',
    logFile: path.join(dir, 'nginx.out'),
    timeoutMs: 20_000,
  })
}

const runScript = (
  args: string[],
  scriptEnv: NodeJS.ProcessEnv,
  logFile: string,
): Promise<{ code: number; output: string }> =>
  new Promise((resolve) => {
    const child = spawn('bash', args, {
      cwd: root,
      env: scriptEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      fs.appendFileSync(logFile, chunk)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => resolve({ code: code ?? 1, output }))
  })

// --- The run -------------------------------------------------------------------------------------

type Publish = { writeMs: number; visibleMs: null | number; status: number }

const percentile = (values: number[], p: number) => {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const main = async () => {
  const loadBefore = os.loadavg()
  log(
    `machine: ${os.cpus().length} cores, load average ${loadBefore.map((value) => value.toFixed(2)).join(' ')}; servers and wrk share the cores`,
  )
  const corpus = await ensureCorpus(settings.articles, log)
  const manifest: CorpusManifest = corpus.manifest
  log(
    `corpus: ${manifest.articles} published articles (${corpus.generated ? `generated in ${manifest.generationSeconds} s` : 'cached'})`,
  )

  const runDir = path.join(benchTmp, `run-${Date.now()}`)
  fs.cpSync(corpus.dir, runDir, { recursive: true })
  const wrkDir = path.join(runDir, 'wrk')
  process.once('SIGINT', onSignal(130))
  process.once('SIGTERM', onSignal(143))

  const articles = manifest.articleList
  const cached = manifest.special.cached
  const titles: Record<string, string> = {
    E304: 'embedded npm start: article, If-None-Match → 304',
    E: 'embedded npm start: fresh article reads',
    S0: "S0 nginx, the article's bytes as a static file",
    C: 'edge: article from the micro-cache',
    P0: 'P0 plain Payload findByID (node:http)',
    N0: "edge: fresh reads of P0's collection by Payload's REST route",
    F: 'edge: fresh article reads (cache misses)',
    R: 'app 1: article page, REST (same fields)',
    G: 'app 1: article page, GraphQL POST',
    G1: 'app 1: the same, query text never seen before',
    W: `edge: publish → visible, ${settings.readers} readers`,
  }
  const scenario = (id: string, rest: Omit<Scenario, 'id' | 'title'>): Scenario => ({
    id,
    title: titles[id]!,
    ...rest,
  })
  const wantedAny = (...ids: string[]) => ids.some(isWanted)

  // 1. The embedded npm start, alone.
  if (wantedAny('E304', 'E')) {
    log('starting the embedded npm start (SQLite)…')
    const embedded = await startTracked({
      name: 'embedded npm start',
      command: 'npm',
      args: ['run', '--silent', 'start'],
      cwd: root,
      env: appEnv(runDir, { PORT: String(settings.embeddedPort) }),
      port: settings.embeddedPort,
      readyPath: '/api/articles?limit=1&depth=0',
      logFile: path.join(runDir, 'embedded.log'),
      isLauncher: true,
      timeoutMs: 10 * 60_000,
    })
    const etag = (await send(`${embedded.url}${paths.article(cached.id)}`)).etag
    if (!etag)
      resultOf({ id: 'E304', title: titles.E304! }).notes.push('no ETag: plain repeated reads')
    await measureSideBySide(
      [
        scenario('E304', {
          url: embedded.url,
          requests: () => [{ path: paths.article(cached.id) }],
          headers: etag ? { 'if-none-match': etag } : undefined,
          expect: [304],
        }),
        scenario('E', {
          url: embedded.url,
          requests: () => freshRequests(articles, ([id]) => ({ path: paths.article(id) })),
          expect: [200],
        }),
      ],
      wrkDir,
    )
    await embedded.stopTracked()
  }

  // 2. The topology.
  const clusterScript = path.join(root, 'deploy', 'local-cluster.sh')
  let topologyNote: null | string = null
  const publishes: Publish[] = []
  let readersDuringPublishes: null | WrkResult = null
  if (!wantedAny('S0', 'C', 'P0', 'F', 'R', 'G', 'G1', 'W')) {
    topologyNote = 'not in BENCH_SCENARIOS'
  } else if (!fs.existsSync(clusterScript)) {
    topologyNote = 'deploy/local-cluster.sh is missing: topology scenarios skipped'
    log(topologyNote)
  } else {
    const database = await ensurePostgresCorpus(corpus.dir, manifest.key, settings.postgres, log)
    track('PostgreSQL copy of the corpus', database.drop)
    const clusterEnv = appEnv(runDir, {
      DATABASE_URI: database.uri,
      // The script starts its own redis-server on this port (REDIS_URL would mean one already runs).
      NEWSROOM_REDIS_PORT: String(settings.redisPort),
      // The bench is one client address: the readers' limit per address would measure only itself.
      NEWSROOM_EDGE_READ_RATE: '1000000r/s',
      NEWSROOM_EDGE_READ_BURST: '1000000',
      NEWSROOM_EDGE_PORT: String(settings.edgePort),
      NEWSROOM_APP_COUNT: String(settings.apps),
      NEWSROOM_WORKER_COUNT: '1',
      NEWSROOM_CLUSTER_DIR: path.join(runDir, 'cluster'),
      // P0's hook-less collection is served too, for N0 (its tables are in the PostgreSQL copy).
      NEWSROOM_BENCH: '1',
    })
    const clusterLog = path.join(runDir, 'cluster.log')
    log(
      `deploy/local-cluster.sh up (nginx :${settings.edgePort}, ${settings.apps} app processes, 1 worker, Redis :${settings.redisPort}, PostgreSQL)…`,
    )
    track('cluster', async () => {
      const down = await runScript([clusterScript, 'down'], clusterEnv, clusterLog)
      if (down.code !== 0)
        log(`deploy/local-cluster.sh down failed (${down.code}): ${down.output.slice(-600)}`)
    })
    const up = await runScript([clusterScript, 'up'], clusterEnv, clusterLog)
    if (up.code !== 0)
      throw new Error(
        `deploy/local-cluster.sh up failed (exit ${up.code}):\n${up.output.slice(-3000)}`,
      )
    const edge = (
      /https?:\/\/[^\s]+/.exec(
        up.output
          .trim()
          .split('\n')
          .reverse()
          .find((line) => /https?:\/\//.test(line)) ?? '',
      )?.[0] ?? `http://127.0.0.1:${settings.edgePort}`
    ).replace(/\/$/, '')
    const app1 = `http://127.0.0.1:${settings.edgePort + 1}`
    log(`edge at ${edge}`)

    // S0 vs C: the cached article's bytes, as the edge answers them, from a static file.
    if (wantedAny('S0', 'C')) {
      const article = await send(`${edge}${paths.article(cached.id)}`)
      if (article.status !== 200)
        throw new Error(
          `the cached article answered ${article.status} through the edge: ${article.body.slice(0, 300)}`,
        )
      const staticDir = path.join(runDir, 'static')
      fs.mkdirSync(staticDir, { recursive: true })
      fs.writeFileSync(path.join(staticDir, 'article.json'), article.body)
      const staticNginx = await startStaticNginx(
        path.join(runDir, 'static-nginx'),
        path.join(staticDir, 'article.json'),
      )
      await measureSideBySide(
        [
          scenario('S0', {
            url: staticNginx.url,
            requests: () => [{ path: '/article.json' }],
            expect: [200],
          }),
          scenario('C', {
            url: edge,
            requests: () => [{ path: paths.article(cached.id) }],
            expect: [200],
          }),
        ],
        wrkDir,
      )
      await staticNginx.stopTracked()
    }

    // P0 vs N0 vs F: fresh reads, plain Payload in-process; P0's hook-less collection through the
    // edge, Next.js and Payload's REST route; the article through the same path with our hooks.
    // N0 / P0 is what the standard path costs, F / N0 what our hooks, rules and fields cost.
    if (wantedAny('P0', 'N0', 'F')) {
      log('starting P0 (plain Payload findByID behind node:http)…')
      const p0 = await startTracked({
        name: 'P0',
        command: process.execPath,
        args: [
          '--conditions=production',
          '--import',
          'tsx',
          path.join(import.meta.dirname, 'p0Server.ts'),
        ],
        cwd: root,
        env: {
          ...appEnv(runDir),
          NEWSROOM_BENCH: '1',
          DATABASE_URI: database.uri,
          PORT: String(settings.p0Port),
        },
        port: settings.p0Port,
        readyPath: '/health',
        logFile: path.join(runDir, 'p0.log'),
        timeoutMs: 120_000,
      })
      await measureSideBySide(
        [
          scenario('P0', {
            url: p0.url,
            requests: () => freshRequests(articles, ([id]) => ({ path: paths.plain(id) })),
            expect: [200],
          }),
          scenario('N0', {
            url: edge,
            requests: () => freshRequests(articles, ([id]) => ({ path: paths.plainRest(id) })),
            expect: [200],
          }),
          scenario('F', {
            url: edge,
            requests: () => freshRequests(articles, ([id]) => ({ path: paths.article(id) })),
            expect: [200],
          }),
        ],
        wrkDir,
      )
      await p0.stopTracked()
    }

    // R vs G: the article page, straight at one app process (POST: no cache answers it).
    await measureSideBySide(
      [
        scenario('R', {
          url: app1,
          requests: () => freshRequests(articles, ([, slug]) => ({ path: paths.restPage(slug) })),
          expect: [200],
        }),
        scenario('G', {
          url: app1,
          requests: () => freshRequests(articles, ([, slug]) => graphqlPage(slug)),
          expect: [200],
        }),
        // What the parse-and-validate-once cache (plugins/http-cache/graphQLPost.ts) saves: every text new.
        scenario('G1', {
          url: app1,
          requests: () =>
            freshRequests(articles, ([id, slug], lap) => graphqlPage(slug, `${id}-${lap}`)),
          expect: [200],
        }),
      ],
      wrkDir,
    )

    // W: publish → visible under readers.
    if (isWanted('W')) {
      const login = await send(`${edge}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(manifest.login),
      })
      const token = (JSON.parse(login.body) as { token?: string }).token
      if (!token)
        throw new Error(
          `login of the bench admin through the edge failed: HTTP ${login.status} ${login.body.slice(0, 300)}`,
        )
      const { probe: target } = manifest.special
      const readerPath = paths.article(target.id)
      log(`W: ${settings.readers} readers on ${readerPath}, ${settings.publishes} publishes…`)
      const readers = startWrk({
        url: edge,
        requests: [{ path: readerPath }],
        connections: settings.readers,
        threads: settings.threads,
        durationS: 600,
        dir: wrkDir,
        name: 'W-readers',
      })
      const stopReaders = track('W readers (wrk)', async () => readers.stop())
      try {
        await wait(2000)
        for (let index = 0; index < settings.publishes; index++) {
          const marker = `벤치 게시 ${Date.now()}-${index}`
          const writeStarted = performance.now()
          const write = await send(`${edge}/api/articles/${target.id}?depth=0`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
            body: JSON.stringify({ subtitle: marker, _status: 'published' }),
          })
          const writeMs = performance.now() - writeStarted
          let visibleMs: null | number = null
          if (write.status === 200) {
            while (performance.now() - writeStarted < 15_000) {
              const read = await send(`${edge}${readerPath}`)
              if (read.status === 200 && read.body.includes(marker)) {
                visibleMs = performance.now() - writeStarted
                break
              }
              await wait(50)
            }
          }
          publishes.push({
            writeMs: Math.round(writeMs),
            visibleMs: visibleMs === null ? null : Math.round(visibleMs),
            status: write.status,
          })
          log(
            `W: publish ${index + 1}: HTTP ${write.status} in ${Math.round(writeMs)} ms, visible after ${visibleMs === null ? 'never (15 s)' : `${Math.round(visibleMs)} ms`}`,
          )
          await wait(300 + Math.floor(Math.random() * 700))
        }
      } finally {
        readers.stop()
        readersDuringPublishes = await readers.result
        await stopReaders()
      }
      const result = resultOf({ id: 'W', title: titles.W! })
      result.runs.push(readersDuringPublishes)
      result.mean = {
        reqPerSec: readersDuringPublishes.reqPerSec,
        p50Ms: readersDuringPublishes.latencyMs.p50,
        p99Ms: readersDuringPublishes.latencyMs.p99,
      }
      if (readersDuringPublishes.failures)
        result.notes.push(`${readersDuringPublishes.failures} reads failed`)
    }
    log('deploy/local-cluster.sh down…')
    await stopAll()
    stopping = null
  }

  // 3. Report.
  const rps = (id: string) => results.get(id)?.mean?.reqPerSec
  const ratio = (name: string, over: string, under: string, target: number) => {
    const [top, bottom] = [rps(over), rps(under)]
    const value = top !== undefined && bottom ? Math.round((top / bottom) * 100) / 100 : null
    return { name, value, target: `≥ ${target}`, met: value === null ? null : value >= target }
  }
  const visible = publishes.flatMap((publish) =>
    publish.visibleMs === null ? [] : [publish.visibleMs],
  )
  const neverVisible = publishes.filter((publish) => publish.visibleMs === null).length
  const p95Visible = neverVisible ? null : percentile(visible, 95)
  const ratios = [
    ratio('edge cached article (C) / static file (S0)', 'C', 'S0', 0.8),
    ratio('edge fresh article (F) / P0 findByID', 'F', 'P0', 1.0),
    { ...ratio("N0 (Payload's REST route, no hooks) / P0", 'N0', 'P0', 0), target: '', met: null },
    { ...ratio('F / N0 (the cost of our hooks and fields)', 'F', 'N0', 0), target: '', met: null },
    ratio('GraphQL article page (G) / REST (R)', 'G', 'R', 0.7),
    { ...ratio('GraphQL, every query text new (G1) / G', 'G1', 'G', 0), target: '', met: null },
    {
      name: `publish → visible p95, ms (W, ${publishes.length} publishes)`,
      value: publishes.length ? (p95Visible ?? 'never') : null,
      target: '≤ 3000',
      met: publishes.length ? p95Visible !== null && p95Visible <= 3000 : null,
    },
  ]

  const pad = (value: unknown, width: number, right = false) => {
    const text = value === undefined || value === null ? '-' : String(value)
    return right ? text.padStart(width) : text.padEnd(width)
  }
  const lines: string[] = ['']
  lines.push(
    `HTTP read paths — ${manifest.articles} published articles; wrk -t${settings.threads} -c${settings.connections}, ${settings.warmupS} s warm-up, mean of ${settings.rounds} × ${settings.durationS} s in turns`,
  )
  lines.push(
    `${os.cpus().length} cores shared by wrk and the servers; load average at start ${loadBefore.map((value) => value.toFixed(2)).join(' ')}; embedded on SQLite, topology on PostgreSQL`,
  )
  lines.push('')
  lines.push(
    `${pad('id', 6)}${pad('scenario', 50)}${pad('req/s', 9, true)}${pad('p50 ms', 9, true)}${pad('p99 ms', 9, true)}${pad('bytes', 8, true)}  notes`,
  )
  for (const result of results.values()) {
    const notes = [
      ...(result.skipped ? [`skipped: ${result.skipped}`] : []),
      ...result.notes,
      ...(result.probe
        ? [
            `HTTP ${result.probe.status}${result.probe.cacheStatus ? ` (${result.probe.cacheStatus})` : ''}${result.probe.etag ? ', ETag' : ''}${result.probe.cacheControl ? `, ${result.probe.cacheControl}` : ''}`,
          ]
        : []),
    ]
    lines.push(
      `${pad(result.id, 6)}${pad(result.title.slice(0, 49), 50)}${pad(result.mean?.reqPerSec, 9, true)}${pad(result.mean?.p50Ms, 9, true)}${pad(result.mean?.p99Ms, 9, true)}${pad(result.probe?.bytes, 8, true)}  ${notes.join('; ')}`,
    )
  }
  if (topologyNote) lines.push(`topology: ${topologyNote}`)
  lines.push('')
  lines.push(`${pad('ratio', 52)}${pad('value', 8, true)}${pad('target', 10, true)}  met`)
  for (const entry of ratios)
    lines.push(
      `${pad(entry.name, 52)}${pad(entry.value, 8, true)}${pad(entry.target, 10, true)}  ${entry.met === null ? (entry.target ? 'n/a' : '') : entry.met ? 'yes' : 'NO'}`,
    )
  if (publishes.length) {
    lines.push('')
    lines.push(
      `publish → visible through the edge (ms, from sending the save): p50 ${percentile(visible, 50)}, p95 ${p95Visible ?? 'n/a'}, max ${visible.length ? Math.max(...visible) : 'n/a'}${neverVisible ? `, ${neverVisible} never within 15 s` : ''}; saves: p50 ${percentile(
        publishes.map((publish) => publish.writeMs),
        50,
      )} ms, statuses ${[...new Set(publishes.map((publish) => publish.status))].join('/')}`,
    )
  }
  const totalS = Math.round((performance.now() - started) / 1000)
  lines.push('', `took ${totalS} s`)
  console.log(lines.join('\n'))

  const out = path.join(import.meta.dirname, 'results', 'http.json')
  fs.mkdirSync(path.dirname(out), { recursive: true })
  const { articleList: _articleList, ...corpusSummary } = manifest
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: {
          cores: os.cpus().length,
          cpu: os.cpus()[0]?.model,
          loadAverageStart: loadBefore,
          loadAverageEnd: os.loadavg(),
          node: process.version,
        },
        settings: { ...settings, only: settings.only ? [...settings.only] : null },
        corpus: {
          ...corpusSummary,
          sections: corpusSummary.sections.length,
          reporters: corpusSummary.reporters.length,
          regions: corpusSummary.regions.length,
        },
        scenarios: [...results.values()],
        ratios,
        publishes,
        topology: topologyNote,
        seconds: totalS,
      },
      null,
      2,
    ),
  )
  console.log(`written to ${path.relative(process.cwd(), out)}`)
  if (!settings.keep) fs.rmSync(runDir, { recursive: true, force: true })
  else console.log(`run folder kept: ${path.relative(process.cwd(), runDir)}`)
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    // After Ctrl-C the run fails because its servers are gone: that is not the error to show.
    if (signalExitCode === null) console.error(error)
    await stopAll()
    process.exit(signalExitCode ?? 1)
  },
)
