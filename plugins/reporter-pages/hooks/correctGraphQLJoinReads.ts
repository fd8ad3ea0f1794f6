import type {
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
  CollectionSlug,
  Where,
} from 'payload'

import type { SanitizedReporterPagesConfig } from '../types'

import { publishedOnly } from '../../shared/publication'

type ReadArgs = {
  currentDepth?: number
  limit?: number
  page?: number
  pagination?: boolean
  sort?: string | string[]
  where?: Where
}

/** The real total of a rewritten join page, kept for the afterOperation hook below. */
const realTotals = new WeakMap<object, number>()

const isJoinClause = (clause: unknown, field: string): boolean => {
  const condition = (clause as Record<string, unknown> | undefined)?.[field] as
    Record<string, unknown> | undefined
  return Boolean(condition && 'equals' in condition && Object.keys(clause as object).length === 1)
}

/**
 * Payload 3.90's GraphQL resolver for join fields drops the join's own `where` and `defaultSort`
 * and pages with `limit + 1` rows per page, so `reporters { articles(page: 2) }` skipped rows and
 * showed staff the reporter's drafts. It reads through `find` with pagination off and the join
 * clause appended; such reads get the join's rules back here.
 */
export const correctGraphQLJoinReads =
  (config: SanitizedReporterPagesConfig): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (
      !config.enabled ||
      (operation !== 'read' && operation !== 'count') ||
      req.payloadAPI !== 'GraphQL'
    )
      return args
    if (req.context.isCorrectingJoinRead) return args
    const read = args as ReadArgs
    const where = read.where
    const clauses = where?.and ?? (where ? [where] : [])
    if (!clauses.some((clause) => isJoinClause(clause, config.bylineField))) return args

    read.where = { and: [...clauses, ...publishedOnly(collection)] }
    if (operation === 'count') return args
    // The listed articles are linked documents, not the ones being read: they skip computed
    // fields (related, adjacent, jsonLd), as the same join does over REST.
    read.currentDepth = 2
    read.sort ??= config.sort
    const page = read.page ?? 1
    const fetched = read.limit ?? 0
    if (page > 1 && fetched > 1) {
      // The resolver asks for pageSize + 1 rows (the extra one tells hasNextPage): find exactly
      // rows (page - 1) * pageSize … page * pageSize of the real ordering, then return those.
      const pageSize = fetched - 1
      const common = {
        collection: collection.slug as CollectionSlug,
        depth: 0,
        overrideAccess: false,
        req,
        select: {},
        sort: read.sort,
        where: read.where,
      }
      req.context.isCorrectingJoinRead = true
      const [window, next] = await Promise.all([
        req.payload.find({ ...common, limit: pageSize, page }),
        req.payload.find({ ...common, limit: 1, page: page * pageSize + 1 }),
      ]).finally(() => {
        req.context.isCorrectingJoinRead = false
      })
      const ids = [...window.docs, ...next.docs].map((doc) => doc.id)
      if (read.pagination !== false) realTotals.set(args, window.totalDocs)
      read.where = { id: { in: ids.length ? ids : [-1] } }
      read.page = 1
    }
    return args
  }

/** With `count: true` the resolver also reads `totalDocs`: give back the join's real total. */
export const restoreGraphQLJoinTotals: CollectionAfterOperationHook = ({ args, result }) => {
  const total = realTotals.get(args as object)
  if (total === undefined || !result || typeof result !== 'object' || !('totalDocs' in result))
    return result
  return { ...result, totalDocs: total }
}
