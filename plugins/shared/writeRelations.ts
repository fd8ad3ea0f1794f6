import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ID } from './relationIds'

/**
 * Writes derived fields (reciprocal links, computed suggestions) of another document without a
 * new version, hooks or a publish: the stored document and its latest version both get them, so
 * the admin (which edits the latest version) and readers (the published document) agree, and a
 * pending draft does not lose them when it is published later.
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
  await req.payload.db.updateOne({ collection: slug, data, id, req })
  const config = req.payload.collections[slug]?.config
  if (!config?.versions) return
  const { docs } = await req.payload.db.findVersions({
    collection: slug,
    limit: 1,
    pagination: false,
    req,
    sort: '-updatedAt',
    where: { parent: { equals: id } },
  })
  const latest = docs[0]
  if (!latest) return
  await req.payload.db.updateVersion({
    collection: slug,
    id: latest.id,
    req,
    versionData: { ...latest, version: { ...(latest.version as Record<string, unknown>), ...data } } as never,
  })
}
