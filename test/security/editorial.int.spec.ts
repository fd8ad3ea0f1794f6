import type { Payload, TypedUser } from 'payload'

import { createLocalReq, handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { withLockRule } from '../../collections/access/withLockRule'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

type ID = number | string
type Actor = 'editor' | 'kim'
type Path = 'graphql' | 'local' | 'rest'
/** What an attempt came to: accepted, or refused with the API's message. */
type Outcome = { doc?: Record<string, any>; error?: string; ok: boolean }

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
const tokens: Record<Actor | 'park', string> = { editor: '', kim: '', park: '' }
const users = {} as Record<Actor | 'park', TypedUser>

beforeAll(async () => {
  payload = await bootPayload('security-editorial')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  const emails = loginEmails()
  for (const actor of Object.keys(tokens) as (keyof typeof tokens)[]) {
    tokens[actor] = await api.login(emails[actor], PASSWORD)
    users[actor] = {
      ...(await payload.findByID({ collection: 'users', id: fixture.users[actor] })),
      collection: 'users',
    } as TypedUser
  }
})
afterAll(async () => {
  await payload?.destroy()
})

const PATHS: Path[] = ['rest', 'graphql', 'local']
const gqlId = (id: ID) => JSON.stringify(id)

/** A published article with kim's byline, made by the desk. */
const publishedArticle = async (title: string, reporters: ID[] = [fixture.reporters.kim]) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { title, reporters, _status: 'published' }) as never,
  })

const draftArticle = async (title: string, reporters: ID[] = [fixture.reporters.kim]) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { title, reporters }) as never,
    draft: true,
  })

const live = (id: ID) => payload.findByID({ collection: 'articles', id, depth: 0 })
const latest = (id: ID) => payload.findByID({ collection: 'articles', id, depth: 0, draft: true })

const fromRest = ({ body, status }: { body: any; status: number }): Outcome =>
  status >= 200 && status < 300
    ? { ok: true, doc: body.doc ?? body }
    : { ok: false, error: body?.errors?.[0]?.message ?? String(status) }

const fromGraphql = ({ body }: { body: any }, field: string): Outcome =>
  body.errors?.length
    ? { ok: false, error: body.errors[0].message }
    : { ok: true, doc: body.data[field] }

const fromLocal = async (run: () => Promise<unknown>): Promise<Outcome> => {
  try {
    return { ok: true, doc: (await run()) as Record<string, any> }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}

const local = (actor: Actor) => ({ overrideAccess: false as const, user: users[actor] })

/** A save of `data`, without `draft=true` unless asked: the write that could touch the live article. */
const update = async (
  path: Path,
  actor: Actor,
  id: ID,
  data: Record<string, unknown>,
  draft = false,
): Promise<Outcome> => {
  if (path === 'rest')
    return fromRest(
      await api.rest('PATCH', `/articles/${id}${draft ? '?draft=true' : ''}`, {
        body: data,
        token: tokens[actor],
      }),
    )
  if (path === 'graphql') {
    const fields = Object.entries(data)
      .map(([key, value]) => `${key}: ${key === '_status' ? String(value) : JSON.stringify(value)}`)
      .join(', ')
    const query = `mutation { updateArticle(id: ${gqlId(id)}, draft: ${draft}, data: { ${fields} }) { id title _status } }`
    return fromGraphql(await api.graphql(query, undefined, tokens[actor]), 'updateArticle')
  }
  return fromLocal(() =>
    payload.update({
      collection: 'articles',
      id,
      data: data as never,
      draft,
      depth: 0,
      ...local(actor),
    }),
  )
}

const restore = async (
  path: Path,
  actor: Actor,
  versionId: ID,
  draft = false,
): Promise<Outcome> => {
  if (path === 'rest')
    return fromRest(
      await api.rest('POST', `/articles/versions/${versionId}${draft ? '?draft=true' : ''}`, {
        token: tokens[actor],
      }),
    )
  if (path === 'graphql') {
    const query = `mutation { restoreVersionArticle(id: ${gqlId(versionId)}, draft: ${draft}) { id title _status } }`
    return fromGraphql(await api.graphql(query, undefined, tokens[actor]), 'restoreVersionArticle')
  }
  // The Local API's restoreVersion has no `draft` option: it always restores to live.
  return fromLocal(() =>
    payload.restoreVersion({
      collection: 'articles',
      id: String(versionId),
      depth: 0,
      ...local(actor),
    }),
  )
}

/** A duplicate without asking for a draft (GraphQL's duplicate has no draft argument at all). */
const duplicate = async (path: Path, actor: Actor, id: ID): Promise<Outcome> => {
  if (path === 'rest')
    return fromRest(
      await api.rest('POST', `/articles/${id}/duplicate?draft=false`, { token: tokens[actor] }),
    )
  if (path === 'graphql') {
    // GraphQL's duplicate demands the collection's required fields as `data`.
    const query = `mutation { duplicateArticle(id: ${gqlId(id)}, data: { title: "복제본", section: ${gqlId(fixture.sections.news)} }) { id title _status } }`
    return fromGraphql(await api.graphql(query, undefined, tokens[actor]), 'duplicateArticle')
  }
  return fromLocal(() =>
    payload.duplicate({ collection: 'articles', id, draft: false, depth: 0, ...local(actor) }),
  )
}

const remove = async (path: Path, actor: Actor, id: ID): Promise<Outcome> => {
  if (path === 'rest')
    return fromRest(await api.rest('DELETE', `/articles/${id}`, { token: tokens[actor] }))
  if (path === 'graphql')
    return fromGraphql(
      await api.graphql(
        `mutation { deleteArticle(id: ${gqlId(id)}) { id } }`,
        undefined,
        tokens[actor],
      ),
      'deleteArticle',
    )
  return fromLocal(() => payload.delete({ collection: 'articles', id, depth: 0, ...local(actor) }))
}

/** The id of the article's newest version with the given status. */
const versionOf = async (id: ID, status: 'draft' | 'published'): Promise<ID> => {
  const { docs } = await payload.findVersions({
    collection: 'articles',
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: status } }] },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
  })
  return docs[0]!.id
}

/** A published article whose newest version is a draft the desk saved: the audit's restore case. */
const publishedWithPendingDraft = async (title: string) => {
  const article = await publishedArticle(title)
  await payload.update({
    collection: 'articles',
    id: article.id,
    data: { title: `${title} (데스크 초안)` },
    draft: true,
  })
  return article
}

describe.each(PATHS)('a reporter, over %s, never changes the live article', (path) => {
  it('a save without draft=true of their published article becomes a draft; the live version stays', async () => {
    const article = await publishedArticle(`발행 기사 ${path}`)
    const outcome = await update(path, 'kim', article.id, { title: `기자 수정 ${path}` })
    expect(outcome.ok, outcome.error).toBe(true)
    expect(outcome.doc).toMatchObject({ title: `기자 수정 ${path}`, _status: 'draft' })
    expect(await live(article.id)).toMatchObject({
      title: `발행 기사 ${path}`,
      _status: 'published',
    })
    expect(await latest(article.id)).toMatchObject({ title: `기자 수정 ${path}`, _status: 'draft' })
  })

  it('cannot publish their draft', async () => {
    const article = await draftArticle(`초안 ${path}`)
    const outcome = await update(path, 'kim', article.id, { _status: 'published' })
    expect(outcome.ok).toBe(false)
    expect((await latest(article.id))._status).toBe('draft')
    expect(
      await payload.count({
        collection: 'articles',
        where: { and: [{ id: { equals: article.id } }, { _status: { equals: 'published' } }] },
      }),
    ).toEqual({
      totalDocs: 0,
    })
  })

  it('cannot unpublish', async () => {
    const article = await publishedArticle(`내리기 ${path}`)
    const outcome = await update(path, 'kim', article.id, { _status: 'draft' })
    expect(outcome.ok).toBe(false)
    expect(outcome.error).toMatch(/데스크|desk/)
    expect(await live(article.id)).toMatchObject({ title: `내리기 ${path}`, _status: 'published' })
  })

  it('cannot restore a draft version over the live article (an unpublish)', async () => {
    const article = await publishedWithPendingDraft(`복원 ${path}`)
    const outcome = await restore(path, 'kim', await versionOf(article.id, 'draft'))
    expect(outcome.ok).toBe(false)
    expect(await live(article.id)).toMatchObject({ title: `복원 ${path}`, _status: 'published' })
  })

  it('cannot restore an older published version over the live article', async () => {
    const article = await publishedArticle(`옛 버전 ${path}`)
    const older = await versionOf(article.id, 'published')
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: `새 제목 ${path}` },
    })
    const outcome = await restore(path, 'kim', older)
    expect(outcome.ok).toBe(false)
    expect(await live(article.id)).toMatchObject({ title: `새 제목 ${path}`, _status: 'published' })
  })

  // Not over the Local API: its restoreVersion has no `draft` option.
  it.skipIf(path === 'local')(
    'may restore a version as a draft; the live version stays',
    async () => {
      const article = await publishedWithPendingDraft(`초안 복원 ${path}`)
      const older = await versionOf(article.id, 'published')
      const outcome = await restore(path, 'kim', older, true)
      expect(outcome.ok, outcome.error).toBe(true)
      expect(await live(article.id)).toMatchObject({
        title: `초안 복원 ${path}`,
        _status: 'published',
      })
      expect((await latest(article.id))._status).toBe('draft')
    },
  )

  it('a duplicate of a published article is a draft', async () => {
    const article = await publishedArticle(`복제 ${path}`)
    const outcome = await duplicate(path, 'kim', article.id)
    expect(outcome.ok, outcome.error).toBe(true)
    const copy = await payload.findByID({ collection: 'articles', id: outcome.doc!.id, depth: 0 })
    expect(copy._status).toBe('draft')
    expect(
      await payload.count({
        collection: 'articles',
        where: { title: { equals: `복제 ${path}` }, _status: { equals: 'published' } },
      }),
    ).toEqual({
      totalDocs: 1,
    })
  })

  it('cannot delete', async () => {
    const article = await publishedArticle(`삭제 ${path}`)
    expect((await remove(path, 'kim', article.id)).ok).toBe(false)
    expect((await live(article.id))._status).toBe('published')
  })

  it('cannot take their own byline off', async () => {
    const article = await draftArticle(`바이라인 ${path}`, [
      fixture.reporters.kim,
      fixture.reporters.park,
    ])
    const outcome = await update(
      path,
      'kim',
      article.id,
      { reporters: [fixture.reporters.park] },
      true,
    )
    expect(outcome.ok).toBe(false)
    const stored = await latest(article.id)
    expect(stored.reporters).toEqual([fixture.reporters.kim, fixture.reporters.park])
  })

  it("cannot put themselves on another reporter's article", async () => {
    const article = await draftArticle(`박 기자 기사 ${path}`, [fixture.reporters.park])
    const outcome = await update(
      path,
      'kim',
      article.id,
      { reporters: [fixture.reporters.park, fixture.reporters.kim] },
      true,
    )
    expect(outcome.ok).toBe(false)
    expect((await latest(article.id)).reporters).toEqual([fixture.reporters.park])
  })
})

describe.each(PATHS)('the desk, over %s, changes the live article', (path) => {
  it('saves the published version, restores a version to live and duplicates as published', async () => {
    const article = await publishedWithPendingDraft(`데스크 ${path}`)
    // Without `_status` a save takes the status of the newest version, here the pending draft.
    const saved = await update(path, 'editor', article.id, {
      title: `데스크 수정 ${path}`,
      _status: 'published',
    })
    expect(saved.ok, saved.error).toBe(true)
    expect(await live(article.id)).toMatchObject({
      title: `데스크 수정 ${path}`,
      _status: 'published',
    })

    const restored = await restore(path, 'editor', await versionOf(article.id, 'draft'))
    expect(restored.ok, restored.error).toBe(true)
    expect((await live(article.id))._status).toBe('draft')

    const source = await publishedArticle(`데스크 복제 ${path}`)
    const copy = await duplicate(path, 'editor', source.id)
    expect(copy.ok, copy.error).toBe(true)
    expect((await live(copy.doc!.id))._status).toBe('published')
    expect((await remove(path, 'editor', copy.doc!.id)).ok).toBe(true)
  })
})

describe('bulk writes by a reporter', () => {
  it('a bulk update without draft=true leaves the live article and saves a draft', async () => {
    const article = await publishedArticle('일괄 수정')
    const rest = await api.rest('PATCH', `/articles?where[id][equals]=${article.id}`, {
      body: { subtitle: '일괄 부제' },
      token: tokens.kim,
    })
    expect(rest.status).toBe(200)
    const viaLocal = await fromLocal(() =>
      payload.update({
        collection: 'articles',
        where: { id: { equals: article.id } },
        data: { title: '일괄 제목' },
        depth: 0,
        ...local('kim'),
      }),
    )
    expect(viaLocal.ok, viaLocal.error).toBe(true)
    const stored = await live(article.id)
    expect(stored).toMatchObject({ title: '일괄 수정', _status: 'published' })
    expect(stored.subtitle ?? null).toBeNull()
    expect(await latest(article.id)).toMatchObject({
      title: '일괄 제목',
      subtitle: '일괄 부제',
      _status: 'draft',
    })
  })

  it('a bulk unpublish or publish is refused', async () => {
    const article = await publishedArticle('일괄 내리기')
    const draft = await draftArticle('일괄 발행')
    await api.rest('PATCH', `/articles?where[id][equals]=${article.id}`, {
      body: { _status: 'draft' },
      token: tokens.kim,
    })
    await api.rest('PATCH', `/articles?where[id][equals]=${draft.id}`, {
      body: { _status: 'published' },
      token: tokens.kim,
    })
    expect((await live(article.id))._status).toBe('published')
    expect((await live(draft.id))._status).toBe('draft')
  })

  it('a bulk delete is refused', async () => {
    const article = await publishedArticle('일괄 삭제')
    await api.rest('DELETE', `/articles?where[id][equals]=${article.id}`, { token: tokens.kim })
    const viaLocal = await fromLocal(() =>
      payload.delete({
        collection: 'articles',
        where: { id: { equals: article.id } },
        ...local('kim'),
      }),
    )
    expect(viaLocal.ok && (viaLocal.doc as { docs: unknown[] }).docs.length > 0).toBe(false)
    expect((await live(article.id))._status).toBe('published')
  })
})

describe('scheduled publishing', () => {
  /** What the admin's schedule drawer queues (schedulePublishHandler): the job runs as the user who queued it. */
  const schedule = (type: 'publish' | 'unpublish', id: ID, actor: Actor) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type,
        doc: { relationTo: 'articles', value: String(id) },
        user: { relationTo: 'users', value: fixture.users[actor] },
      } as never,
      waitUntil: new Date(Date.now() - 1000),
    })

  it("a reporter's scheduled publish or unpublish does not change the live article; the desk's does", async () => {
    const draft = await draftArticle('예약 발행')
    const published = await publishedArticle('예약 내리기')
    const deskDraft = await draftArticle('데스크 예약 발행')
    await schedule('publish', draft.id, 'kim')
    await schedule('unpublish', published.id, 'kim')
    await schedule('publish', deskDraft.id, 'editor')
    await payload.jobs.run({ where: { taskSlug: { equals: 'schedulePublish' } }, silent: true })
    expect((await live(draft.id))._status).toBe('draft')
    expect((await live(published.id))._status).toBe('published')
    expect((await live(deskDraft.id))._status).toBe('published')
  })

  it('only the desk may queue jobs with access checked, or run and cancel them over the API', async () => {
    const kimReq = await createLocalReq({ user: users.kim }, payload)
    const queued = fromLocal(() =>
      payload.jobs.queue({
        task: 'schedulePublish',
        input: {} as never,
        overrideAccess: false,
        req: kimReq,
      }),
    )
    expect((await queued).ok).toBe(false)
    expect((await api.rest('GET', '/payload-jobs/run?limit=1', { token: tokens.kim })).status).toBe(
      401,
    )
    expect(
      (await api.rest('GET', '/payload-jobs/run?limit=1', { token: tokens.editor })).status,
    ).toBe(200)
    const cancelled = fromLocal(() =>
      payload.jobs.cancel({
        where: { taskSlug: { equals: 'schedulePublish' } },
        overrideAccess: false,
        req: kimReq,
      }),
    )
    expect((await cancelled).ok).toBe(false)
  })

  it("a reporter cannot call off the desk's scheduled publish the way the admin's schedule drawer does", async () => {
    const deskDraft = await draftArticle('데스크 예약 유지')
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: String(deskDraft.id) },
        user: { relationTo: 'users', value: fixture.users.editor },
      } as never,
      waitUntil: new Date(Date.now() + 3_600_000),
    })
    // schedulePublishHandler: payload.delete of the job with the user's req, access not checked.
    const drawerDelete = (req: Awaited<ReturnType<typeof createLocalReq>>) =>
      payload.delete({
        collection: 'payload-jobs',
        req,
        where: { and: [{ id: { equals: job.id } }, { taskSlug: { equals: 'schedulePublish' } }] },
      })
    const byReporter = await drawerDelete(await createLocalReq({ user: users.kim }, payload))
    expect(byReporter.docs).toHaveLength(0)
    expect(byReporter.errors[0]?.message).toMatch(/데스크만|only the desk/i)
    expect(
      (await payload.count({ collection: 'payload-jobs', where: { id: { equals: job.id } } }))
        .totalDocs,
    ).toBe(1)
    const byEditor = await drawerDelete(await createLocalReq({ user: users.editor }, payload))
    expect(byEditor.docs).toHaveLength(1)
    expect(
      (await payload.count({ collection: 'payload-jobs', where: { id: { equals: job.id } } }))
        .totalDocs,
    ).toBe(0)
  })
})

describe('edit locks (payload-locked-documents)', () => {
  /** The lock route as the app serves it: Payload's REST handler behind the lock rule. */
  const lockApi = async (
    method: string,
    path: string,
    { body, token }: { body?: unknown; token?: string } = {},
  ) => {
    const headers = new Headers(token ? { authorization: `JWT ${token}` } : {})
    if (body !== undefined) headers.set('content-type', 'application/json')
    const request = new Request(`http://localhost/api/payload-locked-documents${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const response = await withLockRule(payload.config, (incoming) =>
      handleEndpoints({ config: payload.config, request: incoming }),
    )(request)
    return { status: response.status, body: (await response.json()) as any }
  }
  const lockOf = (articleId: ID, actor: Actor | 'park') => ({
    document: { relationTo: 'articles', value: articleId },
    user: { relationTo: 'users', value: fixture.users[actor] },
  })
  const locksOn = async (articleId: ID) =>
    (
      await payload.find({
        collection: 'payload-locked-documents',
        where: {
          and: [
            { 'document.relationTo': { equals: 'articles' } },
            { 'document.value': { equals: articleId } },
          ],
        },
        depth: 0,
      })
    ).docs.map((lock) => (lock.user as { value: ID }).value)
  const storeLock = async (articleId: ID, actor: Actor | 'park') =>
    payload.create({
      collection: 'payload-locked-documents',
      data: lockOf(articleId, actor) as never,
      depth: 0,
    })

  it('a reporter locks an article they may edit, in their own name', async () => {
    const article = await draftArticle('잠금 내 기사')
    const { status } = await lockApi('POST', '', {
      body: lockOf(article.id, 'kim'),
      token: tokens.kim,
    })
    expect(status).toBe(201)
    expect(await locksOn(article.id)).toEqual([fixture.users.kim])
  })

  it("nobody locks an article they may not edit, or in someone else's name", async () => {
    const parks = await draftArticle('잠금 박 기자 기사', [fixture.reporters.park])
    const kims = await draftArticle('잠금 김 기자 기사')
    const onOthers = await lockApi('POST', '', { body: lockOf(parks.id, 'kim'), token: tokens.kim })
    expect(onOthers.status).toBe(403)
    expect(onOthers.body.errors[0].code).toBe('FORBIDDEN')
    expect(
      (await lockApi('POST', '', { body: lockOf(kims.id, 'editor'), token: tokens.kim })).status,
    ).toBe(403)
    expect(
      (await lockApi('POST', '', { body: lockOf(kims.id, 'kim'), token: tokens.park })).status,
    ).toBe(403)
    expect(await locksOn(parks.id)).toEqual([])
    expect(await locksOn(kims.id)).toEqual([])
  })

  it('a lock is taken over only by someone who may edit the article, and only into their own name', async () => {
    const article = await draftArticle('잠금 인수')
    const lock = await storeLock(article.id, 'editor')
    expect(
      (
        await lockApi('PATCH', `/${lock.id}`, {
          body: { user: lockOf(article.id, 'park').user },
          token: tokens.park,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await lockApi('PATCH', `/${lock.id}`, {
          body: { user: lockOf(article.id, 'park').user },
          token: tokens.kim,
        })
      ).status,
    ).toBe(403)
    const parks = await draftArticle('잠금 옮기기', [fixture.reporters.park])
    expect(
      (
        await lockApi('PATCH', `/${lock.id}`, {
          body: {
            document: { relationTo: 'articles', value: parks.id },
            user: lockOf(article.id, 'kim').user,
          },
          token: tokens.kim,
        })
      ).status,
    ).toBe(403)
    expect(await locksOn(article.id)).toEqual([fixture.users.editor])
    // What the admin's "take over" sends.
    expect(
      (
        await lockApi('PATCH', `/${lock.id}`, {
          body: { user: lockOf(article.id, 'kim').user },
          token: tokens.kim,
        })
      ).status,
    ).toBe(200)
    expect(await locksOn(article.id)).toEqual([fixture.users.kim])
  })

  it('only the holder releases a lock; bulk writes are refused', async () => {
    const article = await draftArticle('잠금 해제')
    const lock = await storeLock(article.id, 'editor')
    expect((await lockApi('DELETE', `/${lock.id}`, { token: tokens.kim })).status).toBe(403)
    expect(
      (await lockApi('DELETE', `?where[id][equals]=${lock.id}`, { token: tokens.kim })).status,
    ).toBe(403)
    expect(
      (
        await lockApi('PATCH', `?where[id][equals]=${lock.id}`, {
          body: { user: lockOf(article.id, 'kim').user },
          token: tokens.kim,
        })
      ).status,
    ).toBe(403)
    expect(await locksOn(article.id)).toEqual([fixture.users.editor])
    expect((await lockApi('DELETE', `/${lock.id}`, { token: tokens.editor })).status).toBe(200)
    expect(await locksOn(article.id)).toEqual([])
  })

  it('staff read locks, as the admin does to show who is editing', async () => {
    const article = await draftArticle('잠금 읽기')
    await storeLock(article.id, 'editor')
    const { status, body } = await lockApi(
      'GET',
      `?where[document.value][equals]=${article.id}&where[document.relationTo][equals]=articles`,
      { token: tokens.kim },
    )
    expect(status).toBe(200)
    expect(body.docs).toHaveLength(1)
    expect((await lockApi('GET', '')).status).toBe(403)
  })

  it('GraphQL offers no lock operations', async () => {
    const article = await draftArticle('잠금 GraphQL')
    const create = await api.graphql(
      `mutation { createPayloadLockedDocument(data: { document: { relationTo: articles, value: ${gqlId(article.id)} }, user: { relationTo: users, value: ${gqlId(fixture.users.editor)} } }) { id } }`,
      undefined,
      tokens.kim,
    )
    expect(create.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const read = await api.graphql(
      '{ PayloadLockedDocuments { docs { id } } }',
      undefined,
      tokens.kim,
    )
    expect(read.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(await locksOn(article.id)).toEqual([])
  })
})
