import type { CollectionSlug, PayloadRequest } from 'payload'

import type { CounterStore } from '../shared/counterStore'
import type { MostReadWindow, SanitizedArticleViewsConfig } from './types'

import { headlineSelect } from '../shared/headline'
import { InputError } from '../shared/inputError'
import { publishedOnly } from '../shared/publication'
import { documentIdOf } from '../shared/readerClient'
import { topViewed, WINDOW_HOURS } from './counting'

export type MostReadArgs = { limit: number; section: null | string; window: MostReadWindow }

/** A most-read document: as stored (depth 0), with `views`, its views in the window. */
export type MostReadDoc = Record<string, unknown> & { id: number | string; views: number }

/** `section` (an id or a slug), `window` (24h | 7d) and `limit`, checked; an unknown section is 404. */
export const parseMostReadArgs = async (
  config: SanitizedArticleViewsConfig,
  req: PayloadRequest,
  raw: { limit?: unknown; section?: unknown; window?: unknown },
): Promise<MostReadArgs> => {
  const window = (raw.window ?? '24h') as MostReadWindow
  if (typeof window !== 'string' || !(window in WINDOW_HOURS))
    throw new InputError('window: 24h 또는 7d 여야 합니다 (window must be 24h or 7d)')
  let limit = config.defaultLimit
  if (raw.limit !== undefined && raw.limit !== null && raw.limit !== '') {
    limit = Number(raw.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > config.maxLimit)
      throw new InputError(
        `limit: 1~${config.maxLimit} 사이의 정수여야 합니다 (limit must be an integer from 1 to ${config.maxLimit})`,
      )
  }
  let section: null | string = null
  if (raw.section !== undefined && raw.section !== null && raw.section !== '') {
    if (typeof raw.section !== 'string' && typeof raw.section !== 'number')
      throw new InputError(
        'section: 섹션 id 또는 slug 여야 합니다 (section must be an id or a slug)',
      )
    section = await resolveSection(config, req, String(raw.section))
  }
  return { limit, section, window }
}

/** A section named by id or slug, as the reader may see it; 404 when there is none. */
const resolveSection = async (
  config: SanitizedArticleViewsConfig,
  req: PayloadRequest,
  value: string,
): Promise<string> => {
  const slug = config.sections as CollectionSlug
  const id = documentIdOf(req, slug, value)
  const { docs } = await req.payload.find({
    collection: slug,
    depth: 0,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req,
    select: {},
    where:
      id === undefined
        ? { slug: { equals: value } }
        : { or: [{ id: { equals: id } }, { slug: { equals: value } }] },
  })
  const found = docs[0]
  if (!found)
    throw new InputError(
      `섹션 '${value}'을(를) 찾을 수 없습니다 (section not found)`,
      'NOT_FOUND',
      404,
    )
  return String(found.id)
}

/**
 * The most-read published documents of the window, most views first, read as stored (depth 0)
 * with the headline's sources and the count field. The ranking over-asks, so that documents
 * unpublished since their views still leave `limit` in the answer.
 */
export const findMostRead = async (
  config: SanitizedArticleViewsConfig,
  store: CounterStore,
  req: PayloadRequest,
  args: MostReadArgs,
): Promise<MostReadDoc[]> => {
  const top = await topViewed(store, { ...args, limit: args.limit * 2 + 10 })
  if (top.length === 0) return []
  const slug = config.collection as CollectionSlug
  const collection = req.payload.collections[slug]?.config
  if (!collection) return []
  const idType = req.payload.collections[slug]?.customIDType ?? req.payload.db.defaultIDType
  const ids = top.map(({ member }) => (idType === 'number' ? Number(member) : member))
  const { docs } = await req.payload.find({
    collection: slug,
    depth: 0,
    draft: false,
    limit: ids.length,
    overrideAccess: false,
    pagination: false,
    req,
    select: { ...headlineSelect(collection), [config.field]: true } as never,
    // Published only, whoever asks: most-read is the public list.
    where: { and: [{ id: { in: ids } }, ...publishedOnly(collection)] },
  })
  const byId = new Map((docs as Record<string, unknown>[]).map((doc) => [String(doc.id), doc]))
  const ranked: MostReadDoc[] = []
  for (const { member, score } of top) {
    const doc = byId.get(member)
    if (!doc) continue
    ranked.push({ ...doc, id: doc.id as number | string, views: score })
    if (ranked.length === args.limit) break
  }
  return ranked
}
