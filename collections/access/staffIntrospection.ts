import type { ExecutionArgs, ValidationRule } from 'graphql'
import type { PayloadRequest } from 'payload'

import { GraphQLError } from 'graphql'

import { isStaff } from './isStaff'

const INTROSPECTION_FIELDS = new Set(['__schema', '__type'])

/** Signed-in staff (the `users` collection, any newsroom role), who build frontends and tools. */
const isStaffRequest = (args: ExecutionArgs): boolean => {
  const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
  return req?.user?.collection === 'users' && isStaff({ req }) === true
}

/**
 * In production, introspection (`__schema`, `__type`) for signed-in staff only: Payload's own
 * `disableIntrospectionInProduction` refuses it to everybody, codegen against the live server
 * included. A rule given per request (the config's `validationRules`), so no validation kept for
 * a query text (plugins/http-cache/graphQLPost.ts) carries one caller's answer to another.
 * `__typename` stays open: clients add it to every selection.
 */
export const staffIntrospectionOnly =
  (args: ExecutionArgs): ValidationRule =>
  (context) => {
    // Nothing to refuse: no visitor, so the request's fields are not walked for it.
    if (process.env.NODE_ENV !== 'production' || isStaffRequest(args)) return {}
    return {
      Field(node) {
        if (!INTROSPECTION_FIELDS.has(node.name.value)) return
        context.reportError(
          new GraphQLError(
            '스키마 조회(introspection)는 로그인한 직원만 할 수 있습니다; 스키마는 schema.graphql에 있습니다 (introspection is for signed-in staff; the schema is in schema.graphql)',
            { nodes: [node], extensions: { code: 'QUERY_NOT_ALLOWED' } },
          ),
        )
      },
    }
  }
