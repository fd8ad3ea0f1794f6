import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture

beforeAll(async () => {
  payload = await bootPayload('query-limits')
  fixture = await createNewsroom(payload)
  api = apiClient(payload)
  for (let index = 0; index < 3; index++) {
    await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: `기사 ${index}`, _status: 'published' }) as never,
    })
  }
})
afterAll(async () => {
  await payload?.destroy()
})

describe('REST page size', () => {
  it('accepts limits up to 100', async () => {
    const { body, status } = await api.rest('GET', '/articles?limit=100')
    expect(status).toBe(200)
    expect(body.docs).toHaveLength(3)
  })

  it.each([
    ['/articles?limit=101', 'limit'],
    ['/articles?limit=0', 'limit'],
    ['/articles?limit=-5', 'limit'],
    ['/articles?pagination=false', 'limit'],
    [`/reporters?joins[articles][limit]=1000`, 'joins[articles][limit]'],
  ])('refuses %s with a 400 that says what to do', async (path, what) => {
    const { body, status } = await api.rest('GET', path)
    expect(status).toBe(400)
    expect(body.errors[0].message).toContain(`${what} must be between 1 and 100`)
  })

  it('gives staff the admin’s page sizes (250 relationship labels) within a ceiling of their own, but bounds anonymous readers', async () => {
    const token = await api.login('editor@example.com', 'test-password-1')
    // What the admin asks for to label a list's relationship column.
    const labels = await api.rest('GET', '/sections?depth=0&limit=250&select[name]=true', { token })
    expect(labels.status, labels.text).toBe(200)
    expect((await api.rest('GET', '/articles?limit=500', { token })).status).toBe(200)
    expect((await api.rest('GET', '/sections?limit=250')).status).toBe(400)
    const tooMany = await api.rest('GET', '/articles?limit=1001', { token })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.errors[0].message).toContain('limit must be between 1 and 1000')
    const graphql = (limit: number, as?: string) =>
      api.graphql(`{ Articles(limit: ${limit}) { docs { id } } }`, undefined, as)
    expect((await graphql(250, token)).body.errors).toBeUndefined()
    expect((await graphql(250)).body.errors[0].message).toContain('must be between 1 and 100')
    expect((await graphql(1001, token)).body.errors[0].message).toContain(
      'must be between 1 and 1000',
    )
    // related/adjacent/feeds read with pagination off inside the same request: still answered.
    const article = (await payload.find({ collection: 'articles', limit: 1 })).docs[0]!
    expect((await api.rest('GET', `/articles/${article.id}?depth=1`)).status).toBe(200)
  })
})

describe('reads by a unique field', () => {
  // The SQL adapters count pages through `countDistinct`; other adapters through `count`.
  const countCalls = async (field: string, read: () => Promise<unknown>) => {
    // The SQL adapters count through the adapter's own method; MongoDB's `find` counts a page
    // with the collection model's countDocuments.
    const db = (
      payload.db.name === 'mongoose'
        ? (payload.db as unknown as { collections: Record<string, unknown> }).collections.articles
        : payload.db
    ) as Record<string, (...args: unknown[]) => unknown>
    const method =
      payload.db.name === 'mongoose'
        ? 'countDocuments'
        : typeof db.countDistinct === 'function'
          ? 'countDistinct'
          : 'count'
    const original = db[method]!
    let calls = 0
    db[method] = function (this: unknown, ...args: unknown[]) {
      // On MongoDB, only counts of the read's own query (by `field`): joins resolved without
      // aggregations (the reporters' article lists) count their own documents.
      if (payload.db.name !== 'mongoose' || JSON.stringify(args[0]).includes(`"${field}"`)) calls++
      return original.apply(this, args)
    }
    try {
      await read()
    } finally {
      db[method] = original
    }
    return calls
  }

  it('skip the page count but keep the answer’s shape', async () => {
    const article = (await payload.find({ collection: 'articles', limit: 1 })).docs[0]!
    let body: any
    const bySlug = await countCalls(
      'slug',
      async () =>
        (body = (
          await api.rest(
            'GET',
            `/articles?where[slug][equals]=${encodeURIComponent(article.slug!)}&limit=1`,
          )
        ).body),
    )
    expect(bySlug).toBe(0)
    expect(body).toMatchObject({ totalDocs: 1, totalPages: 1, page: 1, hasNextPage: false })
    expect(body.docs[0].id).toBe(article.id)
    const missing = (await api.rest('GET', '/articles?where[slug][equals]=no-such-article')).body
    expect(missing).toMatchObject({ totalDocs: 0, docs: [] })
    // Anything that can match several documents still counts them.
    expect(
      await countCalls('title', () =>
        api.rest('GET', `/articles?where[title][equals]=${encodeURIComponent(article.title)}`),
      ),
    ).toBe(1)
  })
})

// Payload answers a request that fails validation with the bare list of errors.
const errorsOf = (body: unknown): { message: string }[] =>
  Array.isArray(body) ? body : ((body as { errors?: { message: string }[] }).errors ?? [])

describe('GraphQL limits', () => {
  it('refuses a limit above 100, also through a variable', async () => {
    const literal = await api.graphql('{ Articles(limit: 1000) { docs { id } } }')
    expect(errorsOf(literal.body)[0]!.message).toContain(
      'Articles(limit) must be between 1 and 100',
    )
    const variable = await api.graphql('query Q($n: Int) { Articles(limit: $n) { docs { id } } }', {
      n: 101,
    })
    expect(errorsOf(variable.body)[0]!.message).toContain('must be between 1 and 100')
    const unbounded = await api.graphql('{ Articles(pagination: false) { docs { id } } }')
    expect(errorsOf(unbounded.body)[0]!.message).toContain('must be between 1 and 100')
    const fine = await api.graphql('query Q($n: Int) { Articles(limit: $n) { docs { id } } }', {
      n: 100,
    })
    expect(fine.body.errors).toBeUndefined()
    expect(fine.body.data.Articles.docs).toHaveLength(3)
  })

  it('refuses queries nested deeper than 10 with a clear error, fragments included', async () => {
    const deep = `{ Articles { docs { relatedArticles { relatedArticles { relatedArticles { relatedArticles { relatedArticles { relatedArticles { relatedArticles { relatedArticles { relatedArticles { title } } } } } } } } } } } }`
    const { body } = await api.graphql(deep)
    expect(errorsOf(body)[0]!.message).toMatch(/query depth 12 exceeds the limit of 10/)
    expect(body.data).toBeUndefined()
    const viaFragment = await api.graphql(
      `fragment R on Article { relatedArticles { relatedArticles { relatedArticles { relatedArticles { relatedArticles { relatedArticles { relatedArticles { relatedArticles { title } } } } } } } } }
       { Articles { docs { ...R } } }`,
    )
    expect(errorsOf(viaFragment.body)[0]!.message).toMatch(/exceeds the limit of 10/)
  })

  it('keeps the seed page query and introspection working', async () => {
    const page = await api.graphql(
      `{ Articles(limit: 1) { docs { title adjacent { newer { title } } reporters { name articles(limit: 5) { docs { title } } } } } }`,
    )
    expect(page.body.errors).toBeUndefined()
    const introspection = await api.graphql(
      '{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }',
    )
    expect(introspection.body.errors).toBeUndefined()
  })
})
