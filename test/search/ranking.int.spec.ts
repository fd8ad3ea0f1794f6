import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseSearchAdapter } from '../../plugins/search'
import { paragraphsToLexical } from '../../src/seed/lexical'
import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'

/**
 * The bounded ranking (plugins/search/databaseAdapter.ts): title/keyword hits, then body-only hits
 * newest first, each part read only as far as the page reaches. Every page size is walked through
 * so that some page straddles the boundary between the parts; pages joined must be the whole
 * ranking — no duplicate, no gap — by the walk, by the sort and by the adapter's own choice.
 */

let payload: Payload
let api: ReturnType<typeof apiClient>
let req: PayloadRequest
let otherSection: number | string
const ids: Record<string, string> = {}

// key, title, keywords, body, registeredAt, in the other section
const stories: [string, string, string[], string, string, boolean?][] = [
  ['t2a', '펭귄과 빙하 탐사', [], '탐사대가 떠났다.', '2024-03-01T09:00:00+09:00'],
  ['t2b', '빙하 위의 펭귄', [], '사진이 공개됐다.', '2022-03-01T09:00:00+09:00'],
  ['t1a', '펭귄 보호 구역 지정', [], '빙하가 녹고 있다.', '2024-05-01T09:00:00+09:00'],
  ['t1b', '남극 펭귄 관찰기', [], '빙하 아래 바다.', '2023-05-01T09:00:00+09:00', true],
  ['t1c', '펭귄 인형 판매', [], '빙하 모양 포장.', '2021-05-01T09:00:00+09:00'],
  ['k1', '남극 기지 소식', ['빙하'], '펭귄이 많다.', '2022-09-01T09:00:00+09:00', true],
  ['b1', '남극 탐사 출발', [], '펭귄과 빙하를 본다.', '2025-01-01T09:00:00+09:00'],
  ['b2', '기후 회의 개막', [], '빙하와 펭귄이 의제다.', '2024-06-01T09:00:00+09:00', true],
  // The same instant: the later index entry ranks first.
  ['b3', '동물원 새 단장', [], '펭귄 사육장과 빙하 모형.', '2023-01-01T09:00:00+09:00'],
  ['b4', '수족관 개장', [], '빙하 수조의 펭귄.', '2023-01-01T09:00:00+09:00'],
  ['b5', '다큐멘터리 방영', [], '펭귄 가족과 빙하.', '2020-01-01T09:00:00+09:00', true],
  ['b6', '사진전 개막', [], '빙하 사진과 펭귄 사진.', '2019-01-01T09:00:00+09:00'],
  ['a1', '겨울 축제 안내', [], '펭귄 탈을 쓴 행렬.', '2024-12-01T09:00:00+09:00'],
  ['a2', '어린이 그림 대회', [], '펭귄 그리기.', '2018-01-01T09:00:00+09:00'],
]

// The whole ranking, by hand: more terms in title/keywords first, then newest, then later entry.
// b3 and b4 share a registration time: their order is the index's tie-break (its row ids, which
// follow the entries with integer ids but not with uuids), taken from the whole ranking's answer.
const ranking: Record<string, string[]> = {
  펭귄: [
    ...['t1a', 't2a', 't1b', 't2b', 't1c'],
    ...['b1', 'a1', 'b2', 'b4', 'b3', 'k1', 'b5', 'b6', 'a2'],
  ],
  '펭귄 빙하': [
    ...['t2a', 't2b'],
    ...['t1a', 't1b', 'k1', 't1c'],
    ...['b1', 'b2', 'b4', 'b3', 'b5', 'b6'],
  ],
  // A three-syllable term: grams, then the literal check.
  펭귄과: ['t2a', 'b1'],
}
const rankingOther = ['t1b', 'b2', 'k1', 'b5']

beforeAll(async () => {
  payload = await bootPayload('search-ranking', { newsroom: { runJobs: false } })
  api = apiClient(payload)
  req = await createLocalReq({}, payload)
  const section = (
    await payload.create({ collection: 'sections', data: { name: '뉴스', slug: 'news' } as never })
  ).id
  otherSection = (
    await payload.create({
      collection: 'sections',
      data: { name: '과학', slug: 'science' } as never,
    })
  ).id
  const reporter = (
    await payload.create({ collection: 'reporters', data: { name: '순위 기자' } as never })
  ).id
  for (const [key, title, keywords, body, registeredAt, other] of stories) {
    const created = await payload.create({
      collection: 'articles',
      data: {
        title,
        keywords,
        section: other ? otherSection : section,
        reporters: [reporter],
        body: paragraphsToLexical([body]),
        registeredAt,
        _status: 'published',
      } as never,
      depth: 0,
    })
    ids[key] = String(created.id)
  }
})
afterAll(async () => {
  await payload?.destroy()
})

const keysOf = (articleIds: string[]) =>
  articleIds.map((id) => Object.keys(ids).find((key) => ids[key] === id) ?? id)

const TIED = ['b3', 'b4']
/** The hand ranking with the tied stories in the order `whole` (one page of everything) has them. */
const withTiesAsIn = (expected: string[], whole: string[]): string[] => {
  const order = whole.filter((key) => TIED.includes(key))
  let next = 0
  return expected.map((key) => (TIED.includes(key) ? (order[next++] ?? key) : key))
}

describe('bounded ranking across the title/body boundary', () => {
  for (const strategy of ['walk', 'sort', 'auto'] as const)
    it(`pages join into the whole ranking (${strategy})`, async () => {
      const adapter = databaseSearchAdapter({ strategy })
      for (const [q, expected] of [
        ...Object.entries(ranking),
        ['펭귄 (science)', rankingOther] as const,
      ]) {
        const terms = q.split(' (')[0]!.split(' ')
        const sections = q.includes('(science)') ? [String(otherSection)] : null
        const whole = await adapter.search({
          query: { terms, sections, regions: null, page: 1, limit: 100 },
          req,
        })
        const ranked = withTiesAsIn(expected, keysOf(whole.hits.map((hit) => hit.id)))
        expect(keysOf(whole.hits.map((hit) => hit.id)), `${q} whole`).toEqual(ranked)
        for (const limit of [1, 2, 3, 4, 5, 7]) {
          const joined: string[] = []
          for (let page = 1; page <= Math.ceil(expected.length / limit) + 1; page++) {
            const { hits, totalDocs } = await adapter.search({
              query: { terms, sections, regions: null, page, limit },
              req,
            })
            expect(totalDocs, `${q} limit ${limit} page ${page}`).toBe(expected.length)
            joined.push(...hits.map((hit) => hit.id))
          }
          expect(keysOf(joined), `${q} limit ${limit}`).toEqual(ranked)
        }
      }
    })

  it('answers REST pages in the same order', async () => {
    for (const [q, expected] of Object.entries(ranking)) {
      const whole = await api.rest('GET', `/search?${new URLSearchParams({ q, limit: '50' })}`)
      const ranked = withTiesAsIn(
        expected,
        keysOf((whole.body.docs as { id: number | string }[]).map((doc) => String(doc.id))),
      )
      for (const limit of [2, 3]) {
        const joined: string[] = []
        for (let page = 1; page <= Math.ceil(expected.length / limit); page++) {
          const { body, status } = await api.rest(
            'GET',
            `/search?${new URLSearchParams({ q, limit: String(limit), page: String(page) })}`,
          )
          expect(status, JSON.stringify(body)).toBe(200)
          expect(body).toMatchObject({
            totalDocs: expected.length,
            page,
            totalPages: Math.ceil(expected.length / limit),
          })
          joined.push(...(body.docs as { id: number | string }[]).map((doc) => String(doc.id)))
        }
        expect(keysOf(joined), `${q} limit ${limit}`).toEqual(ranked)
      }
    }
  })
})
