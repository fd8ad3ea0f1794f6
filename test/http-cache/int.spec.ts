import crypto from 'node:crypto'
import type { Payload } from 'payload'

import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { graphQLGetHandler, graphQLPost, graphQLPostHandler, withHttpCache } from '../../plugins/http-cache'
import { cacheState } from '../../plugins/http-cache/cacheState'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let fixture: NewsroomFixture
let editorToken: string
let restHandler: (request: Request) => Promise<Response>
let graphqlGet: (request: Request) => Promise<Response>
let graphqlPost: (request: Request) => Promise<Response>

beforeAll(async () => {
  payload = await bootPayload('http-cache')
  fixture = await createNewsroom(payload)
  editorToken = await apiClient(payload).login(loginEmails().editor, PASSWORD)
  // The same wrapping as src/app/(payload)/api/**/route.ts and `npm run serve:api`.
  restHandler = withHttpCache((request: Request) => handleEndpoints({ config: payload.config, request }))
  const payloadPost = graphQLPost(payload.config)
  graphqlGet = withHttpCache(graphQLGetHandler(payloadPost))
  graphqlPost = graphQLPostHandler(payloadPost)
})
afterAll(async () => {
  await payload?.destroy()
})

const get = (path: string, headers: Record<string, string> = {}) => restHandler(new Request(`http://localhost/api${path}`, { headers }))
const json = async (response: Response) => JSON.parse(await response.text())
const publish = (overrides: Record<string, unknown> = {}) =>
  payload.create({ collection: 'articles', data: articleData(fixture, { _status: 'published', ...overrides }) as never })

describe('anonymous reads', () => {
  it('carry a strong ETag, public Cache-Control and surrogate keys naming the article, section, region and reporters', async () => {
    const article = await publish({ title: '캐시 기사', reporters: [fixture.reporters.kim, fixture.reporters.park] })
    const response = await get(`/articles/${article.id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{20,}"$/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=60, stale-if-error=300')
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
    expect((await get(`/articles/${article.id}`, { 'if-none-match': `W/${etag}, "other"` })).status).toBe(304)
    expect((await get(`/articles/${article.id}`, { 'if-none-match': '"something-else"' })).status).toBe(200)
  })

  it('are served from memory until something public changes', async () => {
    const article = await publish({ title: '메모리 기사' })
    expect((await get(`/articles/${article.id}`)).headers.get('x-newsroom-cache')).toBe('miss')
    const again = await get(`/articles/${article.id}`)
    expect(again.headers.get('x-newsroom-cache')).toBe('hit')
    expect((await json(again)).title).toBe('메모리 기사')
  })

  it('an article looked up by its slug names its own documents, not every article: another article saved elsewhere does not purge it at a CDN', async () => {
    const article = await publish({ title: '슬러그로 찾는 기사', reporters: [fixture.reporters.kim] })
    const bySlug = (slug: string) => get(`/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=1&limit=1`)
    const page = await bySlug(article.slug as string)
    expect((await json(page)).docs[0].id).toBe(article.id)
    const keys = page.headers.get('surrogate-key')!.split(' ')
    // The section key is what a new article next to it in the section purges (its previous/next links).
    expect(keys).toEqual(expect.arrayContaining([`articles:${article.id}`, `sections:${fixture.sections.news}`, `reporters:${fixture.reporters.kim}`]))
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
    const config = cacheState().config!
    const maxKeys = config.maxKeys
    config.maxKeys = 3
    try {
      const article = await publish({ title: '키가 많은 기사', reporters: [fixture.reporters.kim, fixture.reporters.park] })
      const keys = (await get(`/articles?where[slug][equals]=${encodeURIComponent(article.slug as string)}&depth=1&limit=1`)).headers.get('surrogate-key')!.split(' ')
      expect(keys).toEqual(expect.arrayContaining(['articles:list', 'regions:list', 'reporters:list', 'sections:list']))
      expect(keys.every((key) => key.endsWith(':list'))).toBe(true)
    } finally {
      config.maxKeys = maxKeys
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

describe('a burst of identical reads', () => {
  it('is answered by one run of Payload, the others wait for it', async () => {
    const article = await publish({ title: '동시 요청' })
    let runs = 0
    const counted = withHttpCache((request: Request) => {
      runs++
      return handleEndpoints({ config: payload.config, request })
    })
    const responses = await Promise.all(Array.from({ length: 20 }, () => counted(new Request(`http://localhost/api/articles/${article.id}?depth=1&burst=1`))))
    expect(runs).toBe(1)
    const bodies = await Promise.all(responses.map((response) => response.text()))
    expect(new Set(bodies).size).toBe(1)
    expect(JSON.parse(bodies[0]!).title).toBe('동시 요청')
    expect(responses.filter((response) => response.headers.get('x-newsroom-cache') === 'miss')).toHaveLength(1)
  })

  it('but a burst started across a change does not get the old answer', async () => {
    const article = await publish({ title: '변경 전' })
    const first = get(`/articles/${article.id}?burst=2`)
    await payload.update({ collection: 'articles', id: article.id, data: { title: '변경 후' } })
    const second = await get(`/articles/${article.id}?burst=2`)
    await first
    expect((await json(second)).title).toBe('변경 후')
    expect((await json(await get(`/articles/${article.id}?burst=2`))).title).toBe('변경 후')
  })
})

describe('a copy past its lifetime', () => {
  it('is served to the others while one request renews it, but never when older than two lifetimes', async () => {
    const config = cacheState().config!
    const lifetime = config.memoryTtlMs
    config.memoryTtlMs = 100
    try {
      const article = await publish({ title: '만료 전' })
      const path = `/articles/${article.id}?expiry=1`
      await get(path)
      await new Promise((resolve) => setTimeout(resolve, 130))
      const [renewing, waiting] = await Promise.all([get(path), get(path)])
      expect(renewing.headers.get('x-newsroom-cache')).toBe('miss')
      expect(waiting.headers.get('x-newsroom-cache')).toBe('hit')

      // A change made by another process (no hook runs here) shows once the copy is two lifetimes old.
      await payload.db.updateOne({ collection: 'articles', id: article.id, data: { title: '다른 프로세스에서 수정' } })
      await new Promise((resolve) => setTimeout(resolve, 250))
      const [first, second] = await Promise.all([get(path), get(path)])
      expect((await json(first)).title).toBe('다른 프로세스에서 수정')
      expect((await json(second)).title).toBe('다른 프로세스에서 수정')
    } finally {
      config.memoryTtlMs = lifetime
    }
  })
})

describe('the next request sees every change', () => {
  it('a publish, an update, an unpublish and a delete', async () => {
    const titles = async () => ((await json(await get('/articles?limit=100&sort=-registeredAt'))).docs as { title: string }[]).map((doc) => doc.title)
    expect(await titles()).not.toContain('속보 기사')
    await titles()
    const article = await publish({ title: '속보 기사' })
    expect(await titles()).toContain('속보 기사')

    await payload.update({ collection: 'articles', id: article.id, data: { title: '속보 기사 (수정)' } })
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

  it('a change made over REST through the wrapped handler', async () => {
    const article = await publish({ title: 'REST 수정 전' })
    await get(`/articles/${article.id}`)
    expect((await get(`/articles/${article.id}`)).headers.get('x-newsroom-cache')).toBe('hit')
    const patch = await restHandler(
      new Request(`http://localhost/api/articles/${article.id}`, {
        method: 'PATCH',
        headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'REST 수정 후' }),
      }),
    )
    expect(patch.status).toBe(200)
    const after = await get(`/articles/${article.id}`)
    expect(after.headers.get('x-newsroom-cache')).toBe('miss')
    expect((await json(after)).title).toBe('REST 수정 후')
  })

  it('but a draft save keeps the cached published state', async () => {
    const article = await publish({ title: '공개본' })
    await get(`/articles/${article.id}`)
    await payload.update({ collection: 'articles', id: article.id, draft: true, data: { title: '작성 중인 초안' } })
    const after = await get(`/articles/${article.id}`)
    expect(after.headers.get('x-newsroom-cache')).toBe('hit')
    expect((await json(after)).title).toBe('공개본')
  })

  it('a publish sent with `draft` (Payload writes the live document when `_status` is published)', async () => {
    const article = await publish({ title: '초안 표시로 보낸 공개 전' })
    await get(`/articles/${article.id}`)
    await payload.update({ collection: 'articles', id: article.id, draft: true, data: { _status: 'published', title: '초안 표시로 보낸 공개 후' } })
    const after = await get(`/articles/${article.id}`)
    expect(after.headers.get('x-newsroom-cache')).toBe('miss')
    expect((await json(after)).title).toBe('초안 표시로 보낸 공개 후')
  })

  it('a save sent with `draft` to a collection without drafts', async () => {
    const section = await payload.create({ collection: 'sections', data: { name: '임시 섹션' } })
    await get(`/sections/${section.id}`)
    await payload.update({ collection: 'sections', id: section.id, draft: true, data: { name: '임시 섹션 (수정)' } })
    const after = await get(`/sections/${section.id}`)
    expect(after.headers.get('x-newsroom-cache')).toBe('miss')
    expect((await json(after)).name).toBe('임시 섹션 (수정)')
  })
})

describe('what is never shared', () => {
  it('authenticated responses are private and bypass the memory copy', async () => {
    const article = await publish({ title: '편집자 조회' })
    await get(`/articles/${article.id}`)
    const asEditor = await get(`/articles/${article.id}`, { authorization: `JWT ${editorToken}` })
    expect(asEditor.status).toBe(200)
    expect(asEditor.headers.get('cache-control')).toBe('private, no-store')
    expect(asEditor.headers.get('surrogate-key')).toBeNull()
    // Never the anonymous reader's memory copy (since document-locks, a staff read of one article is
    // passed through untouched, with its version ETag, and carries no cache marker at all).
    expect(asEditor.headers.get('x-newsroom-cache')).not.toBe('hit')
    expect(asEditor.headers.get('etag')).toMatch(new RegExp(`^"${article.id}-`))
    const withCookie = await get(`/articles/${article.id}`, { cookie: `theme=dark; payload-token=${editorToken}` })
    expect(withCookie.headers.get('cache-control')).toBe('private, no-store')
  })

  it('answers about the caller and errors are private', async () => {
    const me = await get('/users/me')
    expect(me.headers.get('cache-control')).toBe('private, no-store')
    const missing = await get('/articles/999999')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBe('private, no-store')
  })
})

describe('documents populated into anonymous reads', () => {
  /** Counts the database reads of `collection` while `work` runs. */
  const readsOf = async (collection: string, work: () => Promise<unknown>): Promise<number> => {
    const find = payload.db.find
    let reads = 0
    payload.db.find = ((args: { collection: string }) => {
      if (args.collection === collection) reads++
      return find.call(payload.db, args as never)
    }) as typeof find
    try {
      await work()
    } finally {
      payload.db.find = find
    }
    return reads
  }
  const populatedReporters = async (id: unknown, headers: Record<string, string> = {}) =>
    (await json(await get(`/articles/${id}?depth=1`, headers))).reporters as { name: string; user?: unknown }[]

  it('are read once and reused by the next article, which still names them in its surrogate keys', async () => {
    const first = await publish({ title: '첫 기사', reporters: [fixture.reporters.kim, fixture.reporters.park] })
    const second = await publish({ title: '둘째 기사', reporters: [fixture.reporters.park, fixture.reporters.kim] })
    expect(await readsOf('reporters', () => get(`/articles/${first.id}?depth=1`))).toBe(1)
    let response: Response | undefined
    expect(await readsOf('reporters', async () => (response = await get(`/articles/${second.id}?depth=1`)))).toBe(0)
    expect(response!.headers.get('x-newsroom-cache')).toBe('miss')
    const body = await json(response!)
    expect(body.reporters.map((reporter: { id: unknown }) => reporter.id)).toEqual([fixture.reporters.park, fixture.reporters.kim])
    expect(body.reporters[0].name).toMatch(/^박서연/)
    expect(response!.headers.get('surrogate-key')!.split(' ')).toEqual(expect.arrayContaining([`reporters:${fixture.reporters.kim}`, `reporters:${fixture.reporters.park}`]))
  })

  it('show a change on the next read', async () => {
    const article = await publish({ reporters: [fixture.reporters.kim] })
    const other = await publish({ reporters: [fixture.reporters.kim] })
    const name = (await populatedReporters(article.id))[0]!.name
    await payload.update({ collection: 'reporters', id: fixture.reporters.kim, data: { name: '김한수 (수정)' } })
    try {
      expect((await populatedReporters(other.id))[0]!.name).toBe('김한수 (수정)')
    } finally {
      await payload.update({ collection: 'reporters', id: fixture.reporters.kim, data: { name } })
    }
  })

  it('are never given to an authenticated read, which may see more of them', async () => {
    const article = await publish({ reporters: [fixture.reporters.kim] })
    // A reporter's login account is for staff only.
    await payload.update({ collection: 'reporters', id: fixture.reporters.kim, data: { user: fixture.users.kim as number } })
    try {
      expect((await populatedReporters(article.id))[0]).not.toHaveProperty('user')
      const asEditor = await populatedReporters(article.id, { authorization: `JWT ${editorToken}` })
      expect(asEditor[0]!.user).toBeTruthy()
    } finally {
      await payload.update({ collection: 'reporters', id: fixture.reporters.kim, data: { user: null } })
    }
  })

  it('are not kept from an authenticated read', async () => {
    const reporter = await payload.create({ collection: 'reporters', data: { name: '새 기자' } })
    const article = await publish({ reporters: [reporter.id] })
    const other = await publish({ reporters: [reporter.id] })
    await populatedReporters(article.id, { authorization: `JWT ${editorToken}` })
    expect(await readsOf('reporters', () => populatedReporters(other.id))).toBe(1)
  })

  it('are kept no longer than their lifetime when a change comes without a purge', async () => {
    const config = cacheState().config!
    const lifetime = config.populatedTtlMs
    config.populatedTtlMs = 100
    const article = await publish({ reporters: [fixture.reporters.park] })
    const other = await publish({ reporters: [fixture.reporters.park] })
    const name = (await populatedReporters(article.id))[0]!.name
    try {
      // Written by another process: no hook runs here.
      await payload.db.updateOne({ collection: 'reporters', id: fixture.reporters.park, data: { name: '박서연 (다른 프로세스)' } })
      await new Promise((resolve) => setTimeout(resolve, 150))
      expect((await populatedReporters(other.id))[0]!.name).toBe('박서연 (다른 프로세스)')
    } finally {
      config.populatedTtlMs = lifetime
      await payload.update({ collection: 'reporters', id: fixture.reporters.park, data: { name } })
    }
  })

  it('are a copy for each read: what one reader changes, the next does not see', async () => {
    const article = await publish({ reporters: [fixture.reporters.park] })
    const other = await publish({ reporters: [fixture.reporters.park] })
    const read = async (id: unknown) =>
      (await payload.findByID({ collection: 'articles', id: id as number, depth: 1, overrideAccess: false })).reporters as { name: string }[]
    const first = await read(article.id)
    first[0]!.name = '바뀐 이름'
    expect(await readsOf('reporters', async () => expect((await read(other.id))[0]!.name).toMatch(/^박서연/))).toBe(0)
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
    expect((await graphqlGet(new Request(url))).headers.get('x-newsroom-cache')).toBe('hit')
    expect((await graphqlGet(new Request(url, { headers: { 'if-none-match': first.headers.get('etag')! } }))).status).toBe(304)
  })

  it('never keeps or shares an answer with errors, which GraphQL sends with status 200', async () => {
    const url = `http://localhost/api/graphql?query=${encodeURIComponent('{ Articles(limit: 1) { docs { id notAField } } }')}`
    for (let round = 0; round < 2; round++) {
      const answer = await graphqlGet(new Request(url))
      expect(answer.status).toBe(200)
      expect((await json(answer)).errors[0].message).toContain('notAField')
      expect(answer.headers.get('cache-control')).toBe('private, no-store')
      expect(answer.headers.get('x-newsroom-cache')).toBeNull()
      expect(answer.headers.get('etag')).toBeNull()
    }
  })

  it('never keeps an answer with errors that a `payload.extensions` function rebuilt with `data` first', async () => {
    // A resolver's error (no such article) comes with `data`; the function puts `data` first.
    const url = `http://localhost/api/graphql?query=${encodeURIComponent('{ Article(id: 987654) { id title } }')}`
    const extensions = payload.extensions
    payload.extensions = async ({ result }) => ({ data: result.data, errors: result.errors }) as typeof result
    try {
      for (let round = 0; round < 2; round++) {
        const answer = await graphqlGet(new Request(url))
        const text = await answer.text()
        expect(text.startsWith('{"data":')).toBe(true)
        expect(JSON.parse(text).errors.length).toBeGreaterThan(0)
        expect(answer.headers.get('cache-control')).toBe('private, no-store')
        expect(answer.headers.get('x-newsroom-cache')).toBeNull()
      }
    } finally {
      payload.extensions = extensions
    }
  })

  it('refuses mutations and bad variables', async () => {
    const mutation = await graphqlGet(new Request(`http://localhost/api/graphql?query=${encodeURIComponent('mutation { logoutUser }')}`))
    expect(mutation.status).toBe(405)
    expect((await json(mutation)).errors[0].message).toContain('POST')
    const badVariables = await graphqlGet(new Request(`http://localhost/api/graphql?query=${encodeURIComponent(query)}&variables={`))
    expect(badVariables.status).toBe(400)
    expect((await graphqlGet(new Request('http://localhost/api/graphql'))).status).toBe(400)
  })

  it('takes persisted queries by hash (Apollo protocol): unknown first and never cached, then known once sent with the query', async () => {
    const persisted = `{ Articles(limit: 2, sort: "-registeredAt") { docs { id title } } }`
    const hash = crypto.createHash('sha256').update(persisted).digest('hex')
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))
    const byHash = `http://localhost/api/graphql?extensions=${extensions}`
    const unknown = await graphqlGet(new Request(byHash))
    expect((await json(unknown)).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    expect(unknown.headers.get('cache-control')).toBe('private, no-store')
    // A query that does not hash to the given value is refused, and registers nothing.
    const forged = await graphqlGet(new Request(`${byHash}&query=${encodeURIComponent('{ Users { docs { email } } }')}`))
    expect(forged.status).toBe(400)
    expect((await json(await graphqlGet(new Request(byHash)))).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    const registered = await graphqlGet(new Request(`${byHash}&query=${encodeURIComponent(persisted)}`))
    const expected = await json(registered)
    expect(expected.data.Articles.docs).toHaveLength(2)
    const known = await graphqlGet(new Request(byHash))
    expect(known.headers.get('cache-control')).toContain('public')
    expect(await json(known)).toEqual(expected)
    expect((await graphqlGet(new Request(byHash))).headers.get('x-newsroom-cache')).toBe('hit')
    // Over POST as well (Apollo Client's default): the hash alone, then with its query; GET then knows it.
    const other = `{ Articles(limit: 1) { docs { title } } }`
    const otherExtensions = { persistedQuery: { version: 1, sha256Hash: crypto.createHash('sha256').update(other).digest('hex') } }
    const post = (body: unknown) => graphqlPost(new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))
    expect((await json(await post({ extensions: otherExtensions }))).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    expect((await json(await post({ query: other, extensions: otherExtensions }))).data.Articles.docs).toHaveLength(1)
    expect((await json(await post({ extensions: otherExtensions }))).data.Articles.docs).toHaveLength(1)
    const viaGet = await graphqlGet(new Request(`http://localhost/api/graphql?extensions=${encodeURIComponent(JSON.stringify(otherExtensions))}`))
    expect((await json(viaGet)).data.Articles.docs).toHaveLength(1)
    // A plain POST still reaches Payload as sent.
    expect((await json(await post({ query: other }))).data.Articles.docs).toHaveLength(1)
    const badHash = await graphqlGet(new Request(`http://localhost/api/graphql?extensions=${encodeURIComponent('{"persistedQuery":{"version":1,"sha256Hash":"nope"}}')}`))
    expect(badHash.status).toBe(400)
  })
})
