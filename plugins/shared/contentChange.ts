import type { PayloadRequest } from 'payload'

/**
 * A change to something readers read (the ticker, a global, the subscription plans), told by a
 * plugin's `onChange` option inside the save's transaction — e.g. to purge CDN copies with the
 * distribution plugin's `cache.purge` — so a rolled-back save tells nothing.
 */
export type ContentChange<Reason extends string = string> = {
  req: PayloadRequest
  /** Surrogate keys of the responses that showed it (plugins/shared/surrogateKeys.ts). */
  keys: string[]
  reason: Reason
}
