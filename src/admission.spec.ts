import { spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'
import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'

import { type Admission, createAdmission } from './admission'

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Waits until `condition` holds: each step of a test waits for the state it needs, not for a
 * guessed delay a loaded CI machine may overrun.
 */
const until = async (condition: () => boolean, what: string) => {
  const deadline = performance.now() + 5_000
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await wait(2)
  }
}

/** Blocks the thread, as a request whose SQLite queries all resolve at once does. */
const busy = (ms: number) => {
  const until = performance.now() + ms
  while (performance.now() < until);
}

type Work = (request: http.IncomingMessage, response: http.ServerResponse) => void

const servers: http.Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

type AdmitOptions = Parameters<Admission['admit']>[3]

/**
 * A real server: `/fast` is answered at once (as a memory hit is), everything else waits for
 * admission, with the options `optionsOf` gives it.
 */
const serve = async (admission: Admission | null, work: Work, optionsOf: (request: http.IncomingMessage) => AdmitOptions = () => ({})): Promise<number> => {
  const server = http.createServer((request, response) => {
    if (request.url === '/fast') return void response.end('fast')
    if (admission) admission.admit(request, response, () => work(request, response), optionsOf(request))
    else work(request, response)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as { port: number }).port
}

/** One GET on a connection of its own; resolves with its status. */
const statusOf = (port: number, path: string): Promise<number> =>
  new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => (response.resume(), resolve(response.statusCode!))).on('error', reject)
  })

/** One GET on a connection of its own; resolves with the time its answer ended. */
const get = (port: number, path: string, signal?: AbortSignal): Promise<number> =>
  new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent: false, signal }, (response) => {
      response.resume()
      response.on('end', () => resolve(performance.now()))
    })
    request.on('error', reject)
  })

/**
 * From a child process: `slowCount` slow GETs at once, then `/fast` 10 ms later, each on a
 * connection opened beforehand (Node accepts one new connection per turn of its loop, which is
 * not what is measured here). Returns when each answer ended (ms).
 */
const burstFromAnotherProcess = async (port: number, slowCount: number): Promise<{ fast: number; slow: number[] }> => {
  const script = `
    const http = require('node:http')
    const agent = new http.Agent({ keepAlive: true, maxSockets: ${slowCount + 1} })
    const get = (path) => new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: ${port}, path, agent }, (response) => {
        response.resume()
        response.on('end', () => resolve(performance.now()))
      }).on('error', reject)
    })
    const main = async () => {
      await Promise.all(Array.from({ length: ${slowCount + 1} }, () => get('/fast')))
      const slow = Array.from({ length: ${slowCount} }, (_, index) => get('/slow/' + index))
      await new Promise((resolve) => setTimeout(resolve, 10))
      const fast = await get('/fast')
      const ends = (await Promise.all(slow)).sort((a, b) => a - b)
      process.stdout.write(JSON.stringify({ fast, slow: ends }))
      agent.destroy()
    }
    main()
  `
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await new Promise((resolve) => child.on('exit', resolve))
  return JSON.parse(output)
}

describe('createAdmission', () => {
  it('answers what needs no work while a burst of blocking requests is worked through', async () => {
    const admission = createAdmission()
    const port = await serve(admission, async (_request, response) => {
      await null
      busy(40)
      response.end('slow')
    })
    // The clients run in another process: this one is blocked while it works, as a server is.
    const { fast, slow } = await burstFromAnotherProcess(port, 8)
    // Without admission Node works through all eight (≈ 320 ms) before it reads the fast request.
    expect(fast).toBeLessThan(slow[4]!)
  })

  it('starts requests in arrival order and never works on more than `limit` at once', async () => {
    const admission = createAdmission({ limit: 2 })
    const started: string[] = []
    let peak = 0
    const port = await serve(admission, (request, response) => {
      started.push(request.url!)
      peak = Math.max(peak, admission.load().working)
      // A database that really waits (PostgreSQL): the answer comes later, on another turn.
      setTimeout(() => response.end('ok'), 30)
    })
    const answers: Promise<number>[] = []
    for (let index = 0; index < 8; index++) {
      answers.push(get(port, `/${index}`))
      // The next request is sent once this one has arrived (started, or waiting its turn).
      await until(() => started.length + admission.load().waiting > index, `/${index} arrived`)
    }
    await Promise.all(answers)
    expect(started).toEqual(['/0', '/1', '/2', '/3', '/4', '/5', '/6', '/7'])
    expect(peak).toBe(2)
    expect(admission.load()).toEqual({ shed: 0, waiting: 0, working: 0 })
  })

  it('starts a request admitted with `first` ahead of those already waiting', async () => {
    const admission = createAdmission({ limit: 1 })
    const started: string[] = []
    const held: http.ServerResponse[] = []
    const port = await serve(
      admission,
      (request, response) => {
        started.push(request.url!)
        held.push(response)
      },
      (request) => ({ first: request.url === '/renewal' }),
    )
    const answers = [get(port, '/busy')]
    await until(() => started.length === 1, '/busy started')
    answers.push(get(port, '/waiting-1'))
    await until(() => admission.load().waiting === 1, '/waiting-1 waits')
    answers.push(get(port, '/waiting-2'))
    await until(() => admission.load().waiting === 2, '/waiting-2 waits')
    answers.push(get(port, '/renewal'))
    await until(() => admission.load().waiting === 3, '/renewal waits')
    for (let index = 0; index < 4; index++) {
      await until(() => held.length > index, `request ${index + 1} started`)
      held[index]!.end('ok')
    }
    await Promise.all(answers)
    expect(started).toEqual(['/busy', '/renewal', '/waiting-1', '/waiting-2'])
  })

  it('drops a request whose client left while it waited', async () => {
    const admission = createAdmission({ limit: 1 })
    const started: string[] = []
    const held: http.ServerResponse[] = []
    const port = await serve(admission, (request, response) => {
      started.push(request.url!)
      held.push(response)
    })
    const first = get(port, '/first')
    await until(() => started.length === 1, '/first started')
    const leaving = new AbortController()
    const left = get(port, '/left', leaving.signal).catch(() => 'aborted')
    await until(() => admission.load().waiting === 1, '/left waits')
    const last = get(port, '/last')
    await until(() => admission.load().waiting === 2, '/last waits')
    leaving.abort()
    expect(await left).toBe('aborted')
    held[0]!.end('ok')
    await until(() => held.length === 2, 'the next request started')
    held[1]!.end('ok')
    await Promise.all([first, last])
    expect(started).toEqual(['/first', '/last'])
    expect(admission.load()).toEqual({ shed: 0, waiting: 0, working: 0 })
  })

  it('gives the place up when the answer starts, or after maxHoldMs when it does not', async () => {
    const admission = createAdmission({ limit: 1, maxHoldMs: 100 })
    const startedAt = new Map<string, number>()
    const held = new Map<string, http.ServerResponse>()
    const port = await serve(admission, (request, response) => {
      startedAt.set(request.url!, performance.now())
      if (request.url === '/streaming') {
        // Headers at once, the body only when the test says: the place is free once the answer starts.
        response.writeHead(200, { 'content-type': 'text/plain' })
        response.write('part')
        held.set('/streaming', response)
      } else if (request.url === '/silent') {
        // Never answers until the test ends it: only maxHoldMs can free its place.
        held.set('/silent', response)
      } else response.end('ok')
    })
    const streaming = get(port, '/streaming')
    await until(() => held.has('/streaming'), '/streaming started')
    await get(port, '/after-streaming')
    expect(held.get('/streaming')!.writableEnded).toBe(false)
    held.get('/streaming')!.end('end')

    const silent = get(port, '/silent')
    await until(() => held.has('/silent'), '/silent started')
    await get(port, '/after-silent')
    const heldMs = startedAt.get('/after-silent')! - startedAt.get('/silent')!
    expect(heldMs).toBeGreaterThanOrEqual(90)
    expect(held.get('/silent')!.writableEnded).toBe(false)
    held.get('/silent')!.end('late')
    await Promise.all([streaming, silent])
  })

  it('turns a sheddable request away with 503 and Retry-After once maxWaiting wait, and still queues the others', async () => {
    const admission = createAdmission({ limit: 1, maxHoldMs: 60_000, maxWaiting: 2 })
    const held: http.ServerResponse[] = []
    const server = http.createServer((request, response) => {
      admission.admit(request, response, () => held.push(response), { isSheddable: request.url !== '/staff' })
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const answer = (path: string) =>
      new Promise<{ body: string; headers: http.IncomingHttpHeaders; status?: number }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
            let body = ''
            response.on('data', (chunk: Buffer) => (body += chunk.toString()))
            response.on('end', () => resolve({ body, headers: response.headers, status: response.statusCode }))
          })
          .on('error', reject)
      })
    const working = answer('/working')
    await until(() => held.length === 1, '/working started')
    const queued = [answer('/waiting/1'), answer('/waiting/2')]
    await until(() => admission.load().waiting === 2, 'two requests wait')
    expect(admission.load()).toMatchObject({ waiting: 2, working: 1 })
    const askedAt = performance.now()
    const turnedAway = await answer('/too-many')
    // After its Retry-After: a client asking again at once cannot keep the server busy turning it away.
    expect(performance.now() - askedAt).toBeGreaterThanOrEqual(990)
    expect(turnedAway.status).toBe(503)
    expect(turnedAway.headers['retry-after']).toBe('1')
    expect(turnedAway.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(turnedAway.body).errors[0].message).toMatch(/busy/)
    const staff = answer('/staff')
    await until(() => admission.load().waiting === 3, '/staff waits')
    expect(admission.load()).toEqual({ shed: 1, waiting: 3, working: 1 })
    // Each held request answered in turn lets the next start.
    for (let index = 0; index < 4; index++) {
      await until(() => held.length > index, `request ${index + 1} started`)
      held[index]!.end('done')
    }
    const answers = await Promise.all([working, ...queued, staff])
    expect(answers.map((each) => each.status)).toEqual([200, 200, 200, 200])
  })

  it('answers a turned-away request at once with shedDelayMs 0', async () => {
    const admission = createAdmission({ limit: 1, maxHoldMs: 60_000, maxWaiting: 1, shedDelayMs: 0 })
    const held: http.ServerResponse[] = []
    const port = await serve(admission, (_request, response) => void held.push(response), () => ({ isSheddable: true }))
    const status = (path: string) => statusOf(port, path)
    const working = status('/working')
    await until(() => held.length === 1, '/working started')
    const waiting = status('/waiting')
    await until(() => admission.load().waiting === 1, '/waiting waits')
    const askedAt = performance.now()
    expect(await status('/too-many')).toBe(503)
    expect(performance.now() - askedAt).toBeLessThan(900)
    held[0]!.end('ok')
    await until(() => held.length === 2, '/waiting started')
    held[1]!.end('ok')
    expect(await Promise.all([working, waiting])).toEqual([200, 200])
  })

  it('starts signed-in staff ahead of everyone waiting, in their arrival order, and never turns them away', async () => {
    const admission = createAdmission({ limit: 1, maxHoldMs: 60_000, maxWaiting: 1 })
    const started: string[] = []
    const held: http.ServerResponse[] = []
    const port = await serve(
      admission,
      (request, response) => (started.push(request.url!), held.push(response)),
      (request) => ({ isSheddable: !request.url!.startsWith('/staff'), isStaff: request.url!.startsWith('/staff') }),
    )
    const status = (path: string) => statusOf(port, path)
    const answers = [status('/reader/working')]
    await until(() => held.length === 1, 'the first reader started')
    answers.push(status('/reader/waiting'))
    await until(() => admission.load().waiting === 1, 'a reader waits')
    // The readers' line is full: another reader is turned away, staff are not.
    expect(await status('/reader/too-many')).toBe(503)
    answers.push(status('/staff/1'))
    await until(() => admission.load().waiting === 2, 'the first staff request waits')
    answers.push(status('/staff/2'))
    await until(() => admission.load().waiting === 3, 'the second staff request waits')
    for (let index = 0; index < 4; index++) {
      await until(() => held.length > index, `request ${index + 1} started`)
      held[index]!.end('done')
    }
    expect(await Promise.all(answers)).toEqual([200, 200, 200, 200])
    expect(started).toEqual(['/reader/working', '/staff/1', '/staff/2', '/reader/waiting'])
    expect(admission.load()).toEqual({ shed: 1, waiting: 0, working: 0 })
  })

  it('starts one other request after every four of staff while others wait, so no token stops everybody else', async () => {
    const admission = createAdmission({ limit: 1, maxHoldMs: 60_000 })
    const started: string[] = []
    const held: http.ServerResponse[] = []
    const port = await serve(
      admission,
      (request, response) => (started.push(request.url!), held.push(response)),
      (request) => ({ isStaff: request.url!.startsWith('/staff') }),
    )
    const answers = [statusOf(port, '/reader/working')]
    await until(() => held.length === 1, 'the first reader started')
    const paths = ['/reader/1', '/staff/1', '/staff/2', '/staff/3', '/staff/4', '/staff/5', '/staff/6', '/reader/2']
    for (const [index, path] of paths.entries()) {
      answers.push(statusOf(port, path))
      await until(() => admission.load().waiting === index + 1, `${path} waits`)
    }
    for (let index = 0; index <= paths.length; index++) {
      await until(() => held.length > index, `request ${index + 1} started`)
      held[index]!.end('done')
    }
    await Promise.all(answers)
    expect(started).toEqual(['/reader/working', '/staff/1', '/staff/2', '/staff/3', '/staff/4', '/reader/1', '/staff/5', '/staff/6', '/reader/2'])
  })

  it('turns a renewal away only beyond twice maxWaiting', async () => {
    const admission = createAdmission({ limit: 1, maxHoldMs: 60_000, maxWaiting: 1, shedDelayMs: 0 })
    const held: http.ServerResponse[] = []
    const port = await serve(admission, (_request, response) => void held.push(response), (request) => ({ first: request.url!.startsWith('/renewal'), isSheddable: true }))
    const answers = [statusOf(port, '/working'), statusOf(port, '/waiting')]
    await until(() => held.length === 1 && admission.load().waiting === 1, 'one works, one waits')
    expect(await statusOf(port, '/read')).toBe(503)
    answers.push(statusOf(port, '/renewal/1'))
    await until(() => admission.load().waiting === 2, 'the renewal waits')
    expect(await statusOf(port, '/renewal/2')).toBe(503)
    for (let index = 0; index < 3; index++) {
      await until(() => held.length > index, `request ${index + 1} started`)
      held[index]!.end('done')
    }
    expect(await Promise.all(answers)).toEqual([200, 200, 200])
  })

  it('starts one request per turn, and more when a flood arrives within one turn', async () => {
    const admission = createAdmission({ limit: 16 })
    // A request whose work answers at once, as a SQLite read does; '|' marks the end of the turn
    // it started in (the microtasks after the starts of one turn).
    const log: string[] = []
    const admitNamed = (name: string) => {
      const outgoing = Object.assign(new EventEmitter(), { destroyed: false, writeHead: () => outgoing }) as unknown as http.ServerResponse
      const incoming = { socket: { writable: true } } as unknown as http.IncomingMessage
      admission.admit(incoming, outgoing, () => {
        log.push(name)
        queueMicrotask(() => log.push('|'))
        outgoing.writeHead(200)
      })
    }
    for (let index = 0; index < 3; index++) admitNamed(`quiet-${index}`)
    await until(() => log.filter((entry) => entry !== '|').length === 3, 'the quiet requests started')
    // Three arrivals are far fewer than a turn's worth: one start per turn, as always.
    expect(log.join(' ')).toBe('quiet-0 | quiet-1 | quiet-2 |')

    log.length = 0
    for (let index = 0; index < 64; index++) admitNamed(`flood-${index}`)
    await until(() => log.filter((entry) => entry !== '|').length === 64, 'the flood started')
    // 64 arrivals in one turn: the next turn starts 64 / 16 = 4, then one per turn again.
    expect(log.slice(0, 6).join(' ')).toBe('flood-0 flood-1 flood-2 flood-3 | |')
    expect(log.slice(8, 12).join(' ')).toBe('flood-4 | flood-5 |')
    expect(admission.load()).toEqual({ shed: 0, waiting: 0, working: 0 })
  })

  it('starts nothing while paused, and again once the pause ends or is lifted', async () => {
    const admission = createAdmission()
    const startedAt = new Map<string, number>()
    const port = await serve(admission, (request, response) => {
      startedAt.set(request.url!, performance.now())
      response.end('ok')
    })
    const pausedAt = performance.now()
    admission.pauseStarts(150)
    const ended = await get(port, '/during-pause')
    expect(startedAt.get('/during-pause')! - pausedAt).toBeGreaterThanOrEqual(140)
    expect(ended - pausedAt).toBeLessThan(1000)

    admission.pauseStarts(5_000)
    const lifted = get(port, '/lifted')
    await wait(50)
    expect(startedAt.has('/lifted')).toBe(false)
    const liftedAt = performance.now()
    admission.pauseStarts(0)
    await lifted
    expect(startedAt.get('/lifted')! - liftedAt).toBeLessThan(1000)
    expect(admission.load()).toEqual({ shed: 0, waiting: 0, working: 0 })
  })

  it('refuses a limit or maxWaiting that is not a whole number of at least 1', () => {
    expect(() => createAdmission({ limit: 0 })).toThrow(/limit must be a whole number ≥ 1/)
    expect(() => createAdmission({ limit: 1.5 })).toThrow(/limit must be a whole number ≥ 1/)
    expect(() => createAdmission({ maxWaiting: 0 })).toThrow(/maxWaiting must be a whole number ≥ 1/)
  })
})
