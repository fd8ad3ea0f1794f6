/**
 * `npm run bench:http` (and the last part of `npm run bench`): the read paths over HTTP, against
 * three baselines measured in the same run (issue 5).
 *
 * - The app runs as `npm start` runs it (src/bin/start.ts: `next build src` when the sources
 *   changed, then `next start src`, production mode) on a copy of a generated SQLite corpus
 *   (test/bench/corpus.ts; BENCH_ARTICLES, default 10,000 published articles), with
 *   NEWSROOM_BENCH=1 (the P0 collection and the N0 route exist only then).
 * - autocannon runs in this process: concurrency 50, no pipelining, a warm-up, then 3 runs; the
 *   table shows medians. Scenarios whose ratio is a target run in turns (SIDE_BY_SIDE). Server
 *   and load generator share the machine's cores; nothing else of the benchmark runs meanwhile
 *   (one server at a time). The server's CPU time per request is shown beside req/s: it does not
 *   depend on how the cores were shared with autocannon.
 * - Baselines: H0, a bare node:http server answering the article JSON of scenario (b) from
 *   memory; N0, a Next.js route in this app answering the same bytes from memory
 *   (src/app/bench/article/route.ts); P0, `GET /api/bench-plain-articles/<id>?depth=1`, plain
 *   Payload on a hook-less copy of `articles` holding the same corpus.
 * - "fresh" scenarios rotate over every article (or page), and after one pass add `_lap=<n>`
 *   to the query, so that no response cache can answer them; "repeated" ones send one URL.
 * - Database queries per request come from a first start of the same build with
 *   NEWSROOM_SQL_LOG=1 (drizzle prints one `Query:` line per statement): each scenario's request
 *   is sent once (and again for the repeated ones) and the server's lines are counted.
 * - bx: scenario b's cached article on 5 connections while 45 others read fresh articles (a):
 *   how long readers of a cached story wait when the server is busy with misses.
 * - z: a flood (test/bench/flood.ts), last: fresh reads on BENCH_FLOOD_CONNECTIONS (3000)
 *   connections for BENCH_FLOOD_DURATION (15) s beside cached reads and an editor's saves: what is
 *   answered, what is turned away, and whether the desk can still publish.
 * - When package.json has a `serve:api` script, the repeated scenarios also run against it.
 *
 * Settings: BENCH_ARTICLES (10000), BENCH_DURATION (s per run, 8), BENCH_WARMUP (s, 4),
 * BENCH_RUNS (3), BENCH_CONNECTIONS (50), BENCH_PORT (3950; H0 +1, serve:api +2),
 * BENCH_SCENARIOS (comma-separated ids, e.g. `H0,N0,P0,a`), BENCH_KEEP=1 keeps the run folder.
 * Results: test/bench/results/http.json.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import type { Load, LoadOptions, Measurement, RequestSpec } from './load'
import type { ServerProcess } from './processes'

import { webWorkerCount } from '../../src/webWorkers'
import { benchEnv, benchTmp, type CorpusManifest, ensureCorpus, root } from './corpus'
import { type FloodResult, floodReport, measureFlood } from './flood'
import { measureSideBySide, median as medianOfValues } from './load'
import { startServer } from './processes'

const env = process.env
const settings = {
  articles: Number(env.BENCH_ARTICLES || 10_000),
  load: {
    connections: Number(env.BENCH_CONNECTIONS || 50),
    durationS: Number(env.BENCH_DURATION || 8),
    warmupS: Number(env.BENCH_WARMUP || 4),
    runs: Number(env.BENCH_RUNS || 3),
  } satisfies LoadOptions,
  port: Number(env.BENCH_PORT || 3950),
  flood: { connections: Number(env.BENCH_FLOOD_CONNECTIONS || 3000), durationS: Number(env.BENCH_FLOOD_DURATION || 15) },
  only: env.BENCH_SCENARIOS ? new Set(env.BENCH_SCENARIOS.split(',').map((id) => id.trim())) : null,
  keep: env.BENCH_KEEP === '1',
}

const started = performance.now()
const log = (line: string) => process.stderr.write(`[bench http ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`)
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Servers running now: stopped on the way out, whatever happens. */
const servers: ServerProcess[] = []
const cleanup = async () => {
  for (const server of servers.splice(0)) await server.stop()
}

// --- What is requested ---------------------------------------------------------------------

/**
 * The seed page's article page as one query, as docs/api.md shows it (test/article-page checks
 * `select: true` changes nothing in the answer). It asks what the REST article page (scenario a)
 * carries: the byline's reporters with their slug for "이 기자의 다른뉴스보기", a link to the
 * reporter's page (scenario f), not a list.
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

/** The same page with a preview of each reporter's five latest other articles (scenario d5, no target). */
const ARTICLE_PAGE_WITH_REPORTER_LIST_QUERY = ARTICLE_PAGE_QUERY.replace(
  'reporters { name slug }',
  'reporters { name slug articles(limit: 5, where: { slug: { not_equals: $slug } }) { docs { title registeredAtText } totalDocs } }',
)

const ARTICLE_PAGE_QUERY_HASH = crypto.createHash('sha256').update(ARTICLE_PAGE_QUERY).digest('hex')

const LIST_FIELDS = ['title', 'subtitle', 'slug', 'regionLabel', 'registeredAt', 'byline', 'heroImage']

const paths = {
  restArticle: (slug: string) => `/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=1&limit=1`,
  plainArticle: (id: number) => `/api/bench-plain-articles/${id}?depth=1`,
  graphqlGet: (slug: string) => `/api/graphql?query=${encodeURIComponent(ARTICLE_PAGE_QUERY)}&variables=${encodeURIComponent(JSON.stringify({ slug }))}`,
  // Automatic persisted query: the hash alone, once the server has seen the query (the scenario's `prime`).
  graphqlPersisted: (slug: string) => `/api/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: ARTICLE_PAGE_QUERY_HASH } }))}&variables=${encodeURIComponent(JSON.stringify({ slug }))}`,
  sectionList: (section: number, page: number) =>
    `/api/articles?where[section][equals]=${section}&sort=-registeredAt&limit=20&page=${page}&depth=1&${LIST_FIELDS.map((field) => `select[${field}]=true`).join('&')}`,
  reporterPage: (slug: string, page: number) => `/api/reporters?where[slug][equals]=${encodeURIComponent(slug)}&depth=1&joins[articles][limit]=10&joins[articles][page]=${page}`,
  regionFeed: (slug: string) => `/api/feeds/regions/${encodeURIComponent(slug)}/rss.xml`,
}

const graphqlPost = (slug: string, query = ARTICLE_PAGE_QUERY): RequestSpec => ({
  method: 'POST',
  path: '/api/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables: { slug } }),
})

const withLap = (spec: RequestSpec, lap: number): RequestSpec =>
  lap === 0 || spec.method === 'POST' ? spec : { ...spec, path: `${spec.path}${spec.path.includes('?') ? '&' : '?'}_lap=${lap}` }

/** Every item once, then every item again with `_lap=1`, …: each GET is a URL never sent before. */
const rotation = <T>(items: T[], toSpec: (item: T) => RequestSpec, firstLap = 0): Extract<Load, { next: () => RequestSpec }> => {
  let count = 0
  return {
    next: () => {
      const position = count++
      return withLap(toSpec(items[position % items.length]!), firstLap + Math.floor(position / items.length))
    },
  }
}

type ServerKind = 'H0' | 'next' | 'serve:api'

type Scenario = {
  id: string
  title: string
  server: ServerKind
  mode: 'fresh' | 'repeated' | 'baseline'
  /** Distinct URLs in one pass of the rotation. */
  urls: number
  load: () => Load
  /** Status the scenario must answer (a probe is sent before loading it). */
  expect: number[]
  /** Revalidation: send If-None-Match with the ETag of scenario b's response. */
  conditional?: boolean
  /** Sent once before the scenario on each server (not counted, not measured). */
  prime?: RequestSpec
}

const scenariosFor = (manifest: CorpusManifest): Scenario[] => {
  const articles = manifest.articleList
  const cached = manifest.special.cached.slug
  const sectionPages = manifest.sections.flatMap((section) => Array.from({ length: Math.min(10, Math.ceil(section.articles / 20)) }, (_, page) => [section.id, page + 1] as const))
  const reporterPages = manifest.reporters.flatMap((reporter) => Array.from({ length: Math.min(5, Math.ceil(reporter.articles / 10)) }, (_, page) => [reporter.slug, page + 1] as const))
  const regions = manifest.regions.filter((region) => region.articles > 0)
  // Order and grouping of the measurements: SIDE_BY_SIDE.
  return [
    { id: 'H0', title: 'H0 node:http, article JSON from memory', server: 'H0', mode: 'baseline', urls: 1, expect: [200], load: () => ({ fixed: { path: '/' } }) },
    { id: 'N0', title: 'N0 Next.js route, article JSON from memory', server: 'next', mode: 'baseline', urls: 1, expect: [200], load: () => ({ fixed: { path: '/bench/article' } }) },
    { id: 'b', title: 'article by slug, REST, same URL', server: 'next', mode: 'repeated', urls: 1, expect: [200], load: () => ({ fixed: { path: paths.restArticle(cached) } }) },
    { id: 'c', title: 'article, REST, If-None-Match', server: 'next', mode: 'repeated', urls: 1, expect: [200, 304], conditional: true, load: () => ({ fixed: { path: paths.restArticle(cached) } }) },
    {
      id: 'd4',
      title: 'article page, GraphQL GET by persisted-query hash',
      server: 'next',
      mode: 'repeated',
      urls: 1,
      expect: [200],
      prime: { path: `${paths.graphqlPersisted(cached)}&query=${encodeURIComponent(ARTICLE_PAGE_QUERY)}` },
      load: () => ({ fixed: { path: paths.graphqlPersisted(cached) } }),
    },
    { id: 'd3', title: 'article page, GraphQL GET, same URL', server: 'next', mode: 'repeated', urls: 1, expect: [200], load: () => ({ fixed: { path: paths.graphqlGet(cached) } }) },
    { id: 'P0', title: 'P0 plain Payload GET /api/<copy>/<id>?depth=1', server: 'next', mode: 'baseline', urls: articles.length, expect: [200], load: () => rotation(articles, ([id]) => ({ path: paths.plainArticle(id) })) },
    { id: 'a', title: 'article by slug, REST depth=1', server: 'next', mode: 'fresh', urls: articles.length, expect: [200], load: () => rotation(articles, ([, slug]) => ({ path: paths.restArticle(slug) })) },
    { id: 'd1', title: 'article page, GraphQL POST', server: 'next', mode: 'fresh', urls: articles.length, expect: [200], load: () => rotation(articles, ([, slug]) => graphqlPost(slug)) },
    { id: 'd2', title: 'article page, GraphQL GET', server: 'next', mode: 'fresh', urls: articles.length, expect: [200], load: () => rotation(articles, ([, slug]) => ({ path: paths.graphqlGet(slug) })) },
    {
      id: 'd5',
      title: 'article page + reporter\'s 5 latest, GraphQL POST',
      server: 'next',
      mode: 'fresh',
      urls: articles.length,
      expect: [200],
      load: () => rotation(articles, ([, slug]) => graphqlPost(slug, ARTICLE_PAGE_WITH_REPORTER_LIST_QUERY)),
    },
    {
      id: 'bx',
      title: 'b on 5 connections beside a on 45',
      server: 'next',
      mode: 'repeated',
      urls: 1,
      expect: [200],
      load: () => ({ fixed: { path: paths.restArticle(cached) }, connections: 5, beside: { load: rotation(articles, ([, slug]) => ({ path: paths.restArticle(slug) })), connections: 45 } }),
    },
    { id: 'e', title: 'section list, 20 per page (pages 1-10)', server: 'next', mode: 'fresh', urls: sectionPages.length, expect: [200], load: () => rotation(sectionPages, ([id, page]) => ({ path: paths.sectionList(id, page) })) },
    { id: 'f', title: 'reporter page + join (pages 1-5)', server: 'next', mode: 'fresh', urls: reporterPages.length, expect: [200], load: () => rotation(reporterPages, ([slug, page]) => ({ path: paths.reporterPage(slug, page) })) },
    { id: 'g', title: 'region feed, RSS', server: 'next', mode: 'fresh', urls: regions.length, expect: [200], load: () => rotation(regions, (region) => ({ path: paths.regionFeed(region.slug) })) },
    { id: 'N0e', title: 'N0 again, after all the scenarios', server: 'next', mode: 'baseline', urls: 1, expect: [200], load: () => ({ fixed: { path: '/bench/article' } }) },
  ]
}

/**
 * The app's scenarios in the order they run; the scenarios of one group are measured in turns,
 * because their ratios are the targets: the cached reads against N0, the fresh article reads
 * against P0 (and GraphQL against REST). N0e last, to show what the run did to the server.
 */
const SIDE_BY_SIDE = [['N0', 'b', 'c', 'd3', 'd4'], ['P0', 'a', 'd1', 'd2', 'd5'], ['bx'], ['e'], ['f'], ['g'], ['N0e']]

/** The repeated (cacheable) scenarios, again on `npm run serve:api`. */
const SERVE_API_SCENARIOS = ['b', 'c', 'd3', 'd4']

// --- Running it --------------------------------------------------------------------------

type Probe = { status: number; bytes: number; contentType: null | string; etag: null | string; cacheControl: null | string; cacheStatus: null | string; body: Buffer }

const send = async (base: string, spec: RequestSpec): Promise<Probe> => {
  const response = await fetch(`${base}${spec.path}`, { method: spec.method ?? 'GET', headers: spec.headers, body: spec.body })
  const body = Buffer.from(await response.arrayBuffer())
  return {
    status: response.status,
    bytes: body.length,
    contentType: response.headers.get('content-type'),
    etag: response.headers.get('etag'),
    cacheControl: response.headers.get('cache-control'),
    // A response cache saying hit or miss (the app's x-newsroom-cache, or a generic x-cache).
    cacheStatus: response.headers.get('x-newsroom-cache') ?? response.headers.get('x-cache'),
    body,
  }
}

const firstSpec = (load: Load): RequestSpec => ('fixed' in load ? load.fixed : load.next())

type ScenarioResult = {
  id: string
  title: string
  server: string
  mode: string
  urls: number
  probe?: Omit<Probe, 'body'>
  queries?: { first: number; repeat?: number }
  measurement?: Measurement
  skipped?: string
  notes: string[]
}

/** Database statements one request makes, from the server's `Query:` lines. */
const countQueries = async (server: ServerProcess, spec: RequestSpec): Promise<{ count: number; probe: Probe }> => {
  await wait(100)
  const before = server.linesStartingWith('Query: ')
  const probe = await send(server.url, spec)
  // Log lines are written before the response leaves the server; give the pipe a moment.
  await wait(200)
  return { count: server.linesStartingWith('Query: ') - before, probe }
}

const main = async () => {
  const loadBefore = os.loadavg()
  log(`machine: ${os.cpus().length} cores, load average ${loadBefore.map((value) => value.toFixed(2)).join(' ')}; server and autocannon (this process) share the cores`)
  const corpus = await ensureCorpus(settings.articles, log)
  log(`corpus: ${corpus.manifest.articles} published articles (${corpus.generated ? `generated in ${corpus.manifest.generationSeconds} s` : 'cached'})`)
  if (corpus.manifest.schemaDrift.length) log(`WARNING: schema drift from the committed migrations: ${corpus.manifest.schemaDrift.length} statements (see the corpus log)`)

  const runDir = path.join(benchTmp, `run-${Date.now()}`)
  fs.cpSync(corpus.dir, runDir, { recursive: true })
  const articleJson = path.join(runDir, 'article.json')
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)))
  process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)))

  // b is always counted (its response is the baselines' JSON); BENCH_SCENARIOS picks what is loaded.
  const scenarios = scenariosFor(corpus.manifest).filter((scenario) => !settings.only || settings.only.has(scenario.id) || scenario.id === 'b')
  const isLoaded = (id: string) => !settings.only || settings.only.has(id)
  const results = new Map<string, ScenarioResult>(scenarios.map((scenario) => [scenario.id, { id: scenario.id, title: scenario.title, server: scenario.server, mode: scenario.mode, urls: scenario.urls, notes: [] }]))
  const appEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, ...benchEnv(runDir), NEWSROOM_BENCH_JSON: articleJson, ...extra })
  const startApp = (name: string, extra: Record<string, string> = {}) =>
    startServer({
      name,
      command: process.execPath,
      args: ['--import', 'tsx', 'src/bin/start.ts'],
      cwd: root,
      env: appEnv(extra),
      port: settings.port,
      readyPath: '/api/articles?limit=1&depth=0',
      logFile: path.join(runDir, `${name.replace(/\W+/g, '-')}.log`),
      isLauncher: true,
      countPrefixes: ['Query: '],
      timeoutMs: 15 * 60_000,
    })

  // 1. Queries per request, and the article JSON of the baselines, from a query-logging start.
  log('starting the app with NEWSROOM_SQL_LOG=1 to count queries (builds first when the sources changed)…')
  // Without the cross-process change signal: its poll (one read every 250 ms) would land in the
  // counts of whichever request happens to be measured. One web worker, so that a repeated
  // request meets the memory copy its first one left.
  const counting = await startApp('next-query-count', { NEWSROOM_SQL_LOG: '1', NEWSROOM_CACHE_SIGNAL_MS: '0', NEWSROOM_WEB_WORKERS: '1' })
  servers.push(counting)
  // b first: its response is the article JSON of H0 and N0; then c, which revalidates it while
  // a response cache (if any) still holds it.
  const countOrder = scenarios.filter((candidate) => candidate.server === 'next').sort((x, y) => Number(y.id === 'b') * 2 + Number(y.id === 'c') - (Number(x.id === 'b') * 2 + Number(x.id === 'c')))
  let cachedArticle: Probe | undefined
  for (const scenario of countOrder) {
    const result = results.get(scenario.id)!
    const spec = firstSpec(scenario.load())
    if (scenario.conditional) {
      // b's response is cached by now (when there is a cache): this is what a revalidation costs.
      const headers = cachedArticle?.etag ? { ...spec.headers, 'if-none-match': cachedArticle.etag } : spec.headers
      result.queries = { first: (await countQueries(counting, { ...spec, headers })).count }
      continue
    }
    if (scenario.prime) await send(counting.url, scenario.prime)
    const first = await countQueries(counting, spec)
    result.queries = { first: first.count }
    if (scenario.id === 'b') {
      cachedArticle = first.probe
      if (cachedArticle.status !== 200) throw new Error(`the article of scenario b answered ${cachedArticle.status}: ${cachedArticle.body.toString().slice(0, 500)}`)
      fs.writeFileSync(articleJson, cachedArticle.body)
    }
    if (scenario.mode === 'repeated') result.queries.repeat = (await countQueries(counting, spec)).count
  }
  if (!cachedArticle) throw new Error('scenario b is needed for the baselines')
  // Queries for one article page whatever its related links: the probe article gets 0, 1 and 8
  // editors' picks (over REST, as the corpus's admin, with every hook), and after each change is
  // read anonymously — REST on a URL never sent before, GraphQL POST — twice, keeping the lower
  // count (a stray statement of something else running must not count).
  let unique = 1_000_000
  const readCounts = async (slug: string) => {
    const rest = [await countQueries(counting, withLap({ path: paths.restArticle(slug) }, unique++)), await countQueries(counting, withLap({ path: paths.restArticle(slug) }, unique++))]
    const graphql = [await countQueries(counting, graphqlPost(slug)), await countQueries(counting, graphqlPost(slug))]
    const related = (JSON.parse(rest[0]!.probe.body.toString()) as { docs: { related?: unknown[] }[] }).docs[0]?.related?.length ?? -1
    return { rest: Math.min(...rest.map((read) => read.count)), graphql: Math.min(...graphql.map((read) => read.count)), related }
  }
  const login = await send(counting.url, { method: 'POST', path: '/api/users/login', headers: { 'content-type': 'application/json' }, body: JSON.stringify(corpus.manifest.login) })
  const token = (JSON.parse(login.body.toString()) as { token?: string }).token
  if (!token) throw new Error(`login of the bench admin failed: HTTP ${login.status}`)
  const { probe } = corpus.manifest.special
  // The bench admin's save of the probe article, with every hook.
  const patchProbe = (server: ServerProcess, data: Record<string, unknown>) =>
    send(server.url, {
      method: 'PATCH',
      path: `/api/articles/${probe.id}?depth=0`,
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify(data),
    })
  const setPicks = async (ids: number[]) => {
    const response = await patchProbe(counting, { relatedArticles: ids })
    if (response.status !== 200) throw new Error(`setting the probe's picks failed: HTTP ${response.status} ${response.body.toString().slice(0, 300)}`)
  }
  const relatedQueries: { label: string; picks: null | number; rest: number; graphql: number; related: number }[] = [
    { label: 'nothing related', picks: null, ...(await readCounts(corpus.manifest.special.relatedNone.slug)) },
  ]
  for (const count of [0, 1, 8]) {
    await setPicks(corpus.manifest.linkCandidates.slice(0, count))
    relatedQueries.push({ label: `${count} editors' pick${count === 1 ? '' : 's'} + suggestions`, picks: count, ...(await readCounts(probe.slug)) })
  }
  await setPicks([])
  await counting.stop()
  servers.splice(servers.indexOf(counting), 1)
  log(`queries counted; article JSON for H0/N0: ${cachedArticle.bytes} bytes`)

  /** Probes a scenario (its status must be one it may answer) and returns the load to measure, or null when skipped. */
  const prepareScenario = async (scenario: Scenario, server: ServerProcess, result: ScenarioResult, etag: null | string): Promise<Load | null> => {
    if (!isLoaded(scenario.id)) {
      result.skipped = 'not in BENCH_SCENARIOS'
      return null
    }
    const load = scenario.load()
    const spec = firstSpec(load)
    const conditionalHeaders = scenario.conditional && etag ? { 'if-none-match': etag } : undefined
    if (scenario.conditional && !etag) result.notes.push('no ETag in the response: plain repeated GET')
    if (scenario.prime) await send(server.url, scenario.prime)
    if (load.beside) {
      // The load beside it must answer too: failing fast, it would flatter the scenario.
      const besideProbe = await send(server.url, firstSpec(load.beside.load))
      if (besideProbe.status !== 200) {
        result.skipped = `the load beside it answered HTTP ${besideProbe.status}`
        log(`${scenario.id} on ${server.name}: skipped, ${result.skipped}`)
        return null
      }
    }
    const probe = await send(server.url, { ...spec, headers: { ...spec.headers, ...conditionalHeaders } })
    const { body: _body, ...probeInfo } = probe
    result.probe = probeInfo
    // GraphQL answers errors with a 200.
    const hasErrors = probe.contentType?.includes('json') && probe.body.subarray(0, 12).toString().startsWith('{"errors"')
    if (!scenario.expect.includes(probe.status) || hasErrors) {
      result.skipped = `answered HTTP ${probe.status}: ${probe.body.toString().slice(0, 160).replace(/\s+/g, ' ')}`
      log(`${scenario.id} on ${server.name}: skipped, ${result.skipped}`)
      return null
    }
    return conditionalHeaders && 'fixed' in load ? ({ fixed: { ...load.fixed, headers: { ...load.fixed.headers, ...conditionalHeaders } } } satisfies Load) : load
  }

  const recordMeasurement = (scenario: Scenario, result: ScenarioResult, measurement: Measurement) => {
    result.measurement = measurement
    const bad = measurement.runs.reduce((sum, run) => sum + run.errors + run.timeouts + Object.entries(run.statuses).filter(([status]) => !scenario.expect.includes(Number(status))).reduce((total, [, count]) => total + count, 0), 0)
    if (bad > 0) result.notes.push(`${bad} errors, timeouts or unexpected statuses`)
    if (scenario.conditional) result.notes.push(`statuses: ${JSON.stringify(measurement.runs[0]?.statuses)}`)
    const beside = measurement.runs.flatMap((run) => (run.beside ? [run.beside] : []))
    if (beside.length) {
      const failures = beside.reduce((sum, run) => sum + run.failures, 0)
      result.notes.push(`fresh reads beside it: ${medianOfValues(beside.map((run) => run.reqPerSec))} req/s, p99 ${medianOfValues(beside.map((run) => run.p99Ms))} ms${failures ? `, ${failures} errors, timeouts or statuses other than 200` : ''}`)
    }
    const { median } = measurement
    log(`${scenario.id}: ${median.reqPerSec} req/s, p50 ${median.p50Ms} ms, p99 ${median.p99Ms} ms (first answer per connection ${median.p99OpeningMs} ms, connections open ${median.p99OpenMs} ms), RSS ${median.peakRssMb} MB, server CPU ${median.cpuUsPerRequest} µs/request`)
  }

  /** Scenarios compared with each other, measured in turns (see measureSideBySide); one alone is simply measured. */
  const runSideBySide = async (group: Scenario[], server: ServerProcess, resultOf: (scenario: Scenario) => ScenarioResult, etag: null | string) => {
    const ready: { scenario: Scenario; load: Load }[] = []
    for (const scenario of group) {
      const load = await prepareScenario(scenario, server, resultOf(scenario), etag)
      if (load) ready.push({ scenario, load })
    }
    if (ready.length === 0) return
    const ids = ready.map(({ scenario }) => scenario.id).join(', ')
    log(`${ids} on ${server.name}, in turns: ${settings.load.warmupS} s warm-up each, then ${settings.load.runs} rounds of ${settings.load.durationS} s each…`)
    const measurements = await measureSideBySide(server, ready.map(({ load }) => load), settings.load)
    for (const [index, { scenario }] of ready.entries()) recordMeasurement(scenario, resultOf(scenario), measurements[index]!)
  }

  // 2. H0.
  const h0Scenario = scenarios.find((scenario) => scenario.id === 'H0')
  if (h0Scenario) {
    const h0 = await startServer({
      name: 'H0',
      command: process.execPath,
      args: [path.join(import.meta.dirname, 'h0Server.mjs'), articleJson],
      cwd: root,
      env: process.env,
      port: settings.port + 1,
      readyPath: '/',
      logFile: path.join(runDir, 'h0.log'),
    })
    servers.push(h0)
    await runSideBySide([h0Scenario], h0, () => results.get('H0')!, null)
    await h0.stop()
    servers.splice(servers.indexOf(h0), 1)
  }

  // 3. The app: baselines N0, P0 and the scenarios.
  log('starting the app for the load runs…')
  const app = await startApp('next')
  servers.push(app)
  log(`app ready, RSS ${app.rssMb()} MB`)
  const etagOf = async (server: ServerProcess) => (await send(server.url, { path: paths.restArticle(corpus.manifest.special.cached.slug) })).etag
  const appEtag = await etagOf(app)
  for (const group of SIDE_BY_SIDE) {
    const members = scenarios.filter((scenario) => scenario.server === 'next' && group.includes(scenario.id))
    await runSideBySide(members, app, (scenario) => results.get(scenario.id)!, appEtag)
  }
  // The flood last: it leaves the server's heap and queues as no reader load before it does.
  let flood: FloodResult | null = null
  if (isLoaded('z')) {
    log(`z on next: a flood, fresh reads on ${settings.flood.connections} connections for ${settings.flood.durationS} s, an editor saving once a second…`)
    flood = await measureFlood(app, {
      ...settings.flood,
      // URLs no scenario before sent: every read is a miss.
      fresh: rotation(corpus.manifest.articleList, ([, slug]) => ({ path: paths.restArticle(slug) }), 1000),
      cachedPath: paths.restArticle(corpus.manifest.special.cached.slug),
      save: async (marker) => (await patchProbe(app, { subtitle: marker })).status,
      readBack: async (marker) => {
        const read = await send(app.url, { path: paths.restArticle(probe.slug) })
        return { status: read.status, shows: read.status === 200 && read.body.toString().includes(marker) }
      },
    })
    for (const line of floodReport(flood)) log(line)
  }
  await app.stop()
  servers.splice(servers.indexOf(app), 1)

  // 4. The standalone API server, when there is one.
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {}
  const serveApiResults: ScenarioResult[] = []
  let serveApiNote: null | string = null
  if (!scripts['serve:api']) {
    serveApiNote = 'package.json has no serve:api script: skipped'
  } else {
    log('starting npm run serve:api…')
    try {
      const serveApi = await startServer({
        name: 'serve:api',
        command: 'npm',
        args: ['run', '--silent', 'serve:api'],
        cwd: root,
        env: appEnv(),
        port: settings.port + 2,
        readyPath: '/api/articles?limit=1&depth=0',
        logFile: path.join(runDir, 'serve-api.log'),
        isLauncher: true,
        timeoutMs: 180_000,
      })
      servers.push(serveApi)
      const etag = await etagOf(serveApi)
      const onServeApi = scenarios.filter((candidate) => SERVE_API_SCENARIOS.includes(candidate.id)).map((scenario): Scenario => ({ ...scenario, server: 'serve:api' }))
      for (const scenario of onServeApi) {
        serveApiResults.push({ id: `${scenario.id}@api`, title: `${scenario.title} (serve:api)`, server: 'serve:api', mode: scenario.mode, urls: scenario.urls, notes: [] })
      }
      await runSideBySide(onServeApi, serveApi, (scenario) => serveApiResults.find((result) => result.id === `${scenario.id}@api`)!, etag)
      await serveApi.stop()
      servers.splice(servers.indexOf(serveApi), 1)
    } catch (error) {
      serveApiNote = `serve:api did not start: ${String(error).slice(0, 400)}`
      await cleanup()
    }
  }

  // 5. Report.
  const all = [...results.values(), ...serveApiResults]
  const rps = (id: string) => all.find((result) => result.id === id)?.measurement?.median.reqPerSec
  const ratio = (name: string, over: string, under: string, target?: number) => {
    const [top, bottom] = [rps(over), rps(under)]
    const value = top !== undefined && bottom ? Math.round((top / bottom) * 100) / 100 : null
    return { name, value, target: target ?? null, met: value === null || target === undefined ? null : value >= target }
  }
  const cpuRatio = (name: string, baseline: string, ours: string) => {
    const cpu = (id: string) => all.find((result) => result.id === id)?.measurement?.median.cpuUsPerRequest
    const [top, bottom] = [cpu(baseline), cpu(ours)]
    return { name, value: top && bottom ? Math.round((top / bottom) * 100) / 100 : null, target: null, met: null }
  }
  const medianOfA = all.find((result) => result.id === 'a')?.measurement?.median
  const p99a = medianOfA?.p99Ms
  const ratios = [
    ratio('fresh article REST (a) / P0', 'a', 'P0', 1.0),
    { name: 'fresh article REST (a) p99 ms', value: p99a ?? null, target: 250, met: p99a === undefined ? null : p99a <= 250, isMax: true },
    // Where that p99 comes from (no target): the first answer on each of the run's new connections, or the rest.
    { name: '  of which: first answer per connection', value: medianOfA?.p99OpeningMs ?? null, target: null, met: null },
    { name: '  of which: on connections already open', value: medianOfA?.p99OpenMs ?? null, target: null, met: null },
    // What a burst of fresh reads does to readers of a cached article (no target in issue 5).
    { name: 'cached read beside fresh reads (bx) p99 ms', value: all.find((result) => result.id === 'bx')?.measurement?.median.p99Ms ?? null, target: null, met: null },
    ratio('repeated article REST (b) / N0', 'b', 'N0', 0.9),
    ratio('revalidated article REST (c) / N0', 'c', 'N0', 0.9),
    ratio('repeated GraphQL GET (d3) / N0', 'd3', 'N0', 0.9),
    ratio('repeated GraphQL GET by hash (d4) / N0', 'd4', 'N0', 0.9),
    ratio('serve:api repeated REST (b) / H0', 'b@api', 'H0', 0.5),
    ratio('serve:api revalidated REST (c) / H0', 'c@api', 'H0', 0.5),
    ratio('serve:api repeated GraphQL GET (d3) / H0', 'd3@api', 'H0', 0.5),
    ratio('serve:api repeated GraphQL GET by hash (d4) / H0', 'd4@api', 'H0', 0.5),
    ratio('GraphQL POST article (d1) / REST article (a)', 'd1', 'a', 0.7),
    ratio('GraphQL GET article (d2) / REST article (a)', 'd2', 'a', 0.7),
    ratio('GraphQL POST + reporter lists (d5) / REST article (a)', 'd5', 'a'),
    ratio('N0 / H0 (what Next.js costs)', 'N0', 'H0'),
    ratio('N0 at the end / N0 at the start (server state)', 'N0e', 'N0'),
    ratio('P0 / H0 (what plain Payload costs)', 'P0', 'H0'),
    // The same comparisons in server CPU per request (baseline's / ours: above 1 means ours costs less).
    cpuRatio('server CPU per request: P0 / a', 'P0', 'a'),
    cpuRatio('server CPU per request: N0 / b', 'N0', 'b'),
    cpuRatio('server CPU per request: N0 / d3', 'N0', 'd3'),
  ]
  const withPicks = relatedQueries.filter((entry) => entry.picks !== null)
  const constant = withPicks.every((entry) => entry.rest === withPicks[0]!.rest && entry.graphql === withPicks[0]!.graphql)

  const pad = (value: unknown, width: number, right = false) => {
    const text = value === undefined || value === null ? '-' : String(value)
    return right ? text.padStart(width) : text.padEnd(width)
  }
  const lines: string[] = []
  lines.push('')
  lines.push(
    `HTTP read paths — ${corpus.manifest.articles} published articles, SQLite, production build; autocannon c=${settings.load.connections}, no pipelining, ${settings.load.warmupS} s warm-up + median of ${settings.load.runs} × ${settings.load.durationS} s`,
  )
  lines.push(`server and autocannon share this machine's ${os.cpus().length} cores; the app (npm start) runs ${webWorkerCount()} web workers, serve:api and H0 one process; load average at start ${loadBefore.map((value) => value.toFixed(2)).join(' ')} (other processes may have loaded it)`)
  lines.push('')
  lines.push(`${pad('id', 7)}${pad('scenario', 44)}${pad('mode', 9)}${pad('URLs', 6, true)}${pad('req/s', 9, true)}${pad('p50 ms', 8, true)}${pad('p99 ms', 8, true)}${pad('RSS MB', 8, true)}${pad('CPU µs', 8, true)}${pad('queries', 10, true)}  notes`)
  for (const result of all) {
    const median = result.measurement?.median
    const queries = result.queries ? (result.queries.repeat === undefined ? String(result.queries.first) : `${result.queries.first}→${result.queries.repeat}`) : result.server === 'H0' || result.id.startsWith('N0') ? '0' : undefined
    const notes = [...(result.skipped ? [`skipped: ${result.skipped}`] : []), ...result.notes, ...(result.probe ? [`${result.probe.bytes} B${result.probe.etag ? ', ETag' : ''}${result.probe.cacheControl ? `, ${result.probe.cacheControl.split(',')[0]}` : ''}`] : [])]
    lines.push(
      `${pad(result.id, 7)}${pad(result.title.slice(0, 43), 44)}${pad(result.mode, 9)}${pad(result.urls, 6, true)}${pad(median?.reqPerSec, 9, true)}${pad(median?.p50Ms, 8, true)}${pad(median?.p99Ms, 8, true)}${pad(median?.peakRssMb, 8, true)}${pad(median?.cpuUsPerRequest, 8, true)}${pad(queries, 10, true)}  ${notes.join('; ')}`,
    )
  }
  if (serveApiNote) lines.push(`serve:api: ${serveApiNote}`)
  lines.push('CPU µs: the server\'s CPU time per request (its whole process tree), median of the runs')
  lines.push('queries: per request, from the server\'s SQL log; "x→y" = first request → same request again (y is what a cache hit costs)')
  lines.push('')
  lines.push(`${pad('ratio', 48)}${pad('value', 8, true)}${pad('target', 10, true)}  met`)
  for (const entry of ratios) {
    const target = entry.target === null ? '' : 'isMax' in entry ? `≤ ${entry.target}` : `≥ ${entry.target}`
    lines.push(`${pad(entry.name, 48)}${pad(entry.value, 8, true)}${pad(target, 10, true)}  ${entry.met === null ? (entry.target === null ? '' : 'n/a') : entry.met ? 'yes' : 'NO'}`)
  }
  lines.push('')
  lines.push(`queries for one article page (REST depth=1 / GraphQL), the same article with 0, 1 and 8 editors' picks:`)
  for (const entry of relatedQueries) {
    lines.push(`  ${pad(entry.label, 34)} REST ${pad(entry.rest, 4, true)}   GraphQL ${pad(entry.graphql, 4, true)}   (related items: ${entry.related})`)
  }
  lines.push(`  constant whatever the number of picks: ${constant ? 'yes' : 'NO'}`)
  if (flood) lines.push('', ...floodReport(flood))
  const totalS = Math.round((performance.now() - started) / 1000)
  lines.push('')
  lines.push(`took ${totalS} s (corpus ${corpus.generated ? `generated, ${corpus.manifest.generationSeconds} s` : 'cached'})`)
  console.log(lines.join('\n'))

  const out = path.join(import.meta.dirname, 'results', 'http.json')
  fs.mkdirSync(path.dirname(out), { recursive: true })
  const { articleList: _articleList, ...corpusSummary } = corpus.manifest
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverageStart: loadBefore, loadAverageEnd: os.loadavg(), node: process.version },
        settings: { ...settings, only: settings.only ? [...settings.only] : null },
        corpus: { ...corpusSummary, generatedThisRun: corpus.generated, sections: corpusSummary.sections.length, reporters: corpusSummary.reporters.length, regions: corpusSummary.regions.length },
        articleJsonBytes: cachedArticle.bytes,
        scenarios: all,
        serveApi: serveApiNote,
        ratios,
        queriesPerArticle: { reads: relatedQueries, constant },
        flood,
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
    console.error(error)
    await cleanup()
    process.exit(1)
  },
)
