import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { DeletedReader } from '../../plugins/readers'
import type { NewsroomFixture } from '../helpers/newsroom'

import { addReaderDeletionListener } from '../../plugins/readers'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom } from '../helpers/newsroom'
import { captureEmails, lastMailTo, tokenIn } from '../helpers/outbox'
import { bootPayload } from '../helpers/payload'
import { countOf, READER_PASSWORD, signUpReader } from './readerHelpers'

const outbox = captureEmails()
const deleted: DeletedReader['id'][] = []
let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let article: { id: number | string }

beforeAll(async () => {
  payload = await bootPayload('readers-accounts', {
    email: outbox.adapter,
    // Another reader plugin's clean-up, as votes or reports would register it.
    configure: (config) =>
      addReaderDeletionListener(config, ({ id }) => {
        deleted.push(id)
      }),
  })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  article = await payload.create({
    collection: 'articles',
    data: articleData(fixture, { title: '공개 기사', _status: 'published' }) as never,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('sign-up and email verification', () => {
  it('keeps Payload’s first-register closed: it would confirm any address without a mail', async () => {
    expect(await countOf(payload, 'readers')).toBe(0)
    const { status } = await api.rest('POST', '/readers/first-register', {
      body: { email: 'first@example.com', password: READER_PASSWORD },
    })
    expect(status).toBe(403)
    expect(await countOf(payload, 'readers')).toBe(0)
  })

  it('signs up through REST, mails a link to the site, refuses login until the address is confirmed', async () => {
    const email = 'new-reader@example.com'
    const created = await api.rest('POST', '/readers', {
      body: { email, password: READER_PASSWORD, nickname: '새독자' },
    })
    expect(created.status, created.text).toBe(201)
    expect(created.body.doc._verified).toBeUndefined()
    const mail = lastMailTo(outbox, email)
    expect(mail?.subject).toMatch(/이메일 주소를 확인/)
    expect(String(mail?.html)).toContain('/account/verify?token=')
    expect(String(mail?.html)).not.toContain('/admin')

    const early = await api.rest('POST', '/readers/login', {
      body: { email, password: READER_PASSWORD },
    })
    expect(early.status).toBe(403)

    expect((await api.rest('POST', '/readers/verify/not-a-token')).status).toBe(403)
    expect((await api.rest('POST', `/readers/verify/${tokenIn(mail)}`)).status).toBe(200)
    const login = await api.rest('POST', '/readers/login', {
      body: { email, password: READER_PASSWORD },
    })
    expect(login.status).toBe(200)
    expect(login.body.user.collection).toBe('readers')
    const me = await api.rest('GET', '/readers/me', { token: login.body.token })
    expect(me.body.user.email).toBe(email)
  })

  it('signs up through GraphQL too', async () => {
    const { body } = await api.graphql(
      `mutation { createReader(data: { email: "gql-reader@example.com", password: "${READER_PASSWORD}" }) { id email } }`,
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.createReader.email).toBe('gql-reader@example.com')
    expect(lastMailTo(outbox, 'gql-reader@example.com')).toBeDefined()
  })

  it('refuses a weak password, as for staff', async () => {
    const { body, status } = await api.rest('POST', '/readers', {
      body: { email: 'weak@example.com', password: 'password1' },
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toContain('password')
    expect(await countOf(payload, 'readers', { email: { equals: 'weak@example.com' } })).toBe(0)
  })

  it('does not let anyone sign up an address as already confirmed', async () => {
    const anonymous = await api.rest('POST', '/readers', {
      body: { email: 'self-verified@example.com', password: READER_PASSWORD, _verified: true },
    })
    expect(anonymous.status).toBe(201)
    const stored = await payload.findByID({ collection: 'readers', id: anonymous.body.doc.id })
    expect(stored._verified).toBe(false)
  })
})

describe('password reset', () => {
  it('mails a reset link to the site and sets the new password with its token', async () => {
    const email = 'forgetful@example.com'
    await signUpReader(api, outbox, email)
    const asked = await api.rest('POST', '/readers/forgot-password', { body: { email } })
    expect(asked.status).toBe(200)
    const mail = lastMailTo(outbox, email)
    expect(mail?.subject).toMatch(/비밀번호 재설정/)
    expect(String(mail?.html)).toContain('/account/reset-password?token=')
    const token = tokenIn(mail)

    const weak = await api.rest('POST', '/readers/reset-password', {
      body: { token, password: '12345' },
    })
    expect(weak.status).toBe(400)
    const reset = await api.rest('POST', '/readers/reset-password', {
      body: { token, password: 'a-new-reader-password' },
    })
    expect(reset.status, reset.text).toBe(200)
    const login = await api.rest('POST', '/readers/login', {
      body: { email, password: 'a-new-reader-password' },
    })
    expect(login.status).toBe(200)
  })
})

describe('profile', () => {
  it('reads and changes only its own account', async () => {
    const one = await signUpReader(api, outbox, 'profile-one@example.com')
    const two = await signUpReader(api, outbox, 'profile-two@example.com')
    const changed = await api.rest('PATCH', `/readers/${one.id}`, {
      token: one.token,
      body: { name: '홍길동', nickname: '길동' },
    })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body.doc.nickname).toBe('길동')

    const list = await api.rest('GET', '/readers?limit=100', { token: one.token })
    expect(list.body.docs.map((doc: { id: unknown }) => doc.id)).toEqual([one.id])
    const escape = await api.rest(
      'GET',
      `/readers?where[or][0][id][equals]=${two.id}&where[or][1][email][exists]=true`,
      { token: one.token },
    )
    expect(escape.body.docs.map((doc: { id: unknown }) => doc.id)).toEqual([one.id])
    expect((await api.rest('GET', `/readers/${two.id}`, { token: one.token })).status).toBe(404)
    const other = await api.rest('PATCH', `/readers/${two.id}`, {
      token: one.token,
      body: { nickname: '탈취' },
    })
    expect([403, 404]).toContain(other.status)
    expect((await payload.findByID({ collection: 'readers', id: two.id })).nickname).toBe(
      'profile-two',
    )
    const gql = await api.graphql('{ Readers(limit: 100) { docs { id } } }', undefined, one.token)
    expect(gql.body.data.Readers.docs.map((doc: { id: unknown }) => String(doc.id))).toEqual([
      String(one.id),
    ])
  })

  it('cannot read any account anonymously', async () => {
    const list = await api.rest('GET', '/readers')
    expect(list.status).toBe(403)
  })

  it('logs out', async () => {
    const one = await signUpReader(api, outbox, 'leaving@example.com')
    const out = await api.rest('POST', '/readers/logout', { token: one.token })
    expect(out.status).toBe(200)
    const me = await api.rest('GET', '/readers/me', { token: one.token })
    expect(me.body.user).toBeNull()
  })
})

describe('delete my account', () => {
  it('deletes the account, its scraps and tells the other reader plugins', async () => {
    const reader = await signUpReader(api, outbox, 'delete-me@example.com')
    const keeper = await signUpReader(api, outbox, 'keeper@example.com')
    for (const { token } of [reader, keeper]) {
      const saved = await api.rest('POST', '/scraps', { token, body: { article: article.id } })
      expect(saved.status).toBe(201)
    }
    const gone = await api.rest('DELETE', `/readers/${reader.id}`, { token: reader.token })
    expect(gone.status, gone.text).toBe(200)
    expect(await countOf(payload, 'readers', { id: { equals: reader.id } })).toBe(0)
    expect(await countOf(payload, 'scraps', { reader: { equals: reader.id } })).toBe(0)
    expect(await countOf(payload, 'scraps', { reader: { equals: keeper.id } })).toBe(1)
    expect(deleted.map(String)).toContain(String(reader.id))
    // The old session is worth nothing.
    const me = await api.rest('GET', '/readers/me', { token: reader.token })
    expect(me.body.user).toBeNull()
  })

  it('cannot delete another reader', async () => {
    const one = await signUpReader(api, outbox, 'del-one@example.com')
    const two = await signUpReader(api, outbox, 'del-two@example.com')
    expect([403, 404]).toContain(
      (await api.rest('DELETE', `/readers/${two.id}`, { token: one.token })).status,
    )
    expect(await countOf(payload, 'readers', { id: { equals: two.id } })).toBe(1)
  })
})

describe('login throttling', () => {
  it('slows down password guessing on a reader account like a staff one', async () => {
    const email = 'guessed@example.com'
    await signUpReader(api, outbox, email)
    const statuses: number[] = []
    for (let attempt = 0; attempt < 8; attempt++) {
      const { status } = await api.rest('POST', '/readers/login', {
        body: { email, password: `wrong-guess-${attempt}` },
      })
      statuses.push(status)
    }
    expect(statuses).toContain(429)
  })
})
