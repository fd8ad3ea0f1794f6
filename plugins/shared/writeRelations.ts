import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { DerivedWriteReason } from './derivedWrites'
import type { ID } from './relationIds'

import { derivedWriteListeners } from './derivedWrites'
import { DocumentBusyError, savesKeyOf, withLocks } from './documentLock'

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
 *
 * No hook sees these writes: the listeners registered in the config (derivedWrites.ts, e.g. the
 * audit log) are told of each, with its `reason`, in the same transaction.
 */
export const writeDerivedFields = async ({
  collection,
  data,
  detail,
  id,
  reason,
  req,
}: {
  collection: string
  data: Record<string, unknown>
  /** More about the write for the listeners (e.g. a reassignment's from and to). */
  detail?: Record<string, unknown>
  id: ID
  reason: DerivedWriteReason
  req: PayloadRequest
}): Promise<void> => {
  const slug = collection as CollectionSlug
  await withLocks(req, [savesKeyOf(slug)], async (req) => {
    // Named before the write: the adapters add their own keys to `data`.
    const fields = Object.keys(data)
    await writeDocumentAndVersion(req, slug, id, data)
    for (const listener of derivedWriteListeners(req.payload.config))
      await listener({ collection, detail, fields, id, reason, req })
  })
}

/**
 * Writes `data` to the stored document and its latest version, without hooks or a new version.
 * With `keepUpdatedAt`, the document's `updatedAt` stays as it is (MongoDB's adapter would set it).
 */
export const writeDocumentAndVersion = async (
  req: PayloadRequest,
  slug: CollectionSlug,
  id: ID,
  data: Record<string, unknown>,
  { keepUpdatedAt = false }: { keepUpdatedAt?: boolean } = {},
): Promise<void> => {
  await req.payload.db.updateOne({
    collection: slug,
    // `updatedAt: null` is the adapters' documented way to leave it alone.
    data: keepUpdatedAt ? { ...data, updatedAt: null } : data,
    id,
    req,
  })
  const config = req.payload.collections[slug]?.config
  if (!config?.versions) return
  // The version the admin edits: `updatedAt` alone could pick an older one saved in the same instant.
  const latestVersion: Where = config.versions.drafts
    ? { and: [{ parent: { equals: id } }, { latest: { equals: true } }] }
    : { parent: { equals: id } }
  if (req.payload.db.name === 'mongoose') {
    await updateMongoVersion(req, slug, latestVersion, data)
    return
  }
  const { docs } = await req.payload.db.findVersions({
    collection: slug,
    limit: 1,
    pagination: false,
    req,
    select: { id: true },
    sort: '-updatedAt',
    where: latestVersion,
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
}

/** Tries before a derived write gives up on a version that saves keep changing (409). */
const MONGO_VERSION_TRIES = 5

/**
 * MongoDB stores a version's fields as one `version` object, and Payload's `updateVersion` sets
 * that object whole: the derived fields alone would replace the version's title, keywords and
 * everything else. So the version is read, the fields merged in and the whole object written back,
 * on the condition that nobody changed the version in between (its `updatedAt`, which the write
 * itself leaves as it is; an autosave updates the latest version in place): read and merge again
 * if someone did.
 */
const updateMongoVersion = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  latestVersion: Where,
  data: Record<string, unknown>,
): Promise<void> => {
  for (let attempt = 0; attempt < MONGO_VERSION_TRIES; attempt++) {
    const { docs } = await req.payload.db.findVersions({
      collection,
      limit: 1,
      pagination: false,
      req,
      sort: '-updatedAt',
      where: latestVersion,
    })
    const current = docs[0]
    if (!current) return
    const updated = await req.payload.db.updateVersion({
      collection,
      req,
      versionData: {
        updatedAt: null,
        version: { ...(current.version as Record<string, unknown>), ...data },
      } as never,
      where: {
        and: [{ id: { equals: current.id } }, { updatedAt: { equals: current.updatedAt } }],
      },
    })
    if (updated) return
  }
  throw new DocumentBusyError(`${collection} version of a derived write`)
}
