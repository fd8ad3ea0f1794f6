import type { ValidationRule } from 'graphql'

import { GraphQLError } from 'graphql'

// The queries and mutations Payload generates for `payload-locked-documents`: PayloadLockedDocument(s),
// countPayloadLockedDocuments, docAccessPayloadLockedDocument, create/update/delete/duplicatePayloadLockedDocument.
const LOCK_OPERATION = /PayloadLockedDocuments?$/

/**
 * The admin takes, renews and releases edit locks through REST and its own server code, never
 * through GraphQL, and Payload lets any logged-in user read and write any lock there (see
 * withLockRule.ts): so GraphQL offers no lock operations at all.
 */
export const refuseLockOperations: ValidationRule = (context) => ({
  Field(node) {
    const parent = context.getParentType()
    if (
      !parent ||
      (parent !== context.getSchema().getQueryType() &&
        parent !== context.getSchema().getMutationType())
    )
      return
    if (!LOCK_OPERATION.test(node.name.value)) return
    context.reportError(
      new GraphQLError(
        `편집 잠금은 GraphQL로 다룰 수 없습니다 (edit locks are not available over GraphQL): ${node.name.value}`,
        {
          nodes: [node],
          extensions: { code: 'FORBIDDEN' },
        },
      ),
    )
  },
})
