import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { relinkAdjacentArticles } from '../../plugins/adjacent-articles'
import { writeLinks } from '../../plugins/adjacent-articles/relink'
import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let editorToken: string

type ID = number | string
type Stored = {
  _status?: string
  adjacentLinks?: { newer?: ID | null; older?: ID | null; revision?: null | number }
  id: ID
  registeredAt?: string
  section?: ID | null
  title?: string
}

let reporter: ID

beforeAll(async () => {
  payload = await bootPayload('adjacent')
  await payload.create({
    collection: 'users',
    data: { email: 'desk@adjacent.test', password: 'secret-desk-1', roles: ['editor'] } as never,
  })
  // A published story needs a byline.
  reporter = (await payload.create({ collection: 'reporters', data: { name: '인접 기자' } })).id
  api = apiClient(payload)
  editorToken = await api.login('desk@adjacent.test', 'secret-desk-1')
})
afterAll(async () => {
  await payload?.destroy()
})

const newSection = async (name: string) =>
  (await payload.create({ collection: 'sections', data: { name } })).id

const at = (day: number, hour = 9) => new Date(Date.UTC(2024, 2, day, hour)).toISOString()

const publish = async (title: string, section: ID, registeredAt: string) =>
  (
    await payload.create({
      collection: 'articles',
      data: { title, section, registeredAt, reporters: [reporter], _status: 'published' } as never,
      depth: 0,
    })
  ).id

/** Every stored row, straight from the database (hidden fields included). */
const storedRows = async (): Promise<Stored[]> =>
  (
    await payload.db.find({
      collection: 'articles',
      limit: 0,
      pagination: false,
      select: {
        title: true,
        section: true,
        registeredAt: true,
        _status: true,
        adjacentLinks: true,
      } as never,
    })
  ).docs as unknown as Stored[]

/**
 * The links every published article of `sections` should carry, worked out from scratch
 * (date order, ties by id), next to what is stored.
 */
const expectLinksMatchTimeline = async (sections: ID[]) => {
  const rows = (await storedRows()).filter(
    (row) => row._status === 'published' && sections.map(String).includes(String(row.section)),
  )
  const expected = new Map<string, { newer: null | string; older: null | string }>()
  for (const section of sections) {
    const timeline = rows
      .filter((row) => String(row.section) === String(section))
      .sort(
        (a, b) =>
          new Date(a.registeredAt!).getTime() - new Date(b.registeredAt!).getTime() ||
          Number(a.id) - Number(b.id),
      )
    timeline.forEach((row, index) =>
      expected.set(String(row.id), {
        newer: timeline[index + 1] ? String(timeline[index + 1]!.id) : null,
        older: timeline[index - 1] ? String(timeline[index - 1]!.id) : null,
      }),
    )
  }
  const actual = new Map(
    rows.map((row) => [
      String(row.id),
      {
        newer: row.adjacentLinks?.newer == null ? null : String(row.adjacentLinks.newer),
        older: row.adjacentLinks?.older == null ? null : String(row.adjacentLinks.older),
      },
    ]),
  )
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected))
  for (const row of rows)
    expect(row.adjacentLinks?.revision, `article ${row.id} is linked`).toBeTypeOf('number')
  return rows.length
}

const titlesAround = async (id: ID, query = '') => {
  const { body, status } = await api.rest('GET', `/articles/${id}?depth=1${query}`, {
    token: query ? editorToken : undefined,
  })
  expect(status).toBe(200)
  // The stored links are bookkeeping: not part of what readers get.
  expect(body).not.toHaveProperty('adjacentLinks')
  expect(body.adjacent.newer ?? {}).not.toHaveProperty('adjacentLinks')
  return { newer: body.adjacent.newer?.title ?? null, older: body.adjacent.older?.title ?? null }
}

describe('stored neighbours', () => {
  it('stay right through publish, unpublish, draft saves, moves, date changes and deletes', async () => {
    const politics = await newSection('정치 (이웃)')
    const society = await newSection('사회 (이웃)')
    const ids: ID[] = []
    for (const day of [1, 3, 5, 7, 9]) ids.push(await publish(`정치 ${day}일`, politics, at(day)))
    await publish('사회 2일', society, at(2))
    expect(await expectLinksMatchTimeline([politics, society])).toBe(6)
    expect(await titlesAround(ids[2]!)).toEqual({ newer: '정치 7일', older: '정치 3일' })

    // Published in the middle: both sides now point at it.
    const middle = await publish('정치 4일', politics, at(4))
    await expectLinksMatchTimeline([politics, society])
    expect(await titlesAround(ids[1]!)).toEqual({ newer: '정치 4일', older: '정치 1일' })

    // Unpublished: skipped again.
    await payload.update({ collection: 'articles', id: middle, data: { _status: 'draft' } })
    await expectLinksMatchTimeline([politics, society])
    expect(await titlesAround(ids[1]!)).toEqual({ newer: '정치 5일', older: '정치 1일' })

    // A draft that moves a published article changes nothing readers see until it is published.
    await payload.update({
      collection: 'articles',
      id: ids[2]!,
      data: { section: society } as never,
      draft: true,
    })
    await expectLinksMatchTimeline([politics, society])
    expect(await titlesAround(ids[1]!)).toEqual({ newer: '정치 5일', older: '정치 1일' })
    // …while its preview already shows where it is going.
    expect(await titlesAround(ids[2]!, '&draft=true')).toEqual({ newer: null, older: '사회 2일' })
    await payload.update({ collection: 'articles', id: ids[2]!, data: { _status: 'published' } })
    await expectLinksMatchTimeline([politics, society])
    expect(await titlesAround(ids[1]!)).toEqual({ newer: '정치 7일', older: '정치 1일' })
    expect(await titlesAround(ids[2]!)).toEqual({ newer: null, older: '사회 2일' })

    // A new registration time reorders the section.
    await payload.update({
      collection: 'articles',
      id: ids[0]!,
      data: { registeredAt: at(8) } as never,
    })
    await expectLinksMatchTimeline([politics, society])
    expect(await titlesAround(ids[0]!)).toEqual({ newer: '정치 9일', older: '정치 7일' })

    // Deleted: its neighbours close the gap.
    await payload.delete({ collection: 'articles', id: ids[3]! })
    await expectLinksMatchTimeline([politics, society])
    expect(await titlesAround(ids[0]!)).toEqual({ newer: '정치 9일', older: '정치 3일' })

    // Published again, over REST as an editor would.
    const republished = await api.rest('PATCH', `/articles/${middle}`, {
      body: { _status: 'published' },
      token: editorToken,
    })
    expect(republished.status).toBe(200)
    await expectLinksMatchTimeline([politics, society])
    expect(await titlesAround(ids[1]!)).toEqual({ newer: '정치 4일', older: null })
  })

  it('ignore links sent with a save', async () => {
    const section = await newSection('문화 (이웃)')
    const first = await publish('문화 1일', section, at(1))
    const second = await publish('문화 2일', section, at(2))
    const forged = await api.rest('PATCH', `/articles/${first}`, {
      body: {
        title: '문화 1일 (고침)',
        adjacent: { newer: null, older: second },
        adjacentLinks: { newer: null, older: second, revision: 50 },
      },
      token: editorToken,
    })
    expect(forged.status).toBe(200)
    await expectLinksMatchTimeline([section])
    const created = await payload.create({
      collection: 'articles',
      data: {
        title: '문화 3일',
        section,
        reporters: [reporter],
        registeredAt: at(3),
        _status: 'published',
        adjacentLinks: { newer: first, older: first, revision: 99 },
      } as never,
    })
    await expectLinksMatchTimeline([section])
    expect(await titlesAround(created.id)).toEqual({ newer: null, older: '문화 2일' })
  })

  it('end up right when many articles of one section are published and withdrawn at once', async () => {
    const section = await newSection('속보 (이웃)')
    const days = [14, 3, 9, 1, 12, 6, 10, 2, 8, 5, 13, 4, 11, 7]
    const ids = await Promise.all(days.map((day) => publish(`속보 ${day}일`, section, at(day))))
    expect(await expectLinksMatchTimeline([section])).toBe(days.length)
    await Promise.all(
      ids
        .filter((_, index) => index % 3 === 0)
        .map((id) => payload.update({ collection: 'articles', id, data: { _status: 'draft' } })),
    )
    await expectLinksMatchTimeline([section])
    await Promise.all(
      ids
        .filter((_, index) => index % 3 === 0)
        .map((id) =>
          payload.update({ collection: 'articles', id, data: { _status: 'published' } }),
        ),
    )
    expect(await expectLinksMatchTimeline([section])).toBe(days.length)
  })

  it('are never overwritten by a relinking that read them before another one wrote', async () => {
    const section = await newSection('국제 (이웃)')
    const first = await publish('국제 1일', section, at(1))
    const third = await publish('국제 3일', section, at(3))
    const seen = (await storedRows()).find(
      (row) => String(row.id) === String(first),
    )!.adjacentLinks!
    expect(seen.newer).toBe(third)
    // Another save relinks `first` after `seen` was read…
    const second = await publish('국제 2일', section, at(2))
    // …so links computed from what was seen (before 국제 2일 existed) must not be written.
    const collection = payload.collections.articles.config
    expect(
      await writeLinks({ payload }, collection, first, seen.revision!, {
        newer: third,
        older: null,
      }),
    ).toBe(false)
    await expectLinksMatchTimeline([section])
    const now = (await storedRows()).find((row) => String(row.id) === String(first))!.adjacentLinks!
    expect(now.newer).toBe(second)
    expect(
      await writeLinks({ payload }, collection, first, now.revision!, {
        newer: second,
        older: null,
      }),
    ).toBe(true)
  })

  it('are read with the article, without neighbour lookups', async () => {
    const section = await newSection('경제 (이웃)')
    const ids: ID[] = []
    for (const day of [1, 2, 3]) ids.push(await publish(`경제 ${day}일`, section, at(day)))
    const db = payload.db as unknown as Record<string, (...args: unknown[]) => unknown>
    const original = db.find!
    const lookups: string[] = []
    db.find = function (this: unknown, ...args: unknown[]) {
      const where = JSON.stringify((args[0] as { where?: unknown }).where ?? {})
      if (/registeredAt":\{"(greater|less)_than/.test(where)) lookups.push(where)
      return original.apply(payload.db, args)
    }
    const [linked] = (await storedRows()).filter((row) => String(row.id) === String(ids[1]))
    try {
      expect(await titlesAround(ids[1]!)).toEqual({ newer: '경제 3일', older: '경제 1일' })
      expect(lookups).toEqual([])
      // An article not linked yet (a database from before the plugin) is looked up instead.
      await payload.db.updateOne({
        collection: 'articles',
        id: ids[1]!,
        data: { adjacentLinks: { newer: null, older: null, revision: null } },
      })
      expect(await titlesAround(ids[1]!)).toEqual({ newer: '경제 3일', older: '경제 1일' })
      expect(lookups.length).toBeGreaterThan(0)
    } finally {
      db.find = original
      await payload.db.updateOne({
        collection: 'articles',
        id: ids[1]!,
        data: { adjacentLinks: linked!.adjacentLinks! },
      })
    }
  })

  it('are repaired by relinkAdjacentArticles, with progress', async () => {
    const section = await newSection('스포츠 (이웃)')
    const ids: ID[] = []
    for (const day of [1, 2, 3, 4, 5]) ids.push(await publish(`스포츠 ${day}일`, section, at(day)))
    // What a bulk import that skipped hooks, or a database from before the plugin, looks like.
    await payload.db.updateOne({
      collection: 'articles',
      id: ids[0]!,
      data: { adjacentLinks: { newer: ids[4], older: ids[3], revision: 7 } },
    })
    await payload.db.updateOne({
      collection: 'articles',
      id: ids[2]!,
      data: { adjacentLinks: { newer: null, older: null, revision: null } },
    })
    await payload.db.updateOne({
      collection: 'articles',
      id: ids[4]!,
      data: { adjacentLinks: { newer: ids[0], older: null, revision: 2 } },
    })
    await expect(expectLinksMatchTimeline([section])).rejects.toThrow()
    const progress: { checked: number; total: number }[] = []
    const [result] = await relinkAdjacentArticles(payload, (update) => progress.push(update))
    expect(result!.rewritten).toBe(3)
    expect(result!.checked).toBe(result!.total)
    expect(progress.at(-1)).toMatchObject({ checked: result!.total })
    await expectLinksMatchTimeline([section])
    const again = await relinkAdjacentArticles(payload)
    expect(again[0]!.rewritten).toBe(0)
  })
})
