import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { formatGraphQLError } from '../../plugins/error-codes'
import { graphQLPost } from '../../plugins/http-cache'
import { withGraphQLBounds } from '../../plugins/query-limits'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// The GraphQL route answers with `graphQLPost`, which keeps each query's parse and schema
// validation; it must answer every request as Payload's own GRAPHQL_POST does, but for the
// contract's error format (a stable `extensions.code`, no class name, the reader's language:
// plugins/error-codes), which Payload's handler does not apply to validation errors.

let payload: Payload
let fixture: NewsroomFixture
let editorToken: string
let ours: (request: Request) => Promise<Response>
let payloads: (request: Request) => Promise<Response>

beforeAll(async () => {
  // An allowed origin, so that the CORS headers of both handlers are there to compare.
  payload = await bootPayload('graphql-post', {
    configure: (config) => ({ ...config, cors: ['https://example.org'] }),
  })
  fixture = await createNewsroom(payload)
  editorToken = await apiClient(payload).login(loginEmails().editor, PASSWORD)
  await payload.create({
    collection: 'articles',
    data: articleData(fixture, {
      title: '공개 기사',
      slug: 'gong-gae',
      _status: 'published',
    }) as never,
  })
  await payload.create({
    collection: 'articles',
    data: articleData(fixture, { title: '초안 기사', slug: 'cho-an' }) as never,
  })
  ours = graphQLPost(payload.config)
  // Payload's handler as the route serves it: behind withGraphQLBounds, which answers a body that
  // is not JSON (Payload's handler throws on it) and a document beyond the bounds.
  payloads = withGraphQLBounds(GRAPHQL_POST(Promise.resolve(payload.config)), payload.config)
})
afterAll(async () => {
  await payload?.destroy()
})

type Sent = { body?: string; headers?: Record<string, string>; method?: string; search?: string }

const request = ({
  body,
  headers = { 'content-type': 'application/json' },
  method = 'POST',
  search = '',
}: Sent) => new Request(`http://localhost/api/graphql${search}`, { body, headers, method })

const json = (
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Sent => ({
  body: JSON.stringify({ query, variables }),
  headers: { 'content-type': 'application/json', ...headers },
})

/** What a client can tell of an answer (the Date header aside). */
const outcome = async (handler: (request: Request) => Promise<Response>, sent: Sent) => {
  try {
    const response = await handler(request(sent))
    const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'))
    const text = await response.text()
    return { status: response.status, headers, body: text ? JSON.parse(text) : null }
  } catch (error) {
    return { threw: String(error) }
  }
}

type Outcome = Awaited<ReturnType<typeof outcome>>

/** Payload's answer with the contract's error format applied to each error. */
const withContractErrors = (answer: Outcome): Outcome => {
  const body = 'body' in answer ? (answer.body as { errors?: unknown[] } | null) : null
  if (!body || !Array.isArray(body.errors)) return answer
  const errors = body.errors.map((error) => formatGraphQLError(error, undefined))
  const text = JSON.stringify({ ...body, errors })
  const headers = { ...(answer as { headers: Record<string, string> }).headers }
  if (headers['content-length']) headers['content-length'] = String(Buffer.byteLength(text))
  return { ...answer, headers, body: { ...body, errors } } as Outcome
}

const ARTICLE =
  'query A($slug: String!) { Articles(where: { slug: { equals: $slug } }) { docs { title slug regionLabel reporters { name } } } }'

// The editor's token exists only once the suite has started: each case is made when it runs.
const cases: Record<string, () => Sent> = {
  'a published article, anonymously': () => json(ARTICLE, { slug: 'gong-gae' }),
  'a draft, anonymously (nothing)': () => json(ARTICLE, { slug: 'cho-an' }),
  'a draft, as an editor': () =>
    json(
      '{ Articles(draft: true, where: { slug: { equals: "cho-an" } }) { docs { title _status } } }',
      undefined,
      { authorization: `JWT ${editorToken}` },
    ),
  'a syntax error': () => json('{ Articles( { docs { id } } }'),
  'an unknown field': () => json('{ Articles { docs { nope } } }'),
  'a spec error and a limit error together': () =>
    json('{ Articles(limit: 101) { docs { nope } } }'),
  'a variable of the wrong type': () => json(ARTICLE, { slug: 3 }),
  'a required variable missing': () => json(ARTICLE, {}),
  'a limit above 100 through a variable': () =>
    json('query L($n: Int) { Articles(limit: $n) { docs { id } } }', { n: 101 }),
  'a limit of 100 through the same query': () =>
    json('query L($n: Int) { Articles(limit: $n) { docs { id } } }', { n: 100 }),
  'a fragment fan-out beyond the bounds': () =>
    json(
      `query { ...F12 } fragment F0 on Query { Articles(limit: 1) { totalDocs } } ${Array.from({ length: 12 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} a: Articles(limit: 1) { totalDocs } ...F${i} }`).join(' ')}`,
    ),
  'a fragment that spreads itself': () => json('query { ...A } fragment A on Query { ...A }'),
  'too deep': () =>
    json(`{ Articles { docs { ${'relatedArticles { '.repeat(11)}title${' }'.repeat(11)} } } }`),
  'a mutation refused to an anonymous reader': () =>
    json('mutation { createArticle(data: { title: "몰래" }) { id } }'),
  'an operation name that is not there': () => ({
    body: JSON.stringify({ query: ARTICLE, operationName: 'B', variables: { slug: 'gong-gae' } }),
  }),
  'a body without a query': () => ({ body: JSON.stringify({ variables: {} }) }),
  'a JSON body that is not an object': () => ({ body: '[1, 2]' }),
  'JSON that does not parse': () => ({ body: '{ "query": ' }),
  'an empty JSON body': () => ({ body: '' }),
  'no body at all': () => ({}),
  'a JSON null': () => ({ body: 'null' }),
  'a JSON string': () => ({ body: '"str"' }),
  'a JSON string holding a request': () => ({
    body: JSON.stringify(JSON.stringify({ query: '{ __typename }' })),
  }),
  'a body of another type': () => ({
    body: '{ Articles { docs { id } } }',
    headers: { 'content-type': 'application/graphql' },
  }),
  'a GET with the query in the URL': () => ({
    method: 'GET',
    headers: {},
    search: `?query=${encodeURIComponent(ARTICLE)}&variables=${encodeURIComponent('{"slug":"gong-gae"}')}`,
  }),
  'a client that accepts no JSON': () => ({
    ...json(ARTICLE, { slug: 'gong-gae' }),
    headers: { 'content-type': 'application/json', accept: 'text/html' },
  }),
  'CORS from another origin': () =>
    json(ARTICLE, { slug: 'gong-gae' }, { origin: 'https://example.org' }),
}

describe('graphQLPost answers as Payload’s GRAPHQL_POST', () => {
  it.each(Object.keys(cases))('%s', async (name) => {
    const sent = cases[name]!()
    // Twice each, so that the second answer comes from the kept parse and validation.
    const first = await outcome(ours, sent)
    expect(first).toEqual(withContractErrors(await outcome(payloads, sent)))
    expect(await outcome(ours, sent)).toEqual(first)
  })

  it('is exercised: the cases above meet data, validation errors and resolver errors', async () => {
    const article = await outcome(ours, cases['a published article, anonymously']!())
    expect(article).toMatchObject({
      status: 200,
      body: { data: { Articles: { docs: [{ title: '공개 기사', regionLabel: '울산시' }] } } },
    })
    const draft = await outcome(ours, cases['a draft, as an editor']!())
    expect(draft).toMatchObject({
      status: 200,
      body: { data: { Articles: { docs: [{ title: '초안 기사', _status: 'draft' }] } } },
    })
    const limit = await outcome(ours, cases['a limit above 100 through a variable']!())
    expect(JSON.stringify(limit)).toContain('must be between 1 and 100')
    const mutation = await outcome(ours, cases['a mutation refused to an anonymous reader']!())
    expect(mutation).toMatchObject({ body: { errors: [{ extensions: { statusCode: 403 } }] } })
    const cors = await outcome(ours, cases['CORS from another origin']!())
    expect(cors).toMatchObject({
      headers: { 'access-control-allow-origin': 'https://example.org' },
    })
    const both = await outcome(ours, cases['a spec error and a limit error together']!())
    expect(JSON.stringify(both)).toMatch(/must be between 1 and 100.*Cannot query field/)
  })

  it('alternates a refused and an allowed limit on one query text without mixing them up', async () => {
    for (const n of [100, 101, 100, 101]) {
      const { body } = await outcome(
        ours,
        json('query M($n: Int) { Articles(limit: $n) { docs { id } } }', { n }),
      )
      if (n === 100) expect(body.errors).toBeUndefined()
      else expect(body.errors[0].message).toContain('must be between 1 and 100')
    }
  })
})
