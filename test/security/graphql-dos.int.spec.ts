import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { getIntrospectionQuery } from 'graphql'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { graphQLPost } from '../../plugins/http-cache'
import { withGraphQLBounds } from '../../plugins/query-limits'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture

beforeAll(async () => {
  payload = await bootPayload('graphql-dos')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  await payload.create({
    collection: 'articles',
    data: articleData(fixture, { _status: 'published' }) as never,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

type Answer = { body: any; status: number }

const post = async (
  handler: (request: Request) => Promise<Response>,
  body: string,
): Promise<Answer> => {
  const response = await handler(
    new Request('http://localhost/api/graphql', {
      body,
      headers: { 'content-type': 'application/json' },
      method: 'POST',
    }),
  )
  const text = await response.text()
  return { body: text ? JSON.parse(text) : null, status: response.status }
}

/**
 * The app's GraphQL handler (`graphQLPost`, bounded in its parse), and Payload's standard
 * `GRAPHQL_POST` behind `withGraphQLBounds` (what the route keeps once `graphQLPost` is gone).
 */
const handlers = {
  app: () => graphQLPost(payload.config),
  payload: () => withGraphQLBounds(GRAPHQL_POST(payload.config), payload.config),
}

const ask = (name: keyof typeof handlers, query: string, variables?: Record<string, unknown>) =>
  post(handlers[name](), JSON.stringify({ query, variables }))

const expectRefused = (answer: Answer, code = 'LIMIT') => {
  expect(answer.status).toBe(400)
  expect(answer.body.data).toBeUndefined()
  expect(answer.body.errors[0].extensions.code).toBe(code)
  expect(answer.body.errors[0].message).toEqual(expect.any(String))
}

/** Under 3 KB at 30 levels: each fragment spreads the one below twice, 2^levels fields in all. */
const fragmentFanOut = (levels: number) => {
  const fragments = [`fragment F0 on Query { Articles(limit: 1) { docs { title } } }`]
  for (let level = 1; level <= levels; level++)
    fragments.push(
      `fragment F${level} on Query { ...F${level - 1} a${level}: Articles(limit: 1) { totalDocs } ...F${level - 1} }`,
    )
  return `query { ...F${levels} }\n${fragments.join('\n')}`
}

describe.each(['app', 'payload'] as const)(
  'GraphQL documents beyond the bounds, through the %s handler',
  (handler) => {
    // Unbounded, 20 levels took seconds and 24 never answered within any timeout.
    it.each([20, 24, 30])(
      'refuses a fragment fan-out of %i levels before validating it',
      async (levels) => {
        const query = fragmentFanOut(levels)
        expect(query.length).toBeLessThan(3000)
        const answer = await ask(handler, query)
        expectRefused(answer)
        expect(answer.body.errors[0].message).toContain('fragments are spread')
      },
    )

    it('refuses a 1 MB document by its token count', async () => {
      const query = `{ Articles(limit: 1) { docs { ${'title '.repeat(180_000)} } } }`
      expect(query.length).toBeGreaterThan(1_000_000)
      const answer = await ask(handler, query)
      expectRefused(answer)
      expect(answer.body.errors[0].message).toContain('more than 5000 tokens')
    })

    it('refuses the same field aliased 10,000 times', async () => {
      const aliases = Array.from(
        { length: 10_000 },
        (_, index) => `a${index}: Articles(limit: 1) { totalDocs }`,
      ).join(' ')
      expectRefused(await ask(handler, `{ ${aliases} }`))
      // Within the token bound, the expanded field count refuses what the complexity rule would walk.
      const fewer = Array.from(
        { length: 1200 },
        (_, index) => `a${index}: Articles(limit: 1) { totalDocs }`,
      ).join(' ')
      expectRefused(await ask(handler, `{ ${fewer} }`))
    })

    it('refuses a directive repeated thousands of times', async () => {
      expectRefused(
        await ask(
          handler,
          `{ Articles(limit: 1) ${'@include(if: true) '.repeat(5000)} { totalDocs } }`,
        ),
      )
    })

    it('refuses a `where` nested a thousand levels deep before the parser recurses', async () => {
      let where = '{ title: { equals: "x" } }'
      for (let level = 0; level < 1000; level++) where = `{ AND: [${where}] }`
      const answer = await ask(handler, `{ Articles(where: ${where}) { docs { id } } }`)
      expectRefused(answer)
      expect(answer.body.errors[0].message).toContain('nests brackets deeper than 64 levels')
    })

    it('refuses a fragment that spreads itself, instead of failing with a 500', async () => {
      expectRefused(
        await ask(
          handler,
          'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
        ),
        'VALIDATION',
      )
      expectRefused(
        await ask(
          handler,
          'fragment A on Query { Articles(limit: 1) { totalDocs } ...A } query { ...A }',
        ),
        'VALIDATION',
      )
    })

    it('answers a body that is not JSON with a 400', async () => {
      const answer = await post(handlers[handler](), '{"query": "{ Articles { docs { id } } }')
      expect(answer.status).toBe(400)
      expect(answer.body.errors[0].message).toMatch(/JSON/)
    })

    it('still answers real queries: a fragment used at several places, and introspection', async () => {
      const page = await ask(
        handler,
        `fragment Headline on Article { id title slug regionLabel section { name slug } }
       query { list: Articles(limit: 5) { docs { ...Headline } } page: Articles(limit: 1) { docs { ...Headline relatedArticles { ...Headline } } } }`,
      )
      expect(page.body.errors).toBeUndefined()
      expect(page.body.data.list.docs).toHaveLength(1)
      const introspection = await ask(
        handler,
        getIntrospectionQuery({
          descriptions: true,
          directiveIsRepeatable: true,
          inputValueDeprecation: true,
        }),
      )
      expect(introspection.body.errors).toBeUndefined()
      expect(introspection.body.data.__schema.types.length).toBeGreaterThan(10)
    })
  },
)

describe('deep `where` filters', () => {
  const nested = (levels: number, key = 'and') => {
    let where: Record<string, unknown> = { title: { equals: 'x' } }
    for (let level = 0; level < levels; level++) where = { [key]: [where] }
    return where
  }

  it.each([1000, 10_000])(
    'are refused over GraphQL variables %i levels deep before validation',
    async (levels) => {
      // Built as text: the test's own JSON.stringify would recurse as deep.
      const variables = `{"where":${'{"AND":['.repeat(levels)}{"title":{"equals":"x"}}${']}'.repeat(levels)}}`
      for (const handler of ['app', 'payload'] as const) {
        const answer = await post(
          handlers[handler](),
          `{"query":"query ($where: Article_where) { Articles(where: $where) { docs { id } } }","variables":${variables}}`,
        )
        expectRefused(answer)
        expect(answer.body.errors[0].message).toContain('variables nest deeper than 64 levels')
      }
    },
  )

  it('are refused over GraphQL variables at a depth the document bounds let through', async () => {
    const { body } = await api.graphql(
      'query ($where: Article_where) { Articles(where: $where) { docs { id } } }',
      { where: nested(20, 'AND') },
    )
    expect(body.data.Articles).toBeNull()
    expect(body.errors[0].message).toContain('and/or may nest at most 10 levels')
  })

  it('are refused over REST with a 400', async () => {
    for (const levels of [11, 1000]) {
      const { body, status } = await api.rest(
        'GET',
        `/articles?${stringify({ where: nested(levels, 'or') })}`,
      )
      expect(status, `${levels} levels`).toBe(400)
      expect(body.errors[0].message).toContain('and/or may nest at most 10 levels')
    }
  })

  it('keep working at a sensible depth', async () => {
    const { status } = await api.rest('GET', `/articles?${stringify({ where: nested(3) })}`)
    expect(status).toBe(200)
    const { body } = await api.graphql(
      'query ($where: Article_where) { Articles(where: $where) { totalDocs } }',
      { where: nested(5, 'OR') },
    )
    expect(body.errors).toBeUndefined()
  })
})
