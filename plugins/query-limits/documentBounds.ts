import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql'
import type { Config, SanitizedConfig } from 'payload'

import { Kind, Lexer, parse, Source, TokenKind } from 'graphql'

export type GraphQLDocumentBounds = {
  /** Most lexical tokens a document may have (graphql-js `parse(…, { maxTokens })`). */
  maxTokens: number
  /** Most field selections one operation may have once every fragment spread is expanded. */
  maxSelections: number
}

export const LIMIT = 'LIMIT'

/** Also where the query-limits plugin is not used: any GraphQL route of the app is bounded. */
export const defaultGraphQLBounds: GraphQLDocumentBounds = { maxSelections: 2000, maxTokens: 5000 }

const BOUNDS_KEY = 'graphQLDocumentBounds'

/** Where the query-limits plugin leaves its bounds for the GraphQL route handlers (`config.custom`, Payload's place for plugin data). */
export const withGraphQLBoundsIn = (config: Config, bounds: GraphQLDocumentBounds): Config => ({
  ...config,
  custom: { ...config.custom, [BOUNDS_KEY]: bounds },
})

export const graphQLBoundsOf = (config: SanitizedConfig): GraphQLDocumentBounds =>
  (config.custom?.[BOUNDS_KEY] as GraphQLDocumentBounds | undefined) ?? defaultGraphQLBounds

/**
 * A document refused before validation. Not a `GraphQLError` on purpose: graphql-http answers an
 * `Error` thrown by `parse` with a 400 (a `GraphQLError` gets a 200 under `application/json`), and
 * `toJSON` keeps the error code in that answer.
 */
export class GraphQLBoundError extends Error {
  readonly code: string
  constructor(message: string, code = LIMIT) {
    super(message)
    this.name = 'GraphQLBoundError'
    this.code = code
  }
  toJSON() {
    return { extensions: { code: this.code }, message: this.message }
  }
}

/**
 * graphql-js parses (and later rules read values) recursively: a few thousand brackets exhaust the
 * stack. Real queries, where filters included, nest a few dozen levels at most.
 */
const MAX_NESTING = 64

const opening = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L])
const closing = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R])

/** Lexes at most `maxTokens + 1` tokens, without recursion, refusing too many tokens or too deep nesting. */
const checkSource = (source: Source | string, maxTokens: number): void => {
  const lexer = new Lexer(typeof source === 'string' ? new Source(source) : source)
  let tokens = 0
  let nesting = 0
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    if (++tokens > maxTokens) {
      throw new GraphQLBoundError(
        `쿼리가 너무 깁니다: 토큰 ${maxTokens}개 한도 (the document has more than ${maxTokens} tokens)`,
      )
    }
    if (opening.has(token.kind) && ++nesting > MAX_NESTING) {
      throw new GraphQLBoundError(
        `쿼리가 너무 깊게 중첩되었습니다: ${MAX_NESTING}단계 한도 (the document nests brackets deeper than ${MAX_NESTING} levels)`,
      )
    }
    if (closing.has(token.kind)) nesting--
  }
}

/** Refuses variables nested deeper than any document may nest (graphql-js coerces them recursively); walked without recursion. */
export const checkVariablesBounds = (variables: unknown): void => {
  const pending: [unknown, number][] = [[variables, 0]]
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (depth > MAX_NESTING) {
      throw new GraphQLBoundError(
        `변수가 너무 깊게 중첩되었습니다: ${MAX_NESTING}단계 한도 (the variables nest deeper than ${MAX_NESTING} levels)`,
      )
    }
    for (const item of Array.isArray(value) ? value : Object.values(value))
      pending.push([item, depth + 1])
  }
}

const CYCLE = -1

/**
 * Field selections of each operation with every fragment spread expanded in full (what validation
 * rules and execution walk), computed in one pass over the document: each fragment is counted
 * once and its count reused at every spread. `CYCLE` for an operation that reaches a fragment
 * cycle. Kept per document (parsed documents are shared, see `parseOnce`).
 */
const expandedSizes = new WeakMap<DocumentNode, Map<OperationDefinitionNode, number>>()

const expandedSizesOf = (document: DocumentNode): Map<OperationDefinitionNode, number> => {
  const known = expandedSizes.get(document)
  if (known) return known
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition)
  const fragmentSizes = new Map<string, number>()
  const sizeOf = (selectionSet: SelectionSetNode): number => {
    let size = 0
    for (const selection of selectionSet.selections) {
      let part = 0
      if (selection.kind === Kind.FIELD)
        part = 1 + (selection.selectionSet ? sizeOf(selection.selectionSet) : 0)
      else if (selection.kind === Kind.INLINE_FRAGMENT) part = sizeOf(selection.selectionSet)
      else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        // An unknown fragment is KnownFragmentNames' to report.
        if (!fragment) continue
        if (!fragmentSizes.has(name)) {
          fragmentSizes.set(name, CYCLE) // in progress: reaching it again is a cycle
          fragmentSizes.set(name, sizeOf(fragment.selectionSet))
        }
        part = fragmentSizes.get(name)!
      }
      if (part === CYCLE) return CYCLE
      size += part
    }
    return size
  }
  const sizes = new Map<OperationDefinitionNode, number>()
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION)
      sizes.set(definition, sizeOf(definition.selectionSet))
  expandedSizes.set(document, sizes)
  return sizes
}

/** Refuses a document whose fragments expand beyond `maxSelections` fields, or that spreads a fragment within itself. */
export const checkDocumentBounds = (document: DocumentNode, maxSelections: number): void => {
  for (const size of expandedSizesOf(document).values()) {
    if (size === CYCLE)
      throw new GraphQLBoundError(
        '프래그먼트가 자기 자신을 포함합니다 (a fragment spreads itself, directly or through others)',
        'VALIDATION',
      )
    if (size > maxSelections) {
      throw new GraphQLBoundError(
        `프래그먼트를 펼친 쿼리의 필드 수 ${size}이(가) 한도 ${maxSelections}을(를) 넘습니다 (the operation selects ${size} fields once its fragments are spread; the limit is ${maxSelections})`,
      )
    }
  }
}

/**
 * graphql-js's `parse` within the bounds, so that validation (Payload's complexity rule walks every
 * fragment spread anew) and execution only ever see a document of bounded size: too many tokens
 * or too deep nesting are refused while lexing, before the recursive parser runs, and a fragment
 * fan-out or cycle right after parsing. `parseDocument` may be a caching parse (`parseOnce`).
 */
export const parseWithinBounds = (
  source: Source | string,
  bounds: GraphQLDocumentBounds,
  parseDocument: typeof parse = parse,
): DocumentNode => {
  checkSource(source, bounds.maxTokens)
  const document = parseDocument(source, { maxTokens: bounds.maxTokens })
  checkDocumentBounds(document, bounds.maxSelections)
  return document
}
