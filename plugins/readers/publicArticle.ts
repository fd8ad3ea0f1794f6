import type { CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedReadersConfig } from './types'

import { isWellFormedID } from '../../collections/hooks/isWellFormedID'
import { headlineSelect } from '../shared/headline'
import { InputError } from '../shared/inputError'
import { publishedOnly } from '../shared/publication'

type Doc = Record<string, unknown> & { id: number | string }

export const articleNotFound = (id: unknown): InputError =>
  new InputError(`기사를 찾을 수 없습니다 (no published article ${String(id)})`, 'NOT_FOUND', 404)

/**
 * The article `id` names as every reader sees it — published, and public by the collection's own
 * read rule as an anonymous visitor would meet it (embargoes, other plugins' rules) — with what
 * its headline is made of; null when there is none. A preview token on the request opens no draft
 * here: only published documents are asked for.
 */
export const findPublicArticle = async (
  req: PayloadRequest,
  config: SanitizedReadersConfig,
  id: unknown,
): Promise<Doc | null> => {
  const collection = req.payload.collections[config.articles as CollectionSlug]?.config
  if (!collection || !isWellFormedID(id, collection, req.payload)) return null
  const found = await req.payload.find({
    collection: config.articles as CollectionSlug,
    where: { and: [{ id: { equals: id } }, ...publishedOnly(collection)] },
    select: headlineSelect(collection),
    depth: 0,
    limit: 1,
    pagination: false,
    // The collection's read rule applies too; `published` above keeps any wider right (staff,
    // a preview token) from reaching a draft.
    overrideAccess: false,
    req,
  })
  return (found.docs[0] as unknown as Doc | undefined) ?? null
}
