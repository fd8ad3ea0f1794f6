import type { CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedSubscriptionsConfig } from './types'

/** How many of a statement's lines are matched, left ambiguous and unmatched now. */
export const lineCounts = async (
  config: SanitizedSubscriptionsConfig,
  req: PayloadRequest,
  statement: number | string,
): Promise<{ ambiguousLines: number; matchedLines: number; unmatchedLines: number }> => {
  const count = async (status: string) =>
    (
      await req.payload.count({
        collection: config.linesSlug as CollectionSlug,
        where: { and: [{ statement: { equals: statement } }, { status: { equals: status } }] },
        overrideAccess: true,
        req,
      })
    ).totalDocs
  return {
    matchedLines: await count('matched'),
    ambiguousLines: await count('ambiguous'),
    unmatchedLines: await count('unmatched'),
  }
}
