import type { CollectionAfterChangeHook, CollectionSlug } from 'payload'

/**
 * Labels are stored (not computed on read) so article reads stay cheap; when a region's name
 * changes, the 시군구 under it and the articles that carry it are brought up to date.
 */
export const refreshRegionLabels =
  (articlesSlug: string): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (
      operation !== 'update' ||
      !previousDoc ||
      (previousDoc.label === doc.label && previousDoc.shortName === doc.shortName)
    )
      return doc
    if (!req.payload.collections[articlesSlug as CollectionSlug]) return doc
    if (doc.level === 'sido' && previousDoc.shortName !== doc.shortName) {
      const children = await req.payload.find({
        collection: 'regions',
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
        where: { parent: { equals: doc.id } },
      })
      for (const child of children.docs) {
        // Saving re-derives the child's label from its parent's new short name.
        await req.payload.update({
          collection: 'regions',
          id: child.id,
          data: {},
          depth: 0,
          overrideAccess: true,
          req,
        })
      }
    }
    await req.payload.db.updateMany({
      collection: articlesSlug as CollectionSlug,
      data: { regionLabel: doc.label },
      req,
      where: {
        and: [
          { region: { equals: doc.id } },
          { or: [{ dateline: { exists: false } }, { dateline: { equals: '' } }] },
        ],
      },
    })
    return doc
  }
