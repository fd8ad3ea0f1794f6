import type { CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedSearchConfig, SearchQuery } from './types'

import { resolveArticleScope, scopeLabels } from '../shared/articleScopes'
import { HEADLINE_KEYS } from '../shared/headline'
import { InputError } from '../shared/inputError'
import { queryTerms, stemOf } from './text'

export type SearchArgs = {
  limit?: unknown
  page?: unknown
  q?: unknown
  region?: unknown
  section?: unknown
}

export type SearchPage<T> = {
  docs: (T & { snippet: string })[]
  page: number
  totalDocs: number
  totalPages: number
}

const invalid = (message: string, code = 'VALIDATION') => new InputError(message, code)

const positiveInteger = (value: unknown, fallback: number): null | number => {
  if (value === undefined || value === null || value === '') return fallback
  const number = Number(value)
  return Number.isInteger(number) && number >= 1 ? number : null
}

/** The ids a section or region filter allows (a 시도 with its 시군구), or null when not asked. */
const idsOfScope = async (
  config: SanitizedSearchConfig,
  req: PayloadRequest,
  kind: 'regions' | 'sections',
  slug: unknown,
): Promise<null | string[]> => {
  if (slug === undefined || slug === null || slug === '') return null
  const label = scopeLabels[kind]
  if (typeof slug !== 'string' || slug.length > 200)
    throw invalid(`${label.ko}은(는) slug여야 합니다 (${label.en} must be a slug)`)
  const collections = { regions: config.regions, sections: config.sections }
  const { ids } = await resolveArticleScope(req, collections, kind, slug.normalize('NFC'))
  return ids.map(String)
}

/** Checks and reads the request's search arguments; throws a 400 with a code on bad input. */
export const parseSearchArgs = async (
  config: SanitizedSearchConfig,
  req: PayloadRequest,
  args: SearchArgs,
): Promise<SearchQuery> => {
  const q = typeof args.q === 'string' ? args.q.normalize('NFC').trim() : ''
  if (q === '')
    throw invalid('검색어(q)를 입력하세요 (the search query q is required and must not be empty)')
  if ([...q].length > config.maxQueryLength)
    throw invalid(
      `검색어는 ${config.maxQueryLength}자 이하여야 합니다 (the search query must be at most ${config.maxQueryLength} characters)`,
    )
  const page = positiveInteger(args.page, 1)
  if (page === null || page > 10_000)
    throw invalid(
      'page는 1에서 10000 사이의 정수여야 합니다 (page must be an integer from 1 to 10000)',
    )
  const limit = positiveInteger(args.limit, config.defaultLimit)
  if (limit === null || limit > config.maxLimit)
    throw invalid(
      `limit은(는) 1에서 ${config.maxLimit} 사이여야 합니다 (limit must be between 1 and ${config.maxLimit}; page through larger results)`,
      'LIMIT',
    )
  const terms = queryTerms(q, config.maxTerms)
  const sections = config.sections ? await idsOfScope(config, req, 'sections', args.section) : null
  const regions = config.regions ? await idsOfScope(config, req, 'regions', args.region) : null
  return { terms, sections, regions, page, limit }
}

/**
 * A search: the adapter's ranked hits, retried without trailing particles (울산시의 → 울산시)
 * when the terms as typed find nothing, then the articles read as the reader may see them
 * (published only, `overrideAccess: false`) with the headline fields and the snippet.
 */
export const runSearch = async <T extends Record<string, unknown>>(
  config: SanitizedSearchConfig,
  req: PayloadRequest,
  query: SearchQuery,
  depth: number,
): Promise<SearchPage<T>> => {
  let result = await config.adapter.search({ query, req })
  let terms = query.terms
  if (result.totalDocs === 0) {
    const stemmed = query.terms.map((term) => stemOf(term) ?? term)
    if (stemmed.some((term, index) => term !== query.terms[index])) {
      terms = [...new Set(stemmed)]
      result = await config.adapter.search({ query: { ...query, terms }, req })
    }
  }
  const totalPages = Math.ceil(result.totalDocs / query.limit)
  const page = { page: query.page, totalDocs: result.totalDocs, totalPages }
  if (result.hits.length === 0) return { ...page, docs: [] }

  const collection = req.payload.collections[config.collection as CollectionSlug]!.config
  const names = new Set(collection.flattenedFields.map((field) => field.name))
  // The headline shape (DESIGN.md §3) among the fields the collection has; `id` always comes.
  const select = Object.fromEntries(
    HEADLINE_KEYS.filter((name) => name !== 'id' && names.has(name)).map((name) => [name, true]),
  )
  // Ids as strings, whatever the id type: Payload casts them for every adapter (as loadByIds relies on).
  const ids = result.hits.map((hit) => hit.id)
  const { docs } = await req.payload.find({
    collection: config.collection as CollectionSlug,
    where: { id: { in: ids } },
    depth,
    draft: false,
    limit: ids.length,
    pagination: false,
    overrideAccess: false,
    select: select as never,
    req,
  })
  const byId = new Map(
    (docs as unknown as (T & { id: number | string })[]).map((doc) => [String(doc.id), doc as T]),
  )
  return {
    ...page,
    docs: result.hits.flatMap((hit) => {
      const doc = byId.get(hit.id)
      if (!doc) return []
      const section = doc.section as Record<string, unknown> | null | undefined
      return [
        {
          ...doc,
          ...(depth > 0 && section && typeof section === 'object'
            ? { section: { id: section.id, name: section.name, slug: section.slug } }
            : {}),
          snippet: hit.snippet ?? '',
        } as T & { snippet: string },
      ]
    }),
  }
}
