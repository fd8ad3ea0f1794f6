import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Payload's GraphQL resolves a relationship (an article's `adjacent.newer`, `relatedArticles`)
 * with a separate read that passes `currentDepth: 0`, which read hooks then see as 1 — the depth of
 * the document being read. Marking those reads as nested keeps computed fields (`related`,
 * `adjacent`, `jsonLd`) to the articles asked for, as over REST, instead of computing them again
 * for every linked article. Nothing else changes: such reads have `depth: 0` and populate nothing.
 */
export const markGraphQLPopulationNested: CollectionBeforeOperationHook = ({ args, operation }) => {
  const read = args as { currentDepth?: number; depth?: number }
  if (operation === 'read' && read.currentDepth === 0 && !read.depth) read.currentDepth = 2
  return args
}
