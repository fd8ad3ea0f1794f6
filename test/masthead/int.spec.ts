import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoMasthead } from '../../src/seed/demoContent'
import {
  canRollBack,
  clearQueuedDeliveries,
  onePurgePerChannel,
  purgeChannels,
  queuedPurges,
  rolledBack,
} from '../helpers/cachePurges'
import { apiClient } from '../helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let admin: string
let editor: string
let kim: string
let reader: string

beforeAll(async () => {
  payload = await bootPayload('masthead')
  api = apiClient(payload)
  await createNewsroom(payload)
  admin = await api.login(loginEmails().admin, PASSWORD)
  editor = await api.login(loginEmails().editor, PASSWORD)
  kim = await api.login(loginEmails().kim, PASSWORD)
  await payload.create({
    collection: 'readers' as never,
    data: { email: 'reader@example.com', password: PASSWORD, _verified: true } as never,
  })
  reader = (
    await payload.login({
      collection: 'readers' as never,
      data: { email: 'reader@example.com', password: PASSWORD } as never,
    })
  ).token!
})
afterAll(async () => {
  await payload?.destroy()
})

const particulars = {
  title: '울산매일신문',
  registrationNumber: '울산 아00123',
  registeredOn: '2012-05-10T00:00:00+09:00',
  firstPublishedOn: '2012-06-01T00:00:00+09:00',
  publisher: '홍길동',
  editor: '김편집',
  youthProtectionOfficer: '이보호',
  address: '울산광역시 남구 삼산로 1',
  phone: '052-123-4567',
  email: 'desk@example.com',
}

const save = (data: Record<string, unknown>, token?: string) =>
  api.rest('POST', '/globals/masthead', { body: data, token })

describe('the masthead global', () => {
  it('is saved by an admin and read by anyone over REST and GraphQL, dates in +09:00', async () => {
    const saved = await save(particulars, admin)
    expect(saved.status, saved.text).toBe(200)

    const rest = await api.rest('GET', '/globals/masthead')
    expect(rest.status).toBe(200)
    expect(rest.body).toMatchObject({
      title: '울산매일신문',
      registrationNumber: '울산 아00123',
      publisher: '홍길동',
      editor: '김편집',
      youthProtectionOfficer: '이보호',
      address: '울산광역시 남구 삼산로 1',
      phone: '052-123-4567',
      email: 'desk@example.com',
      registeredOnText: '2012-05-10',
      firstPublishedOnText: '2012-06-01',
    })
    expect(rest.body.registeredOn).toMatch(/\+09:00$/)
    expect(rest.body.updatedAt).toMatch(/\+09:00$/)
    // Stored as UTC, as every instant is; staff (the admin) read it so.
    const stored = (await payload.findGlobal({ slug: 'masthead' as never })) as {
      registeredOn: string
    }
    expect(stored.registeredOn).toBe('2012-05-09T15:00:00.000Z')

    const graphql = await api.graphql(
      '{ Masthead { title registrationNumber registeredOn registeredOnText publisher editor youthProtectionOfficer address phone email } }',
    )
    expect(graphql.body.errors).toBeUndefined()
    expect(graphql.body.data.Masthead).toMatchObject({
      title: '울산매일신문',
      registrationNumber: '울산 아00123',
      registeredOnText: '2012-05-10',
      youthProtectionOfficer: '이보호',
    })
    expect(graphql.body.data.Masthead.registeredOn).toMatch(/\+09:00$/)
  })

  it('is changed by admins only', async () => {
    for (const token of [undefined, reader, kim, editor]) {
      const answer = await save({ ...particulars, publisher: '바뀐 사람' }, token)
      expect(answer.status, answer.text).toBe(403)
    }
    const mutation = await api.graphql(
      `mutation { updateMasthead(data: { title: "제호", registrationNumber: "울산 아00001", registeredOn: "2012-05-10T00:00:00+09:00", publisher: "바뀐 사람", editor: "편집", youthProtectionOfficer: "보호", address: "주소", phone: "052-000-0000" }) { publisher } }`,
      undefined,
      editor,
    )
    expect(mutation.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await api.rest('GET', '/globals/masthead')).body.publisher).toBe('홍길동')
  })

  it('refuses missing or malformed particulars, naming the field (400)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '  ' }, 'title'],
      [{ registrationNumber: '' }, 'registrationNumber'],
      [{ registrationNumber: '울산 아' }, 'registrationNumber'],
      [{ youthProtectionOfficer: null }, 'youthProtectionOfficer'],
      [{ phone: '전화 주세요' }, 'phone'],
      [{ email: 'not-an-email' }, 'email'],
      [{ registeredOn: null }, 'registeredOn'],
    ]
    for (const [change, field] of cases) {
      const answer = await save({ ...particulars, ...change }, admin)
      expect(answer.status, `${field}: ${answer.text}`).toBe(400)
      expect(
        (answer.body.errors[0].data.errors as { path: string }[]).map((error) => error.path),
      ).toContain(field)
    }
    expect((await api.rest('GET', '/globals/masthead')).body.title).toBe('울산매일신문')
  })

  it('accepts the demo seed’s particulars', async () => {
    expect((await save(demoMasthead, admin)).status).toBe(200)
  })

  it('purges CDN copies once per save, and not for a refused or rolled-back one', async () => {
    const channels = await purgeChannels(payload)
    const purgesOf = async (change: () => Promise<unknown>) => {
      await clearQueuedDeliveries(payload)
      await change()
      return queuedPurges(payload)
    }
    const saved = await purgesOf(async () =>
      expect((await save({ ...particulars, phone: '052-765-4321' }, admin)).status).toBe(200),
    )
    expect(saved).toEqual(onePurgePerChannel(channels, ['masthead:global'], 'masthead.changed'))
    const refused = await purgesOf(async () => {
      expect((await save({ ...particulars, phone: '052' }, editor)).status).toBe(403)
      expect((await save({ ...particulars, phone: '전화' }, admin)).status).toBe(400)
    })
    expect(refused).toEqual([])
    if (canRollBack()) {
      const before = (await api.rest('GET', '/globals/masthead')).body.publisher
      const undone = await purgesOf(() =>
        rolledBack(payload, (req) =>
          payload.updateGlobal({
            slug: 'masthead' as never,
            data: { publisher: '되돌릴 사람' } as never,
            req,
          }),
        ),
      )
      expect(undone).toEqual([])
      expect((await api.rest('GET', '/globals/masthead')).body.publisher).toBe(before)
    }
  })
})
