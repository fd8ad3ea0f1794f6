import type { CollectionSlug, PayloadRequest } from 'payload'

/** The key in a collection's `custom` under which a plugin that keeps copies of its documents listens. */
export const ANNOUNCE_CHANGE = 'newsroomAnnounceChange'

export type ChangeListener = (req: PayloadRequest) => Promise<void>

/**
 * Derived writes made outside a save of the document they change (a job refreshing suggestions, an
 * endpoint reassigning bylines) run no hooks: this tells whatever keeps copies of the collection's
 * documents (the http-cache plugin) that some changed, once the request's transaction commits.
 * Called once after such a batch of writes; nothing happens when no plugin listens.
 */
export const announceChange = async (req: PayloadRequest, collection: string): Promise<void> => {
  const custom = req.payload.collections[collection as CollectionSlug]?.config.custom as Record<string, unknown> | undefined
  const listener = custom?.[ANNOUNCE_CHANGE]
  if (typeof listener === 'function') await (listener as ChangeListener)(req)
}
