/**
 * Load runs with wrk (Debian's `wrk`, a C load generator: it costs the server's cores far less
 * than a Node one would). The requests go through test/bench/wrk.lua: one fixed request, or a
 * list that each wrk thread walks in order so that every request of a run is a URL not sent
 * before (a cache miss).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export type RequestLine = {
  method?: 'GET' | 'POST'
  path: string
  body?: string
  /** This request's own headers (e.g. a reader's token), besides WrkOptions.headers. */
  headers?: Record<string, string>
}

export type WrkOptions = {
  /** Base URL, e.g. http://127.0.0.1:8100 */
  url: string
  /** One request (repeated) or many (each sent once per run while they last). */
  requests: RequestLine[]
  connections: number
  threads: number
  durationS: number
  headers?: Record<string, string>
  /** Where the requests and result files go. */
  dir: string
  name: string
  /** Each connection waits this long before each request (a paced load; wrk.lua's delay()). */
  delayMs?: number
}

export type WrkResult = {
  requests: number
  reqPerSec: number
  durationS: number
  /** Bytes read per request, headers included. */
  bytesPerRequest: number
  /** Answers other than 2xx/3xx, socket errors and timeouts. */
  failures: number
  errors: { connect: number; read: number; write: number; status: number; timeout: number }
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number }
  /** More requests than distinct lines: some URLs were sent twice. */
  isWrapped: boolean
}

type RawResult = {
  requests: number
  durationUs: number
  bytes: number
  errors: WrkResult['errors']
  latencyUs: { mean: number; p50: number; p90: number; p99: number; max: number }
}

const script = path.join(import.meta.dirname, 'wrk.lua')

const toLine = (request: RequestLine) => {
  const headers = Object.entries(request.headers ?? {}).map(([name, value]) => `${name}: ${value}`)
  if ([request.path, request.body ?? '', ...headers].some((field) => /[\t\n]/.test(field)))
    throw new Error(`a request line may hold no tab or newline: ${request.path}`)
  return [
    request.method ?? (request.body ? 'POST' : 'GET'),
    request.path,
    ...(request.body || headers.length ? [request.body ?? ''] : []),
    ...headers,
  ].join('\t')
}

const ms = (us: number) => Math.round(us / 100) / 10

/** A wrk run in the background: `result` resolves when it ends, `stop()` ends it early (SIGINT: wrk still reports). */
export const startWrk = (
  options: WrkOptions,
): { result: Promise<WrkResult>; stop: () => void; child: ChildProcess } => {
  fs.mkdirSync(options.dir, { recursive: true })
  const requestsFile = path.join(options.dir, `${options.name}.requests.tsv`)
  const resultFile = path.join(options.dir, `${options.name}.result.json`)
  fs.writeFileSync(requestsFile, options.requests.map(toLine).join('\n') + '\n')
  fs.rmSync(resultFile, { force: true })
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.durationS}s`,
    // Slow answers are latency to report, not errors (wrk's default gives up after 2 s).
    '--timeout',
    '30s',
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => [
      '-H',
      `${name}: ${value}`,
    ]),
    '-s',
    script,
    options.url,
    '--',
    requestsFile,
    String(options.threads),
  ]
  const child = spawn('wrk', args, {
    env: {
      ...process.env,
      WRK_RESULT_FILE: resultFile,
      WRK_DELAY_MS: options.delayMs ? String(options.delayMs) : '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const result = new Promise<WrkResult>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (!fs.existsSync(resultFile)) {
        reject(
          new Error(
            `wrk ${options.name} ended (${code ?? signal}) without a result:\n${output.slice(-2000)}`,
          ),
        )
        return
      }
      const raw = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as RawResult
      const durationS = raw.durationUs / 1e6
      const failures =
        raw.errors.connect +
        raw.errors.read +
        raw.errors.write +
        raw.errors.status +
        raw.errors.timeout
      resolve({
        requests: raw.requests,
        reqPerSec: Math.round(raw.requests / durationS),
        durationS: Math.round(durationS * 10) / 10,
        bytesPerRequest: raw.requests ? Math.round(raw.bytes / raw.requests) : 0,
        failures,
        errors: raw.errors,
        latencyMs: {
          mean: ms(raw.latencyUs.mean),
          p50: ms(raw.latencyUs.p50),
          p90: ms(raw.latencyUs.p90),
          p99: ms(raw.latencyUs.p99),
          max: ms(raw.latencyUs.max),
        },
        isWrapped: options.requests.length > 1 && raw.requests > options.requests.length,
      })
    })
  })
  return { result, stop: () => child.kill('SIGINT'), child }
}

export const runWrk = (options: WrkOptions): Promise<WrkResult> => startWrk(options).result
