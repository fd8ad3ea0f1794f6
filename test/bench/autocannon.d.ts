/** The part of autocannon 8's API that test/bench uses (the package ships no types). */
declare module 'autocannon' {
  export type AutocannonRequest = {
    body?: Buffer | string
    headers?: Record<string, string>
    method?: string
    path?: string
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest
  }
  export type Histogram = {
    average: number
    max: number
    mean: number
    min: number
    p50: number
    p90: number
    p99: number
    stddev: number
    total?: number
  }
  export type AutocannonResult = {
    '1xx': number
    '2xx': number
    '3xx': number
    '4xx': number
    '5xx': number
    duration: number
    errors: number
    latency: Histogram
    non2xx: number
    requests: Histogram & { sent: number }
    statusCodeStats?: Record<string, { count: number }>
    throughput: Histogram
    timeouts: number
  }
  export type AutocannonOptions = {
    connections?: number
    duration?: number
    pipelining?: number
    requests?: AutocannonRequest[]
    timeout?: number
    url: string
  }
  export type AutocannonInstance = Promise<AutocannonResult> & {
    /** Every answer: the connection (client) it came on, its status, size and latency in ms. */
    on: (event: 'response', listener: (client: object, statusCode: number, resBytes: number, responseTime: number) => void) => void
    stop?: () => void
  }
  const autocannon: (options: AutocannonOptions) => AutocannonInstance
  export default autocannon
}
