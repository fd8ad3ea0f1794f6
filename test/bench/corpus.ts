/**
 * The HTTP benchmark's corpus: a SQLite data folder (database + media) with N published articles
 * (BENCH_ARTICLES, default 10,000) across sections, regions and reporters, with editors' related
 * links, stored suggestions and hero images — built once and cached under test/.tmp/bench/, keyed
 * by a hash of the committed migrations, this generator and the bench config. A second run copies
 * the cached folder instead of generating again.
 *
 * How it is built (`node --import tsx test/bench/corpus.ts <dir> <articles>`, spawned by
 * `ensureCorpus`):
 * 1. Payload boots in production mode on an empty file, so the database comes from the committed
 *    migrations (prodMigrations), exactly as `npm start` makes it.
 * 2. The bench-only P0 collection (`bench-plain-articles`, NEWSROOM_BENCH=1) has no migration —
 *    it must never reach a real database. Its tables are created from drizzle-kit's diff between
 *    the latest committed migration snapshot and the running schema, the same comparison
 *    test/migrations makes; anything else in that diff is schema drift and is reported.
 * 3. Regions, sections, reporters and hero images are created through the Local API (all hooks).
 * 4. Articles are inserted in bulk (creating 10k through the Local API takes ~70 ms each, over
 *    ten minutes), with every derived field computed by the same code the hooks run: `byline`
 *    (composeByline), `regionLabel` (the region's stored label or the dateline), `bodyHtml`
 *    (convertLexicalToHTML, sanitizeRichTextHtml), `relatedSuggestions` (findSuggestions on the whole corpus, i.e. the
 *    state after the refresh jobs ran), reciprocal editors' picks, `registeredAt`, `_status`
 *    published, and one published version per article in the versions table.
 * 5. A few special articles go through the Local API with all hooks (see CorpusManifest.special),
 *    and an admin account is made; the articles' stored fields are compared with what step 4
 *    derives for the same input, and bulk articles are read back through Payload: a mismatch
 *    fails the generation instead of benchmarking a wrong corpus.
 * 6. The P0 tables get a copy of every article (same ids, same stored values and links).
 */
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Payload } from 'payload'

import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

export const root = path.resolve(import.meta.dirname, '..', '..')
export const benchTmp = path.join(root, 'test', '.tmp', 'bench')

/** What the HTTP benchmark needs to know about a corpus, written beside its database. */
export type CorpusManifest = {
  key: string
  articles: number
  generatedAt: string
  generationSeconds: number
  steps: Record<string, number>
  schemaDrift: string[]
  /** Every published article, in a fixed shuffled order: `[id, slug]`. */
  articleList: [number, string][]
  /**
   * `cached`: a typical article (one editors' pick, suggestions, hero image, two reporters), the
   * one the repeated scenarios read. `probe`: an article like it without picks, whose picks the
   * benchmark sets to 0, 1 and 8 of `linkCandidates` to count queries. `relatedNone`: an article
   * with nothing related at all (own section, no region, no keywords).
   */
  special: Record<'cached' | 'probe' | 'relatedNone', { id: number; slug: string }>
  /** Published articles that can take one more reciprocal link. */
  linkCandidates: number[]
  /** An admin account, to change the probe's links over REST. */
  login: { email: string; password: string }
  sections: { id: number; slug: string; articles: number }[]
  reporters: { id: number; slug: string; articles: number }[]
  regions: { id: number; slug: string; level: string; articles: number }[]
}

const GENERATOR_VERSION = 2
/** Articles made through the Local API in step 5 (see CorpusManifest.special). */
const SPECIAL_ARTICLES = 3

const hashFiles = (hash: crypto.Hash, files: string[]) => {
  for (const file of files.sort()) {
    hash.update(path.relative(root, file))
    hash.update(fs.readFileSync(file))
  }
}

const listFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    )

/** Migrations + this generator + the bench config (P0) + Payload's version + the size. */
export const corpusKey = (articles: number): string => {
  const hash = crypto.createHash('sha256')
  hash.update(`v${GENERATOR_VERSION}:${articles}:`)
  hash.update(
    JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'payload', 'package.json'), 'utf8'))
      .version,
  )
  hashFiles(hash, [
    ...listFiles(path.join(root, 'src', 'migrations', 'sqlite')),
    path.join(root, 'src', 'payload.config.ts'),
    path.join(import.meta.dirname, 'corpus.ts'),
  ])
  return hash.digest('hex').slice(0, 16)
}

export const corpusDir = (articles: number) =>
  path.join(benchTmp, `corpus-${articles}-${corpusKey(articles)}`)

/** Environment of every process that opens a bench database (generator and servers). */
export const benchEnv = (dataDir: string): NodeJS.ProcessEnv => ({
  NODE_ENV: 'production',
  NEWSROOM_BENCH: '1',
  NEWSROOM_DATA_DIR: dataDir,
  DATABASE_URI: `file:${path.join(dataDir, 'newsroom.db')}`,
  NEWSROOM_SEED: 'off',
  NEWSROOM_RUN_JOBS: 'off',
  PAYLOAD_SECRET: 'newsroom-bench-secret-not-for-production',
  NEWSROOM_SITE_URL: 'https://news.example.kr',
})

/** The cached corpus folder for this size, generated first when missing. */
export const ensureCorpus = async (
  articles: number,
  log: (line: string) => void,
): Promise<{ dir: string; generated: boolean; manifest: CorpusManifest }> => {
  const dir = corpusDir(articles)
  const manifestFile = path.join(dir, 'bench-corpus.json')
  if (fs.existsSync(manifestFile)) {
    return { dir, generated: false, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) }
  }
  fs.mkdirSync(benchTmp, { recursive: true })
  // Corpora made by another generator or for other migrations are stale: remove them, they are large.
  for (const entry of fs.readdirSync(benchTmp)) {
    const cached = /^corpus-(\d+)-([0-9a-f]+)$/.exec(entry)
    const isStale = cached
      ? corpusKey(Number(cached[1])) !== cached[2]
      : entry.startsWith('corpus-tmp-')
    if (isStale) fs.rmSync(path.join(benchTmp, entry), { recursive: true, force: true })
  }
  const tmp = path.join(benchTmp, `corpus-tmp-${process.pid}`)
  fs.mkdirSync(tmp, { recursive: true })
  log(
    `generating a corpus of ${articles} articles (cached afterwards in ${path.relative(root, dir)})…`,
  )
  // Payload's own log goes to a file; the generator's progress lines ([bench corpus] …) are shown.
  const logFile = path.join(tmp, 'corpus.log')
  const output = fs.createWriteStream(logFile)
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=production',
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'corpus.ts'),
        tmp,
        String(articles),
      ],
      {
        cwd: root,
        env: { ...process.env, ...benchEnv(tmp) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    child.stdout?.pipe(output, { end: false })
    child.stderr?.on('data', (chunk: Buffer) => {
      output.write(chunk)
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.startsWith('[bench corpus] ')) log(`corpus: ${line.slice(15)}`)
    })
    child.on('exit', (exitCode) => resolve(exitCode ?? 1))
  })
  await new Promise((resolve) => output.end(resolve))
  if (code !== 0)
    throw new Error(
      `corpus generation failed (exit ${code}); its log:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`,
    )
  fs.renameSync(tmp, dir)
  return { dir, generated: true, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')) }
}

// ---------------------------------------------------------------------------------------------
// Generation (runs in its own process, see ensureCorpus)

type Row = Record<string, unknown>

/** mulberry32: a small deterministic generator, so two generations make the same corpus. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const random = rng(20200417)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const pickDistinct = <T>(items: readonly T[], count: number): T[] => {
  const chosen = new Set<T>()
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(items))
  return [...chosen]
}
const shuffle = <T>(items: T[]): T[] => {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[items[index], items[other]] = [items[other]!, items[index]!]
  }
  return items
}

const topics = [
  '예산',
  '교통',
  '청년',
  '일자리',
  '복지',
  '교육',
  '환경',
  '축제',
  '관광',
  '안전',
  '주거',
  '농업',
  '어업',
  '문화',
  '체육',
  '의료',
  '돌봄',
  '창업',
  '도시재생',
  '에너지',
]
const nouns = [
  '정책',
  '사업',
  '협약',
  '간담회',
  '설명회',
  '공모',
  '지원',
  '개선',
  '점검',
  '확대',
  '추진',
  '개최',
  '선정',
  '발표',
  '논의',
  '착공',
  '준공',
  '협력',
  '캠페인',
  '토론회',
]
const sentenceParts = [
  '시는 이번 사업을 통해 지역 주민의 삶의 질을 높이겠다고 밝혔다.',
  '관계자는 "현장의 목소리를 반영해 세부 계획을 마련하겠다"고 말했다.',
  '올해 예산은 지난해보다 크게 늘어난 규모로 편성됐다.',
  '주민 설명회는 다음 달 초 시청 대회의실에서 열린다.',
  '전문가들은 장기적인 관점에서 효과를 점검해야 한다고 지적했다.',
  '사업은 3단계로 나뉘어 내년 말까지 진행될 예정이다.',
  '지역 기업과 대학이 함께 참여하는 협의체도 꾸려진다.',
  '참가 신청은 누리집에서 온라인으로 받는다.',
  '시의회는 관련 조례 개정안을 이번 회기에 심의한다.',
  '현장 점검 결과는 연말에 공개될 계획이다.',
]
const vocabulary = Array.from(
  { length: 600 },
  (_, index) =>
    `${topics[index % topics.length]}${nouns[Math.floor(index / topics.length) % nouns.length]}${index >= 400 ? index : ''}`,
)
const sectionNames = [
  '정치',
  '경제',
  '사회',
  '문화',
  '스포츠',
  '교육',
  '환경',
  '과학',
  '오피니언',
  '지역',
]
const surnames = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임']
const givenNames = ['한수', '서연', '도윤', '민준', '지우', '하은', '시우', '수아', '예준', '지민']

const paragraphs = (count: number): string[] =>
  Array.from({ length: count }, () =>
    Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(sentenceParts)).join(' '),
  )

/** The derived fields the article hooks store, computed by the same code (see header). */
export const deriveStoredFields = async (
  input: {
    body: SerializedEditorState
    dateline?: null | string
    region?: null | number
    reporters: number[]
  },
  lookups: {
    regionLabels: Map<number, null | string>
    reporters: Map<number, { email?: null | string; name?: null | string }>
  },
) => {
  const { convertLexicalToHTML } = await import('@payloadcms/richtext-lexical/html')
  const { composeByline } = await import('../../plugins/reporter-pages/hooks/setByline')
  const { sanitizeRichTextHtml } = await import('../../plugins/shared/sanitizeHtml')
  const dateline = input.dateline?.trim()
  return {
    regionLabel: dateline
      ? dateline
      : input.region
        ? (lookups.regionLabels.get(input.region) ?? null)
        : null,
    byline: composeByline(
      input.reporters.flatMap((id) => {
        const reporter = lookups.reporters.get(id)
        return reporter ? [{ id, ...reporter }] : []
      }),
      ' 기자',
    ),
    // Plain paragraphs: nothing to read from the database, the renderer's own converters add nothing.
    bodyHtml: sanitizeRichTextHtml(
      convertLexicalToHTML({ data: input.body, disableContainer: true }),
    ),
  }
}

const sqlClient = (payload: Payload) =>
  (
    payload.db as unknown as {
      client: {
        execute: (sql: string | { args: unknown[]; sql: string }) => Promise<{ rows: Row[] }>
      }
    }
  ).client

const columnsOf = async (payload: Payload, table: string): Promise<string[]> =>
  (await sqlClient(payload).execute(`PRAGMA table_info(\`${table}\`)`)).rows.map((row) =>
    String(row.name),
  )

const quote = (column: string) => `"${column}"`

/** Copies rows of `articles` (and its rels/texts) into the versions table or the P0 collection. */
const copyArticleRows = async (
  payload: Payload,
  target: {
    main: string
    parentColumn?: string
    pathPrefix: string
    prefix: string
    rels: string
    selfColumn: string
    texts: string
  },
  where: string,
  options: { skipColumns?: RegExp } = {},
) => {
  const client = sqlClient(payload)
  const source = (await columnsOf(payload, 'articles')).filter(
    (column) => column !== 'id' && !options.skipColumns?.test(column),
  )
  const targetColumns = new Set(await columnsOf(payload, target.main))
  const missing = source.filter((column) => !targetColumns.has(`${target.prefix}${column}`))
  if (missing.length) throw new Error(`${target.main} lacks ${missing.join(', ')}`)
  const into = [
    'id',
    ...(target.parentColumn ? [target.parentColumn] : []),
    ...source.map((column) => `${target.prefix}${column}`),
  ]
  const select = ['id', ...(target.parentColumn ? ['id'] : []), ...source]
  if (target.parentColumn) {
    // A version row: one published, latest version per article, stamped like the document.
    into.push('created_at', 'updated_at', 'latest', 'autosave')
    select.push('updated_at', 'updated_at', '1', '0')
  }
  await client.execute(
    `INSERT INTO ${quote(target.main)} (${into.map(quote).join(', ')}) SELECT ${select.map((column) => (/^\d$/.test(column) ? column : quote(column))).join(', ')} FROM articles WHERE ${where}`,
  )

  const relColumns = (await columnsOf(payload, 'articles_rels')).filter(
    (column) => !['id', 'order', 'parent_id', 'path'].includes(column),
  )
  const targetRelColumns = new Set(await columnsOf(payload, target.rels))
  const mapped = relColumns.map((column) => (column === 'articles_id' ? target.selfColumn : column))
  const absent = mapped.filter((column) => !targetRelColumns.has(column))
  if (absent.length) throw new Error(`${target.rels} lacks ${absent.join(', ')}`)
  await client.execute(
    `INSERT INTO ${quote(target.rels)} ("order", parent_id, path, ${mapped.map(quote).join(', ')}) SELECT "order", parent_id, '${target.pathPrefix}' || path, ${relColumns.map(quote).join(', ')} FROM articles_rels WHERE parent_id IN (SELECT id FROM articles WHERE ${where})`,
  )
  await client.execute(
    `INSERT INTO ${quote(target.texts)} ("order", parent_id, path, text) SELECT "order", parent_id, '${target.pathPrefix}' || path, text FROM articles_texts WHERE parent_id IN (SELECT id FROM articles WHERE ${where})`,
  )
}

const generate = async (dataDir: string, articleCount: number) => {
  const started = performance.now()
  const steps: Record<string, number> = {}
  let stepStarted = performance.now()
  const step = (name: string) => {
    steps[name] = +((performance.now() - stepStarted) / 1000).toFixed(1)
    process.stderr.write(`[bench corpus] ${name}: ${steps[name]} s\n`)
    stepStarted = performance.now()
  }

  const { getPayload, createLocalReq } = await import('payload')
  const { default: configPromise, BENCH_PLAIN_ARTICLES } = await import('../../src/payload.config')
  const { seedSido } = await import('../../src/seed')
  const { paragraphsToLexical } = await import('../../src/seed/lexical')
  const { optimizeDatabase } = await import('../../src/database')
  const { findSuggestions } = await import('../../plugins/related-news/findSuggestions')
  const { sanitizeRelatedNewsOptions } = await import('../../plugins/related-news/defaults')
  const { rankCandidates } = await import('../../plugins/related-news/scoring')
  const sharp = (await import('sharp')).default

  // 1. Production boot: the committed migrations build the schema.
  const payload = await getPayload({ config: await configPromise, cron: false })
  const db = payload.db as unknown as {
    drizzle: { insert: (table: unknown) => { values: (rows: Row[]) => Promise<unknown> } }
    requireDrizzleKit: () => {
      generateDrizzleJson: (schema: unknown) => unknown
      generateMigration: (before: unknown, after: unknown) => Promise<string[]>
    }
    schema: unknown
    tables: Record<string, unknown>
  }
  step('boot and migrations')

  // 2. The P0 tables, from the diff between the committed snapshot and the bench schema.
  const migrationDir = path.join(root, 'src', 'migrations', 'sqlite')
  const snapshot = fs
    .readdirSync(migrationDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .at(-1)!
  const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
  const statements = await generateMigration(
    JSON.parse(fs.readFileSync(path.join(migrationDir, snapshot), 'utf8')),
    await generateDrizzleJson(db.schema),
  )
  const plainTable = BENCH_PLAIN_ARTICLES.replace(/-/g, '_')
  const schemaDrift = statements.filter((statement) => !statement.includes(plainTable))
  if (schemaDrift.length) {
    process.stderr.write(
      `[bench corpus] WARNING: the schema differs from the committed migrations (applied here, but production would not have it):\n${schemaDrift.join('\n')}\n`,
    )
  }
  for (const statement of statements) await sqlClient(payload).execute(statement)
  step('P0 tables')

  // 3. Regions, sections, reporters, hero images through the Local API.
  await seedSido(payload)
  const sido = (
    await payload.find({
      collection: 'regions',
      depth: 0,
      limit: 100,
      pagination: false,
      where: { level: { equals: 'sido' } },
    })
  ).docs as unknown as Row[]
  for (const province of sido.filter((region) => !region.validTo)) {
    for (const [index, suffix] of ['110', '130', '150'].entries()) {
      const code = `${String(province.code).slice(0, 2)}${suffix}00000`
      await payload.create({
        collection: 'regions',
        data: {
          code,
          name: `${['가람', '누리', '한빛'][index]}${index === 1 ? '시' : '군'}`,
          fullName: `${province.fullName} ${['가람군', '누리시', '한빛군'][index]}`,
        } as never,
      })
    }
  }
  const regionDocs = (
    await payload.find({ collection: 'regions', depth: 0, limit: 1000, pagination: false })
  ).docs as unknown as Row[]
  const regionLabels = new Map(
    regionDocs.map((region) => [region.id as number, (region.label as null | string) ?? null]),
  )
  const currentRegions = regionDocs.filter((region) => !region.validTo)
  const sigungu = currentRegions.filter((region) => region.level === 'sigungu')
  const provinces = currentRegions.filter((region) => region.level === 'sido')

  const sections: number[] = []
  for (const [order, name] of sectionNames.entries()) {
    sections.push(
      (
        await payload.create({
          collection: 'sections',
          data: { name, slug: `section-${order + 1}`, order } as never,
        })
      ).id as number,
    )
  }
  const reporterLookup = new Map<number, { email: string; name: string }>()
  for (let index = 0; index < 50; index++) {
    const name = `${surnames[index % 10]}${givenNames[(Math.floor(index / 10) * 2) % 10]}${index >= 10 ? givenNames[index % 7]!.slice(0, 1) : ''}`
    const email = `reporter${index + 1}@newsroom.example`
    const reporter = await payload.create({
      collection: 'reporters',
      data: { name, slug: `reporter-${index + 1}`, email, bio: `${name} 기자 (벤치)` } as never,
    })
    reporterLookup.set(reporter.id as number, { name, email })
  }
  const reporterIds = [...reporterLookup.keys()]
  const media: number[] = []
  for (let index = 0; index < 8; index++) {
    const data = await sharp({
      create: {
        width: 1600,
        height: 900,
        channels: 3,
        background: { r: 40 + index * 25, g: 90, b: 160 - index * 10 },
      },
    })
      .jpeg()
      .toBuffer()
    const doc = await payload.create({
      collection: 'media',
      data: { alt: `벤치 사진 ${index + 1}`, credit: '뉴스룸' } as never,
      file: { data, mimetype: 'image/jpeg', name: `bench-${index + 1}.jpg`, size: data.length },
    })
    media.push(doc.id as number)
  }
  step('regions, sections, reporters, media (Local API)')

  // 4. Articles in bulk, with derived fields computed as the hooks compute them.
  const lookups = { regionLabels, reporters: reporterLookup }
  const bulkCount = Math.max(0, articleCount - SPECIAL_ARTICLES)
  const now = Date.parse('2026-11-01T00:00:00.000Z')
  const spanMs = 730 * 24 * 3600 * 1000
  type Source = {
    body: SerializedEditorState
    dateline: null | string
    id: number
    region: null | number
    registeredAt: string
    reporters: number[]
    section: number
  }
  const sources: Source[] = []
  const articleRows: Row[] = []
  const textRows: Row[] = []
  const relRows: Row[] = []
  for (let index = 0; index < bulkCount; index++) {
    const id = index + 1
    const region = random() < 0.7 ? (pick(sigungu).id as number) : (pick(provinces).id as number)
    const dateline = random() < 0.03 ? `${pick(['서부', '중부', '남부'])}소방서` : null
    const reporters = pickDistinct(reporterIds, random() < 0.8 ? 1 : random() < 0.85 ? 2 : 3)
    const registered = now - Math.floor(random() * spanMs)
    const registeredAt = new Date(registered).toISOString()
    const revisedAt =
      random() < 0.2
        ? new Date(registered + Math.floor(random() * 48 * 3600 * 1000)).toISOString()
        : null
    const topic = pick(topics)
    const title = `${(regionLabels.get(region) ?? '').replace(/^\[|\]$/g, '')} ${topic} ${pick(nouns)} ${pick(nouns)}… 벤치 기사 ${id}`
    const body = paragraphsToLexical(paragraphs(8 + Math.floor(random() * 7)))
    const section = pick(sections)
    const derived = await deriveStoredFields({ body, dateline, region, reporters }, lookups)
    sources.push({ id, body, dateline, region, registeredAt, reporters, section })
    articleRows.push({
      id,
      title,
      subtitle:
        random() < 0.7 ? `${topic} 관련 ${pick(nouns)} 소식 — ${pick(sentenceParts)}` : null,
      slug: `bench-article-${id}`,
      region,
      dateline,
      regionLabel: derived.regionLabel,
      section,
      heroImage: random() < 0.6 ? pick(media) : null,
      body,
      bodyHtml: derived.bodyHtml,
      votesUp: Math.floor(random() * 50),
      votesDown: Math.floor(random() * 5),
      viewCount: Math.floor(random() * 20000),
      registeredAt,
      revisedAt,
      registeredAtSource: 'publish',
      byline: derived.byline,
      createdAt: new Date(registered - Math.floor(random() * 6 * 3600 * 1000)).toISOString(),
      updatedAt: revisedAt ?? registeredAt,
      _status: 'published',
    })
    const keywords = pickDistinct(vocabulary, 3 + Math.floor(random() * 4))
    keywords.forEach((text, order) =>
      textRows.push({ order: order + 1, parent: id, path: 'keywords', text }),
    )
    reporters.forEach((reporter, order) =>
      relRows.push({ order: order + 1, parent: id, path: 'reporters', reportersID: reporter }),
    )
  }

  // Editors' picks: about a quarter of the articles link 1–4 others of the same section published
  // around the same time; links are reciprocal and at most 10 per article, as the plugin keeps them.
  const picks = new Map<number, number[]>()
  const link = (from: number, to: number) => {
    const list = picks.get(from) ?? []
    if (from === to || list.includes(to) || list.length >= 10) return false
    list.push(to)
    picks.set(from, list)
    return true
  }
  const bySection = new Map<number, Source[]>()
  for (const source of sources) {
    if (!bySection.has(source.section)) bySection.set(source.section, [])
    bySection.get(source.section)!.push(source)
  }
  for (const list of bySection.values()) {
    list.sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))
    list.forEach((source, position) => {
      if (random() >= 0.25) return
      for (let count = 1 + Math.floor(random() * 4); count > 0; count--) {
        const other =
          list[Math.max(0, Math.min(list.length - 1, position + Math.floor(random() * 41) - 20))]!
        if ((picks.get(other.id)?.length ?? 0) < 10 && link(source.id, other.id))
          link(other.id, source.id)
      }
    })
  }
  for (const [from, list] of picks)
    list.forEach((to, order) =>
      relRows.push({ order: order + 1, parent: from, path: 'relatedArticles', articlesID: to }),
    )

  const chunk = async (table: string, rows: Row[], size: number) => {
    for (let offset = 0; offset < rows.length; offset += size)
      await db.drizzle.insert(db.tables[table]).values(rows.slice(offset, offset + size))
  }
  await chunk('articles', articleRows, 400)
  await chunk('articles_texts', textRows, 2000)
  await chunk('articles_rels', relRows, 2000)
  step(`${bulkCount} articles inserted`)

  // Suggestions as the refresh jobs leave them, against the whole corpus. findSuggestions costs
  // ~30 ms an article (five minutes for 10k), so the same candidate queries (50 newest per signal:
  // shared keyword, region, 시도, section) are answered from memory and ranked by the plugin's own
  // rankCandidates; a sample is checked against findSuggestions, and any difference falls back to
  // findSuggestions for every article.
  await optimizeDatabase(payload)
  const relatedConfig = sanitizeRelatedNewsOptions({})
  const req = await createLocalReq({}, payload)
  const keywordsOf = new Map<number, string[]>()
  for (const row of textRows) {
    if (!keywordsOf.has(row.parent as number)) keywordsOf.set(row.parent as number, [])
    keywordsOf.get(row.parent as number)!.push(row.text as string)
  }
  const parentOf = new Map(
    regionDocs.map((region) => [region.id as number, (region.parent as null | number) ?? null]),
  )
  const newestFirst = [...sources].sort((a, b) => b.registeredAt.localeCompare(a.registeredAt))
  const indexBy = <K>(keysOf: (source: Source) => K[]) => {
    const lists = new Map<K, Source[]>()
    for (const source of newestFirst) {
      for (const key of keysOf(source)) {
        if (!lists.has(key)) lists.set(key, [])
        lists.get(key)!.push(source)
      }
    }
    return lists
  }
  const byKeyword = indexBy((source) => keywordsOf.get(source.id) ?? [])
  const byRegion = indexBy((source) => (source.region === null ? [] : [source.region]))
  const byProvince = indexBy((source) =>
    source.region === null ? [] : [parentOf.get(source.region) ?? source.region],
  )
  const bySectionNewest = indexBy((source) => [source.section])
  const limit = relatedConfig.candidatesPerSignal
  const newest = (lists: (Source[] | undefined)[], self: number): Source[] => {
    const seen = new Map<number, Source>()
    for (const list of lists)
      for (const source of (list ?? []).slice(0, limit + 1)) seen.set(source.id, source)
    return [...seen.values()]
      .filter((source) => source.id !== self)
      .sort((a, b) => b.registeredAt.localeCompare(a.registeredAt))
      .slice(0, limit)
  }
  const suggestFromMemory = (source: Source) => {
    const keywords = keywordsOf.get(source.id) ?? []
    const province = source.region === null ? null : (parentOf.get(source.region) ?? source.region)
    const hasSubRegions =
      province !== null && regionDocs.some((region) => region.parent === province)
    const docs = [
      ...(keywords.length
        ? newest(
            keywords.map((keyword) => byKeyword.get(keyword)),
            source.id,
          )
        : []),
      ...(source.region !== null ? newest([byRegion.get(source.region)], source.id) : []),
      ...(hasSubRegions ? newest([byProvince.get(province)], source.id) : []),
      ...newest([bySectionNewest.get(source.section)], source.id),
    ]
    return rankCandidates(
      {
        id: source.id,
        keywords,
        region: source.region,
        parentRegion: province !== null && province !== source.region ? province : null,
        section: source.section,
      },
      docs.map((doc) => ({
        id: doc.id,
        date: doc.registeredAt,
        keywords: keywordsOf.get(doc.id) ?? [],
        region: doc.region,
        parentRegion: doc.region === null ? null : (parentOf.get(doc.region) ?? null),
        section: doc.section,
      })),
      relatedConfig.weights,
      relatedConfig.suggestionCount,
    )
  }
  const suggestFromDatabase = (source: Source) =>
    findSuggestions(
      relatedConfig,
      'articles',
      {
        id: source.id,
        keywords: keywordsOf.get(source.id) ?? [],
        region: source.region,
        section: source.section,
      },
      req,
    )
  let suggest: (source: Source) => Promise<unknown[]> | unknown[] = suggestFromMemory
  for (const source of sources.filter(
    (_, position) => position % Math.max(1, Math.floor(sources.length / 40)) === 0,
  )) {
    const [fromMemory, fromDatabase] = [
      suggestFromMemory(source),
      await suggestFromDatabase(source),
    ]
    if (JSON.stringify(fromMemory) !== JSON.stringify(fromDatabase)) {
      process.stderr.write(
        `[bench corpus] in-memory suggestions differ from findSuggestions for article ${source.id}; using findSuggestions for all (slow)\n`,
      )
      suggest = suggestFromDatabase
      break
    }
  }
  const suggestionRows: Row[] = []
  for (const [position, source] of sources.entries()) {
    const ids = await suggest(source)
    ids.forEach((to, order) =>
      suggestionRows.push({
        order: order + 1,
        parent: source.id,
        path: 'relatedSuggestions',
        articlesID: to,
      }),
    )
    if (suggest === suggestFromDatabase && position % 1000 === 999)
      process.stderr.write(`[bench corpus]   suggestions ${position + 1}/${sources.length}\n`)
  }
  await chunk('articles_rels', suggestionRows, 2000)
  step('suggestions')

  // One published version per bulk article (ids equal to the article ids).
  await copyArticleRows(
    payload,
    {
      main: '_articles_v',
      parentColumn: 'parent_id',
      prefix: 'version_',
      rels: '_articles_v_rels',
      texts: '_articles_v_texts',
      selfColumn: 'articles_id',
      pathPrefix: 'version.',
    },
    'id <= ' + bulkCount,
  )
  step('versions')

  // Neighbour links as the publish hooks leave them, through the plugin's own repair pass.
  const { relinkAdjacentArticles } = await import('../../plugins/adjacent-articles')
  const [relinked] = await relinkAdjacentArticles(payload)
  if (!relinked || relinked.rewritten !== bulkCount)
    throw new Error(`expected ${bulkCount} articles linked, got ${JSON.stringify(relinked)}`)
  step('neighbour links')

  // 5. Special articles through the Local API, with all hooks; they check the bulk derivation.
  const middle = sources[Math.floor(sources.length / 2)] ?? sources[0]
  const sharedSection = middle?.section ?? sections[0]!
  const sameSection = (bySection.get(sharedSection) ?? [])
    .filter((source) => (picks.get(source.id)?.length ?? 0) < 10)
    .map((source) => source.id)
  const isolatedSection = (
    await payload.create({
      collection: 'sections',
      data: { name: '벤치 외딴 섹션', slug: 'bench-isolated', order: 99 } as never,
    })
  ).id as number
  const special = {} as CorpusManifest['special']
  const specialInputs: { key: keyof CorpusManifest['special']; data: Row }[] = [
    { key: 'cached', data: { relatedArticles: sameSection.slice(0, 1) } },
    { key: 'probe', data: { relatedArticles: [] } },
    {
      key: 'relatedNone',
      data: { section: isolatedSection, region: null, keywords: [], relatedArticles: [] },
    },
  ]
  const linkCandidates = sameSection.filter((id) => (picks.get(id)?.length ?? 0) < 9).slice(1, 9)
  // Alike but for their links: same region, section, reporters, keywords and body size, each
  // registered just after a different bulk article of the section (so neighbours are bulk ones).
  const timeline = (bySection.get(sharedSection) ?? []).map((source) => source.registeredAt)
  const specialKeywords = pickDistinct(vocabulary, 4)
  for (const [index, { key, data }] of specialInputs.entries()) {
    const body = paragraphsToLexical(paragraphs(11))
    const input: Row = {
      title: `벤치 특별 기사 ${key}`,
      subtitle: '쿼리 수를 재는 기사',
      slug: `bench-special-${key.toLowerCase()}`,
      region: middle?.region ?? null,
      section: sharedSection,
      reporters: reporterIds.slice(0, 2),
      heroImage: media[0],
      body,
      keywords: specialKeywords,
      registeredAt: new Date(
        Date.parse(
          timeline[Math.floor((timeline.length * (index + 1)) / 4)] ?? new Date(now).toISOString(),
        ) + 1000,
      ).toISOString(),
      _status: 'published',
      ...data,
    }
    const created = (await payload.create({
      collection: 'articles',
      data: input as never,
      depth: 0,
    })) as unknown as Row
    const expected = await deriveStoredFields(
      {
        body,
        dateline: null,
        region: input.region as null | number,
        reporters: input.reporters as number[],
      },
      lookups,
    )
    for (const [field, value] of Object.entries(expected)) {
      if (created[field] !== value)
        throw new Error(
          `bulk derivation of ${field} differs from the hooks: ${JSON.stringify(value)} vs ${JSON.stringify(created[field])}`,
        )
    }
    const suggested = await findSuggestions(
      relatedConfig,
      'articles',
      {
        id: created.id as number,
        keywords: input.keywords,
        region: input.region,
        section: input.section,
      },
      req,
    )
    const stored = ((created.relatedSuggestions as unknown[]) ?? []).map((value) =>
      typeof value === 'object' ? (value as Row).id : value,
    )
    if (JSON.stringify(stored) !== JSON.stringify(suggested))
      throw new Error(
        `findSuggestions differs from the stored suggestions: ${JSON.stringify(suggested)} vs ${JSON.stringify(stored)}`,
      )
    special[key] = { id: created.id as number, slug: created.slug as string }
  }
  // Bulk articles read back through Payload, from the document and from its latest version.
  for (const source of [sources[0], middle, sources.at(-1)].filter((value): value is Source =>
    Boolean(value),
  )) {
    const row = articleRows[source.id - 1]!
    const doc = (await payload.findByID({
      collection: 'articles',
      id: source.id,
      depth: 0,
    })) as unknown as Row
    const draft = (await payload.findByID({
      collection: 'articles',
      id: source.id,
      depth: 0,
      draft: true,
    })) as unknown as Row
    for (const read of [doc, draft]) {
      for (const field of [
        'title',
        'slug',
        'regionLabel',
        'byline',
        'bodyHtml',
        'registeredAt',
        '_status',
      ]) {
        if (read[field] !== row[field])
          throw new Error(
            `article ${source.id}: ${field} reads ${JSON.stringify(read[field])}, stored ${JSON.stringify(row[field])}`,
          )
      }
      if (JSON.stringify(read.reporters) !== JSON.stringify(source.reporters))
        throw new Error(
          `article ${source.id}: reporters read back as ${JSON.stringify(read.reporters)}`,
        )
      if ((read.keywords as unknown[]).length !== (keywordsOf.get(source.id) ?? []).length)
        throw new Error(`article ${source.id}: keywords read back wrong`)
    }
  }
  // The special articles queued jobs (suggestion refreshes of the articles they touch): the
  // corpus is the state after they ran (the bench servers run no jobs).
  for (
    let round = 0;
    round < 20 &&
    (
      await payload.count({
        collection: 'payload-jobs',
        where: { completedAt: { exists: false }, hasError: { not_equals: true } },
      })
    ).totalDocs > 0;
    round++
  ) {
    await payload.jobs.run({ limit: 100 })
  }
  await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
  const login = {
    email: 'bench-admin@newsroom.example',
    password: 'bench-password-not-for-production',
  }
  await payload.create({
    collection: 'users',
    data: { ...login, name: '벤치 관리자', roles: ['admin'] } as never,
  })
  step('special articles (Local API) and checks')

  // 6. P0: the same rows in the plain collection.
  await copyArticleRows(
    payload,
    {
      main: plainTable,
      prefix: '',
      rels: `${plainTable}_rels`,
      texts: `${plainTable}_texts`,
      selfColumn: `${plainTable}_id`,
      pathPrefix: '',
    },
    '1 = 1',
    // P0 is plain Payload: without the neighbour links adjacent-articles precomputes.
    { skipColumns: /^adjacent_links_/ },
  )
  const plainCount = await payload.count({ collection: BENCH_PLAIN_ARTICLES as never })
  const count = await payload.count({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
  })
  if (plainCount.totalDocs !== count.totalDocs)
    throw new Error(`P0 has ${plainCount.totalDocs} articles, articles ${count.totalDocs}`)
  step('P0 copy')

  // Lists the benchmark rotates over.
  const client = sqlClient(payload)
  const articleList = shuffle(
    (
      await client.execute(`SELECT id, slug FROM articles WHERE _status = 'published' ORDER BY id`)
    ).rows.map((row) => [Number(row.id), String(row.slug)] as [number, string]),
  )
  const countBy = async (sql: string) =>
    new Map((await client.execute(sql)).rows.map((row) => [Number(row.id), Number(row.n)]))
  const perSection = await countBy(
    `SELECT section_id AS id, count(*) AS n FROM articles GROUP BY section_id`,
  )
  const perReporter = await countBy(
    `SELECT reporters_id AS id, count(*) AS n FROM articles_rels WHERE path = 'reporters' GROUP BY reporters_id`,
  )
  const perRegion = await countBy(
    `SELECT region_id AS id, count(*) AS n FROM articles GROUP BY region_id`,
  )
  const slugs = async (collection: 'regions' | 'reporters' | 'sections') =>
    (
      await payload.find({
        collection,
        depth: 0,
        limit: 1000,
        pagination: false,
        select: { slug: true, level: true } as never,
      })
    ).docs as unknown as Row[]
  const sectionDocs = await slugs('sections')
  const reporterDocs = await slugs('reporters')
  const regionSlugDocs = await slugs('regions')
  await optimizeDatabase(payload)
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  await payload.destroy()

  const manifest: CorpusManifest = {
    key: corpusKey(articleCount),
    articles: count.totalDocs,
    generatedAt: new Date().toISOString(),
    generationSeconds: +((performance.now() - started) / 1000).toFixed(1),
    steps,
    schemaDrift,
    articleList,
    special,
    linkCandidates,
    login,
    sections: sectionDocs.map((doc) => ({
      id: doc.id as number,
      slug: doc.slug as string,
      articles: perSection.get(doc.id as number) ?? 0,
    })),
    reporters: reporterDocs.map((doc) => ({
      id: doc.id as number,
      slug: doc.slug as string,
      articles: perReporter.get(doc.id as number) ?? 0,
    })),
    regions: regionSlugDocs.map((doc) => ({
      id: doc.id as number,
      slug: doc.slug as string,
      level: doc.level as string,
      articles: perRegion.get(doc.id as number) ?? 0,
    })),
  }
  fs.writeFileSync(path.join(dataDir, 'bench-corpus.json'), JSON.stringify(manifest))
  process.stderr.write(
    `[bench corpus] done: ${manifest.articles} published articles in ${manifest.generationSeconds} s\n`,
  )
}

if (
  process.argv[1] &&
  import.meta.url.endsWith(path.basename(process.argv[1])) &&
  process.argv[2]
) {
  generate(path.resolve(process.argv[2]), Number(process.argv[3] || 10_000)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
