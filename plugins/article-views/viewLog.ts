import type { Payload, PayloadRequest } from 'payload'

import dgram from 'node:dgram'
import net from 'node:net'
import { LRUCache } from 'lru-cache'
import { createLocalReq } from 'payload'

import type { CounterStore } from '../shared/counterStore'
import type { WindowLimiter } from '../shared/requestLimits'
import type { SanitizedArticleViewsConfig } from './types'

import { normalizeAddress } from '../login-throttle/clientAddress'
import { findPublicDocument } from '../shared/counterWrites'
import { idOf } from '../shared/relationIds'
import { browserKeyFrom, documentIdOf, isBotAgent, isReaderToken } from '../shared/readerClient'
import { addViews, isFirstView } from './counting'

/*
 * The view log: view beacons that the edge answered itself (nginx, deploy/nginx.conf: 204 at
 * once) and logged as syslog over UDP, one JSON record per beacon. One process per edge listens
 * (the `viewLogListen` option, NEWSROOM_VIEW_LOG_LISTEN; a job worker in deploy/local-cluster.sh) and
 * counts each beacon as the view endpoint would — crawlers, unknown or unpublished documents,
 * repeats within `dedupeSeconds` and addresses over `viewsPerAddress` left out — into the same
 * counter store. A view then costs the edge microseconds and the app processes nothing.
 *
 * Syslog over UDP is lossy by design: beacons sent while no listener runs, or beyond what the
 * socket's buffer and the bounded queue below hold, are not counted (`dropped` says how many
 * the queue refused). Views are an approximate count; the database never waits on them.
 */

/** What the edge logs per beacon (deploy/nginx.conf, `log_format view_beacon`). */
type BeaconRecord = {
  address?: string
  agent?: string
  cookie?: string
  path?: string
  token?: string
}

export type ViewLogStats = {
  /** Records received (datagrams). */
  received: number
  counted: number
  /** The same browser's view of the same document within `dedupeSeconds`. */
  repeated: number
  bots: number
  /** No such document, or not public. */
  unknown: number
  /** The address was over `viewsPerAddress`. */
  limited: number
  /** Not a record of a view beacon (bad JSON, another path, a malformed browser token). */
  malformed: number
  /** Refused by the full queue: the listener could not keep up. */
  dropped: number
  /** Failed to count (the store or the database failed); logged. */
  failed: number
  /** Datagrams from a sender not in `viewLogFrom` (not counted in `received`). */
  refused: number
}

export type ViewLog = {
  /** The address and port it listens on (the port chosen when 0 was asked). */
  address: () => { address: string; port: number }
  close: () => Promise<void>
  stats: () => ViewLogStats
  /** Resolves when every record received so far is counted (or left out). */
  idle: () => Promise<void>
}

// Records waiting to be counted, and how many are counted at once (store and database calls
// overlap; more would only queue inside the Redis connection and the database pool).
const MAX_QUEUED = 20_000
const CONCURRENCY = 64
const BATCH_MS = 50
const NOT_PUBLIC_TTL_MS = 5_000
const BATCH_VIEWS = 1_000
// A document's public state is re-read at most once a minute: a view counted up to a minute after
// an unpublish is harmless, a database read per beacon is what the edge path exists to avoid.
const DOCUMENT_TTL_MS = 60_000

const running = new WeakMap<Payload, ViewLog>()

/** The view log this Payload instance listens with, if any (tests, benchmarks). */
export const viewLogOf = (payload: Payload): undefined | ViewLog => running.get(payload)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `host:port`, `[v6]:port`, `:port` or `port` (on 127.0.0.1) → host and port. */
export const parseListen = (listen: string): { host: string; port: number } => {
  const match = /^(?:(?:\[([^\]]+)\]|([^:[\]]+))?:)?(\d{1,5})$/.exec(listen.trim())
  const port = match ? Number(match[3]) : NaN
  if (!match || !(port >= 0 && port <= 65535))
    throw new Error(
      `article-views: viewLogListen must be "host:port" (e.g. 127.0.0.1:5140), got "${listen}"`,
    )
  return { host: match[1] ?? match[2] ?? '127.0.0.1', port }
}

/** The senders the view log takes records from: addresses and CIDRs (`10.0.0.5`, `10.0.0.0/24`, `::1`). */
const senderList = (from: string[]): net.BlockList => {
  const list = new net.BlockList()
  for (const entry of from) {
    const [address = '', bits] = entry.trim().split('/')
    const family = net.isIPv6(address) ? 'ipv6' : 'ipv4'
    if (!net.isIP(address) || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
      throw new Error(`article-views: viewLogFrom: not an address or CIDR: "${entry}"`)
    if (bits === undefined) list.addAddress(address, family)
    else list.addSubnet(address, Number(bits), family)
  }
  return list
}

const isAllowedSender = (list: net.BlockList, address: string): boolean => {
  // An IPv4 sender on an IPv6 socket arrives as ::ffff:a.b.c.d.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  if (mapped) return list.check(mapped, 'ipv4')
  return list.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4')
}

/** The JSON record of a syslog line (`<190>Dec  8 01:02:03 newsroom_views: {…}`). */
const recordOf = (message: Buffer): BeaconRecord | undefined => {
  const text = message.toString('utf8')
  const start = text.indexOf('{')
  if (start < 0) return undefined
  try {
    const record = JSON.parse(text.slice(start)) as unknown
    return record && typeof record === 'object' ? (record as BeaconRecord) : undefined
  } catch {
    return undefined
  }
}

export const startViewLog = async (
  payload: Payload,
  config: SanitizedArticleViewsConfig,
  store: CounterStore,
  perAddress: WindowLimiter,
  listen: string,
): Promise<undefined | ViewLog> => {
  const { host, port } = parseListen(listen)
  const senders = senderList(config.viewLogFrom)
  const req: PayloadRequest = await createLocalReq({}, payload)
  const path = new RegExp(`^/api/${escapeRegExp(config.collection)}/([^/]+)/view$`)
  const stats: ViewLogStats = {
    received: 0,
    counted: 0,
    repeated: 0,
    bots: 0,
    unknown: 0,
    limited: 0,
    malformed: 0,
    dropped: 0,
    failed: 0,
    refused: 0,
  }
  // A document's section when it is public, `false` when it is not (or does not exist).
  const documents = new LRUCache<
    string,
    { section: null | string } | false,
    { id: number | string }
  >({
    max: 100_000,
    ttl: DOCUMENT_TTL_MS,
    // Concurrent beacons of one document share one read; `context`: the id as the collection types it.
    fetchMethod: async (_key, _stale, { context: { id }, options }) => {
      const doc = await findPublicDocument(req, config.collection, id, {
        [config.sectionField]: true,
      })
      if (!doc) {
        // Briefly: a story published (or released from embargo) a moment later must not lose
        // its first, busiest minute of views to beacons sent before.
        options.ttl = NOT_PUBLIC_TTL_MS
        return false
      }
      const section = idOf(doc[config.sectionField])
      return { section: section === null ? null : String(section) }
    },
  })

  const count = async (record: BeaconRecord): Promise<'batched' | keyof ViewLogStats> => {
    const raw = typeof record.path === 'string' ? path.exec(record.path)?.[1] : undefined
    if (raw === undefined) return 'malformed'
    const agent = typeof record.agent === 'string' ? record.agent : ''
    if (isBotAgent(agent, config.botPatterns)) return 'bots'
    // As readerTokenOf: the header's token, else the cookie's; a malformed one counts nothing.
    const token =
      (typeof record.token === 'string' && record.token.trim()) ||
      (typeof record.cookie === 'string' && record.cookie.trim()) ||
      undefined
    if (token !== undefined && !isReaderToken(token)) return 'malformed'
    // nginx logs the path decoded (`$uri`).
    const id = documentIdOf(req, config.collection, raw)
    if (id === undefined) return 'unknown'
    // As the endpoint keys it (readerAddressOf): an IPv6 reader by the /64 they hold.
    const address =
      (typeof record.address === 'string' && record.address && normalizeAddress(record.address)) ||
      'unknown'
    if (await perAddress.consume(address)) return 'limited'
    const doc = await documents.fetch(String(id), { context: { id } })
    if (!doc) return 'unknown'
    const browser = browserKeyFrom(req, { address, token, userAgent: agent })
    if (!(await isFirstView(config, store, { browser, id }))) return 'repeated'
    const key = String(id)
    const entry = batch.get(key)
    if (entry) entry.views++
    else batch.set(key, { id, section: doc.section, views: 1 })
    batched++
    if (batched >= BATCH_VIEWS) void writeBatch()
    else batchTimer ??= setTimeout(() => void writeBatch(), BATCH_MS)
    return 'batched'
  }

  // Views that passed every check wait here up to BATCH_MS, added per article: one pending-buffer
  // and one most-read increment per article and batch instead of per view (the store's writes
  // were what capped the listener: ~1,400 views a second on a 2-core machine).
  let batch = new Map<string, { id: number | string; section: null | string; views: number }>()
  let batched = 0
  let batchTimer: NodeJS.Timeout | undefined
  let writing = 0
  const writeBatch = async () => {
    if (batchTimer) clearTimeout(batchTimer)
    batchTimer = undefined
    if (batched === 0) return
    const views = [...batch.values()]
    const count = batched
    batch = new Map()
    batched = 0
    writing++
    try {
      await addViews(config, store, req, views)
      stats.counted += count
    } catch (error) {
      failed(count, error)
    } finally {
      writing--
      settle()
    }
  }

  // A FIFO of records: an array read from `head` (Array#shift would copy up to MAX_QUEUED
  // entries per record taken, just when the listener is busiest).
  let queue: BeaconRecord[] = []
  let head = 0
  const queued = () => queue.length - head
  const take = () => {
    const record = queue[head++]!
    if (head >= 1024 && head * 2 >= queue.length) {
      queue = queue.slice(head)
      head = 0
    }
    return record
  }
  let active = 0
  let waiting: Array<() => void> = []
  // A failing store or database, or a flood, would otherwise log once per view.
  const warnedAt = new Map<string, number>()
  const warn = (kind: string, message: string) => {
    if (Date.now() - (warnedAt.get(kind) ?? 0) < 60_000) return
    warnedAt.set(kind, Date.now())
    payload.logger.warn(message)
  }
  const failed = (views: number, error: unknown) => {
    stats.failed += views
    warn(
      'failed',
      `article-views: views from the view log were not counted (${stats.failed} so far): ${(error as Error).message}`,
    )
  }
  const settle = () => {
    if (active > 0 || queued() > 0) return
    // The last views of a burst: written now rather than after the batch's wait.
    if (batched > 0) {
      void writeBatch()
      return
    }
    if (writing > 0) return
    const done = waiting
    waiting = []
    for (const resolve of done) resolve()
  }
  const pump = () => {
    while (active < CONCURRENCY && queued() > 0) {
      const record = take()
      active++
      count(record)
        .then((outcome) => {
          if (outcome !== 'batched') stats[outcome]++
        })
        .catch((error: unknown) => failed(1, error))
        .finally(() => {
          active--
          pump()
          settle()
        })
    }
  }

  const socket = dgram.createSocket({
    type: host.includes(':') ? 'udp6' : 'udp4',
    // Room for bursts while the event loop is busy (the kernel caps it at net.core.rmem_max).
    recvBufferSize: 4 * 1024 * 1024,
  })
  socket.on('message', (message, sender) => {
    // Only the edge may log views: anyone else could send records with made-up addresses and
    // tokens, past every limit.
    if (!isAllowedSender(senders, sender.address)) {
      stats.refused++
      warn(
        'refused',
        `article-views: view log records from ${sender.address} refused (viewLogFrom)`,
      )
      return
    }
    stats.received++
    const record = recordOf(message)
    if (!record) {
      stats.malformed++
      return
    }
    if (queued() >= MAX_QUEUED) {
      stats.dropped++
      warn(
        'dropped',
        `article-views: the view log cannot keep up; ${stats.dropped} views dropped so far`,
      )
      return
    }
    queue.push(record)
    pump()
  })
  socket.on('error', (error) => {
    payload.logger.error(`article-views: view log socket: ${error.message}`)
  })
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject)
      socket.bind(port, host, () => {
        socket.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    // Logged, not thrown: NEWSROOM_VIEW_LOG_LISTEN set for every process by mistake (one shared
    // environment file) must not stop all but one of them from starting.
    payload.logger.error(
      `article-views: the view log cannot listen on udp ${host}:${port}: ${(error as Error).message} — views the edge logs there are not counted by this process`,
    )
    socket.close()
    return undefined
  }
  // A listener must not keep a process alive on its own (tests, a worker shutting down).
  socket.unref()
  const bound = socket.address()
  payload.logger.info(
    `조회 기록 수신 (view log: counting beacons logged by the edge on udp ${bound.address}:${bound.port})`,
  )
  if (store.kind === 'memory')
    payload.logger.warn(
      "article-views: the view log counts into this process's memory: only this process's most-read and flush see those views (set REDIS_URL when app processes and workers are separate)",
    )

  const viewLog: ViewLog = {
    address: () => ({ address: bound.address, port: bound.port }),
    stats: () => ({ ...stats }),
    idle: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve)
        settle()
      }),
    close: async () => {
      running.delete(payload)
      await new Promise<void>((resolve) => socket.close(() => resolve()))
      await viewLog.idle()
    },
  }
  running.set(payload, viewLog)
  return viewLog
}
