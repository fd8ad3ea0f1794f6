import type { CollectionSlug, PayloadRequest } from 'payload'

/** The key in a collection's `custom` under which a plugin that keeps copies of its documents listens. */
export const ANNOUNCE_CHANGE = 'newsroomAnnounceChange'

export type ChangeListener = (req: PayloadRequest) => Promise<void>

/**
 * Derived writes made outside a save of the document they change (a job refreshing suggestions, an
 * endpoint reassigning bylines, the other side of an editor's link) run no hooks: this tells
 * whatever keeps copies of the collection's documents (the http-cache plugin) that some changed,
 * once the request's transaction commits; within one transaction the purge runs once however often
 * it is announced. Nothing happens when no plugin listens.
 */
export const announceChange = async (req: PayloadRequest, collection: string): Promise<void> => {
  const custom = req.payload.collections[collection as CollectionSlug]?.config.custom as Record<string, unknown> | undefined
  const listener = custom?.[ANNOUNCE_CHANGE]
  if (typeof listener === 'function') await (listener as ChangeListener)(req)
}
