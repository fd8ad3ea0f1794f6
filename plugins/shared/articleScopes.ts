import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { APIError } from 'payload'

/** The pages a newsroom lists articles by: a section, a region (a 시도 with its 시군구), a reporter. */
export type ArticleScopeKind = 'regions' | 'reporters' | 'sections'

export type ArticleScopeCollections = Record<ArticleScopeKind, string>

export type ResolvedScope = {
  /** The section, region or reporter the slug names, as stored (depth 0). */
  target: Record<string, unknown> & { id: number | string }
  /** The articles of that scope. */
  where: Where
}

const scopeLabels = { regions: '지역', reporters: '기자', sections: '섹션' } as const

/**
 * The condition on articles of one scope named by slug — shared by the feeds and the GraphQL
 * `articlesBy` query, so that a region page lists what its feed lists: a 시도 includes its 시군구.
 * An unknown slug answers 404 (NOT_FOUND). Reads as the request's user (`overrideAccess: false`).
 */
export const resolveArticleScope = async (
  req: PayloadRequest,
  collections: ArticleScopeCollections,
  kind: ArticleScopeKind,
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
    throw new APIError(
      `${scopeLabels[kind]} '${slug}'을(를) 찾을 수 없습니다 (${kind.slice(0, -1)} not found)`,
      404,
      { code: 'NOT_FOUND' },
      true,
    )
  if (kind === 'sections') return { target, where: { section: { equals: target.id } } }
  if (kind === 'reporters') return { target, where: { reporters: { in: [target.id] } } }
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
  return {
    target,
    where: { region: { in: [target.id, ...children.docs.map((doc) => doc.id)] } },
  }
}
