import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { registerTimestamps } from '../../plugins/register-timestamps'
import { paragraphsToLexical } from '../../src/seed/lexical'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { plainApi, withPlainCollections } from '../helpers/posts'

type ID = number | string
type Stamps = {
  _status?: null | string
  registeredAt?: null | string
  registeredAtSource?: null | string
  registeredAtText?: null | string
  revisedAt?: null | string
  revisedAtText?: null | string
  title?: string
}

let payload: Payload
let api: ReturnType<typeof apiClient>
let plain: ReturnType<typeof plainApi>
let fixture: NewsroomFixture
const tokens: Record<'admin' | 'editor' | 'kim', string> = { admin: '', editor: '', kim: '' }

beforeAll(async () => {
  payload = await bootPayload('register-timestamps', {
    configure: withPlainCollections(registerTimestamps({ collections: ['posts', 'notes'] })),
  })
  api = apiClient(payload)
  plain = plainApi(payload)
  fixture = await createNewsroom(payload)
  const emails = loginEmails()
  for (const role of Object.keys(tokens) as (keyof typeof tokens)[])
    tokens[role] = await api.login(emails[role], PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const ms = (value: null | string | undefined): number => new Date(value as string).getTime()

/** Independent of the plugin's formatter: shift to UTC+9 and read the UTC parts. */
const kstText = (iso: string): string => {
  const kst = new Date(ms(iso) + 9 * 60 * 60 * 1000)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${kst.getUTCFullYear()}년${two(kst.getUTCMonth() + 1)}월${two(kst.getUTCDate())}일 ${two(kst.getUTCHours())}시${two(kst.getUTCMinutes())}분`
}

const createArticle = async (
  overrides: Record<string, unknown> = {},
  draft = false,
): Promise<Stamps & { id: ID }> =>
  (await payload.create({
    collection: 'articles',
    data: articleData(fixture, overrides) as never,
    draft,
  })) as Stamps & { id: ID }

/** The published document, as readers get it. */
const live = async (id: ID): Promise<Stamps> =>
  (await payload.findByID({ collection: 'articles', id, draft: false })) as Stamps
/** The latest version, as the admin shows it. */
const latest = async (id: ID): Promise<Stamps> =>
  (await payload.findByID({ collection: 'articles', id, draft: true })) as Stamps

const patchAs = async (token: string, id: ID, body: Record<string, unknown>, draft = false) => {
  const response = await api.rest('PATCH', `/articles/${id}${draft ? '?draft=true' : ''}`, {
    body,
    token,
  })
  return response
}

const editorPatch = async (
  id: ID,
  body: Record<string, unknown>,
  draft = false,
): Promise<Stamps> => {
  const response = await patchAs(tokens.editor, id, body, draft)
  expect(response.status, response.text).toBe(200)
  return response.body.doc as Stamps
}

const publishedArticle = async (overrides: Record<string, unknown> = {}) => {
  const draft = await createArticle(overrides, true)
  await editorPatch(draft.id, { _status: 'published' })
  return live(draft.id)
}

describe('draft saves never set registeredAt', () => {
  it('leaves it empty on a draft created through the Local API', async () => {
    const article = await createArticle({ title: '로컬 초안' }, true)
    expect(article._status).toBe('draft')
    expect(article.registeredAt ?? null).toBeNull()
    expect(article.registeredAtSource ?? null).toBeNull()
    expect((await latest(article.id)).registeredAt ?? null).toBeNull()
  })

  it('leaves it empty on a draft created and updated over REST with ?draft=true', async () => {
    const created = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, { title: 'REST 초안' }),
      token: tokens.editor,
    })
    expect(created.status, created.text).toBe(201)
    expect(created.body.doc.registeredAt ?? null).toBeNull()
    const id = created.body.doc.id as ID
    const updated = await editorPatch(id, { subtitle: '부제' }, true)
    expect(updated.registeredAt ?? null).toBeNull()
    const stored = await latest(id)
    expect(stored._status).toBe('draft')
    expect(stored.registeredAt ?? null).toBeNull()
    expect(stored.registeredAtSource ?? null).toBeNull()
  })

  it('leaves it empty on a draft updated through the Local API with draft: true', async () => {
    const article = await createArticle({ title: '로컬 초안 수정' }, true)
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: '로컬 초안 수정 2' },
      draft: true,
    })
    const stored = await latest(article.id)
    expect(stored.title).toBe('로컬 초안 수정 2')
    expect(stored.registeredAt ?? null).toBeNull()
  })

  it('leaves it empty on an autosave (?draft=true&autosave=true)', async () => {
    const article = await createArticle({ title: '자동 저장' }, true)
    const saved = await api.rest('PATCH', `/articles/${article.id}?draft=true&autosave=true`, {
      body: { subtitle: '자동 저장 부제' },
      token: tokens.editor,
    })
    expect(saved.status, saved.text).toBe(200)
    const stored = await latest(article.id)
    expect(stored._status).toBe('draft')
    expect(stored.registeredAt ?? null).toBeNull()
  })

  it('leaves it empty when a reporter saves their own draft over REST', async () => {
    const created = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, { title: '기자 초안' }),
      token: tokens.kim,
    })
    expect(created.status, created.text).toBe(201)
    const saved = await patchAs(tokens.kim, created.body.doc.id, { subtitle: '기자 부제' }, true)
    expect(saved.status, saved.text).toBe(200)
    expect((await latest(created.body.doc.id)).registeredAt ?? null).toBeNull()
  })
})

describe('the first publish sets registeredAt', () => {
  it('to about now when an editor publishes a draft over REST', async () => {
    const draft = await createArticle({ title: 'REST 발행' }, true)
    await sleep(20)
    const before = Date.now()
    const published = await editorPatch(draft.id, { _status: 'published' })
    const after = Date.now()
    expect(published._status).toBe('published')
    expect(ms(published.registeredAt)).toBeGreaterThanOrEqual(before)
    expect(ms(published.registeredAt)).toBeLessThanOrEqual(after)
    expect(published.registeredAtSource).toBe('publish')
    expect(await live(draft.id)).toMatchObject({
      registeredAt: published.registeredAt,
      registeredAtSource: 'publish',
    })
  })

  it('to about now when an editor creates an article already published over REST', async () => {
    const before = Date.now()
    const { body, status, text } = await api.rest('POST', '/articles', {
      body: articleData(fixture, { title: '바로 발행', _status: 'published' }),
      token: tokens.editor,
    })
    const after = Date.now()
    expect(status, text).toBe(201)
    expect(ms(body.doc.registeredAt)).toBeGreaterThanOrEqual(before)
    expect(ms(body.doc.registeredAt)).toBeLessThanOrEqual(after)
    expect(body.doc.registeredAtSource).toBe('publish')
  })

  it('to about now when the Local API creates an article published', async () => {
    const before = Date.now()
    const article = await createArticle({ title: '로컬 발행', _status: 'published' })
    expect(ms(article.registeredAt)).toBeGreaterThanOrEqual(before)
    expect(ms(article.registeredAt)).toBeLessThanOrEqual(Date.now())
    expect(article.registeredAtSource).toBe('publish')
  })

  it('over GraphQL when an editor publishes a draft', async () => {
    const draft = await createArticle({ title: 'GraphQL 발행' }, true)
    const before = Date.now()
    const { body } = await api.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(draft.id)}, data: { _status: published }) { registeredAt registeredAtSource } }`,
      undefined,
      tokens.editor,
    )
    expect(body.errors).toBeUndefined()
    expect(ms(body.data.updateArticle.registeredAt)).toBeGreaterThanOrEqual(before)
    expect(body.data.updateArticle.registeredAtSource).toBe('publish')
  })
})

describe('registeredAt never moves after the first publish', () => {
  it('survives unpublish and re-publish by an editor', async () => {
    const first = await publishedArticle({ title: '내렸다 다시 올림' })
    expect(first.registeredAt).toBeTruthy()
    await sleep(30)
    const unpublished = await editorPatch((first as { id: ID } & Stamps).id, { _status: 'draft' })
    expect(unpublished._status).toBe('draft')
    expect(ms(unpublished.registeredAt)).toBe(ms(first.registeredAt))
    await sleep(30)
    const republished = await editorPatch((first as { id: ID } & Stamps).id, {
      _status: 'published',
    })
    expect(republished._status).toBe('published')
    expect(ms(republished.registeredAt)).toBe(ms(first.registeredAt))
    expect(republished.registeredAtSource).toBe('publish')
  })

  it('survives later published edits and draft saves', async () => {
    const article = (await publishedArticle({ title: '수정해도 등록은 그대로' })) as {
      id: ID
    } & Stamps
    await sleep(30)
    await editorPatch(article.id, { title: '수정해도 등록은 그대로 (고침)' })
    await sleep(30)
    await editorPatch(article.id, { subtitle: '초안 부제' }, true)
    await sleep(30)
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { subtitle: '로컬 초안' },
      draft: true,
    })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: '로컬에서 고친 제목' },
    })
    expect(ms((await live(article.id)).registeredAt)).toBe(ms(article.registeredAt))
    expect(ms((await latest(article.id)).registeredAt)).toBe(ms(article.registeredAt))
    expect((await live(article.id)).registeredAtSource).toBe('publish')
  })

  it('survives a draft published a second time', async () => {
    const article = (await publishedArticle({ title: '초안 후 재발행' })) as { id: ID } & Stamps
    await sleep(30)
    await editorPatch(article.id, { title: '초안 후 재발행 (새 제목)' }, true)
    await sleep(30)
    const republished = await editorPatch(article.id, { _status: 'published' })
    expect(ms(republished.registeredAt)).toBe(ms(article.registeredAt))
  })
})

describe('scheduled publishing', () => {
  it('stamps registeredAt when the job runs, not when it was queued', async () => {
    const article = await createArticle({ title: '예약 발행 등록 시각' }, true)
    const queuedAt = Date.now()
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: String(article.id) },
        user: { relationTo: 'users', value: fixture.users.editor },
      },
      waitUntil: new Date(queuedAt - 1000),
    } as never)
    await sleep(1500)
    expect((await latest(article.id))._status).toBe('draft')
    const ranAt = Date.now()
    // Only this job: other plugins queue their own work on the same queue.
    await payload.jobs.run({ where: { id: { equals: job.id } } })
    const stored = await live(article.id)
    expect(stored._status).toBe('published')
    expect(stored.registeredAtSource).toBe('publish')
    expect(ms(stored.registeredAt)).toBeGreaterThanOrEqual(ranAt)
    expect(ms(stored.registeredAt)).toBeGreaterThanOrEqual(queuedAt + 1400)
    expect(ms(stored.registeredAt)).toBeLessThanOrEqual(Date.now())
  })
})

describe('revisedAt', () => {
  it('is empty after the first publish', async () => {
    const viaPatch = await publishedArticle({ title: '첫 발행 수정 없음' })
    expect(viaPatch.revisedAt ?? null).toBeNull()
    expect(viaPatch.revisedAtText ?? null).toBeNull()
    const created = await createArticle({ title: '바로 발행 수정 없음', _status: 'published' })
    expect(created.revisedAt ?? null).toBeNull()
  })

  it.each<[string, () => unknown]>([
    ['title', () => '제목을 고쳤습니다'],
    ['subtitle', () => '부제를 고쳤습니다'],
    ['body', () => paragraphsToLexical(['본문을 고쳤습니다.'])],
    ['keywords', () => ['울산', '수정']],
    ['region', () => fixture.regions.chungnam],
    ['dateline', () => '인천서부소방서'],
  ])('moves when the published article’s %s changes', async (field, value) => {
    const article = (await publishedArticle({ title: `편집 필드 ${field}` })) as { id: ID } & Stamps
    await sleep(20)
    const before = Date.now()
    const updated = await editorPatch(article.id, { [field]: value() })
    expect(updated.revisedAt).toBeTruthy()
    expect(ms(updated.revisedAt)).toBeGreaterThanOrEqual(before)
    expect(ms(updated.revisedAt)).toBeLessThanOrEqual(Date.now())
    expect(ms((await live(article.id)).revisedAt)).toBe(ms(updated.revisedAt))
  })

  it('moves again on each later revision', async () => {
    const article = (await publishedArticle({ title: '두 번 고침' })) as { id: ID } & Stamps
    const first = await editorPatch(article.id, { title: '두 번 고침 (1)' })
    await sleep(30)
    const second = await editorPatch(article.id, { title: '두 번 고침 (2)' })
    expect(ms(second.revisedAt)).toBeGreaterThan(ms(first.revisedAt))
  })

  it('does not move for a draft saved over a published article', async () => {
    const article = (await publishedArticle({ title: '발행본 위 초안' })) as { id: ID } & Stamps
    const revised = await editorPatch(article.id, { subtitle: '발행된 수정' })
    expect(revised.revisedAt).toBeTruthy()
    await sleep(30)
    await editorPatch(article.id, { title: '아직 초안인 제목', subtitle: '초안 부제' }, true)
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: '로컬 초안 제목' },
      draft: true,
    })
    expect(ms((await live(article.id)).revisedAt)).toBe(ms(revised.revisedAt))
    expect(ms((await latest(article.id)).revisedAt)).toBe(ms(revised.revisedAt))
  })

  it('does not move when only the reader counters change', async () => {
    const article = (await publishedArticle({ title: '조회수만 바뀜' })) as { id: ID } & Stamps
    await payload.db.updateOne({ collection: 'articles', id: article.id, data: { viewCount: 41 } })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { votesUp: 3, votesDown: 1, viewCount: 42 } as never,
      overrideAccess: true,
    })
    const stored = (await live(article.id)) as Stamps & { viewCount?: number; votesUp?: number }
    expect(stored.viewCount).toBe(42)
    expect(stored.votesUp).toBe(3)
    expect(stored.revisedAt ?? null).toBeNull()
  })

  it('does not move when an editor sends the counters over REST (field access drops them)', async () => {
    const article = (await publishedArticle({ title: '추천 조작 시도' })) as { id: ID } & Stamps
    const updated = await editorPatch(article.id, { votesUp: 100, viewCount: 100 })
    expect(updated.revisedAt ?? null).toBeNull()
  })

  it('does not move when the same editorial values are saved again', async () => {
    const article = (await publishedArticle({
      title: '같은 값 다시 저장',
      subtitle: '부제',
      keywords: ['울산'],
    })) as { id: ID } & Stamps
    const current = (await live(article.id)) as unknown as Record<string, unknown>
    const same = Object.fromEntries(
      ['title', 'subtitle', 'body', 'keywords', 'region', 'section', 'reporters', 'dateline'].map(
        (key) => [key, current[key]],
      ),
    )
    const saved = await editorPatch(article.id, { ...same, _status: 'published' })
    expect(saved.revisedAt ?? null).toBeNull()
    expect((await live(article.id)).revisedAt ?? null).toBeNull()
  })

  it('does not move when the whole document, as read over REST, is saved again', async () => {
    const article = (await publishedArticle({ title: '전체 다시 저장' })) as { id: ID } & Stamps
    const read = await api.rest('GET', `/articles/${article.id}?depth=0`, { token: tokens.editor })
    const {
      createdAt: _createdAt,
      id: _id,
      updatedAt: _updatedAt,
      ...doc
    } = read.body as Record<string, unknown>
    const saved = await editorPatch(article.id, doc)
    expect(saved.revisedAt ?? null).toBeNull()
  })

  it('is not moved by a reporter sending revisedAt in a draft that an editor then publishes', async () => {
    const article = (await publishedArticle({ title: '수정 시각 위조' })) as { id: ID } & Stamps
    await patchAs(tokens.kim, article.id, { revisedAt: '2001-01-01T00:00:00.000Z' }, true)
    const published = await editorPatch(article.id, { _status: 'published' })
    expect(published.revisedAt ?? null).toBeNull()
    expect((await live(article.id)).revisedAt ?? null).toBeNull()
  })

  it('moves when a draft with earlier changes is then published', async () => {
    const article = (await publishedArticle({ title: '초안 먼저' })) as { id: ID } & Stamps
    await editorPatch(article.id, { title: '초안 먼저 (고친 제목)' }, true)
    expect((await live(article.id)).revisedAt ?? null).toBeNull()
    await sleep(20)
    const before = Date.now()
    const published = await editorPatch(article.id, { _status: 'published' })
    expect(published.title).toBe('초안 먼저 (고친 제목)')
    expect(published.revisedAt).toBeTruthy()
    expect(ms(published.revisedAt)).toBeGreaterThanOrEqual(before)
  })
})

describe('setting registeredAt by hand', () => {
  const archived = '2001-02-03T04:05:00.000Z'

  it('is refused with 403 for a reporter, on their draft and on their published article, and changes nothing', async () => {
    const draft = await createArticle({ title: '기자 초안 등록 시각' }, true)
    const published = (await publishedArticle({ title: '기자 발행 기사 등록 시각' })) as {
      id: ID
    } & Stamps

    const onDraft = await patchAs(tokens.kim, draft.id, { registeredAt: archived }, true)
    expect(onDraft.status, onDraft.text).toBe(403)
    const onPublished = await patchAs(
      tokens.kim,
      published.id,
      { registeredAt: archived, subtitle: '몰래 바꾼 부제' },
      true,
    )
    expect(onPublished.status, onPublished.text).toBe(403)

    expect((await latest(draft.id)).registeredAt ?? null).toBeNull()
    expect(await latest(published.id)).toMatchObject({
      registeredAt: published.registeredAt,
      registeredAtSource: 'publish',
    })
    expect(
      ((await latest(published.id)) as { subtitle?: null | string }).subtitle ?? null,
    ).toBeNull()
    expect(await live(published.id)).toMatchObject({
      registeredAt: published.registeredAt,
      registeredAtSource: 'publish',
    })
    // The same saves without registeredAt are allowed: the refusal is about registeredAt only.
    expect((await patchAs(tokens.kim, draft.id, { subtitle: '부제' }, true)).status).toBe(200)
    expect((await patchAs(tokens.kim, published.id, { subtitle: '부제' }, true)).status).toBe(200)
  })

  it('is refused for a reporter over GraphQL too', async () => {
    const article = (await publishedArticle({ title: 'GraphQL 등록 시각' })) as { id: ID } & Stamps
    const { body } = await api.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(article.id)}, draft: true, data: { registeredAt: "${archived}" }) { registeredAt } }`,
      undefined,
      tokens.kim,
    )
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(ms((await latest(article.id)).registeredAt)).toBe(ms(article.registeredAt))
  })

  it('cannot be marked manual by a reporter sending registeredAtSource', async () => {
    const article = (await publishedArticle({ title: '등록 방식 위조' })) as { id: ID } & Stamps
    await patchAs(
      tokens.kim,
      article.id,
      { registeredAtSource: 'manual', subtitle: '기자 초안' },
      true,
    )
    expect((await latest(article.id)).registeredAtSource).toBe('publish')
    const published = await editorPatch(article.id, { _status: 'published' })
    expect(published.registeredAtSource).toBe('publish')
  })

  it('is refused with 403 for a reporter creating a draft with registeredAt', async () => {
    const { status } = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, { title: '기자가 만든 과거 기사', registeredAt: archived }),
      token: tokens.kim,
    })
    expect(status).toBe(403)
    const found = await payload.find({
      collection: 'articles',
      where: { title: { equals: '기자가 만든 과거 기사' } },
      draft: true,
    })
    expect(found.totalDocs).toBe(0)
  })

  it('is allowed for an editor: source becomes manual and the versions record the new value', async () => {
    const article = (await publishedArticle({ title: '이관 기사' })) as { id: ID } & Stamps
    const updated = await editorPatch(article.id, { registeredAt: archived })
    expect(ms(updated.registeredAt)).toBe(ms(archived))
    expect(updated.registeredAtSource).toBe('manual')
    expect(await live(article.id)).toMatchObject({ registeredAtSource: 'manual' })
    expect(ms((await live(article.id)).registeredAt)).toBe(ms(archived))

    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      sort: '-updatedAt',
      limit: 10,
    })
    const newest = versions.docs[0]!.version as Stamps
    expect(ms(newest.registeredAt)).toBe(ms(archived))
    expect(newest.registeredAtSource).toBe('manual')
    expect(
      versions.docs.some(
        (version) => ms((version.version as Stamps).registeredAt) === ms(article.registeredAt),
      ),
    ).toBe(true)
  })

  it('is kept when an editor imports an article already published with registeredAt', async () => {
    const { body, status, text } = await api.rest('POST', '/articles', {
      body: articleData(fixture, {
        title: '과거 기사 이관',
        _status: 'published',
        registeredAt: archived,
      }),
      token: tokens.editor,
    })
    expect(status, text).toBe(201)
    expect(ms(body.doc.registeredAt)).toBe(ms(archived))
    expect(body.doc.registeredAtSource).toBe('manual')
    const republished = await editorPatch(body.doc.id, { title: '과거 기사 이관 (고침)' })
    expect(ms(republished.registeredAt)).toBe(ms(archived))
    expect(republished.registeredAtSource).toBe('manual')
  })
})

describe('registeredAtText', () => {
  it('is the KST register line over REST and GraphQL', async () => {
    const article = (await publishedArticle({ title: 'KST 표기' })) as { id: ID } & Stamps
    await editorPatch(article.id, { registeredAt: '2020-04-17T04:33:00.000Z' })
    const rest = await api.rest('GET', `/articles/${article.id}`)
    expect(rest.status).toBe(200)
    expect(rest.body.registeredAtText).toBe('2020년04월17일 13시33분')
    const gql = await api.graphql(
      `{ Article(id: ${JSON.stringify(article.id)}) { registeredAt registeredAtText } }`,
    )
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.Article.registeredAtText).toBe('2020년04월17일 13시33분')
  })

  it('uses the Korean date after 15:00 UTC', async () => {
    const article = (await publishedArticle({ title: 'KST 자정' })) as { id: ID } & Stamps
    await editorPatch(article.id, { registeredAt: '2020-04-16T15:00:00.000Z' })
    expect((await api.rest('GET', `/articles/${article.id}`)).body.registeredAtText).toBe(
      '2020년04월17일 00시00분',
    )
  })

  it('formats the stamped publish time, and revisedAtText the revision time', async () => {
    const article = (await publishedArticle({ title: 'KST 발행 시각' })) as { id: ID } & Stamps
    await editorPatch(article.id, { title: 'KST 발행 시각 (고침)' })
    const rest = await api.rest('GET', `/articles/${article.id}`)
    expect(rest.body.registeredAtText).toBe(kstText(rest.body.registeredAt))
    expect(rest.body.revisedAtText).toBe(kstText(rest.body.revisedAt))
    const gql = await api.graphql(
      `{ Article(id: ${JSON.stringify(article.id)}) { registeredAtText revisedAtText } }`,
    )
    expect(gql.body.data.Article).toEqual({
      registeredAtText: rest.body.registeredAtText,
      revisedAtText: rest.body.revisedAtText,
    })
  })
})

describe('standalone on plain collections', () => {
  it('stamps posts with drafts on their first publish only', async () => {
    const draft = await plain.create('posts', { title: '초안 포스트' }, { draft: true })
    expect(draft.registeredAt ?? null).toBeNull()
    const draftUpdate = await plain.update('posts', draft.id, { summary: '요약' }, { draft: true })
    expect(draftUpdate.registeredAt ?? null).toBeNull()

    const before = Date.now()
    const published = await plain.update('posts', draft.id, { _status: 'published' })
    expect(ms(published.registeredAt)).toBeGreaterThanOrEqual(before)
    expect(ms(published.registeredAt)).toBeLessThanOrEqual(Date.now())
    expect(published.registeredAtSource).toBe('publish')
    expect(published.revisedAt ?? null).toBeNull()

    await sleep(30)
    const edited = await plain.update('posts', draft.id, { title: '고친 포스트' })
    expect(ms(edited.registeredAt)).toBe(ms(published.registeredAt))
    expect(ms(edited.revisedAt)).toBeGreaterThan(ms(published.registeredAt))

    await plain.update('posts', draft.id, { _status: 'draft' })
    await sleep(30)
    const republished = await plain.update('posts', draft.id, { _status: 'published' })
    expect(ms(republished.registeredAt)).toBe(ms(published.registeredAt))

    const rest = await api.rest('GET', `/posts/${draft.id}`)
    expect(rest.status).toBe(200)
    expect(rest.body.registeredAtText).toBe(kstText(published.registeredAt))
  })

  it('treats every save as a publish on a collection without drafts', async () => {
    const before = Date.now()
    const note = await plain.create('notes', { title: '메모' })
    expect(ms(note.registeredAt)).toBeGreaterThanOrEqual(before)
    expect(ms(note.registeredAt)).toBeLessThanOrEqual(Date.now())
    expect(note.registeredAtSource).toBe('publish')
    expect(note.revisedAt ?? null).toBeNull()
    await sleep(30)
    const updated = await plain.update('notes', note.id, { title: '고친 메모' })
    expect(ms(updated.registeredAt)).toBe(ms(note.registeredAt))
    expect(ms(updated.revisedAt)).toBeGreaterThan(ms(note.registeredAt))
    expect(ms((await plain.findByID('notes', note.id)).registeredAt)).toBe(ms(note.registeredAt))
  })
})
