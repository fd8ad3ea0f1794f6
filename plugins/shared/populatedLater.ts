import type { PayloadRequest } from 'payload'

/**
 * Whether Payload will populate this document's relationships in the same read (the REST/Local
 * API `depth`): then a virtual field that needs the linked documents can wait for the collection's
 * `afterRead`, where they are already loaded, instead of reading them a second time.
 */
const isPopulatedLater = (depth: number | undefined, currentDepth: number | undefined): boolean =>
  Boolean(depth) && (currentDepth ?? 1) <= (depth ?? 0)

const keyOf = (field: string) => `populatedLater:${field}`

/**
 * From a field hook: when the read will populate `doc`'s links, marks `field` of `doc` to be
 * filled by the collection's `afterRead` (see `isDeferred`) and answers true.
 */
export const deferUntilPopulated = (
  req: PayloadRequest,
  field: string,
  doc: object,
  depth: number | undefined,
  currentDepth: number | undefined,
): boolean => {
  if (!isPopulatedLater(depth, currentDepth)) return false
  const context = req.context as Record<string, WeakSet<object> | undefined>
  ;(context[keyOf(field)] ??= new WeakSet()).add(doc)
  return true
}

/** From the collection's `afterRead`: whether `field` of `doc` waits to be filled there. */
export const isDeferred = (req: PayloadRequest, field: string, doc: object): boolean =>
  Boolean((req.context as Record<string, WeakSet<object> | undefined>)[keyOf(field)]?.has(doc))
