/**
 * `npm run bench:views` (part of `npm run bench`): view beacons through the production topology
 * (deploy/local-cluster.sh: nginx, app processes, one job worker, Redis, PostgreSQL; the demo
 * content), the two ways side by side in one run:
 *
 * - **edge**: `POST /api/articles/:id/view` to nginx, which answers 204 itself and logs the beacon
 *   to the view log (syslog over UDP), counted by the worker (plugins/article-views/viewLog.ts);
 * - **app**: the same requests straight to an app process's view endpoint (what every beacon cost
 *   before the view log, and what the embedded `npm start` still does).
 *
 * Every request is a new browser (`x-reader-token`) and a new address (`x-forwarded-for`: the
 * cluster runs with NEWSROOM_EDGE_REAL_IP_FROM=127.0.0.1, as behind a CDN, so each beacon's address
 * is its own and the per-address limits measure the readers, not the bench), with a browser's
 * User-Agent. Per way: a warm-up, a run at full speed and a run paced at BENCH_VIEW_RATE (1,000)
 * a second. Views counted: the 24-hour most-read total in Redis before and after each run, read
 * until it stops moving (the worker drains its queue after wrk ends: "drain"). CPU per view: the
 * worker's (edge) or the app processes' (app) process trees, and nginx's.
 *
 * Ports: BENCH_VIEWS_EDGE_PORT (8480), the app processes after it, its redis-server at
 * 6390 + port − 8080, its view log at 5140 + port − 8080. Settings: BENCH_THREADS (2),
 * BENCH_CONNECTIONS (16), BENCH_WARMUP (3), BENCH_DURATION (6), BENCH_VIEW_RATE (1000),
 * BENCH_APPS (2), BENCH_KEEP=1 (leave the cluster up). Results: test/bench/results/views.json.
 */
import { Redis } from 'ioredis'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { benchTmp, root } from './corpus'
import { treeCpuSeconds } from './processes'
import { type RequestLine, runWrk, type WrkResult } from './wrk'

const env = process.env
const settings = {
  edgePort: Number(env.BENCH_VIEWS_EDGE_PORT || 8480),
  apps: Number(env.BENCH_APPS || 2),
  threads: Number(env.BENCH_THREADS || 2),
  connections: Number(env.BENCH_CONNECTIONS || 16),
  warmupS: Number(env.BENCH_WARMUP || 3),
  durationS: Number(env.BENCH_DURATION || 6),
  viewRate: Number(env.BENCH_VIEW_RATE || 1000),
  keep: env.BENCH_KEEP === '1',
}
const redisPort = 6390 + settings.edgePort - 8080
const pgBase = env.NEWSROOM_PG_URI || 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
const database = `newsroom_bench_views_${settings.edgePort}`
const runDir = path.join(benchTmp, 'views')
const clusterDir = path.join(runDir, 'cluster')
const clusterScript = path.join(root, 'deploy', 'local-cluster.sh')
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36'

const log = (message: string) => console.log(`[bench:views] ${message}`)
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const round2 = (value: number) => Math.round(value * 100) / 100

const clusterEnv: NodeJS.ProcessEnv = {
  ...env,
  NEWSROOM_EDGE_PORT: String(settings.edgePort),
  NEWSROOM_APP_COUNT: String(settings.apps),
  NEWSROOM_WORKER_COUNT: '1',
  NEWSROOM_CLUSTER_DIR: clusterDir,
  DATABASE_URI: `${pgBase.replace(/\/[^/]*$/, '')}/${database}`,
  NEWSROOM_SEED: 'demo',
  NEWSROOM_REDIS_PORT: String(redisPort),
  // As behind a CDN: X-Forwarded-For names the reader (each request its own address).
  NEWSROOM_EDGE_REAL_IP_FROM: '127.0.0.1',
  // The bench is one client: the edge's per-address limits would measure only themselves.
  NEWSROOM_EDGE_ACTION_RATE: '1000000r/s',
  NEWSROOM_EDGE_ACTION_BURST: '1000000',
  NEWSROOM_EDGE_READ_RATE: '1000000r/s',
  NEWSROOM_EDGE_READ_BURST: '1000000',
}
delete clusterEnv.REDIS_URL
delete clusterEnv.NEWSROOM_VIEW_LOG_PORT

const cluster = (command: 'down' | 'up') =>
  new Promise<string>((resolve, reject) => {
    const child = spawn('bash', [clusterScript, command], {
      cwd: root,
      env: clusterEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`local-cluster.sh ${command} (${code}):\n${output.slice(-3000)}`)),
    )
  })

const pidOf = (name: string) =>
  Number(fs.readFileSync(path.join(clusterDir, 'pids', `${name}.pid`), 'utf8'))

/** CPU seconds of the named cluster processes' trees (utime + stime). */
const cpuSeconds = (names: string[]) =>
  names.reduce((sum, name) => sum + treeCpuSeconds(pidOf(name)), 0)

let readers = 0
const viewRequests = (ids: Array<number | string>, count: number): RequestLine[] =>
  Array.from({ length: count }, (_, index) => {
    const n = ++readers
    return {
      method: 'POST' as const,
      path: `/api/articles/${ids[index % ids.length]}/view`,
      headers: {
        'x-reader-token': `bench-view-${process.pid}-${n}`,
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
    }
  })
const lineCount = (durationS: number, perSecond: number) =>
  Math.max(2000, Math.ceil(durationS * perSecond * 1.5))

type Way = 'app' | 'edge'
type Run = {
  name: string
  way: Way
  paced: boolean
  reqPerSec: number
  requests: number
  failures: number
  latencyMs: WrkResult['latencyMs']
  /** Views the run added to the 24 h most-read total. */
  counted: number
  /** counted ÷ requests answered 204. */
  countedShare: number
  /** From wrk's end until the total stopped moving. */
  drainMs: number
  /** The counting processes' CPU per request (worker for edge, app processes for app), and nginx's. */
  countingCpuMsPerView: number
  nginxCpuMsPerView: number
}

const main = async () => {
  fs.rmSync(runDir, { recursive: true, force: true })
  fs.mkdirSync(runDir, { recursive: true })
  const loadBefore = os.loadavg()
  log(
    `machine: ${os.cpus().length} cores, load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')}`,
  )
  const admin = new pg.Client({ connectionString: pgBase })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  log(`deploy/local-cluster.sh up (nginx :${settings.edgePort}, ${settings.apps} apps, 1 worker)…`)
  await cluster('up')
  const edge = `http://127.0.0.1:${settings.edgePort}`
  const apps = Array.from({ length: settings.apps }, (_, i) => `app-${i + 1}`)
  const redis = new Redis({ port: redisPort, host: '127.0.0.1', lazyConnect: true })
  await redis.connect()
  const runs: Run[] = []
  try {
    const list = (await (await fetch(`${edge}/api/articles?limit=100&depth=0`)).json()) as {
      docs: Array<{ id: number | string }>
    }
    const ids = list.docs.map((doc) => doc.id)
    if (!ids.length) throw new Error('no published articles in the demo content')
    log(`${ids.length} published articles`)

    const total = async () => {
      const scores = await redis.zrange('views:w:24h', 0, -1, 'WITHSCORES')
      let sum = 0
      for (let i = 1; i < scores.length; i += 2) sum += Number(scores[i])
      return sum
    }
    /** The total once it has not moved for 1.5 s (or after 60 s), and when it last moved. */
    const settled = async (since: number) => {
      let last = await total()
      let movedAt = since
      const deadline = Date.now() + 60_000
      while (Date.now() < deadline && Date.now() - movedAt < 1_500) {
        await wait(100)
        const now = await total()
        if (now !== last) {
          last = now
          movedAt = Date.now()
        }
      }
      return { total: last, drainMs: Math.max(0, movedAt - since) }
    }

    const run = async (way: Way, name: string, durationS: number, delayMs?: number) => {
      const url = way === 'edge' ? edge : `http://127.0.0.1:${settings.edgePort + 1}`
      const before = (await settled(Date.now())).total
      const counting = way === 'edge' ? ['worker-1'] : apps
      const cpu0 = { counting: cpuSeconds(counting), nginx: cpuSeconds(['nginx']) }
      const result = await runWrk({
        url,
        requests: viewRequests(ids, lineCount(durationS, delayMs ? settings.viewRate * 2 : 20_000)),
        headers: { 'user-agent': BROWSER },
        connections: settings.connections,
        threads: settings.threads,
        durationS,
        delayMs,
        dir: path.join(runDir, 'wrk'),
        name,
      })
      const ended = Date.now()
      const after = await settled(ended)
      const cpu1 = { counting: cpuSeconds(counting), nginx: cpuSeconds(['nginx']) }
      const ok = result.requests - result.failures
      const entry: Run = {
        name,
        way,
        paced: delayMs !== undefined,
        reqPerSec: result.reqPerSec,
        requests: result.requests,
        failures: result.failures,
        latencyMs: result.latencyMs,
        counted: after.total - before,
        countedShare: ok ? round2((after.total - before) / ok) : 0,
        drainMs: after.drainMs,
        countingCpuMsPerView: ok ? round2(((cpu1.counting - cpu0.counting) * 1000) / ok) : 0,
        nginxCpuMsPerView: ok ? round2(((cpu1.nginx - cpu0.nginx) * 1000) / ok) : 0,
      }
      log(
        `${name}: ${entry.reqPerSec} req/s, p50 ${entry.latencyMs.p50} ms, p99 ${entry.latencyMs.p99} ms, ` +
          `${entry.failures} failed; counted ${entry.counted} of ${ok} (${entry.countedShare}), drained ${entry.drainMs} ms after; ` +
          `CPU per view: ${way === 'edge' ? 'worker' : 'apps'} ${entry.countingCpuMsPerView} ms, nginx ${entry.nginxCpuMsPerView} ms`,
      )
      return entry
    }

    /** Full speed, then paced at the rate (each connection waits between requests). */
    const measure = async (way: Way) => {
      await run(way, `${way}-warmup`, settings.warmupS)
      const full = await run(way, `${way}-full`, settings.durationS)
      runs.push(full)
      if (full.reqPerSec < settings.viewRate) {
        log(`${way}: full speed ${full.reqPerSec}/s is below ${settings.viewRate}/s: no paced run`)
        return
      }
      // Aimed 3 % above the rate: wrk's waits and the scheduler only ever make it slower.
      const perConnectionMs = (settings.connections * 1000) / (settings.viewRate * 1.03)
      let delayMs = Math.max(1, Math.round(perConnectionMs - full.latencyMs.p50))
      let paced = await run(way, `${way}-paced`, settings.durationS, delayMs)
      if (paced.reqPerSec < settings.viewRate * 0.9 && delayMs > 1) {
        delayMs = Math.max(1, Math.round(delayMs * (paced.reqPerSec / settings.viewRate) - 1))
        paced = await run(way, `${way}-paced`, settings.durationS, delayMs)
      }
      runs.push(paced)
    }
    await measure('edge')
    await measure('app')
  } finally {
    redis.disconnect()
    if (!settings.keep) {
      log('deploy/local-cluster.sh down…')
      await cluster('down').catch((error: unknown) => log(String(error)))
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    }
    await admin.end()
  }
  const loadAfter = os.loadavg()
  const fullOf = (way: Way) => runs.find((entry) => entry.way === way && !entry.paced)
  const pacedOf = (way: Way) => runs.find((entry) => entry.way === way && entry.paced)
  const edgeFull = fullOf('edge')
  const appFull = fullOf('app')
  const edgePaced = pacedOf('edge')
  const report = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, loadBefore, loadAfter },
    settings,
    runs,
    ratios: {
      'views/s at full speed, edge ÷ app':
        edgeFull && appFull ? round2(edgeFull.reqPerSec / appFull.reqPerSec) : null,
      'CPU per view, app processes ÷ (worker + nginx)':
        edgeFull && appFull
          ? round2(
              appFull.countingCpuMsPerView /
                (edgeFull.countingCpuMsPerView + edgeFull.nginxCpuMsPerView),
            )
          : null,
    },
    target: {
      'views/s sustained ≥ 1,000 with p99 ≤ 20 ms (edge, paced)': edgePaced
        ? {
            reqPerSec: edgePaced.reqPerSec,
            p99Ms: edgePaced.latencyMs.p99,
            countedShare: edgePaced.countedShare,
            met:
              edgePaced.reqPerSec >= settings.viewRate * 0.95 &&
              edgePaced.latencyMs.p99 <= 20 &&
              edgePaced.countedShare >= 0.99,
          }
        : { met: false, note: 'full speed did not reach the rate' },
    },
  }
  fs.mkdirSync(path.join(root, 'test', 'bench', 'results'), { recursive: true })
  fs.writeFileSync(
    path.join(root, 'test', 'bench', 'results', 'views.json'),
    JSON.stringify(report, null, 2) + '\n',
  )
  log(`ratios: ${JSON.stringify(report.ratios)}`)
  log(`target: ${JSON.stringify(report.target)}`)
  log(`load average after: ${loadAfter.map((v) => v.toFixed(2)).join(' ')}`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
