/**
 * The server `npm start` runs once the admin is built: Next.js (admin, API, feeds) as `next start`
 * would serve it, with one step in front. An anonymous read this process answered a moment ago
 * goes straight back from its memory copy, as in `npm run serve:api`, before Next.js routes it:
 * Next.js spends ≈ 0.7 ms of CPU routing any request, more than ten times what answering the copy
 * costs (`npm run bench`, scenarios N0 and b). Everything else — misses, writes, the admin,
 * logged-in readers — goes to Next.js in arrival order, one per turn of the event loop (see
 * src/admission.ts: otherwise a burst of misses delays every answer from memory). Listens on
 * PORT (3000) on every interface, as `next start` does.
 *
 * One process uses one core. NEWSROOM_WEB_WORKERS processes (node:cluster; by default one per
 * core, at most four) share the port; a save made in one has purged every other's memory copy
 * before it returns (plugins/http-cache/workers.ts).
 */
import type { Worker } from 'node:cluster'

import cluster from 'node:cluster'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { answerFromMemoryOnNode } from '../../plugins/http-cache/answerOnNode'
import { relayHttpCachePurges } from '../../plugins/http-cache/workers'
import { relaySaveTurns } from '../../plugins/shared/saveTurns'
import { createAdmission } from '../admission'
import { admitOptionsOf } from '../admitOptions'
import { apiReadOf } from '../apiReads'
import { recordedBootError } from '../bootError'
import { sendResponse } from '../nodeFetch'
import { webWorkerCount } from '../webWorkers'

// Between the primary and its workers: a worker has booted (Payload, migrations), may now take
// connections, takes them; a connection, with its socket, and the worker has it.
const PREPARED = 'newsroom:server:prepared'
const LISTEN = 'newsroom:server:listen'
const ACCEPTING = 'newsroom:server:accepting'
const CONNECTION = 'newsroom:server:connection'
const TAKEN = 'newsroom:server:taken'
// How long a worker waits for the next socket of a burst before it works again (the round trip
// to the primary takes ≈ 0.3 ms when the cores are busy).
const BURST_PAUSE_MS = 5

// A worker that keeps dying is started again later and later, and after this many deaths in a
// row (none of them reaching "prepared") the server gives up rather than boot-loop.
const MAX_FAILED_STARTS = 5
const MAX_RESTART_DELAY_MS = 30_000
// How long a stopping worker may take to finish its requests before it is killed.
const STOP_GRACE_MS = 15_000

const send = (worker: Worker, message: { type: string }) => {
  if (worker.isConnected()) worker.send(message)
}

const typeOf = (message: unknown): string | undefined => (message as { type?: string } | null)?.type

/**
 * With several workers: the first boots alone — it runs pending migrations, seeds an empty
 * database and runs the job runner — then the others boot, and the port opens once every worker
 * can answer. A worker that dies is replaced; the signals that stop the server stop the workers,
 * each finishing its requests first.
 *
 * The primary accepts the connections and deals them to the workers in strict turn. Node passes a
 * process one socket at a time, the next only after the worker has acknowledged the last, and a
 * busy worker does that between two requests: with node:cluster's own distribution, the 25th
 * connection of a burst at c = 50 had its first request read ≈ 25 requests (200–300 ms) late, the
 * slowest 1 % of a run (`npm run bench:http`, scenario a), and whichever worker acknowledged
 * faster got more of the burst (28 / 22). Here a worker told that more sockets of a burst follow
 * starts no request until they are in (≈ 20 ms for 25).
 */
const runPrimary = async (count: number) => {
  relayHttpCachePurges(cluster)
  // Before the forks: the workers learn from their environment that turns are relayed.
  relaySaveTurns(cluster)
  const workers = new Map<number, Worker>()
  // Workers that take connections, in the order they are dealt them, each with the sockets dealt
  // to it that it has not been sent yet: Node sends a process one socket per acknowledgement.
  const dealing: { isSending: boolean; queue: net.Socket[]; worker: Worker }[] = []
  let turn = 0
  const deal = (socket: net.Socket) => {
    const live = dealing.filter(({ worker }) => worker.isConnected())
    // No worker can take it (all are being replaced): closing it lets the client retry.
    if (live.length === 0) return void socket.destroy()
    const hand = live[turn++ % live.length]!
    hand.queue.push(socket)
    sendNext(hand)
  }
  const sendNext = (hand: (typeof dealing)[number]) => {
    if (hand.isSending || hand.queue.length === 0) return
    const socket = hand.queue.shift()!
    hand.isSending = true
    hand.worker.send({ type: CONNECTION, behind: hand.queue.length }, socket, (error: Error | null) => {
      if (!error) return
      hand.isSending = false
      deal(socket)
    })
  }
  const listener = net.createServer({ pauseOnConnect: true }, deal)
  let isStopping = false
  let isServing = false
  let exitCode = 0
  let failedStarts = 0
  const stopAll = (signal: NodeJS.Signals, code: number) => {
    if (isStopping) return
    isStopping = true
    exitCode = code
    if (listener.listening) listener.close()
    if (workers.size === 0) process.exit(exitCode)
    for (const worker of workers.values()) worker.process.kill(signal)
    setTimeout(() => {
      for (const worker of workers.values()) worker.process.kill('SIGKILL')
    }, STOP_GRACE_MS).unref()
  }
  const fork = (number: number): Promise<Worker> =>
    new Promise((resolve) => {
      // Only the first migrates, seeds an empty database and runs jobs.
      const worker = cluster.fork(number > 1 ? { NEWSROOM_SEED: 'off', NEWSROOM_RUN_JOBS: 'off' } : {})
      let isPrepared = false
      workers.set(number, worker)
      worker.on('error', (error) => console.error(`web worker ${number}:`, error))
      worker.on('message', (message: unknown) => {
        const type = typeOf(message)
        if (type === TAKEN) {
          const hand = dealing.find((candidate) => candidate.worker === worker)
          if (hand) {
            hand.isSending = false
            sendNext(hand)
          }
        }
        if (type !== PREPARED) return
        isPrepared = true
        failedStarts = 0
        resolve(worker)
      })
      worker.on('exit', (code, signal) => {
        const hand = dealing.find((candidate) => candidate.worker === worker)
        if (hand) {
          dealing.splice(dealing.indexOf(hand), 1)
          for (const socket of hand.queue.splice(0)) deal(socket)
        }
        if (workers.get(number) !== worker) return
        workers.delete(number)
        if (isStopping) {
          if (workers.size === 0) process.exit(exitCode)
          return
        }
        if (!isServing) {
          console.error(`웹 워커 ${number}이(가) 시작하지 못했습니다 (web worker ${number} failed to start: ${signal ?? code})`)
          stopAll('SIGTERM', 1)
          return
        }
        if (!isPrepared) failedStarts += 1
        if (failedStarts >= MAX_FAILED_STARTS) {
          console.error(`웹 워커가 ${failedStarts}번 연속으로 시작하지 못해 서버를 멈춥니다 (web workers failed to start ${failedStarts} times in a row; stopping)`)
          stopAll('SIGTERM', 1)
          return
        }
        const delay = Math.min(1000 * 2 ** failedStarts, MAX_RESTART_DELAY_MS)
        console.error(`웹 워커 ${number}이(가) 멈춰 ${delay / 1000}초 뒤 다시 시작합니다 (web worker ${number} stopped: ${signal ?? code}; starting another in ${delay / 1000} s)`)
        setTimeout(() => {
          if (!isStopping) void fork(number).then(admit)
        }, delay)
      })
    })
  // Tells a prepared worker to take connections; resolves once it does, from when it is dealt them.
  const admit = (worker: Worker) =>
    new Promise<void>((resolve) => {
      const onMessage = (message: unknown) => {
        if (typeOf(message) !== ACCEPTING) return
        worker.off('message', onMessage)
        dealing.push({ isSending: false, queue: [], worker })
        resolve()
      }
      worker.on('message', onMessage)
      send(worker, { type: LISTEN })
    })
  process.on('SIGINT', () => stopAll('SIGINT', 130))
  process.on('SIGTERM', () => stopAll('SIGTERM', 143))

  const first = await fork(1)
  const rest = await Promise.all(Array.from({ length: count - 1 }, (_, index) => fork(index + 2)))
  if (isStopping) return
  await Promise.all([first, ...rest].map(admit))
  if (isStopping) return
  const port = Number(process.env.PORT || 3000)
  listener.once('error', (error: NodeJS.ErrnoException) => {
    console.error(`포트 ${port}에서 서버를 열 수 없습니다 (cannot listen on port ${port}: ${error.code ?? error.message})`)
    stopAll('SIGTERM', 1)
  })
  listener.listen(port, () => {
    isServing = true
    console.log(`▲ Next.js production server on http://localhost:${port} (${count} workers)`)
  })
}

// What readers ask most: the REST API with population, and a GraphQL query.
const WARM_UP_REQUESTS: { body?: string; path: string }[] = [
  { path: '/api/articles?limit=1&depth=1' },
  { path: '/api/graphql', body: JSON.stringify({ query: '{ Articles(limit: 1) { docs { id title section { name } } } }' }) },
]

/**
 * Sends the read paths through Next.js once, on a private loopback port, before the server takes
 * connections. The first request of a path loads and compiles its code (≈ 0.6 s for the REST API,
 * 0.1 s for GraphQL on the 2-core machine), and a worker started during a rush (a deploy, a
 * replaced worker) would make every request queued behind it wait as long.
 */
const warmUp = async (handle: (incoming: http.IncomingMessage, outgoing: http.ServerResponse) => Promise<void>) => {
  const warmer = http.createServer((incoming, outgoing) => void handle(incoming, outgoing).catch(() => outgoing.destroy()))
  await new Promise<void>((resolve) => warmer.listen({ exclusive: true, host: '127.0.0.1', port: 0 }, resolve))
  const { port } = warmer.address() as net.AddressInfo
  try {
    for (const { body, path: requestPath } of WARM_UP_REQUESTS) {
      await fetch(`http://127.0.0.1:${port}${requestPath}`, {
        body,
        headers: body ? { 'content-type': 'application/json' } : undefined,
        method: body ? 'POST' : 'GET',
        signal: AbortSignal.timeout(10_000),
      })
        .then((response) => response.arrayBuffer())
        // A warm-up that fails changes nothing: the first reader's request then does the loading.
        .catch(() => undefined)
    }
  } finally {
    warmer.closeAllConnections()
    await new Promise((resolve) => warmer.close(resolve))
  }
}

const runServer = async () => {
  // Next.js reads NODE_ENV when it is loaded.
  Object.assign(process.env, { NODE_ENV: 'production' })
  const { default: next } = await import('next')
  const port = Number(process.env.PORT || 3000)
  const hostname = 'localhost'
  const app = next({ dev: false, dir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), port, hostname })
  const handle = app.getRequestHandler()
  // Runs src/instrumentation.ts: Payload, its migrations and job runner start here, not at the first request.
  await app.prepare()
  await warmUp(handle)
  // A config that cannot load (an unusable allow-list file) or a failed initialisation fails every
  // request; the server stops with the reason instead of serving errors. Next.js runs the
  // instrumentation hook after prepare() resolves: its failure is known once the warm-up's
  // requests, which wait for it, are answered.
  const bootError = recordedBootError()
  if (bootError) {
    console.error(`뉴스룸을 시작할 수 없습니다 (cannot start): ${bootError instanceof Error ? bootError.message : String(bootError)}`)
    process.exit(1)
  }

  const admission = createAdmission()
  let isStopping = false
  const server = http.createServer((incoming, outgoing) => {
    // While stopping, every answer closes its connection: clients reconnect to a live worker.
    if (isStopping) outgoing.shouldKeepAlive = false
    if (answerFromMemoryOnNode(incoming, outgoing)) return
    // The admin's scripts and styles are files Next.js sends as they are: nothing to wait for.
    if (incoming.url?.startsWith('/_next/static/')) return work(incoming, outgoing)
    admission.admit(incoming, outgoing, () => work(incoming, outgoing), admitOptionsOf(incoming))
  })
  const work = (incoming: http.IncomingMessage, outgoing: http.ServerResponse) => {
    // API reads go straight to the route handler Next.js would run (src/apiReads.ts).
    const read = apiReadOf(incoming, hostname, port)
    const answered = read ? (async () => sendResponse(await read(), incoming, outgoing))() : handle(incoming, outgoing)
    answered.catch((error: unknown) => {
      console.error(`${incoming.method} ${incoming.url}`, error)
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      outgoing.end('Internal Server Error')
    })
  }
  // Keep-alive longer than common load balancers' idle timeouts, so they never reuse a closed socket.
  server.keepAliveTimeout = 65_000
  // Open connections, and those with an answer under way: stopping waits for the second.
  const connections = new Set<net.Socket>()
  const answering = new Map<net.Socket, http.ServerResponse>()
  server.on('connection', (socket: net.Socket) => {
    connections.add(socket)
    socket.once('close', () => {
      connections.delete(socket)
      answering.delete(socket)
      if (isStopping && connections.size === 0) finish()
    })
  })
  server.on('request', (incoming: http.IncomingMessage, outgoing: http.ServerResponse) => {
    answering.set(incoming.socket, outgoing)
    outgoing.once('close', () => {
      answering.delete(incoming.socket)
      if (isStopping) incoming.socket.end()
    })
  })
  if (cluster.isWorker) {
    // The primary says when: after the first worker has migrated and seeded, all together.
    await new Promise<void>((resolve) => {
      process.on('message', (message: unknown) => {
        if (typeOf(message) === LISTEN) resolve()
      })
      process.send!({ type: PREPARED })
    })
    process.on('message', (message: unknown, socket: unknown) => {
      if (typeOf(message) !== CONNECTION) return
      process.send!({ type: TAKEN })
      if (!(socket instanceof net.Socket)) return
      if (isStopping) return void socket.destroy()
      // More sockets of this burst wait in the primary, each sent after the last was taken.
      const behind = Number((message as { behind?: unknown }).behind) || 0
      admission.pauseStarts(behind > 0 ? BURST_PAUSE_MS : 0)
      server.emit('connection', socket)
    })
    // The port is the primary's; 'listening' is what makes Node's HTTP server watch its
    // connections (headersTimeout and requestTimeout against slow clients), as after listen().
    server.emit('listening')
    process.send!({ type: ACCEPTING })
  } else {
    server.listen(port, () => console.log(`▲ Next.js production server on http://localhost:${port}`))
  }
  let exitCode = 0
  let isFinished = false
  const finish = () => {
    if (isFinished) return
    isFinished = true
    void app
      .close()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(exitCode))
  }
  // As `next start` does: requests in flight (a save, a publish) finish first, then Next.js closes,
  // and the exit code tells which signal stopped it. Connections still busy after 10 s are cut.
  const stop = (signal: 'SIGINT' | 'SIGTERM') => {
    if (isStopping) return
    isStopping = true
    exitCode = signal === 'SIGINT' ? 130 : 143
    if (server.listening) server.close()
    for (const socket of connections) if (!answering.has(socket)) socket.destroy()
    // Answers under way say so: the client does not send another request on the connection.
    for (const outgoing of answering.values()) if (!outgoing.headersSent) outgoing.shouldKeepAlive = false
    setTimeout(() => {
      for (const socket of connections) socket.destroy()
    }, 10_000).unref()
    if (connections.size === 0) finish()
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

const start = async () => {
  const workerCount = cluster.isPrimary ? webWorkerCount() : 1
  await (workerCount > 1 ? runPrimary(workerCount) : runServer())
}

start().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

export {}
