/**
 * Median time to compute related-news suggestions at save, with 1k, 10k and 100k published
 * articles on SQLite (issue target: ≤ 50 ms at 100k). The corpus is bulk-inserted with the
 * adapter's own Drizzle tables — a benchmark may be adapter-specific, plugin code may not.
 */
import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createLocalReq } from 'payload'

import { sanitizeRelatedNewsOptions } from '../../plugins/related-news/defaults'
import { findSuggestions } from '../../plugins/related-news/findSuggestions'
import { optimizeDatabase } from '../../src/database'
import { bootPayload } from '../helpers/payload'

type Row = Record<string, unknown>

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!

// A deterministic generator, so two runs measure the same corpus.
let seed = 42
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!

const vocabulary = Array.from({ length: 3000 }, (_, index) => `키워드${index}`)

const insertCorpus = async (
  payload: Payload,
  count: number,
  regions: number[],
  sections: number[],
  startId: number,
) => {
  const db = payload.db as unknown as { drizzle: any; tables: Record<string, unknown> }
  const now = Date.now()
  for (let offset = 0; offset < count; offset += 1000) {
    const articles: Row[] = []
    const texts: Row[] = []
    for (let index = offset; index < Math.min(count, offset + 1000); index++) {
      const id = startId + index
      const registeredAt = new Date(now - random() * 730 * 24 * 3600 * 1000).toISOString()
      articles.push({
        id,
        title: `벤치 기사 ${id}`,
        slug: `bench-${id}`,
        region: pick(regions),
        section: pick(sections),
        registeredAt,
        updatedAt: registeredAt,
        createdAt: registeredAt,
        _status: 'published',
      })
      const keywordCount = 3 + Math.floor(random() * 4)
      for (let order = 0; order < keywordCount; order++) {
        texts.push({ order: order + 1, parent: id, path: 'keywords', text: pick(vocabulary) })
      }
    }
    await db.drizzle.insert(db.tables.articles).values(articles)
    await db.drizzle.insert(db.tables.articles_texts).values(texts)
  }
}

export const runSuggestionsBench = async (sizes: number[]) => {
  const payload = await bootPayload('bench-suggestions', { newsroom: { runJobs: false } })
  const { seedSido } = await import('../../src/seed')
  await seedSido(payload)
  const regions = (await payload.find({ collection: 'regions', limit: 100, depth: 0 })).docs.map(
    (doc) => doc.id as number,
  )
  const sections: number[] = []
  for (let index = 0; index < 10; index++) {
    sections.push(
      (await payload.create({ collection: 'sections', data: { name: `섹션 ${index}` } }))
        .id as number,
    )
  }
  const config = sanitizeRelatedNewsOptions({})
  const req = await createLocalReq({}, payload)
  const results: {
    articles: number
    findMedianMs: number
    findP95Ms: number
    saveMedianMs: number
  }[] = []
  let inserted = 0
  for (const size of sizes) {
    const started = performance.now()
    await insertCorpus(payload, size - inserted, regions, sections, inserted + 1)
    process.stderr.write(
      `[bench] ${size} articles inserted (${Math.round(performance.now() - started)} ms)\n`,
    )
    inserted = size
    // As at every start of the app (src/database.ts): fresh planner statistics.
    await optimizeDatabase(payload)

    const subjects: Row[] = []
    for (let index = 0; index < 40; index++) {
      const { docs } = await payload.find({
        collection: 'articles',
        depth: 0,
        limit: 1,
        page: 1 + Math.floor(random() * size),
      })
      subjects.push(docs[0] as unknown as Row)
    }
    for (const subject of subjects.slice(0, 5))
      await findSuggestions(config, 'articles', subject, req)
    const findTimes: number[] = []
    for (const subject of subjects) {
      const start = performance.now()
      await findSuggestions(config, 'articles', subject, req)
      findTimes.push(performance.now() - start)
    }
    // A whole publish-time save (all newsroom hooks, version, job queue) for context.
    const saveTimes: number[] = []
    for (const subject of subjects.slice(0, 15)) {
      const start = performance.now()
      await payload.update({
        collection: 'articles',
        id: subject.id as number,
        data: { subtitle: `수정 ${start}` },
        depth: 0,
      })
      saveTimes.push(performance.now() - start)
    }
    results.push({
      articles: size,
      findMedianMs: +median(findTimes).toFixed(1),
      findP95Ms: +percentile(findTimes, 0.95).toFixed(1),
      saveMedianMs: +median(saveTimes).toFixed(1),
    })
  }
  await payload.destroy()
  return results
}

const main = async () => {
  const sizes = (process.env.BENCH_SIZES || '1000,10000,100000').split(',').map(Number)
  const results = await runSuggestionsBench(sizes)
  console.log(
    '\nRelated-news suggestions at save (SQLite, median of 40 subjects; save = whole publish-time update)',
  )
  console.table(
    results.map((row) => ({
      'published articles': row.articles,
      'suggestions median (ms)': row.findMedianMs,
      'suggestions p95 (ms)': row.findP95Ms,
      'save median (ms)': row.saveMedianMs,
    })),
  )
  const target = results.find((row) => row.articles === 100_000)
  if (target)
    console.log(
      `target ≤ 50 ms at 100k: ${target.findMedianMs} ms (${target.findMedianMs <= 50 ? 'met' : 'missed'})`,
    )
  const out = path.resolve(import.meta.dirname, 'results', 'suggestions.json')
  fs.writeFileSync(out, JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2))
  console.log(`written to ${path.relative(process.cwd(), out)}`)
  process.exit(0)
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) void main()
