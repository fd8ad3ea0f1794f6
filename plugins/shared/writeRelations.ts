import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ID } from './relationIds'

import { savesKeyOf, withLocks } from './documentLock'

/**
 * Writes derived fields (reciprocal links, computed suggestions) of another document without a
 * new version, hooks or a publish: the stored document and its latest version both get them, so
 * the admin (which edits the latest version) and readers (the published document) agree, and a
 * pending draft does not lose them when it is published later. Only those fields are written: the
 * version's other fields (keywords, reporters) are left as they are.
 *
 * Under `saves:<collection>` (see documentLock.ts): Payload's SQL adapters replace a relationship
 * or hasMany field by deleting its rows and inserting the new ones, and two writes to one document
 * at once (jobs refreshing suggestions together, in one process or two) each inserted after both
 * had deleted: the field came out doubled. A save of the collection already holds the lock.
 */
export const writeDerivedFields = async ({
  collection,
  data,
  id,
  req,
}: {
  collection: string
  data: Record<string, unknown>
  id: ID
  req: PayloadRequest
}): Promise<void> => {
  const slug = collection as CollectionSlug
  await withLocks(req, [savesKeyOf(slug)], async (req) => {
    await req.payload.db.updateOne({ collection: slug, data, id, req })
    const config = req.payload.collections[slug]?.config
    if (!config?.versions) return
    const { docs } = await req.payload.db.findVersions({
      collection: slug,
      limit: 1,
      pagination: false,
      req,
      select: { id: true },
      sort: '-updatedAt',
      // The version the admin edits: `updatedAt` alone could pick an older one saved in the same instant.
      where: config.versions.drafts
        ? { and: [{ parent: { equals: id } }, { latest: { equals: true } }] }
        : { parent: { equals: id } },
    })
    const latest = docs[0]
    if (!latest) return
    await req.payload.db.updateVersion({
      collection: slug,
      id: latest.id,
      req,
      returning: false,
      versionData: { version: data } as never,
    })
  })
}
