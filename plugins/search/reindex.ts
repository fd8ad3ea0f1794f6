import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import type { SanitizedSearchConfig } from './types'

import { SEARCH_CONFIG_KEY } from './defaults'
import { publishedOnly } from '../shared/publication'
import { toSearchDocument } from './toSearchDocument'

export type ReindexProgress = { done: number; total: number }

/** The sanitised search config of a running Payload (set by the plugin). */
export const searchConfigOf = (payload: Payload): SanitizedSearchConfig => {
  const config = (payload.config.custom as Record<string, unknown> | undefined)?.[
    SEARCH_CONFIG_KEY
  ] as SanitizedSearchConfig | undefined
  if (!config) throw new Error('search: the search plugin is not in this config')
  return config
}

/**
 * Rebuilds the index from the collection: every published article (one under embargo never is)
 * written again, in pages of `batch`, then entries of articles no longer live removed. Safe to
 * run while the app serves: searches keep finding what they found until each article is rewritten.
 */
export const reindexSearch = async (
  payload: Payload,
  options: { batch?: number; onProgress?: (progress: ReindexProgress) => void } = {},
): Promise<ReindexProgress & { removed: number }> => {
  const config = searchConfigOf(payload)
  const batch = options.batch ?? 200
  const slug = config.collection as CollectionSlug
  const collection = payload.collections[slug]!.config
  const where = { and: publishedOnly(collection) }
  const req: PayloadRequest = await createLocalReq({}, payload)
  const live = new Set<string>()
  let done = 0
  let total = 0
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection: slug,
      where,
      depth: 0,
      draft: false,
      limit: batch,
      page,
      sort: 'id',
      overrideAccess: true,
      req,
    })
    total = result.totalDocs
    for (const doc of result.docs as unknown as Record<string, unknown>[]) {
      await config.adapter.upsert({ doc: toSearchDocument(doc), req })
      live.add(String(doc.id))
      done++
    }
    options.onProgress?.({ done, total })
    if (!result.hasNextPage) break
  }
  let removed = 0
  for (const id of (await config.adapter.listIds?.({ req })) ?? []) {
    if (live.has(id)) continue
    await config.adapter.remove({ id, req })
    removed++
  }
  await config.adapter.afterReindex?.({ payload })
  return { done, total, removed }
}
