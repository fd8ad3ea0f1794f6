import crypto from 'node:crypto'

/** What the reader-counters suites send as readers: a browser's User-Agent, tokens, addresses. */
export const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36'

/** A new browser's token (x-reader-token). */
export const token = (): string => crypto.randomBytes(16).toString('hex')

export const sleep = (ms: number): Promise<unknown> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/** A distinct client address per call under `prefix` (so the per-address limits stay out of the way). */
export const addresses = (prefix: string): (() => string) => {
  let counter = 0
  return () => {
    counter++
    return `${prefix}.${Math.floor(counter / 250)}.${counter % 250}`
  }
}
