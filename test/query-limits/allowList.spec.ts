import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import {
  graphQLGetHandler,
  graphQLPost,
  graphQLPostHandler,
  withHttpCache,
} from '../../plugins/http-cache'
import { createAllowList, readAllowListFile } from '../../plugins/query-limits'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// The site's own article-page query, as its frontend sends it; listed with other spacing and a comment.
const PAGE_QUERY =
  'query Page($slug: String!) { Articles(where: { slug: { equals: $slug } }, limit: 1) { docs { title regionLabel } } }'
const LISTED_PAGE_QUERY = `# the article page
query Page($slug: String!) {
  Articles(where: { slug: { equals: $slug } }, limit: 1) {
    docs { title, regionLabel }
  }
}`
const UNLISTED = '{ Articles(limit: 100) { docs { title body } } }'

let payload: Payload
let fixture: NewsroomFixture
let editorToken: string
let get: (request: Request) => Promise<Response>
let post: (request: Request) => Promise<Response>

beforeAll(async () => {
  payload = await bootPayload('query-allow-list', {
    newsroom: { queryLimits: { anonymousQueries: [LISTED_PAGE_QUERY] } },
  })
  fixture = await createNewsroom(payload)
  editorToken = await apiClient(payload).login(loginEmails().editor, PASSWORD)
  await payload.create({
    collection: 'articles',
    data: articleData(fixture, {
      title: '허용 목록 기사',
      slug: 'heo-yong',
      _status: 'published',
    }) as never,
  })
  // As src/app/(payload)/api/graphql/route.ts wraps them.
  const payloadPost = graphQLPost(payload.config)
  get = withHttpCache(graphQLGetHandler(payloadPost))
  post = graphQLPostHandler(payloadPost)
})
afterAll(async () => {
  await payload?.destroy()
})

const sendPost = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const response = await post(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  )
  return { status: response.status, body: JSON.parse(await response.text()) }
}

describe('an allow-list of anonymous GraphQL queries', () => {
  it('runs a listed query for anonymous readers, whatever its spacing, over POST, GET and by persisted hash', async () => {
    const byPost = await sendPost({ query: PAGE_QUERY, variables: { slug: 'heo-yong' } })
    expect(byPost.body).toEqual({
      data: { Articles: { docs: [{ title: '허용 목록 기사', regionLabel: '울산시' }] } },
    })

    const variables = encodeURIComponent(JSON.stringify({ slug: 'heo-yong' }))
    const byGet = await get(
      new Request(
        `http://localhost/api/graphql?query=${encodeURIComponent(PAGE_QUERY)}&variables=${variables}`,
      ),
    )
    expect((await byGet.json()).data.Articles.docs[0].title).toBe('허용 목록 기사')

    // By the hash of the listed text (a manifest's id), known from the start: no query sent first.
    const hash = crypto.createHash('sha256').update(LISTED_PAGE_QUERY).digest('hex')
    const extensions = encodeURIComponent(
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
    )
    const byHash = await get(
      new Request(`http://localhost/api/graphql?extensions=${extensions}&variables=${variables}`),
    )
    expect((await byHash.json()).data.Articles.docs[0].title).toBe('허용 목록 기사')
  })

  it('refuses any other query from an anonymous reader before it runs, with a clear error', async () => {
    for (const query of [
      UNLISTED,
      PAGE_QUERY.replace('regionLabel', 'regionLabel body'),
      '{ __typename }',
    ]) {
      // GraphQL over HTTP answers a refused document with 200 and `errors` (as it does any invalid one).
      const { status, body } = await sendPost({ query, variables: { slug: 'heo-yong' } })
      expect(status).toBe(200)
      expect(body.data).toBeUndefined()
      expect(body.errors).toEqual([
        expect.objectContaining({
          extensions: { code: 'QUERY_NOT_ALLOWED' },
          message: expect.stringContaining('allow-list'),
        }),
      ])
    }
    // Over GET too, where a refusal must not become a cached answer.
    const refused = await get(
      new Request(`http://localhost/api/graphql?query=${encodeURIComponent(UNLISTED)}`),
    )
    expect((await refused.json()).errors[0].extensions.code).toBe('QUERY_NOT_ALLOWED')
    expect(refused.headers.get('cache-control')).toBe('private, no-store')
    // A made-up token is nobody: still anonymous.
    const forged = await sendPost({ query: UNLISTED }, { authorization: 'JWT not-a-token' })
    expect(forged.body.errors[0].extensions.code).toBe('QUERY_NOT_ALLOWED')
  })

  it('tells an anonymous reader nothing else about a refused document, such as the field names graphql-js suggests', async () => {
    const misspelt = '{ Articles(limit: 1) { docs { titl regionLabl } } }'
    const anonymous = await sendPost({ query: misspelt })
    expect(anonymous.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_NOT_ALLOWED' } }),
    ])
    expect(JSON.stringify(anonymous.body)).not.toContain('Did you mean')
    // Staff, who may run any query, get graphql-js's errors and suggestions as usual.
    const staff = await sendPost({ query: misspelt }, { authorization: `JWT ${editorToken}` })
    expect(staff.body.errors.map((error: { message: string }) => error.message)).toEqual([
      expect.stringContaining('Did you mean "title"'),
      expect.stringContaining('Did you mean "regionLabel"'),
    ])
  })

  it('lets signed-in staff run any query', async () => {
    const { status, body } = await sendPost(
      { query: UNLISTED },
      { authorization: `JWT ${editorToken}` },
    )
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs[0].title).toBe('허용 목록 기사')
  })
})

describe('allow-list files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allow-list-'))
  const write = (name: string, content: string) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, content)
    return file
  }

  it('reads an Apollo persisted-query manifest and a JSON array of queries', () => {
    const manifest = write(
      'manifest.json',
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: 'x', name: 'Page', type: 'query', body: PAGE_QUERY }],
      }),
    )
    expect(readAllowListFile(manifest)).toEqual([PAGE_QUERY])
    expect(readAllowListFile(write('list.json', JSON.stringify([PAGE_QUERY, UNLISTED])))).toEqual([
      PAGE_QUERY,
      UNLISTED,
    ])
  })

  it('says what is wrong with a file that cannot be used', () => {
    expect(() => readAllowListFile(path.join(dir, 'missing.json'))).toThrow(
      /missing\.json cannot be read: ENOENT/,
    )
    expect(() => readAllowListFile(write('broken.json', '{ "operations": '))).toThrow(
      /broken\.json is not JSON/,
    )
    expect(() => readAllowListFile(write('other.json', '{ "queries": [] }'))).toThrow(
      /neither an Apollo persisted-query manifest .* nor a JSON array/,
    )
    expect(() => createAllowList([PAGE_QUERY, '{ Articles( '], 'list.json')).toThrow(
      /list\.json: entry 2 does not parse: Syntax Error/,
    )
    expect(() => createAllowList([PAGE_QUERY, ''], 'list.json')).toThrow(
      /list\.json: entry 2 is not a GraphQL document/,
    )
  })
})
