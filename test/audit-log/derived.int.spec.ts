import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// Writes no hook sees (plugins/shared/writeRelations.ts: a reassignment, the suggestions a job
// refreshes, reciprocal links) are in the audit log too, with their reason.

type ID = number | string
type Entry = {
  action: string
  actorEmail: null | string
  collectionSlug: string
  detail: null | Record<string, unknown>
  documentId: null | string
  fields: null | string[]
  title: null | string
}

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string

beforeAll(async () => {
  payload = await bootPayload('audit_derived')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const derivedEntries = async (id: ID) =>
  (
    await payload.find({
      collection: 'audit-log' as never,
      where: {
        action: { equals: 'derived' },
        collectionSlug: { equals: 'articles' },
        documentId: { equals: String(id) },
      } as never,
      sort: 'createdAt',
      limit: 100,
      depth: 0,
    })
  ).docs as unknown as Entry[]

const publish = async (data: Record<string, unknown>) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { _status: 'published', ...data }) as never,
  })

describe('derived writes in the audit log', () => {
  it('records a reassignment: who moved the stories, from which reporter to which', async () => {
    const from = await payload.create({
      collection: 'reporters',
      data: { name: '떠나는기자', email: 'leaving@example.com' },
    })
    const to = await payload.create({
      collection: 'reporters',
      data: { name: '받는기자', email: 'taking@example.com' },
    })
    const story = await publish({ title: '넘겨진 기사', reporters: [from.id] })
    const answer = await api.rest('POST', `/reporters/${from.id}/reassign`, {
      body: { to: to.id },
      token: editor,
    })
    expect(answer.status, answer.text).toBe(200)

    const entries = await derivedEntries(story.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorEmail: loginEmails().editor,
      title: '넘겨진 기사',
      fields: expect.arrayContaining(['reporters', 'byline']),
      detail: {
        reason: 'reassign',
        from: { id: from.id, name: '떠나는기자' },
        to: { id: to.id, name: '받는기자' },
      },
    })
    // Readable in the admin: the action's Korean name.
    const action = payload.collections['audit-log' as 'users'].config.fields.find(
      (field) => 'name' in field && field.name === 'action',
    ) as unknown as { options: { label: { ko: string }; value: string }[] }
    expect(action.options.find((option) => option.value === 'derived')?.label.ko).toBe('자동 갱신')
  })

  it('records the suggestions a job refreshed, without a user', async () => {
    await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
    const older = await publish({ title: '태화강 정원', keywords: ['태화강정원'] })
    await publish({ title: '태화강 정원 축제', keywords: ['태화강정원'] })
    expect(await derivedEntries(older.id)).toEqual([])
    await payload.jobs.run({ limit: 100 })

    const entries = await derivedEntries(older.id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorEmail: null,
      title: '태화강 정원',
      fields: ['relatedSuggestions'],
      detail: { reason: 'suggestionRefresh' },
    })
  })

  it('records the other side of a related link an editor made', async () => {
    const target = await publish({ title: '연결 받는 기사', keywords: ['연결받음'] })
    const picking = await api.rest('POST', '/articles', {
      body: articleData(fixture, {
        title: '연결하는 기사',
        keywords: ['연결함'],
        relatedArticles: [target.id],
        _status: 'published',
      }),
      token: editor,
    })
    expect(picking.status, picking.text).toBe(201)
    const entries = await derivedEntries(target.id)
    expect(entries).toContainEqual(
      expect.objectContaining({
        actorEmail: loginEmails().editor,
        fields: ['relatedArticles'],
        detail: expect.objectContaining({ reason: 'reciprocalLink' }),
      }),
    )
  })
})
