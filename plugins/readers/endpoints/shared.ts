import type { CollectionSlug, PayloadRequest } from 'payload'

import type { Headline } from '../../shared/headline'
import type { SanitizedReadersConfig } from '../types'

import { formatKstIso } from '../../register-timestamps/formatKst'
import { buildHeadlines } from '../../shared/headline'
import { InputError } from '../../shared/inputError'
import { idOf } from '../../shared/relationIds'
import { isReader } from '../access/isReader'

type Doc = Record<string, unknown> & { id: number | string }

export type ScrapView = {
  id: number | string
  /** When the reader saved it: RFC 3339 in +09:00. */
  savedAt: null | string
  /** The article's headline shape; null once the article is no longer public. */
  article: Headline | null
}

/** A signed-in reader, or 401 (nobody signed in) / 403 (staff: scraps are readers'). */
export const requireReader = (req: PayloadRequest, config: SanitizedReadersConfig) => {
  if (!req.user)
    throw new InputError('로그인이 필요합니다 (sign in as a reader)', 'UNAUTHORIZED', 401)
  if (!isReader(req, config.readersSlug))
    throw new InputError('독자 계정만 스크랩할 수 있습니다 (readers only)', 'FORBIDDEN', 403)
  return req.user
}

/** The request's JSON body as an object ({} when there is none), 400 when it is not JSON. */
export const jsonBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  if (!req.json) return {}
  const text = req.text ? await req.text() : ''
  if (!text.trim()) return {}
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new InputError('본문이 JSON이 아닙니다 (the body is not JSON)')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new InputError('본문은 객체여야 합니다 (the body must be an object)')
  return body as Record<string, unknown>
}

/** The article id a request names, or 400 naming the field. */
export const articleIdOf = (value: unknown): number | string => {
  if (
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.trim())
  )
    return typeof value === 'string' ? value.trim() : value
  throw new InputError('article: 기사 id를 주세요 (article: an article id is required)')
}

/**
 * Scraps as a frontend shows them: newest first, each with its article's headline shape, read
 * in one query for the whole page (and one each for their sections and images).
 */
export const presentScraps = async (
  req: PayloadRequest,
  config: SanitizedReadersConfig,
  scraps: Doc[],
): Promise<ScrapView[]> => {
  const ids = [...new Set(scraps.map((scrap) => idOf(scrap.article)).filter((id) => id !== null))]
  const articles = new Map<string, Doc>()
  if (ids.length) {
    const found = await req.payload.find({
      collection: config.articles as CollectionSlug,
      where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: false,
      req,
    })
    const headlines = await buildHeadlines(req, found.docs as unknown as Doc[], config.headline)
    for (const headline of headlines) articles.set(String(headline.id), headline as never)
  }
  return scraps.map((scrap) => ({
    id: scrap.id,
    savedAt: formatKstIso(scrap.createdAt as string | undefined),
    article: (articles.get(String(idOf(scrap.article))) as Headline | undefined) ?? null,
  }))
}
