import type { ValidationRule } from 'graphql'

import { buildSchema, GraphQLError, specifiedRules, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import { QUERY_NOT_ALLOWED } from '../shared/listedQueries'
import { parseOnce, validateOnce } from './graphQLPost'

const schema = buildSchema(
  'type Query { article(slug: String!): Article } type Article { title: String slug: String }',
)
const otherSchema = buildSchema(
  'type Query { article(slug: String!): Article } type Article { headline: String }',
)

/** A per-request rule, like a limit read from the variables: it must run on every call. */
const countingRule =
  (calls: { count: number }): ValidationRule =>
  () => {
    calls.count++
    return {}
  }

describe('parseOnce', () => {
  it('gives the same syntax tree for the same query text, and a new one for another', () => {
    const query = `{ article(slug: "a") { title } }`
    const first = parseOnce(query)
    expect(parseOnce(query)).toBe(first)
    expect(parseOnce(`{ article(slug: "b") { title } }`)).not.toBe(first)
  })

  it('keeps a bounded number of query texts, the least recently used going first', () => {
    const kept = parseOnce(`{ article(slug: "kept") { title } }`)
    const dropped = parseOnce(`{ article(slug: "dropped") { title } }`)
    for (let index = 0; index < 600; index++) {
      parseOnce(`{ article(slug: "kept") { title } }`)
      parseOnce(`{ article(slug: "filler-${index}") { title } }`)
    }
    expect(parseOnce(`{ article(slug: "kept") { title } }`)).toBe(kept)
    expect(parseOnce(`{ article(slug: "dropped") { title } }`)).not.toBe(dropped)
  })

  it('does not keep a huge query, and keeps at most a million characters of queries', () => {
    const huge = `{ article(slug: "${'x'.repeat(200_000)}") { title } }`
    expect(parseOnce(huge)).not.toBe(parseOnce(huge))
    const large = (index: number) => `{ article(slug: "${index}${'x'.repeat(90_000)}") { title } }`
    const first = parseOnce(large(1))
    expect(parseOnce(large(1))).toBe(first)
    // Eleven more of 90,000 characters: with the first, over a million, whatever else is kept.
    for (let index = 2; index <= 12; index++) parseOnce(large(index))
    expect(parseOnce(large(1))).not.toBe(first)
  })

  it('throws a syntax error as parse does', () => {
    expect(() => parseOnce('{ article(')).toThrow(GraphQLError)
    expect(() => parseOnce('{ article(')).toThrow(/Syntax Error: Expected Name, found <EOF>/)
  })
})

describe('validateOnce', () => {
  it('runs the spec rules once per document and schema, and reports what validate reports', () => {
    const valid = parseOnce(`query ($slug: String!) { article(slug: $slug) { title } }`)
    const errors = validateOnce(schema, valid, specifiedRules)
    expect(errors).toEqual([])
    // The kept answer itself, not a new validation.
    expect(validateOnce(schema, valid, specifiedRules)).toBe(errors)

    const invalid = parseOnce(`{ article { headline } }`)
    const messages = validateOnce(schema, invalid, specifiedRules).map((error) => error.message)
    expect(messages).toEqual(validate(schema, invalid).map((error) => error.message))
    expect(messages.join(' ')).toMatch(/Cannot query field "headline"/)
    expect(messages.join(' ')).toMatch(/argument "slug"/)
  })

  it('validates again against another schema', () => {
    const document = parseOnce(`{ article(slug: "a") { headline } }`)
    expect(validateOnce(schema, document, specifiedRules)).toHaveLength(1)
    expect(validateOnce(otherSchema, document, specifiedRules)).toHaveLength(0)
    expect(validateOnce(schema, document, specifiedRules)).toHaveLength(1)
  })

  it('runs every other rule on every call', () => {
    const document = parseOnce(`{ article(slug: "a") { title } }`)
    const calls = { count: 0 }
    const refusing: ValidationRule = (context) => ({
      Document: () => context.reportError(new GraphQLError('refused by a per-request rule')),
    })
    for (let round = 0; round < 3; round++) {
      expect(validateOnce(schema, document, [...specifiedRules, countingRule(calls)])).toEqual([])
      expect(
        validateOnce(schema, document, [...specifiedRules, refusing]).map((error) => error.message),
      ).toEqual(['refused by a per-request rule'])
    }
    expect(calls.count).toBe(3)
  })

  it('gives an invalid document’s errors of every rule in the order validate gives them', () => {
    const document = parseOnce(`{ article(slug: "a") { nope } }`)
    const refusing: ValidationRule = (context) => ({
      Document: () => context.reportError(new GraphQLError('refused by a per-request rule')),
    })
    const rules = [...specifiedRules, refusing]
    const expected = validate(schema, document, rules).map((error) => error.message)
    expect(expected).toEqual([
      'refused by a per-request rule',
      expect.stringMatching(/Cannot query field "nope"/),
    ])
    for (let round = 0; round < 2; round++)
      expect(validateOnce(schema, document, rules).map((error) => error.message)).toEqual(expected)
  })

  it('answers a document another rule refuses outright with that refusal alone', () => {
    const document = parseOnce(`{ article(slug: "a") { titel } }`)
    const notAllowed: ValidationRule = (context) => ({
      Document: () =>
        context.reportError(
          new GraphQLError('not on the list', { extensions: { code: QUERY_NOT_ALLOWED } }),
        ),
    })
    expect(validate(schema, document).map((error) => error.message)).toEqual([
      expect.stringContaining('Did you mean "title"'),
    ])
    for (let round = 0; round < 2; round++) {
      expect(
        validateOnce(schema, document, [...specifiedRules, notAllowed]).map(
          (error) => error.message,
        ),
      ).toEqual(['not on the list'])
    }
  })

  it('is plain validate when the spec rules are not all there', () => {
    const document = parseOnce(`{ article { title } }`)
    const someRules = specifiedRules.filter((rule) => rule.name !== 'ProvidedRequiredArgumentsRule')
    expect(validateOnce(schema, document, someRules)).toEqual([])
    expect(validateOnce(schema, document, specifiedRules)).toHaveLength(1)
  })
})
