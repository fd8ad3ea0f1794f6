import type { CollectionSlug, GlobalSlug, Payload, Where } from 'payload'

import { sidoList } from '../../collections/regionCodes'
import {
  DEMO_NOTE,
  demoHeadlines,
  demoMasthead,
  demoNeighbours,
  demoReporters,
  demoSigungu,
} from './demoContent'
import { paragraphsToLexical } from './lexical'
import { ulsanArticle } from './ulsanArticle'

export const DEMO_PASSWORD_DEFAULT = 'newsroom-demo'

export type DemoLogins = { email: string; password: string; role: string }[]

const findOne = async (payload: Payload, collection: CollectionSlug, where: Where) =>
  (await payload.find({ collection, depth: 0, limit: 1, overrideAccess: true, where }))
    .docs[0] as unknown as ({ id: number | string } & Record<string, unknown>) | undefined

/** Creates the document unless one matching `where` exists; returns its id either way. */
const ensure = async (
  payload: Payload,
  collection: CollectionSlug,
  where: Where,
  data: Record<string, unknown>,
  options: { disableVerificationEmail?: boolean; draft?: boolean } = {},
): Promise<number | string> => {
  const existing = await findOne(payload, collection, where)
  if (existing) return existing.id
  const created = await payload.create({
    collection,
    data: data as never,
    depth: 0,
    overrideAccess: true,
    draft: options.draft,
    disableVerificationEmail: options.disableVerificationEmail,
  })
  return created.id
}

/** The 시도 every newsroom needs; safe to run on every start. */
export const seedSido = async (payload: Payload): Promise<void> => {
  for (const sido of sidoList) {
    await ensure(payload, 'regions', { code: { equals: sido.code } }, { ...sido })
  }
}

/**
 * Demo newsroom: the seed page's article, its neighbours, the section-foot headlines, reporters
 * and logins for each role. Idempotent: what exists (by code, slug or email) is left alone.
 */
export const seedDemo = async (payload: Payload): Promise<DemoLogins> => {
  const password = process.env.NEWSROOM_ADMIN_PASSWORD || DEMO_PASSWORD_DEFAULT
  const adminEmail = process.env.NEWSROOM_ADMIN_EMAIL || 'admin@newsroom.example'

  await seedSido(payload)
  const regionIds = new Map<string, number | string>()
  for (const region of sidoList) {
    const found = await findOne(payload, 'regions', { code: { equals: region.code } })
    if (found) regionIds.set(region.code, found.id)
  }
  for (const sigungu of demoSigungu) {
    regionIds.set(
      sigungu.code,
      await ensure(payload, 'regions', { code: { equals: sigungu.code } }, sigungu),
    )
  }

  const home = await ensure(
    payload,
    'sections',
    { slug: { equals: 'news-home' } },
    { name: '뉴스홈', slug: 'news-home', order: 0 },
  )
  const news = await ensure(
    payload,
    'sections',
    { slug: { equals: 'news' } },
    { name: '뉴스', slug: 'news', parent: home, order: 1 },
  )

  const reporterIds = new Map<string, number | string>()
  for (const reporter of demoReporters) {
    reporterIds.set(
      reporter.name,
      await ensure(payload, 'reporters', { slug: { equals: reporter.slug } }, reporter),
    )
  }

  const logins: DemoLogins = [
    { email: adminEmail, password, role: 'admin' },
    { email: 'editor@newsroom.example', password, role: 'editor' },
    { email: 'reporter@newsroom.example', password, role: 'reporter' },
  ]
  for (const login of logins) {
    const reporter = login.role === 'reporter' ? reporterIds.get('김한수') : undefined
    const userId = await ensure(
      payload,
      'users',
      { email: { equals: login.email } },
      {
        email: login.email,
        password: login.password,
        name:
          login.role === 'reporter'
            ? '김한수'
            : login.role === 'editor'
              ? '데스크 (데모)'
              : '관리자 (데모)',
        roles: [login.role],
        reporter,
      },
    )
    if (reporter !== undefined) {
      await payload.update({
        collection: 'reporters',
        id: reporter,
        data: { user: userId } as never,
        depth: 0,
        overrideAccess: true,
      })
    }
  }

  const seedArticle = await ensure(
    payload,
    'articles',
    { slug: { equals: 'ulsan-social-innovation' } },
    {
      title: ulsanArticle.title,
      subtitle: ulsanArticle.subtitle,
      slug: 'ulsan-social-innovation',
      region: regionIds.get('3100000000'),
      section: news,
      reporters: [reporterIds.get(ulsanArticle.reporter)],
      body: paragraphsToLexical(ulsanArticle.paragraphs),
      keywords: ['울산', '사회혁신', '청년정책', '사회적경제', '지역공동체'],
      registeredAt: new Date(ulsanArticle.registeredAt).toISOString(),
      _status: 'published',
    },
  )

  for (const demo of [...demoNeighbours, ...demoHeadlines]) {
    await ensure(
      payload,
      'articles',
      { slug: { equals: demo.slug } },
      {
        title: demo.title,
        subtitle: demo.subtitle,
        slug: demo.slug,
        region: regionIds.get(demo.regionCode),
        dateline: demo.dateline,
        section: news,
        reporters: [reporterIds.get(demo.reporter)],
        body: paragraphsToLexical([DEMO_NOTE, `${demo.title} — 데모 본문입니다.`]),
        keywords: ['데모'],
        registeredAt: new Date(demo.registeredAt).toISOString(),
        _status: 'published',
      },
    )
  }

  await ensure(
    payload,
    'articles',
    { slug: { equals: 'demo-draft-ulsan-budget' } },
    {
      title: '울산시 추경 예산안 (작성 중)',
      slug: 'demo-draft-ulsan-budget',
      region: regionIds.get('3100000000'),
      section: news,
      reporters: [reporterIds.get('김한수')],
      body: paragraphsToLexical([
        DEMO_NOTE,
        '아직 발행하지 않은 초안입니다. 익명 독자에게는 보이지 않습니다.',
      ]),
      _status: 'draft',
    },
    { draft: true },
  )

  // Reader features, where their plugins are on: a confirmed reader account (scraps, votes) and
  // one ticker line (티커뉴스) pointing at the seed page's story.
  if (payload.collections['readers' as CollectionSlug]) {
    const reader = { email: 'reader@newsroom.example', password, role: 'reader (독자)' }
    await ensure(
      payload,
      'readers' as CollectionSlug,
      { email: { equals: reader.email } },
      { email: reader.email, password, name: '독자 (데모)', _verified: true },
      // Created confirmed: no confirmation mail (at start there is no request to take a link's host from).
      { disableVerificationEmail: true },
    )
    logins.push(reader)
  }
  if (payload.collections['ticker-items' as CollectionSlug]) {
    await ensure(
      payload,
      'ticker-items' as CollectionSlug,
      { article: { equals: seedArticle } },
      { article: seedArticle, order: 0, active: true },
    )
  }
  // 무통장입금: two plans to pledge to (구독 신청), as a newsroom would offer them.
  if (payload.collections['subscription-plans' as CollectionSlug]) {
    for (const plan of [
      { name: '월 구독', amount: 10_000, period: 1, order: 0 },
      { name: '연 구독', amount: 100_000, period: 12, order: 1 },
    ])
      await ensure(
        payload,
        'subscription-plans' as CollectionSlug,
        { name: { equals: plan.name } },
        { ...plan, active: true },
      )
  }
  // 발행 정보 (footer): demo particulars, set once; the desk's own values are never overwritten.
  if (payload.config.globals.some((global) => global.slug === 'masthead')) {
    const current = (await payload.findGlobal({
      slug: 'masthead' as GlobalSlug,
      depth: 0,
      overrideAccess: true,
    })) as { title?: null | string }
    if (!current.title) {
      await payload.updateGlobal({
        slug: 'masthead' as GlobalSlug,
        data: { ...demoMasthead } as never,
        depth: 0,
        overrideAccess: true,
      })
    }
  }
  // 날씨: without a KMA key the demo shows the seed page's line (흐림 서울 15 °C) as the desk's override.
  if (
    !process.env.NEWSROOM_KMA_SERVICE_KEY &&
    payload.config.globals.some((global) => global.slug === 'weather')
  ) {
    await payload.updateGlobal({
      slug: 'weather' as GlobalSlug,
      data: {
        override: {
          active: true,
          sky: 'overcast',
          precipitation: 'none',
          temperature: 15,
          locationLabel: '서울',
        },
      } as never,
      depth: 0,
      overrideAccess: true,
    })
  }
  return logins
}
