import type { CollectionSlug, PayloadRequest } from 'payload'

const stored = new WeakMap<object, Promise<null | Record<string, unknown>>>()

/**
 * The document as stored in the collection (for drafts-enabled collections: the published state,
 * not the latest draft), read once per save: every beforeChange hook of one save receives the same
 * `originalDoc` object, so hooks of several plugins share one query.
 */
export const readStoredDocument = (
  req: PayloadRequest,
  collection: string,
  originalDoc: Record<string, unknown> & { id: number | string },
): Promise<null | Record<string, unknown>> => {
  let pending = stored.get(originalDoc)
  if (!pending) {
    pending = req.payload.db.findOne({
      collection: collection as CollectionSlug,
      req,
      where: { id: { equals: originalDoc.id } },
    }) as Promise<null | Record<string, unknown>>
    stored.set(originalDoc, pending)
  }
  return pending
}
