import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { InputError } from './inputError'

/** The pages a newsroom lists articles by: a section, a region (a 시도 with its 시군구), a reporter. */
export type ArticleScopeKind = 'regions' | 'reporters' | 'sections'

export type ArticleScopeCollections = Record<ArticleScopeKind, string>

export type ResolvedScope = {
  /** The section, region or reporter the slug names, as stored (depth 0). */
  target: Record<string, unknown> & { id: number | string }
  /** The ids the articles' relationship may hold: the target's, and for a 시도 its 시군구's too. */
  ids: (number | string)[]
  /** The articles of that scope. */
  where: Where
}

/** What an error calls each kind of scope. */
export const scopeLabels = {
  regions: { en: 'region', ko: '지역' },
  reporters: { en: 'reporter', ko: '기자' },
  sections: { en: 'section', ko: '섹션' },
} as const

/**
 * The condition on articles of one scope named by slug — shared by the feeds and the GraphQL
 * `articlesBy` query and search, so that a region page lists what its feed lists: a 시도 includes
 * its 시군구. An unknown slug answers 404 (NOT_FOUND), a reader's error logged as information.
 * Reads as the request's user (`overrideAccess: false`).
 */
export const resolveArticleScope = async <Kind extends ArticleScopeKind>(
  req: PayloadRequest,
  collections: Pick<ArticleScopeCollections, Kind>,
  kind: Kind,
  slug: string,
): Promise<ResolvedScope> => {
  const collection = collections[kind] as CollectionSlug
  const found = await req.payload.find({
    collection,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    where: { slug: { equals: slug } },
  })
  const target = found.docs[0] as unknown as ResolvedScope['target'] | undefined
  if (!target)
    throw new InputError(
      `${scopeLabels[kind].ko} '${slug}'을(를) 찾을 수 없습니다 (${scopeLabels[kind].en} not found)`,
      'NOT_FOUND',
      404,
    )
  if (kind === 'sections')
    return { target, ids: [target.id], where: { section: { equals: target.id } } }
  if (kind === 'reporters')
    return { target, ids: [target.id], where: { reporters: { in: [target.id] } } }
  const children = await req.payload.find({
    collection,
    depth: 0,
    limit: 0,
    overrideAccess: false,
    pagination: false,
    req,
    select: {},
    where: { parent: { equals: target.id } },
  })
  const ids = [target.id, ...children.docs.map((doc) => doc.id)]
  return { target, ids, where: { region: { in: ids } } }
}
