import type { Payload } from 'payload'

import { sql } from 'drizzle-orm'
import crypto from 'node:crypto'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { reindexSearch, searchConfigOf, toSearchDocument } from '../../plugins/search'
import { paragraphsToLexical } from '../../src/seed/lexical'
import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'

/**
 * The gram counts (`search-gram-counts`, plugins/search/databaseAdapter.ts): PostgreSQL reads the
 * total and the title-hit total of a one-gram query from them, so after every kind of change they
 * must equal a recount from the entries, and a search's `totalDocs` must equal the matches counted
 * from the entries' text. SQLite and MongoDB count without the table (it stays empty there); the
 * totals are checked all the same.
 */

let payload: Payload
let api: ReturnType<typeof apiClient>
let section: number | string
let reporter: number | string
const isPostgres = () => payload.db.name === 'postgres'

type Row = Record<string, unknown>
const execute = async (query: ReturnType<typeof sql>): Promise<Row[]> =>
  (
    await (
      payload.db as unknown as { drizzle: { execute: (q: unknown) => Promise<{ rows: Row[] }> } }
    ).drizzle.execute(query)
  ).rows

/** gram → docs as kept in the table (rows at 0 left out: they read as an absent row does). */
const keptCounts = async () =>
  Object.fromEntries(
    (await execute(sql`SELECT gram, docs FROM search_gram_counts WHERE docs <> 0`)).map((row) => [
      String(row.gram),
      Number(row.docs),
    ]),
  )

/** The same recounted from the entries; the empty gram counts every entry. */
const recount = async () =>
  Object.fromEntries(
    (
      await execute(
        sql`SELECT g AS gram, count(*) AS docs FROM search_index, jsonb_array_elements_text(grams) g GROUP BY g
          UNION ALL SELECT '', count(*) FROM search_index`,
      )
    )
      .filter((row) => Number(row.docs) !== 0)
      .map((row) => [String(row.gram), Number(row.docs)]),
  )

/** Entries whose text (and title/keywords) hold `word`, counted from the entries themselves. */
const matchesOf = async (word: string) => {
  const { docs } = await payload.find({
    collection: 'search-index',
    limit: 0,
    pagination: false,
    depth: 0,
    select: { text: true, head: true } as never,
  })
  const entries = docs as unknown as { head: string; text: string }[]
  return {
    total: entries.filter((entry) => entry.text.includes(word)).length,
    head: entries.filter((entry) => entry.head.includes(word)).length,
  }
}

const totalOf = async (q: string) => {
  const { body, status } = await api.rest('GET', `/search?${new URLSearchParams({ q })}`)
  expect(status, JSON.stringify(body)).toBe(200)
  return body.totalDocs as number
}

const WORDS = ['벚꽃', '꽃', '축제', '강변', '야경', '불꽃']

/** The table equals a recount (PostgreSQL), and every word's total equals its matches. */
const expectExact = async () => {
  if (isPostgres()) {
    const kept = await keptCounts()
    expect(kept['']).toBeGreaterThanOrEqual(0)
    expect(kept).toEqual(await recount())
    for (const word of WORDS) {
      const { total, head } = await matchesOf(word)
      // A word of one or two syllables is its own gram.
      expect(kept[word] ?? 0, word).toBe(total)
      expect(kept[`hh${word}`] ?? 0, `title hits of ${word}`).toBe(head)
    }
  }
  for (const word of WORDS) expect(await totalOf(word), word).toBe((await matchesOf(word)).total)
}

const publish = async (title: string, body: string, keywords: string[] = []) =>
  (
    await payload.create({
      collection: 'articles',
      data: {
        title,
        keywords,
        section,
        reporters: [reporter],
        body: paragraphsToLexical([body]),
        _status: 'published',
      } as never,
      depth: 0,
    })
  ).id

beforeAll(async () => {
  payload = await bootPayload('search-gram-counts', { newsroom: { runJobs: false } })
  api = apiClient(payload)
  section = (
    await payload.create({ collection: 'sections', data: { name: '뉴스', slug: 'news' } as never })
  ).id
  reporter = (
    await payload.create({ collection: 'reporters', data: { name: '집계 기자' } as never })
  ).id
})
afterAll(async () => {
  await payload?.destroy()
})

describe('gram counts', () => {
  it('start complete: the startup marks an empty index counted', async () => {
    if (isPostgres())
      expect(await execute(sql`SELECT gram, docs::int AS docs FROM search_gram_counts`)).toEqual([
        { gram: '', docs: 0 },
      ])
    else
      expect((await payload.count({ collection: 'search-gram-counts' as never })).totalDocs).toBe(0)
  })

  it('stay exact through publish, edit (words removed and added), draft save, unpublish and delete', async () => {
    const a = await publish('벚꽃 축제 개막', '강변에 벚꽃이 피었다. 야경도 좋다.', ['축제'])
    const b = await publish('강변 야경 명소', '불꽃 축제가 열린다. 벚꽃은 졌다.')
    const c = await publish('꽃 시장', '꽃을 판다.')
    await expectExact()
    expect(await totalOf('벚꽃')).toBe(2)

    // 야경 and 강변 leave a's body, 불꽃 comes in, the title changes (its marked grams too).
    await payload.update({
      collection: 'articles',
      id: a,
      data: { title: '불꽃 축제 개막', body: paragraphsToLexical(['불꽃이 터졌다.']) } as never,
      depth: 0,
    })
    await expectExact()
    expect(await totalOf('야경')).toBe(1)
    expect(await totalOf('불꽃')).toBe(2)

    // A draft save leaves the live story's entry (and its counts) as they are.
    await payload.update({
      collection: 'articles',
      id: b,
      draft: true,
      data: { title: '초고 제목' } as never,
      depth: 0,
    })
    await expectExact()

    await payload.update({
      collection: 'articles',
      id: b,
      data: { _status: 'draft' } as never,
      depth: 0,
    })
    await expectExact()
    expect(await totalOf('야경')).toBe(0)

    await payload.delete({ collection: 'articles', id: c, depth: 0 })
    await expectExact()
    expect(await totalOf('꽃')).toBe(1)
  })

  it('stay exact under concurrent publishes sharing grams (no deadlock)', async () => {
    const bodies = ['벚꽃 강변 야경 축제 불꽃', '불꽃 축제 야경 강변 벚꽃', '꽃 축제 강변']
    for (let round = 0; round < 3; round++) {
      const created = await Promise.all(
        bodies.map((body, index) => publish(`${body} ${round}-${index}`, `${body} 본문.`)),
      )
      await expectExact()
      // Two edits of different stories at once, each dropping and adding shared grams.
      await Promise.all(
        created.slice(0, 2).map((id, index) =>
          payload.update({
            collection: 'articles',
            id,
            data: {
              body: paragraphsToLexical([index ? '야경만 남았다.' : '벚꽃만 남았다.']),
            } as never,
            depth: 0,
          }),
        ),
      )
      await expectExact()
    }
    // The saves above take turns at the adjacent-articles lock; the adapter's own writes, each in
    // a transaction of its own, do not: six at once, all sharing grams.
    const { adapter } = searchConfigOf(payload)
    const words = ['벚꽃', '강변', '야경', '축제', '불꽃', '꽃']
    // Ids of no article (the search reads articles by id: they must look like ids).
    const fakeIds = words.map((_, index) =>
      payload.db.name === 'mongoose'
        ? crypto.randomBytes(12).toString('hex')
        : typeof section === 'string'
          ? crypto.randomUUID()
          : String(900_000 + index),
    )
    await Promise.all(
      words.map(async (word, index) =>
        adapter.upsert({
          doc: {
            id: fakeIds[index]!,
            title: word,
            subtitle: '',
            keywords: [],
            byline: '',
            regionLabel: '',
            body: [...words.slice(index), ...words.slice(0, index)].join(' '),
            section: null,
            region: null,
            registeredAt: null,
          },
          req: await createLocalReq({}, payload),
        }),
      ),
    )
    await expectExact()
    await Promise.all(
      words.map(async (_, index) =>
        adapter.remove({ id: fakeIds[index]!, req: await createLocalReq({}, payload) }),
      ),
    )
    await expectExact()
  })

  it('stay exact when the adapter writes outside a save (as search:reindex does: no transaction)', async () => {
    const { adapter } = searchConfigOf(payload)
    const req = await createLocalReq({}, payload)
    const story = (
      await payload.find({ collection: 'articles', limit: 1, depth: 0, sort: '-createdAt' })
    ).docs[0] as unknown as Record<string, unknown>
    const doc = toSearchDocument(story)
    await adapter.upsert({ doc: { ...doc, title: '야경 강변 꽃', body: '새 본문 축제' }, req })
    expect(req.transactionID).toBeUndefined()
    await expectExact()
    await adapter.remove({ id: doc.id, req })
    await expectExact()
    await adapter.upsert({ doc, req })
    await expectExact()
  })

  it('are what a one-gram search reads (PostgreSQL), and search:reindex makes them exact again', async () => {
    if (!isPostgres()) {
      await reindexSearch(payload)
      return expectExact()
    }
    // A wrong count shows in the answer: the table, not a count of matches, gave the total.
    const truth = await totalOf('벚꽃')
    await execute(sql`UPDATE search_gram_counts SET docs = docs + 5 WHERE gram = '벚꽃'`)
    expect(await totalOf('벚꽃')).toBe(truth + 5)
    // Two grams are counted, not read from the table.
    expect(await totalOf('벚꽃 축제')).toBeGreaterThan(0)
    await execute(sql`DELETE FROM search_gram_counts WHERE gram = '야경'`)
    await reindexSearch(payload)
    await expectExact()
  })

  it('are not read, nor kept, until the table is marked complete; the startup fills it', async () => {
    if (!isPostgres()) return
    await execute(sql`DELETE FROM search_gram_counts`)
    // Incomplete: the search counts the matches.
    await expectTotalsCounted()
    const id = await publish('벚꽃 야경', '강변의 벚꽃.')
    expect(await keptCounts()).toEqual({})
    await expectTotalsCounted()
    // What a start does on a database whose index predates the counts (or a restored backup's).
    await searchConfigOf(payload).adapter.init!(payload)
    await expectExact()
    await payload.delete({ collection: 'articles', id, depth: 0 })
    await expectExact()
  })
})

const expectTotalsCounted = async () => {
  for (const word of WORDS) expect(await totalOf(word), word).toBe((await matchesOf(word)).total)
}
