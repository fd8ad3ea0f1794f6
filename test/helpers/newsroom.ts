import type { Payload } from 'payload'

import { seedSido } from '../../src/seed'
import { paragraphsToLexical } from '../../src/seed/lexical'

export const PASSWORD = 'test-password-1'

type ID = number | string

export type NewsroomFixture = {
  regions: { ulsan: ID; chungnam: ID }
  sections: { home: ID; news: ID }
  reporters: { kim: ID; park: ID }
  users: { admin: ID; editor: ID; kim: ID; park: ID }
}

const idOf = async (promise: Promise<{ id: ID }>): Promise<ID> => (await promise).id

/** Regions, sections, two reporters and an account for each role, made through the Local API. */
export const createNewsroom = async (payload: Payload, suffix = ''): Promise<NewsroomFixture> => {
  await seedSido(payload)
  const region = async (code: string) =>
    (await payload.find({ collection: 'regions', where: { code: { equals: code } }, limit: 1 }))
      .docs[0]!.id
  const home = await idOf(
    payload.create({ collection: 'sections', data: { name: `뉴스홈${suffix}` } }),
  )
  const news = await idOf(
    payload.create({
      collection: 'sections',
      data: { name: `뉴스${suffix}`, parent: home as number },
    }),
  )
  const kim = await idOf(
    payload.create({
      collection: 'reporters',
      data: { name: `김한수${suffix}`, email: `kim${suffix}@example.com` },
    }),
  )
  const park = await idOf(
    payload.create({
      collection: 'reporters',
      data: { name: `박서연${suffix}`, email: `park${suffix}@example.com` },
    }),
  )
  const user = (email: string, roles: ('admin' | 'editor' | 'reporter')[], reporter?: ID) =>
    idOf(
      payload.create({
        collection: 'users',
        data: { email, password: PASSWORD, roles, reporter: reporter as number },
      }),
    )
  const admin = await user(`admin${suffix}@example.com`, ['admin'])
  const editor = await user(`editor${suffix}@example.com`, ['editor'])
  const kimUser = await user(`kim-user${suffix}@example.com`, ['reporter'], kim)
  const parkUser = await user(`park-user${suffix}@example.com`, ['reporter'], park)
  return {
    regions: { ulsan: await region('3100000000'), chungnam: await region('4400000000') },
    sections: { home, news },
    reporters: { kim, park },
    users: { admin, editor, kim: kimUser, park: parkUser },
  }
}

export const loginEmails = (suffix = '') => ({
  admin: `admin${suffix}@example.com`,
  editor: `editor${suffix}@example.com`,
  kim: `kim-user${suffix}@example.com`,
  park: `park-user${suffix}@example.com`,
})

export const articleData = (fixture: NewsroomFixture, overrides: Record<string, unknown> = {}) => ({
  title: '테스트 기사',
  section: fixture.sections.news,
  region: fixture.regions.ulsan,
  reporters: [fixture.reporters.kim],
  body: paragraphsToLexical(['첫 문단입니다.', '둘째 문단입니다.']),
  ...overrides,
})
