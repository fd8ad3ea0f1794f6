import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Requests that need work (everything a server cannot answer from memory) start in arrival order,
 * one per turn of Node's event loop (more when a flood arrives, see startNext); signed-in staff
 * have a line of their own ahead of everyone else's.
 *
 * Why: on SQLite every query of a request resolves at once, so a request's whole work runs in the
 * microtask queue right after Node read it, before Node reads the next socket. Under load Node then
 * works through every request that arrived together (50 at c = 50, ≈ 600 ms) before it reads,
 * accepts or answers anything else: a read the cache could answer in 0.1 ms waited ≈ 300 ms behind
 * fresh reads, and a connection opened during such a batch waited seconds for its first answer
 * (`npm run bench`: p99 4–5 s at p50 0.4 s). Started one per turn, requests that arrive meanwhile
 * are read at once, answered from memory when they can be, and otherwise wait their turn in order.
 * With a database whose queries really wait (PostgreSQL, MongoDB), `limit` bounds how many
 * requests are worked on at once.
 */
export type AdmissionOptions = {
  /** Requests worked on at once (default: NEWSROOM_CONCURRENT_REQUESTS, else 16). */
  limit?: number
  /**
   * A request gives its place up when it starts its answer, or after this long (default 1000 ms):
   * a slow upload or a long stream must not hold the server's places.
   */
  maxHoldMs?: number
  /**
   * Requests that may wait at once (default: NEWSROOM_MAX_WAITING, else 1000). Beyond it a
   * request admitted as `isSheddable` (a read) is turned away, 503 with `Retry-After`, so a flood
   * of reads can grow neither memory nor everybody's wait without bound; a renewal (`first`) only
   * beyond twice as many. The others (logins, writes, signed-in staff) still queue.
   */
  maxWaiting?: number
  /**
   * How long a turned-away request waits for its 503 (default: NEWSROOM_SHED_DELAY_MS, else
   * 1000 ms, its `Retry-After`; 0: at once). A client that asks again at once — a script, a load
   * test, a proxy that retries — would otherwise keep the server busy turning it away: answered at
   * once, 3000 such connections got
   * 13.9k 503s a second out of the 2-core machine and left 46 reads a second for everybody else
   * (`npm run bench:http`, scenario z). Nothing is worked on meanwhile; the wait costs a socket.
   */
  shedDelayMs?: number
}

export type Admission = {
  /**
   * Runs `work` when the request's turn comes; `first` puts it ahead of the requests waiting (a
   * read that renews a cached copy everybody else is waiting for). Requests of signed-in staff
   * (`isStaff`, src/staffRequests.ts) wait in a line of their own, in arrival order, and are never
   * turned away: the desk publishes during a flood. That line goes first, but while others wait
   * one of theirs starts after every STAFF_STARTS_PER_OTHER_START of it, so no token, however
   * busy, stops everybody else. A request whose client has gone meanwhile is dropped.
   */
  admit: (incoming: IncomingMessage, outgoing: ServerResponse, work: () => void, options?: { first?: boolean; isSheddable?: boolean; isStaff?: boolean }) => void
  /** Requests being worked on and waiting, right now, and how many were turned away so far. */
  load: () => { shed: number; waiting: number; working: number }
  /**
   * Starts no request for up to `ms` (0: start again now). For what the event loop must see
   * before the next request keeps it busy for milliseconds: a cluster worker is handed a burst's
   * connections one per round trip to the primary (src/bin/server.ts).
   */
  pauseStarts: (ms: number) => void
}

type Turn = { incoming: IncomingMessage; outgoing: ServerResponse; work: () => void }

/** Beyond this many turned-away requests waiting for their 503, the next ones get it at once. */
const MAX_PENDING_BUSY_ANSWERS = 10_000

/** Staff requests started in a row, at most, while other requests wait (see `admit`). */
const STAFF_STARTS_PER_OTHER_START = 4

/** Requests read per extra start in one turn of the event loop (see startNext). */
const ARRIVALS_PER_START = 16

const fromEnvironment = (name: string, fallback: number, { allowZero = false } = {}): number => {
  const raw = process.env[name]
  const configured = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw)
  return Number.isInteger(configured) && (configured > 0 || (allowZero && configured === 0)) ? configured : fallback
}

const BUSY_BODY = JSON.stringify({ errors: [{ message: '요청이 많아 잠시 후 다시 시도해 주세요 (the server is busy; retry shortly)' }] })

/** 503 with Retry-After: clients and CDNs retry later (a CDN may serve its stale copy meanwhile). */
const answerBusy = (outgoing: ServerResponse) => {
  outgoing.writeHead(503, { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' })
  outgoing.end(BUSY_BODY)
}

export const createAdmission = (options: AdmissionOptions = {}): Admission => {
  const limit = options.limit ?? fromEnvironment('NEWSROOM_CONCURRENT_REQUESTS', 16)
  const maxHoldMs = options.maxHoldMs ?? 1000
  const maxWaiting = options.maxWaiting ?? fromEnvironment('NEWSROOM_MAX_WAITING', 1000)
  const shedDelayMs = options.shedDelayMs ?? fromEnvironment('NEWSROOM_SHED_DELAY_MS', 1000, { allowZero: true })
  if (!Number.isInteger(shedDelayMs) || shedDelayMs < 0) throw new Error(`admission: shedDelayMs must be a whole number ≥ 0 (got ${shedDelayMs})`)
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`admission: limit must be a whole number ≥ 1 (got ${limit})`)
  if (!Number.isInteger(maxWaiting) || maxWaiting < 1) throw new Error(`admission: maxWaiting must be a whole number ≥ 1 (got ${maxWaiting})`)
  let working = 0
  let shed = 0
  let scheduled = false
  const staff: Turn[] = []
  const waiting: Turn[] = []
  // Requests admitted (or turned away) since the last start: how much of each turn Node spends reading them.
  let arrivals = 0
  // Turned-away requests waiting for their 503 (see shedDelayMs).
  let pendingBusyAnswers = 0
  // Staff requests started since another's: see STAFF_STARTS_PER_OTHER_START.
  let staffStartsInARow = 0

  const start = ({ outgoing, work }: Turn) => {
    working += 1
    let holding = true
    const release = () => {
      if (!holding) return
      holding = false
      clearTimeout(timer)
      working -= 1
      schedule()
    }
    const timer = setTimeout(release, maxHoldMs)
    timer.unref()
    // Every way of starting an answer (writeHead, or write/end without it) goes through writeHead.
    const writeHead = outgoing.writeHead
    outgoing.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      release()
      return writeHead.apply(this, args)
    } as ServerResponse['writeHead']
    // Finished, or the connection is gone.
    outgoing.once('close', release)
    work()
  }

  // Not `destroyed`: a client that closed its side is destroyed only a turn later, unwritable at once.
  const isGone = ({ incoming, outgoing }: Pick<Turn, 'incoming' | 'outgoing'>) => !incoming.socket?.writable || outgoing.destroyed

  const schedule = () => {
    if (scheduled || (waiting.length === 0 && staff.length === 0) || working >= limit) return
    scheduled = true
    setImmediate(startNext)
  }

  let pausedUntil = 0
  let resumeTimer: NodeJS.Timeout | undefined

  // One start per turn (setImmediate runs after Node has read the sockets), see above.
  const startNext = () => {
    const pausedMs = pausedUntil - performance.now()
    if (pausedMs > 0) {
      // What arrived during the pause was read in the turns it took, not in the next one.
      arrivals = 0
      resumeTimer = setTimeout(startNext, pausedMs)
      return
    }
    resumeTimer = undefined
    scheduled = false
    // Normally one start per turn. Under a flood, Node spends most of each turn reading and turning
    // away requests (each ≈ 50 µs); one start per such turn made the answered reads fall to an
    // eighth (`npm run bench:http`, scenario z). Then a turn starts one request per
    // ARRIVALS_PER_START that came in, so reading stays a small part of the work.
    const starts = Math.max(1, Math.min(limit - working, Math.ceil(arrivals / ARRIVALS_PER_START)))
    arrivals = 0
    try {
      for (let started = 0; started < starts; started++) {
        const turn = nextTurn()
        if (!turn) break
        start(turn)
      }
    } finally {
      // Even when the work threw: the requests behind it still get their turn.
      schedule()
    }
  }

  const takeFrom = (line: Turn[]): Turn | undefined => {
    let turn = line.shift()
    while (turn && isGone(turn)) turn = line.shift()
    return turn
  }
  const nextTurn = (): Turn | undefined => {
    if (staffStartsInARow < STAFF_STARTS_PER_OTHER_START) {
      const turn = takeFrom(staff)
      if (turn) {
        staffStartsInARow += 1
        return turn
      }
    }
    const other = takeFrom(waiting)
    if (other) {
      staffStartsInARow = 0
      return other
    }
    // Nobody else waits.
    const turn = takeFrom(staff)
    if (turn) staffStartsInARow += 1
    return turn
  }

  return {
    admit: (incoming, outgoing, work, options) => {
      arrivals += 1
      if (options?.isStaff) {
        staff.push({ incoming, outgoing, work })
        schedule()
        return
      }
      if (options?.isSheddable && waiting.length >= (options.first ? 2 * maxWaiting : maxWaiting)) {
        shed += 1
        if (shedDelayMs === 0 || pendingBusyAnswers >= MAX_PENDING_BUSY_ANSWERS) return answerBusy(outgoing)
        pendingBusyAnswers += 1
        setTimeout(() => {
          pendingBusyAnswers -= 1
          if (!isGone({ incoming, outgoing })) answerBusy(outgoing)
        }, shedDelayMs).unref()
        return
      }
      if (options?.first) waiting.unshift({ incoming, outgoing, work })
      else waiting.push({ incoming, outgoing, work })
      schedule()
    },
    load: () => ({ shed, waiting: staff.length + waiting.length, working }),
    pauseStarts: (ms) => {
      pausedUntil = performance.now() + ms
      if (ms > 0 || !resumeTimer) return
      clearTimeout(resumeTimer)
      resumeTimer = undefined
      setImmediate(startNext)
    },
  }
}
