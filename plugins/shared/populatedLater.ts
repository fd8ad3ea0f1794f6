import type { PayloadRequest } from 'payload'

/**
 * Whether Payload will populate this document's relationships in the same read (the REST/Local
 * API `depth`): then a virtual field that needs the linked documents can wait for the collection's
 * `afterRead`, where they are already loaded, instead of reading them a second time.
 */
export const isPopulatedLater = (depth: number | undefined, currentDepth: number | undefined): boolean =>
  Boolean(depth) && (currentDepth ?? 1) <= (depth ?? 0)

type Pending = WeakSet<object>

/** Documents whose `field` waits for the collection hook, per request. */
export const pendingFor = (req: PayloadRequest, field: string): Pending => {
  const context = req.context as Record<string, unknown>
  const key = `populatedLater:${field}`
  context[key] ??= new WeakSet<object>()
  return context[key] as Pending
}
