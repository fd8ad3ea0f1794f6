import type { CollectionSlug, Endpoint } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { InputError } from '../../shared/inputError'
import { presentScraps, requireReader } from './shared'

type Doc = Record<string, unknown> & { id: number | string }

const positiveInteger = (name: string, value: null | string, fallback: number): number => {
  if (value === null || value === '') return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new InputError(`${name}: 1 이상의 정수여야 합니다 (${name} must be a positive integer)`)
  return number
}

/**
 * `GET /api/scraps/mine?page=&limit=`: the signed-in reader's scraps, newest first, paginated,
 * each `{ id, savedAt, article }` with the article's headline shape (null once it is no longer
 * public) — `{ docs, totalDocs, page, totalPages, limit, hasNextPage, hasPrevPage }`.
 */
export const listScrapsEndpoint = (config: SanitizedReadersConfig): Endpoint => ({
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const reader = requireReader(req, config)
    const params = req.searchParams ?? new URLSearchParams()
    const page = positiveInteger('page', params.get('page'), 1)
    const limit = positiveInteger('limit', params.get('limit'), config.pageSize)
    if (limit > config.maxPageSize)
      throw new InputError(
        `limit: 최대 ${config.maxPageSize}입니다 (limit is at most ${config.maxPageSize})`,
        'LIMIT',
      )
    const result = await req.payload.find({
      collection: config.scrapsSlug as CollectionSlug,
      where: { reader: { equals: reader.id } },
      sort: ['-createdAt', '-id'],
      depth: 0,
      page,
      limit,
      overrideAccess: false,
      req,
    })
    return Response.json(
      {
        docs: await presentScraps(req, config, result.docs as unknown as Doc[]),
        totalDocs: result.totalDocs,
        page: result.page ?? page,
        totalPages: result.totalPages,
        limit,
        hasNextPage: result.hasNextPage,
        hasPrevPage: result.hasPrevPage,
      },
      { headers: { 'cache-control': 'private, no-store' } },
    )
  },
})
