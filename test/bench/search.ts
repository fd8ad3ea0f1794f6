/**
 * `npm run bench:search`: public search at N published articles (BENCH_SEARCH_SIZES, default
 * 10k,100k) on the database of DATABASE_URI (SQLite when unset; PostgreSQL with a postgres:// URI):
 * p50/p95 of a 2-syllable query (issue target ≤ 50 ms at 100k) by word frequency, through the
 * index alone and through the whole search (index + the page's headline read), and the index
 * update inside a publish (target ≤ 20 ms). The corpus is generated (Zipf-distributed Hangul
 * vocabulary with particles, ~1,000 characters a body) and bulk-inserted with the adapter's own
 * Drizzle tables, index entries computed by the plugin's own code; the publishes go through the
 * Local API with every hook.
 */
import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createLocalReq } from 'payload'

import {
  rebuildGramCounts,
  reindexSearch,
  runSearch,
  searchConfigOf,
  toSearchDocument,
} from '../../plugins/search'
import { searchEntryOf } from '../../plugins/search/databaseAdapter'
import { optimizeDatabase } from '../../src/database'
import { paragraphsToLexical } from '../../src/seed/lexical'
import { ulsanArticle } from '../../src/seed/ulsanArticle'
import { bootPayload } from '../helpers/payload'

type Row = Record<string, unknown>

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!
const round = (value: number) => +value.toFixed(1)

// mulberry32: deterministic, so two runs measure the same corpus.
let seed = 7
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

// Common syllables of news Korean; words are 2–3 of them. The query words sit at fixed ranks.
const syllables = [
  ...'가각간강개거건게결경계고공과관광교구국군권규그근금기김나남내노녀년농다단당대도동두등라래량러력련령로록료류리마만말매면명모무문물미민바박반방배백번법변보복본부북분불비사산상생서석선설성세소속손송수숙시식신실심아안애야약양어언업여역연영예오온외요용우운원월위유육윤은음의이인일임자작장재전정제조주준중지직진차참창채처천청체초총최추출충치카타태토통투파판평포표품프하학한할함합해행향허현협형호화환활회효후훈휴흥'.split(
    '',
  ),
]
// With ~170 words a story, rank 5 is in nearly every story (a stop-word-like query), rank 40 in
// about a third, 150 in a tenth, 600 in 3 %, 3000 in 0.5 %.
const QUERY_WORDS: [word: string, rank: number][] = [
  ['지난', 5],
  ['울산', 40],
  ['경찰', 150],
  ['화재', 600],
  ['축제', 3000],
]
const particles = [
  '',
  '',
  '',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '에서',
  '으로',
  '와',
  '도',
]
const VOCABULARY_SIZE = 5000
const vocabulary: string[] = (() => {
  const words = new Set<string>(QUERY_WORDS.map(([word]) => word))
  const list: string[] = []
  while (list.length < VOCABULARY_SIZE) {
    const length = 2 + (random() < 0.4 ? 1 : 0)
    let word = ''
    for (let index = 0; index < length; index++)
      word += syllables[Math.floor(random() * syllables.length)]
    if (!words.has(word)) {
      words.add(word)
      list.push(word)
    }
  }
  for (const [word, rank] of QUERY_WORDS) list.splice(rank - 1, 0, word)
  return list.slice(0, VOCABULARY_SIZE)
})()
// Zipf: P(rank r) ∝ 1/r, sampled by inverting the cumulative weights.
const cumulative = (() => {
  let sum = 0
  return vocabulary.map((_, index) => (sum += 1 / (index + 1)))
})()
const zipfWord = () => {
  const target = random() * cumulative.at(-1)!
  let low = 0
  let high = cumulative.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (cumulative[middle]! < target) low = middle + 1
    else high = middle
  }
  return vocabulary[low]!
}
const sentence = (words: number) =>
  Array.from(
    { length: words },
    () => zipfWord() + particles[Math.floor(random() * particles.length)],
  ).join(' ') + '.'

const insertCorpus = async (
  payload: Payload,
  count: number,
  startId: number,
  sections: (number | string)[],
  regions: (number | string)[],
) => {
  const db = payload.db as unknown as { drizzle: any; tables: Record<string, unknown> }
  const now = Date.now()
  for (let offset = 0; offset < count; offset += 500) {
    const articles: Row[] = []
    const entries: Row[] = []
    for (let index = offset; index < Math.min(count, offset + 500); index++) {
      const id = startId + index
      const registeredAt = new Date(now - random() * 730 * 24 * 3600 * 1000).toISOString()
      const section = sections[Math.floor(random() * sections.length)]!
      const region = regions[Math.floor(random() * regions.length)]!
      const title = `${sentence(5).slice(0, -1)} ${id}`
      const keywords = [zipfWord(), zipfWord(), zipfWord()]
      const paragraphs = Array.from({ length: 6 }, () => sentence(25))
      articles.push({
        id,
        title,
        slug: `bench-${id}`,
        region,
        section,
        registeredAt,
        updatedAt: registeredAt,
        createdAt: registeredAt,
        _status: 'published',
      })
      entries.push(
        searchEntryOf(
          toSearchDocument({
            id,
            title,
            keywords,
            byline: '벤치 기자',
            bodyHtml: paragraphs.map((text) => `<p>${text}</p>`).join(''),
            section,
            region,
            registeredAt,
          }),
        ),
      )
    }
    await db.drizzle.insert(db.tables.articles).values(articles)
    await db.drizzle
      .insert(db.tables.search_index)
      .values(entries.map((entry) => ({ ...entry, registeredAt: entry.registeredAt ?? undefined })))
    if ((offset / 500) % 20 === 19)
      process.stderr.write(`[bench] ${offset + 500}/${count} articles\n`)
  }
}

export const runSearchBench = async (sizes: number[]) => {
  const payload = await bootPayload('bench-search', { newsroom: { runJobs: false } })
  const kind = payload.db.name
  const { seedSido } = await import('../../src/seed')
  await seedSido(payload)
  const regions = (await payload.find({ collection: 'regions', limit: 100, depth: 0 })).docs.map(
    (doc) => doc.id,
  )
  const sections: (number | string)[] = []
  for (let index = 0; index < 10; index++)
    sections.push(
      (await payload.create({ collection: 'sections', data: { name: `섹션 ${index}` } })).id,
    )
  const reporter = (
    await payload.create({ collection: 'reporters', data: { name: '벤치 기자' } as never })
  ).id
  const config = searchConfigOf(payload)
  const req = await createLocalReq({}, payload)
  const results: Row[] = []
  let inserted = 0
  for (const size of sizes) {
    const started = performance.now()
    await insertCorpus(payload, size - inserted, inserted + 1, sections, regions)
    const insertSeconds = round((performance.now() - started) / 1000)
    process.stderr.write(`[bench] ${size} articles inserted (${insertSeconds} s)\n`)
    inserted = size
    if (kind === 'postgres') {
      const db = payload.db as unknown as { drizzle: { execute: (q: unknown) => Promise<unknown> } }
      const { sql } = await import('drizzle-orm')
      // The bulk insert gave ids itself: move the sequence past them for the publishes below.
      await db.drizzle.execute(
        sql.raw(
          `SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))`,
        ),
      )
      // The bulk insert went past the adapter, so past the gram counts too: count them from the
      // entries (what the startup fill and search:reindex do), timed.
      const filled = performance.now()
      await rebuildGramCounts(payload, undefined, { force: true })
      process.stderr.write(
        `[bench] gram counts rebuilt (${round((performance.now() - filled) / 1000)} s)\n`,
      )
      await db.drizzle.execute(sql.raw('ANALYZE'))
    } else {
      await optimizeDatabase(payload)
      // Bulk loading leaves the FTS5 index in many small segments, which live publishing (one
      // entry at a time, merged as it goes) does not: merge them, as ANALYZE does for PostgreSQL.
      const { sql } = await import('drizzle-orm')
      await (
        payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } }
      ).drizzle.run(
        sql.raw(`INSERT INTO "_cf_search_index_fts"("_cf_search_index_fts") VALUES ('optimize')`),
      )
    }

    for (const [word] of QUERY_WORDS) {
      const base = { terms: [word], sections: null, regions: null, page: 1, limit: 10 }
      const { totalDocs } = await config.adapter.search({ query: base, req })
      for (let warm = 0; warm < 3; warm++) await runSearch(config, req, base, 1)
      const indexTimes: number[] = []
      const fullTimes: number[] = []
      for (let round_ = 0; round_ < 20; round_++) {
        // Pages 1–4 in turn: the same work (count + ranked page) without one page's cache.
        const query = { ...base, page: 1 + (round_ % 4) }
        let start = performance.now()
        await config.adapter.search({ query, req })
        indexTimes.push(performance.now() - start)
        start = performance.now()
        await runSearch(config, req, query, 1)
        fullTimes.push(performance.now() - start)
      }
      const row = {
        articles: size,
        query: word,
        matches: totalDocs,
        'index p50 ms': round(percentile(indexTimes, 0.5)),
        'index p95 ms': round(percentile(indexTimes, 0.95)),
        'search p50 ms': round(percentile(fullTimes, 0.5)),
        'search p95 ms': round(percentile(fullTimes, 0.95)),
      }
      results.push(row)
      // As it goes: a run stopped for time still leaves its numbers.
      process.stderr.write(`[bench] ${JSON.stringify(row)}\n`)
    }
  }

  // The index update inside a publish: the plugin's upsert timed around each publish of a
  // seed-page-sized article (create, then re-publish with an edit), and the whole save.
  const upsertTimes: number[] = []
  const saveTimes: number[] = []
  const adapter = config.adapter
  const timedUpsert = adapter.upsert
  adapter.upsert = async (args) => {
    const start = performance.now()
    await timedUpsert(args)
    upsertTimes.push(performance.now() - start)
  }
  for (let index = 0; index < 20; index++) {
    const start = performance.now()
    const created = await payload.create({
      collection: 'articles',
      data: {
        title: `${ulsanArticle.title} ${index}`,
        subtitle: ulsanArticle.subtitle,
        section: sections[0],
        reporters: [reporter],
        keywords: ['울산', '사회혁신'],
        body: paragraphsToLexical(ulsanArticle.paragraphs),
        _status: 'published',
      } as never,
      depth: 0,
    })
    saveTimes.push(performance.now() - start)
    const again = performance.now()
    await payload.update({
      collection: 'articles',
      id: created.id,
      data: { subtitle: `수정 ${index}` } as never,
      depth: 0,
    })
    saveTimes.push(performance.now() - again)
  }
  adapter.upsert = timedUpsert
  const publish = {
    'index update p50 ms': round(percentile(upsertTimes, 0.5)),
    'index update p95 ms': round(percentile(upsertTimes, 0.95)),
    'whole publish p50 ms': round(percentile(saveTimes, 0.5)),
    'whole publish p95 ms': round(percentile(saveTimes, 0.95)),
  }

  const reindexStart = performance.now()
  let reindexed = 0
  if (process.env.BENCH_SEARCH_REINDEX === '1')
    reindexed = (await reindexSearch(payload, { batch: 500 })).done
  const reindexSeconds = round((performance.now() - reindexStart) / 1000)
  await payload.destroy()
  return { kind, results, publish, reindex: reindexed ? { reindexed, reindexSeconds } : null }
}

const main = async () => {
  const sizes = (process.env.BENCH_SEARCH_SIZES || '10000,100000').split(',').map(Number)
  const { kind, results, publish, reindex } = await runSearchBench(sizes)
  console.log(`\nPublic search (${kind}); 20 runs per query word, pages 1–4 in turn`)
  console.table(results)
  console.log(`Index update inside a publish (${kind}, 40 publishes of a seed-page article)`)
  console.table([publish])
  if (reindex) console.log('reindex', reindex)
  const largest = results.filter((row) => row.articles === Math.max(...sizes))
  const worst = Math.max(...largest.map((row) => row['search p95 ms'] as number))
  console.log(
    `target ≤ 50 ms p95 at ${Math.max(...sizes)}: worst word ${worst} ms (${worst <= 50 ? 'met' : 'missed'}); index update p95 ${publish['index update p95 ms']} ms (target ≤ 20 ms: ${publish['index update p95 ms'] <= 20 ? 'met' : 'missed'})`,
  )
  const out = path.resolve(import.meta.dirname, 'results', `search-${kind}.json`)
  fs.writeFileSync(
    out,
    JSON.stringify(
      { measuredAt: new Date().toISOString(), sizes, results, publish, reindex },
      null,
      2,
    ),
  )
  console.log(`written to ${path.relative(process.cwd(), out)}`)
  process.exit(0)
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) void main()
