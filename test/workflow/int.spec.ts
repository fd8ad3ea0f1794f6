import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { isLockedInProcess } from '../../plugins/shared/documentLock'
import { apiClient } from '../helpers/http'
import { graphQLIdType } from '../helpers/ids'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// The desk's review workflow: 작성중 → 송고 → 데스크 검토중 → 승인 → 출고, and 반려 with a note.

let payload: Payload
let fixture: NewsroomFixture
let api: ReturnType<typeof apiClient>
const tokens: Record<'editor' | 'kim' | 'park', string> = { editor: '', kim: '', park: '' }

beforeAll(async () => {
  payload = await bootPayload('workflow')
  fixture = await createNewsroom(payload)
  api = apiClient(payload)
  tokens.editor = await api.login(loginEmails().editor, PASSWORD)
  tokens.kim = await api.login(loginEmails().kim, PASSWORD)
  tokens.park = await api.login(loginEmails().park, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

type ID = number | string

/** Kim's new draft, as the reporter writes it. */
const kimsDraft = async (title: string): Promise<ID> => {
  const { body, status } = await api.rest('POST', '/articles?draft=true', {
    body: articleData(fixture, { title }),
    token: tokens.kim,
  })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.doc.id
}

const move = (id: ID, token: string, state: string, note?: string) =>
  api.rest('PATCH', `/articles/${id}?draft=true`, {
    body: { workflow: { state, ...(note === undefined ? {} : { note }) } },
    token,
  })

const stateOf = async (id: ID) =>
  (await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })).workflow!

const expectRefused = async (
  response: Awaited<ReturnType<typeof move>>,
  status: 400 | 403,
  transition: string,
) => {
  expect(response.status, response.text).toBe(status)
  expect(response.body.errors[0].message).toContain(transition)
  expect(response.body.errors[0].code).toBe(status === 403 ? 'FORBIDDEN' : 'VALIDATION')
}

describe('a story through the desk', () => {
  it('is filed by its reporter, returned with a note, filed again, approved and published', async () => {
    const id = await kimsDraft('송고할 기사')
    expect((await stateOf(id)).state).toBe('writing')

    expect((await move(id, tokens.kim, 'filed')).status).toBe(200)
    expect(await stateOf(id)).toMatchObject({
      state: 'filed',
      changedBy: loginEmails().kim,
      changedAt: expect.any(String),
    })
    // Withdrawn and filed again.
    expect((await move(id, tokens.kim, 'writing')).status).toBe(200)
    expect((await move(id, tokens.kim, 'filed')).status).toBe(200)

    // The reporter cannot review their own story.
    await expectRefused(
      await move(id, tokens.kim, 'approved'),
      403,
      '송고 (filed) → 승인 (approved)',
    )
    await expectRefused(await move(id, tokens.kim, 'inReview'), 403, '데스크 검토중 (inReview)')

    expect((await move(id, tokens.editor, 'inReview')).status).toBe(200)
    // The reporter cannot take it back once the desk is on it.
    await expectRefused(
      await move(id, tokens.kim, 'writing'),
      403,
      '데스크 검토중 (inReview) → 작성중 (writing)',
    )
    await expectRefused(await move(id, tokens.editor, 'returned'), 400, '반려 (returned)')
    expect((await move(id, tokens.editor, 'returned', '사진 설명을 보강하세요')).status).toBe(200)
    expect(await stateOf(id)).toMatchObject({ state: 'returned', note: '사진 설명을 보강하세요' })

    expect((await move(id, tokens.kim, 'filed')).status).toBe(200)
    expect((await move(id, tokens.editor, 'approved')).status).toBe(200)
    const published = await api.rest('PATCH', `/articles/${id}`, {
      body: { _status: 'published' },
      token: tokens.editor,
    })
    expect(published.status, published.text).toBe(200)
    expect(published.body.doc.workflow.state).toBe('published')
    const live = await payload.findByID({ collection: 'articles', id, depth: 0 })
    expect(live.workflow?.state).toBe('published')

    // A draft of the live story stays 출고; taking the story down hands it back to the desk.
    const draft = await api.rest('PATCH', `/articles/${id}?draft=true`, {
      body: { subtitle: '고치는 중' },
      token: tokens.editor,
    })
    expect(draft.body.doc.workflow.state).toBe('published')
    const unpublished = await api.rest('PATCH', `/articles/${id}`, {
      body: { _status: 'draft' },
      token: tokens.editor,
    })
    expect(unpublished.status, unpublished.text).toBe(200)
    expect(unpublished.body.doc.workflow.state).toBe('inReview')
  })

  it('sets 출고 only by publishing, and refuses moves that skip the desk', async () => {
    const id = await kimsDraft('출고 직접 지정')
    await expectRefused(await move(id, tokens.editor, 'published'), 400, '출고 (published)')
    await expectRefused(
      await move(id, tokens.kim, 'returned', '스스로 반려'),
      403,
      '반려 (returned)',
    )
    expect((await stateOf(id)).state).toBe('writing')
  })

  it('lets only the story’s reporters and the desk move it', async () => {
    const id = await kimsDraft('다른 기자')
    const park = await move(id, tokens.park, 'filed')
    // Park has no byline on it: the access rule already hides the story from their writes.
    expect([403, 404]).toContain(park.status)
    expect((await stateOf(id)).state).toBe('writing')
  })

  it('is checked over GraphQL and the Local API with a user; server code without one may move it', async () => {
    const id = await kimsDraft('그래프큐엘')
    const graphql = await api.graphql(
      `mutation ($id: ${graphQLIdType(payload)}!) { updateArticle(id: $id, draft: true, data: { workflow: { state: approved } }) { id } }`,
      { id },
      tokens.kim,
    )
    expect(graphql.body.errors?.[0]?.message).toContain('승인 (approved)')
    // The refused save gave its document lock back (SQLite and MongoDB hold it in this process):
    // the next save of the story does not wait for it to expire.
    expect(isLockedInProcess('articles', id)).toBe(false)
    expect((await stateOf(id)).state).toBe('writing')
    // Server code (no user) may move it.
    await payload.update({
      collection: 'articles',
      id,
      draft: true,
      data: { workflow: { state: 'approved' } } as never,
    })
    expect((await stateOf(id)).state).toBe('approved')
    // Last: a Local API operation that fails keeps the document's in-process lock until it expires.
    const kim = await payload.findByID({ collection: 'users', id: fixture.users.kim })
    await expect(
      payload.update({
        collection: 'articles',
        id,
        draft: true,
        data: { workflow: { state: 'returned', note: '스스로' } } as never,
        overrideAccess: false,
        user: { ...kim, collection: 'users' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await stateOf(id)).state).toBe('approved')
  })

  it('lists what waits for the desk (송고 대기) by state', async () => {
    const id = await kimsDraft('대기 목록')
    await move(id, tokens.kim, 'filed')
    const { body, status } = await api.rest(
      'GET',
      '/articles?draft=true&depth=0&where[workflow.state][equals]=filed',
      { token: tokens.editor },
    )
    expect(status).toBe(200)
    expect(body.docs.map((doc: { id: ID }) => doc.id)).toContain(id)
  })
})
