import type { DocumentNode, ValidationRule } from 'graphql'

import { GraphQLError, parse, print } from 'graphql'
import fs from 'node:fs'

import { QUERY_NOT_ALLOWED } from '../shared/listedQueries'

/**
 * The GraphQL documents anonymous readers may run. They are compared as graphql-js prints them,
 * so spacing, commas and comments do not matter, but a field, an argument or a name does.
 */
export type AllowList = { has: (document: DocumentNode) => boolean; queries: readonly string[] }

const printed = new WeakMap<DocumentNode, string>()

const printedOnce = (document: DocumentNode): string => {
  let text = printed.get(document)
  if (text === undefined) {
    text = print(document)
    printed.set(document, text)
  }
  return text
}

/** An allow-list of these query texts; one that does not parse is refused with its position. */
export const createAllowList = (queries: readonly string[], origin = 'allow-list'): AllowList => {
  const allowed = new Set<string>()
  queries.forEach((query, index) => {
    if (typeof query !== 'string' || query.trim() === '')
      throw new Error(
        `${origin}: entry ${index + 1} is not a GraphQL document (an empty or non-string value)`,
      )
    try {
      allowed.add(print(parse(query)))
    } catch (error) {
      throw new Error(`${origin}: entry ${index + 1} does not parse: ${(error as Error).message}`)
    }
  })
  return { has: (document) => allowed.has(printedOnce(document)), queries: [...queries] }
}

/**
 * The query texts of an allow-list file: an Apollo persisted-query manifest
 * (`{"format":"apollo-persisted-query-manifest","operations":[{"body":"…"}]}`, what
 * `@apollo/generate-persisted-query-manifest` writes from a frontend's code) or a JSON array of
 * query texts.
 */
export const readAllowListFile = (file: string): string[] => {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(
      `GraphQL allow-list ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new Error(`GraphQL allow-list ${file} is not JSON: ${(error as Error).message}`)
  }
  if (Array.isArray(value)) return value as string[]
  const operations = (value as { operations?: unknown } | null)?.operations
  if (Array.isArray(operations))
    return operations.map((operation) => (operation as { body?: unknown } | null)?.body as string)
  throw new Error(
    `GraphQL allow-list ${file} is neither an Apollo persisted-query manifest (with "operations") nor a JSON array of queries`,
  )
}

type RequestContext =
  | {
      req?: {
        payload?: { config?: { admin?: { user?: string } } }
        user?: { collection?: string } | null
      }
    }
  | undefined

/** Signed in to the admin's user collection: staff, not a reader account of some other auth collection. */
export const isSignedInToAdmin = (contextValue: unknown): boolean => {
  const req = (contextValue as RequestContext)?.req
  return Boolean(req?.user && req.user.collection === req.payload?.config?.admin?.user)
}

/**
 * Refuses, before anything is resolved, a document that is not on the list when nobody is signed
 * in: the public API then runs only the site's own queries, whatever else a scraper writes.
 * Signed-in staff (users of the admin's collection) may run any query, within the other limits.
 */
export const allowListRule =
  (allowList: AllowList, contextValue: unknown): ValidationRule =>
  (context) => ({
    Document: (document) => {
      if (isSignedInToAdmin(contextValue)) return
      if (allowList.has(document)) return
      context.reportError(
        new GraphQLError(
          '허용되지 않은 쿼리입니다: 익명 요청은 사이트에 등록된 쿼리만 실행할 수 있습니다 (this query is not on the allow-list; anonymous requests may run only the listed queries)',
          {
            extensions: { code: QUERY_NOT_ALLOWED },
          },
        ),
      )
    },
  })
