import crypto from 'node:crypto'
import type { Payload } from 'payload'

import { buildConfig, getPayload, handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import {
  graphQLGetHandler,
  graphQLPost,
  graphQLPostHandler,
  withHttpCache,
} from '../../plugins/http-cache'
import { httpCacheState } from '../../plugins/http-cache/requestScope'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload, freshDatabaseUri } from '../helpers/payload'
import { newsroomAppConfig } from '../../src/appConfig'
import { databaseAdapter } from '../../src/database'
import { missingIdLiteral } from '../helpers/ids'
import { itUnlessFerretDB } from '../helpers/mongoCompat'

let payload: Payload
let fixture: NewsroomFixture
let editorToken: string
let restHandler: (request: Request) => Promise<Response>
let graphqlGet: (request: Request) => Promise<Response>
let graphqlPost: (request: Request) => Promise<Response>
let uri: string

beforeAll(async () => {
  uri = await freshDatabaseUri('http-cache')
  payload = await bootPayload('http-cache', { uri })
  fixture = await createNewsroom(payload)
  editorToken = await apiClient(payload).login(loginEmails().editor, PASSWORD)
  // The same wrapping as src/app/(payload)/api/**/route.ts.
  restHandler = withHttpCache((request: Request) =>
    handleEndpoints({ config: payload.config, request }),
  )
  const payloadPost = graphQLPost(payload.config)
  graphqlGet = withHttpCache(graphQLGetHandler(payloadPost))
  graphqlPost = graphQLPostHandler(payloadPost)
})
afterAll(async () => {
  await payload?.destroy()
})

const get = (path: string, headers: Record<string, string> = {}) =>
  restHandler(new Request(`http://localhost/api${path}`, { headers }))
const json = async (response: Response) => JSON.parse(await response.text())
const publish = (overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { _status: 'published', ...overrides }) as never,
  })

describe('anonymous reads', () => {
  it('carry a strong ETag, public Cache-Control and surrogate keys naming the article, section, region and reporters', async () => {
    const article = await publish({
      title: '캐시 기사',
      reporters: [fixture.reporters.kim, fixture.reporters.park],
    })
    const response = await get(`/articles/${article.id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{20,}"$/)
    expect(response.headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=10, stale-while-revalidate=60, stale-if-error=300',
    )
    const keys = response.headers.get('surrogate-key')!.split(' ')
    expect(keys).toEqual(
      expect.arrayContaining([
        `articles:${article.id}`,
        `sections:${fixture.sections.news}`,
        `regions:${fixture.regions.ulsan}`,
        `reporters:${fixture.reporters.kim}`,
        `reporters:${fixture.reporters.park}`,
      ]),
    )
    // Populating the section, region and reporters reads them by id: no list key for those.
    expect(keys).not.toContain('regions:list')
    expect(keys).not.toContain('reporters:list')
    expect(response.headers.get('cache-tag')!.split(',').sort()).toEqual([...keys].sort())
    // How the hooks hand the keys to the wrapper stays between them.
    expect(response.headers.get('x-newsroom-surrogate-keys')).toBeNull()
    expect((await json(response)).title).toBe('캐시 기사')
  })

  it('answer 304 to a matching If-None-Match and 200 to a stale one', async () => {
    const article = await publish()
    const first = await get(`/articles/${article.id}`)
    const etag = first.headers.get('etag')!
    const revalidated = await get(`/articles/${article.id}`, { 'if-none-match': etag })
    expect(revalidated.status).toBe(304)
    expect(await revalidated.text()).toBe('')
    expect(revalidated.headers.get('etag')).toBe(etag)
    expect(revalidated.headers.get('surrogate-key')).toContain(`articles:${article.id}`)
    expect(
      (await get(`/articles/${article.id}`, { 'if-none-match': `W/${etag}, "other"` })).status,
    ).toBe(304)
    expect(
      (await get(`/articles/${article.id}`, { 'if-none-match': '"something-else"' })).status,
    ).toBe(200)
  })

  it('an article looked up by its slug names its own documents, not every article: another article saved elsewhere does not purge it at a CDN', async () => {
    const article = await publish({
      title: '슬러그로 찾는 기사',
      reporters: [fixture.reporters.kim],
    })
    const bySlug = (slug: string) =>
      get(`/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=1&limit=1`)
    const page = await bySlug(article.slug as string)
    expect((await json(page)).docs[0].id).toBe(article.id)
    const keys = page.headers.get('surrogate-key')!.split(' ')
    // The section key is what a new article next to it in the section purges (its previous/next links).
    expect(keys).toEqual(
      expect.arrayContaining([
        `articles:${article.id}`,
        `sections:${fixture.sections.news}`,
        `reporters:${fixture.reporters.kim}`,
      ]),
    )
    // Its reporter is populated without their articles, so the join adds no list key either.
    expect(keys).not.toContain('articles:list')
    const missing = await bySlug('아직-없는-기사')
    expect((await json(missing)).docs).toEqual([])
    // Nothing found: a document that takes the slug later must purge it.
    expect(missing.headers.get('surrogate-key')).toContain('articles:list')
    // A reporter's page reads their articles through the join: it lists them.
    const reporter = await get(`/reporters/${fixture.reporters.kim}`)
    expect(reporter.headers.get('surrogate-key')).toContain('articles:list')
  })

  it('give way, when too many for one header, to the list keys of every collection they name', async () => {
    const config = httpCacheState.config!
    const maxKeys = config.maxKeys
    config.maxKeys = 3
    try {
      const article = await publish({
        title: '키가 많은 기사',
        reporters: [fixture.reporters.kim, fixture.reporters.park],
      })
      const keys = (
        await get(
          `/articles?where[slug][equals]=${encodeURIComponent(article.slug as string)}&depth=1&limit=1`,
        )
      ).headers
        .get('surrogate-key')!
        .split(' ')
      expect(keys).toEqual(
        expect.arrayContaining([
          'articles:list',
          'regions:list',
          'reporters:list',
          'sections:list',
        ]),
      )
      expect(keys.every((key) => key.endsWith(':list'))).toBe(true)
    } finally {
      config.maxKeys = maxKeys
    }
  })

  it('vary by Origin when they carry CORS headers, and only then', async () => {
    const article = await publish()
    const allowed =
      payload.config.cors === '*'
        ? 'http://localhost:3000'
        : (payload.config.cors as { origins: string[] }).origins[0]!
    const withOrigin = await get(`/articles/${article.id}`, { origin: allowed })
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe(allowed)
    expect(withOrigin.headers.get('vary')).toMatch(/\bOrigin\b/)
    expect(withOrigin.headers.get('cache-control')).toContain('public')
    const without = await get(`/articles/${article.id}`)
    expect(without.headers.get('access-control-allow-origin')).toBeNull()
    expect(without.headers.get('vary') ?? '').not.toMatch(/\bOrigin\b/)
  })

  it('the globals and plans every page shows (weather line, masthead, 구독 요금제) are shared content too', async () => {
    for (const [path, key] of [
      ['/globals/weather', 'weather:global'],
      ['/globals/masthead', 'masthead:global'],
      ['/subscription-plans', 'subscription-plans:list'],
    ]) {
      const response = await get(path!)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('cache-control'), path).toBe(
        'public, max-age=0, s-maxage=10, stale-while-revalidate=60, stale-if-error=300',
      )
      expect(response.headers.get('surrogate-key')!.split(' '), path).toContain(key)
      const signedIn = await get(path!, { authorization: `JWT ${editorToken}` })
      expect(signedIn.headers.get('cache-control'), path).toBe('private, no-store')
    }
  })

  it('lists and feeds name the collection list, so a new article purges them', async () => {
    const list = await get('/articles?limit=5&sort=-registeredAt')
    expect(list.headers.get('surrogate-key')).toContain('articles:list')
    const feed = await get('/feeds/rss.xml')
    expect(feed.status).toBe(200)
    expect(feed.headers.get('cache-control')).toContain('public')
    expect(feed.headers.get('surrogate-key')).toContain('articles:list')
  })
})

describe('the next request sees every change', () => {
  it('a publish, an update, an unpublish and a delete', async () => {
    const titles = async () =>
      (
        (await json(await get('/articles?limit=100&sort=-registeredAt'))).docs as {
          title: string
        }[]
      ).map((doc) => doc.title)
    expect(await titles()).not.toContain('속보 기사')
    await titles()
    const article = await publish({ title: '속보 기사' })
    expect(await titles()).toContain('속보 기사')

    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: '속보 기사 (수정)' },
    })
    expect(await titles()).toContain('속보 기사 (수정)')
    expect((await json(await get(`/articles/${article.id}`))).title).toBe('속보 기사 (수정)')

    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    expect(await titles()).not.toContain('속보 기사 (수정)')
    expect((await get(`/articles/${article.id}`)).status).toBe(404)

    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    expect(await titles()).toContain('속보 기사 (수정)')
    await payload.delete({ collection: 'articles', id: article.id })
    expect(await titles()).not.toContain('속보 기사 (수정)')
  })

  it('a change made over REST through the wrapped handler: a cache revalidating its copy gets the new answer', async () => {
    const article = await publish({ title: 'REST 수정 전' })
    const etag = (await get(`/articles/${article.id}`)).headers.get('etag')!
    expect((await get(`/articles/${article.id}`, { 'if-none-match': etag })).status).toBe(304)
    const patch = await restHandler(
      new Request(`http://localhost/api/articles/${article.id}`, {
        method: 'PATCH',
        headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'REST 수정 후' }),
      }),
    )
    expect(patch.status).toBe(200)
    const after = await get(`/articles/${article.id}`, { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect((await json(after)).title).toBe('REST 수정 후')
  })

  it('but a draft save keeps the published answer and its ETag: a cached copy stays valid', async () => {
    const article = await publish({ title: '공개본' })
    const etag = (await get(`/articles/${article.id}`)).headers.get('etag')!
    await payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { title: '작성 중인 초안' },
    })
    expect((await get(`/articles/${article.id}`, { 'if-none-match': etag })).status).toBe(304)
    expect((await json(await get(`/articles/${article.id}`))).title).toBe('공개본')
  })

  it('a publish sent with `draft` (Payload writes the live document when `_status` is published)', async () => {
    const article = await publish({ title: '초안 표시로 보낸 공개 전' })
    const etag = (await get(`/articles/${article.id}`)).headers.get('etag')!
    await payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { _status: 'published', title: '초안 표시로 보낸 공개 후' },
    })
    const after = await get(`/articles/${article.id}`, { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect((await json(after)).title).toBe('초안 표시로 보낸 공개 후')
  })

  it('a save sent with `draft` to a collection without drafts', async () => {
    const section = await payload.create({ collection: 'sections', data: { name: '임시 섹션' } })
    const etag = (await get(`/sections/${section.id}`)).headers.get('etag')!
    await payload.update({
      collection: 'sections',
      id: section.id,
      draft: true,
      data: { name: '임시 섹션 (수정)' },
    })
    const after = await get(`/sections/${section.id}`, { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect((await json(after)).name).toBe('임시 섹션 (수정)')
  })
})

describe('what is never shared', () => {
  it('authenticated responses are private and carry no surrogate keys', async () => {
    const article = await publish({ title: '편집자 조회' })
    await get(`/articles/${article.id}`)
    const asEditor = await get(`/articles/${article.id}`, { authorization: `JWT ${editorToken}` })
    expect(asEditor.status).toBe(200)
    expect(asEditor.headers.get('cache-control')).toBe('private, no-store')
    expect(asEditor.headers.get('surrogate-key')).toBeNull()
    expect(asEditor.headers.get('x-newsroom-surrogate-keys')).toBeNull()
    // The version ETag of document-locks, for a later write's If-Match.
    expect(asEditor.headers.get('etag')).toMatch(new RegExp(`^"${article.id}-`))
    const withCookie = await get(`/articles/${article.id}`, {
      cookie: `theme=dark; payload-token=${editorToken}`,
    })
    expect(withCookie.headers.get('cache-control')).toBe('private, no-store')
    // A cookie spelled as Payload also accepts it (a space before `=`).
    const spaced = await get(`/articles/${article.id}`, { cookie: `payload-token =${editorToken}` })
    expect(spaced.headers.get('cache-control')).toBe('private, no-store')
    expect(spaced.headers.get('surrogate-key')).toBeNull()
  })

  it('answers about the caller and errors are private', async () => {
    const me = await get('/users/me')
    expect(me.headers.get('cache-control')).toBe('private, no-store')
    const missing = await get('/articles/999999')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBe('private, no-store')
  })
})

describe('GraphQL over GET', () => {
  const query = `{ Articles(limit: 3, sort: "-registeredAt") { docs { id title section { name } } } }`

  it('answers queries with the same caching as REST', async () => {
    const url = `http://localhost/api/graphql?query=${encodeURIComponent(query)}`
    const first = await graphqlGet(new Request(url))
    expect(first.status).toBe(200)
    const body = await json(first)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs.length).toBeGreaterThan(0)
    expect(first.headers.get('cache-control')).toContain('public')
    expect(first.headers.get('surrogate-key')).toContain('articles:list')
    expect(first.headers.get('surrogate-key')).toContain(`sections:${fixture.sections.news}`)
    expect(
      (
        await graphqlGet(
          new Request(url, { headers: { 'if-none-match': first.headers.get('etag')! } }),
        )
      ).status,
    ).toBe(304)
  })

  it('never keeps or shares an answer with errors, which GraphQL sends with status 200', async () => {
    const url = `http://localhost/api/graphql?query=${encodeURIComponent('{ Articles(limit: 1) { docs { id notAField } } }')}`
    for (let round = 0; round < 2; round++) {
      const answer = await graphqlGet(new Request(url))
      expect(answer.status).toBe(200)
      expect((await json(answer)).errors[0].message).toContain('notAField')
      expect(answer.headers.get('cache-control')).toBe('private, no-store')
      expect(answer.headers.get('etag')).toBeNull()
    }
  })

  it('never keeps an answer with errors that a `payload.extensions` function rebuilt with `data` first', async () => {
    // A resolver's error (no such article) comes with `data`; the function puts `data` first.
    const url = `http://localhost/api/graphql?query=${encodeURIComponent(`{ Article(id: ${missingIdLiteral(payload)}) { id title } }`)}`
    const extensions = payload.extensions
    payload.extensions = async ({ result }) =>
      ({ data: result.data, errors: result.errors }) as typeof result
    try {
      for (let round = 0; round < 2; round++) {
        const answer = await graphqlGet(new Request(url))
        const text = await answer.text()
        expect(text.startsWith('{"data":')).toBe(true)
        expect(JSON.parse(text).errors.length).toBeGreaterThan(0)
        expect(answer.headers.get('cache-control')).toBe('private, no-store')
      }
    } finally {
      payload.extensions = extensions
    }
  })

  it('refuses mutations and bad variables', async () => {
    const mutation = await graphqlGet(
      new Request(
        `http://localhost/api/graphql?query=${encodeURIComponent('mutation { logoutUser }')}`,
      ),
    )
    expect(mutation.status).toBe(405)
    expect((await json(mutation)).errors[0].message).toContain('POST')
    const badVariables = await graphqlGet(
      new Request(`http://localhost/api/graphql?query=${encodeURIComponent(query)}&variables={`),
    )
    expect(badVariables.status).toBe(400)
    expect((await graphqlGet(new Request('http://localhost/api/graphql'))).status).toBe(400)
  })

  itUnlessFerretDB('findAndModifyProjection')(
    'takes persisted queries by hash (Apollo protocol): unknown first and never cached, then known once sent with the query',
    async () => {
      const persisted = `{ Articles(limit: 2, sort: "-registeredAt") { docs { id title } } }`
      const hash = crypto.createHash('sha256').update(persisted).digest('hex')
      const extensions = encodeURIComponent(
        JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
      )
      const byHash = `http://localhost/api/graphql?extensions=${extensions}`
      const unknown = await graphqlGet(new Request(byHash))
      expect((await json(unknown)).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
      expect(unknown.headers.get('cache-control')).toBe('private, no-store')
      // A query that does not hash to the given value is refused, and registers nothing.
      const forged = await graphqlGet(
        new Request(`${byHash}&query=${encodeURIComponent('{ Users { docs { email } } }')}`),
      )
      expect(forged.status).toBe(400)
      expect((await json(await graphqlGet(new Request(byHash)))).errors[0].extensions.code).toBe(
        'PERSISTED_QUERY_NOT_FOUND',
      )
      const registered = await graphqlGet(
        new Request(`${byHash}&query=${encodeURIComponent(persisted)}`),
      )
      const expected = await json(registered)
      expect(expected.data.Articles.docs).toHaveLength(2)
      const known = await graphqlGet(new Request(byHash))
      expect(known.headers.get('cache-control')).toContain('public')
      expect(await json(known)).toEqual(expected)
      expect(
        (
          await graphqlGet(
            new Request(byHash, { headers: { 'if-none-match': known.headers.get('etag')! } }),
          )
        ).status,
      ).toBe(304)
      // Over POST as well (Apollo Client's default): the hash alone, then with its query; GET then knows it.
      const other = `{ Articles(limit: 1) { docs { title } } }`
      const otherExtensions = {
        persistedQuery: {
          version: 1,
          sha256Hash: crypto.createHash('sha256').update(other).digest('hex'),
        },
      }
      const post = (body: unknown) =>
        graphqlPost(
          new Request('http://localhost/api/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        )
      expect(
        (await json(await post({ extensions: otherExtensions }))).errors[0].extensions.code,
      ).toBe('PERSISTED_QUERY_NOT_FOUND')
      expect(
        (await json(await post({ query: other, extensions: otherExtensions }))).data.Articles.docs,
      ).toHaveLength(1)
      expect(
        (await json(await post({ extensions: otherExtensions }))).data.Articles.docs,
      ).toHaveLength(1)
      const viaGet = await graphqlGet(
        new Request(
          `http://localhost/api/graphql?extensions=${encodeURIComponent(JSON.stringify(otherExtensions))}`,
        ),
      )
      expect((await json(viaGet)).data.Articles.docs).toHaveLength(1)
      // A plain POST still reaches Payload as sent.
      expect((await json(await post({ query: other }))).data.Articles.docs).toHaveLength(1)
      const badHash = await graphqlGet(
        new Request(
          `http://localhost/api/graphql?extensions=${encodeURIComponent('{"persistedQuery":{"version":1,"sha256Hash":"nope"}}')}`,
        ),
      )
      expect(badHash.status).toBe(400)
    },
  )

  itUnlessFerretDB('findAndModifyProjection')(
    'refuses a mutation named by a persisted hash over GET, once the hash is known',
    async () => {
      const mutation = 'mutation { logoutUser }'
      const extensions = {
        persistedQuery: {
          version: 1,
          sha256Hash: crypto.createHash('sha256').update(mutation).digest('hex'),
        },
      }
      const post = await graphqlPost(
        new Request('http://localhost/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: mutation, extensions }),
        }),
      )
      expect(post.status).toBe(200)
      const byHash = await graphqlGet(
        new Request(
          `http://localhost/api/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`,
        ),
      )
      expect(byHash.status).toBe(405)
      expect(byHash.headers.get('cache-control')).toBe('private, no-store')
      // A POST cannot pass for a GET to have its mutations refused, nor for anything else.
      const marked = await graphqlPost(
        new Request('http://localhost/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-newsroom-graphql-over-get': '1' },
          body: JSON.stringify({ extensions }),
        }),
      )
      expect(marked.status).toBe(200)
    },
  )

  itUnlessFerretDB('findAndModifyProjection')(
    "knows a persisted query registered through another app process sharing Payload's key-value store",
    async () => {
      const persisted = `{ Articles(limit: 1, sort: "registeredAt") { docs { id } } }`
      const extensions = encodeURIComponent(
        JSON.stringify({
          persistedQuery: {
            version: 1,
            sha256Hash: crypto.createHash('sha256').update(persisted).digest('hex'),
          },
        }),
      )
      const byHash = `http://localhost/api/graphql?extensions=${extensions}`
      // A second Payload on the same database: another process of the app (the store is the database's
      // `payload-kv` collection by default, Redis when REDIS_URL is set).
      const config = await buildConfig(
        newsroomAppConfig({
          seed: 'off',
          secret: 'test-secret-not-for-production',
          db: databaseAdapter({ uri, push: false }),
        }),
      )
      const key = 'http-cache-second-process'
      const other = await getPayload({ config, key })
      try {
        expect(other).not.toBe(payload)
        const otherGet = withHttpCache(
          graphQLGetHandler(graphQLPost(other.config, { payloadInstanceCacheKey: key })),
        )
        expect((await json(await otherGet(new Request(byHash)))).errors[0].extensions.code).toBe(
          'PERSISTED_QUERY_NOT_FOUND',
        )
        const registered = await json(
          await graphqlGet(new Request(`${byHash}&query=${encodeURIComponent(persisted)}`)),
        )
        expect(registered.data.Articles.docs).toHaveLength(1)
        const known = await otherGet(new Request(byHash))
        expect(await json(known)).toEqual(registered)
        expect(known.headers.get('cache-control')).toContain('public')
      } finally {
        await other.destroy()
      }
    },
  )
})
