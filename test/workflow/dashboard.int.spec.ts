import type { Payload, PayloadRequest } from 'payload'

import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { DeskDashboardServerProps } from '../../plugins/editorial-workflow/components/DeskDashboard'
import type { NewsroomFixture } from '../helpers/newsroom'

import { DeskDashboard } from '../../plugins/editorial-workflow/components/DeskDashboard'
import { articleData, createNewsroom } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// The desk's dashboard panel, rendered as the admin renders it (a server component with the props
// the plugin registered), on a real Payload: 송고 대기, 내 기사 and 예약 발행.

type ID = number | string

let payload: Payload
let fixture: NewsroomFixture

beforeAll(async () => {
  payload = await bootPayload('workflow-dashboard')
  fixture = await createNewsroom(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

/** The component and its serverProps as the plugin put them in `admin.components.beforeDashboard`. */
const registered = () => {
  const components = (payload.config.admin.components?.beforeDashboard ?? []) as unknown[]
  const entry = components.find(
    (component) =>
      typeof component === 'object' &&
      String((component as { path?: unknown }).path).includes('DeskDashboard'),
  ) as { serverProps: Pick<DeskDashboardServerProps, 'collections' | 'isDesk' | 'ownStories'> }
  expect(entry).toBeDefined()
  return entry.serverProps
}

const renderFor = async (userId: ID): Promise<string> => {
  const user = await payload.findByID({ collection: 'users', id: userId, depth: 0 })
  const element = await DeskDashboard({
    ...registered(),
    i18n: { language: 'ko' } as DeskDashboardServerProps['i18n'],
    payload,
    user: { ...user, collection: 'users' } as NonNullable<PayloadRequest['user']>,
  })
  return element ? renderToStaticMarkup(element) : ''
}

const story = async (title: string, reporters: ID[] = [fixture.reporters.kim]): Promise<ID> =>
  (
    await payload.create({
      collection: 'articles',
      draft: true,
      data: articleData(fixture, { title, reporters }) as never,
    })
  ).id

const moveTo = async (id: ID, state: string, note?: string) => {
  await payload.update({
    collection: 'articles',
    id,
    draft: true,
    data: { workflow: { state, ...(note ? { note } : {}) } } as never,
  })
  // changedAt is kept to the millisecond: make the order of moves unambiguous.
  await new Promise((resolve) => setTimeout(resolve, 20))
}

const section = (html: string, name: string): string => {
  const match = new RegExp(`<section class="desk-dashboard__${name}"[\\s\\S]*?</section>`).exec(
    html,
  )
  return match?.[0] ?? ''
}

describe('the desk panel on the dashboard', () => {
  it('shows the desk 송고 대기 oldest first, reporters their own stories by state, and scheduled publishes in KST', async () => {
    const first = await story('먼저 송고한 기사')
    const second = await story('나중에 송고한 기사', [fixture.reporters.park])
    const writing = await story('아직 쓰는 기사')
    const returned = await story('반려된 기사')
    await moveTo(first, 'filed')
    await moveTo(second, 'filed')
    await moveTo(returned, 'filed')
    await moveTo(returned, 'returned', '다시 쓰세요')
    // Taken into review after the second was filed: its time moves, and so does its place.
    await moveTo(first, 'inReview')
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: writing } },
      waitUntil: new Date('2030-01-02T03:04:00.000Z'),
    } as never)

    const desk = await renderFor(fixture.users.editor)
    const queue = section(desk, 'queue')
    expect(queue).toContain('송고 대기')
    const titles = [...queue.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((match) => match[2])
    expect(titles).toEqual(['나중에 송고한 기사', '먼저 송고한 기사'])
    expect(queue).toContain(`/admin/collections/articles/${second}`)
    expect(queue).toContain('박서연')
    expect(queue).toContain('데스크 검토중')
    const changedAt = (
      await payload.findByID({ collection: 'articles', id: second, draft: true, depth: 0 })
    ).workflow!.changedAt!
    const kst = new Date(Date.parse(changedAt) + 9 * 3600_000).toISOString()
    expect(queue).toContain(`${kst.slice(0, 10)} ${kst.slice(11, 16)}`)
    // The editor has no byline of their own.
    expect(section(desk, 'mine')).toBe('')
    const scheduled = section(desk, 'scheduled')
    expect(scheduled).toContain('2030-01-02 12:04 KST')
    expect(scheduled).toContain('아직 쓰는 기사')

    const kim = await renderFor(fixture.users.kim)
    expect(section(kim, 'queue')).toBe('')
    const mine = section(kim, 'mine')
    // Returned first (it waits on the reporter), then by state; Park's story is not Kim's.
    const groups = [...mine.matchAll(/data-state="(\w+)"/g)].map((match) => match[1])
    expect(groups).toEqual(['returned', 'writing', 'inReview'])
    expect(mine).toContain('반려된 기사')
    expect(mine).not.toContain('나중에 송고한 기사')
    expect(mine).toContain(
      'where%5Bor%5D%5B0%5D%5Band%5D%5B0%5D%5Bworkflow.state%5D%5Bequals%5D=returned',
    )
    expect(section(kim, 'scheduled')).toContain('아직 쓰는 기사')
  })

  it('shows the desk the stories held under an embargo, soonest first, with their byline and time in KST', async () => {
    const hold = async (title: string, until: string, reporters?: ID[]) => {
      const id = await story(title, reporters)
      await payload.update({
        collection: 'articles',
        id,
        draft: true,
        data: { embargoUntil: until } as never,
      })
      return id
    }
    const later = await hold('늦게 풀리는 엠바고', '2031-05-06T07:08:00.000Z')
    const sooner = await hold('먼저 풀리는 엠바고', '2030-03-04T05:06:00.000Z', [
      fixture.reporters.park,
    ])
    await hold('이미 풀린 엠바고', '2020-01-01T00:00:00.000Z')
    // Published before its time: held back as a draft, and released by a job at the embargo.
    const published = await payload.create({
      collection: 'articles',
      data: articleData(fixture, {
        title: '게시했지만 엠바고',
        embargoUntil: '2030-09-10T11:12:00.000Z',
        _status: 'published',
      }) as never,
    })

    const embargoed = section(await renderFor(fixture.users.editor), 'embargo')
    expect(embargoed).toContain('엠바고')
    const rows = [...embargoed.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((match) => match[1]!)
    const titles = rows.flatMap((row) => [...row.matchAll(/<a href="[^"]+">([^<]+)<\/a>/g)])
    expect(titles.map((match) => match[1])).toEqual([
      '먼저 풀리는 엠바고',
      '게시했지만 엠바고',
      '늦게 풀리는 엠바고',
    ])
    const soonest = rows.find((row) => row.includes('먼저 풀리는 엠바고'))!
    expect(soonest).toContain(`/admin/collections/articles/${sooner}`)
    expect(soonest).toContain('박서연')
    expect(soonest).toContain('2030-03-04 14:06')
    expect(rows.find((row) => row.includes('게시했지만'))).toContain('2030-09-10 20:12')
    expect(embargoed).toContain(`/admin/collections/articles/${published.id}`)
    expect(embargoed).toContain(`/admin/collections/articles/${later}`)
    expect(embargoed).not.toContain('이미 풀린 엠바고')

    // The desk's panel: a reporter's dashboard has none.
    expect(section(await renderFor(fixture.users.kim), 'embargo')).toBe('')
  })
})
