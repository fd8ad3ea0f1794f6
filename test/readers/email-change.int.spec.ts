import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiClient } from '../helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { captureEmails, lastMailTo, tokenIn } from '../helpers/outbox'
import { bootPayload } from '../helpers/payload'
import { READER_PASSWORD, signUpReader } from './readerHelpers'

const outbox = captureEmails()
let payload: Payload
let api: ReturnType<typeof apiClient>
let adminToken: string

beforeAll(async () => {
  payload = await bootPayload('readers-email-change', { email: outbox.adapter })
  api = apiClient(payload)
  await createNewsroom(payload)
  adminToken = await api.login(loginEmails().admin, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const login = (email: string) =>
  api.rest('POST', '/readers/login', { body: { email, password: READER_PASSWORD } })
const mailsTo = (email: string) =>
  outbox.messages.filter((message) => String(message.to).includes(email))
const stored = async (id: number | string): Promise<Record<string, unknown>> =>
  (await payload.findByID({ collection: 'readers', id, showHiddenFields: true })) as never

describe('a reader changing their email', () => {
  it('keeps the confirmed address until the link mailed to the new one is followed', async () => {
    const reader = await signUpReader(api, outbox, 'old-address@example.com')
    const changed = await api.rest('PATCH', `/readers/${reader.id}`, {
      token: reader.token,
      body: { email: 'New-Address@example.com' },
    })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body.doc.email).toBe('old-address@example.com')
    expect(changed.body.doc.pendingEmail).toBe('new-address@example.com')
    expect(changed.body.doc.pendingEmailExpiresAt).toBeTruthy()
    // The token's hash never leaves the server.
    expect(JSON.stringify(changed.body)).not.toContain('pendingEmailTokenHash')

    const link = lastMailTo(outbox, 'new-address@example.com')
    expect(link?.subject).toMatch(/새 이메일 주소를 확인/)
    expect(String(link?.html)).toContain('/account/confirm-email?token=')
    const notice = lastMailTo(outbox, 'old-address@example.com')
    expect(notice?.subject).toMatch(/이메일 변경 요청/)
    expect(String(notice?.html)).toContain('ne***@example.com')
    expect(String(notice?.html)).not.toContain('token=')

    // Until then: the old address signs in, the new one does not.
    expect((await login('old-address@example.com')).status).toBe(200)
    expect((await login('new-address@example.com')).status).toBe(401)
    const me = await api.rest('GET', '/readers/me', { token: reader.token })
    expect(me.body.user.email).toBe('old-address@example.com')

    const token = tokenIn(link)
    const wrong = await api.rest('POST', '/readers/confirm-email', { body: { token: 'nope' } })
    expect(wrong.status).toBe(403)
    expect((await api.rest('POST', '/readers/confirm-email', { body: {} })).status).toBe(400)
    const confirmed = await api.rest('POST', '/readers/confirm-email', { body: { token } })
    expect(confirmed.status, confirmed.text).toBe(200)
    expect(confirmed.body.email).toBe('new-address@example.com')

    const after = await stored(reader.id)
    expect(after.email).toBe('new-address@example.com')
    expect(after._verified).toBe(true)
    expect(after.pendingEmail ?? null).toBeNull()
    expect(after.pendingEmailTokenHash ?? null).toBeNull()
    expect((await login('new-address@example.com')).status).toBe(200)
    expect((await login('old-address@example.com')).status).toBe(401)
    expect(lastMailTo(outbox, 'old-address@example.com')?.subject).toMatch(/바뀌었습니다/)
    // A link works once.
    expect((await api.rest('POST', '/readers/confirm-email', { body: { token } })).status).toBe(403)
  })

  it('holds a change made through GraphQL the same way', async () => {
    const reader = await signUpReader(api, outbox, 'gql-old@example.com')
    const { body } = await api.graphql(
      `mutation ($id: ${typeof reader.id === 'number' ? 'Int' : 'String'}!) {
        updateReader(id: $id, data: { email: "gql-new@example.com" }) {
          email
          pendingEmail
          pendingEmailTokenHash
        }
      }`,
      { id: reader.id },
      reader.token,
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.updateReader).toEqual({
      email: 'gql-old@example.com',
      pendingEmail: 'gql-new@example.com',
      // In the schema as Payload's own hidden tokens are, and always empty.
      pendingEmailTokenHash: null,
    })
    expect((await stored(reader.id)).email).toBe('gql-old@example.com')
    expect(lastMailTo(outbox, 'gql-new@example.com')).toBeDefined()
  })

  it('refuses an address already in use with sign-up’s answer, and sends it nothing', async () => {
    await signUpReader(api, outbox, 'taken@example.com')
    const reader = await signUpReader(api, outbox, 'wants-taken@example.com')
    const sentBefore = mailsTo('taken@example.com').length
    const refused = await api.rest('PATCH', `/readers/${reader.id}`, {
      token: reader.token,
      body: { email: 'TAKEN@example.com' },
    })
    expect(refused.status).toBe(400)
    const signUp = await api.rest('POST', '/readers', {
      body: { email: 'taken@example.com', password: READER_PASSWORD },
    })
    expect(signUp.status).toBe(400)
    // No more than sign-up says about the address.
    expect(signUp.body.errors[0].data.errors).toBeDefined()
    expect(refused.body.errors[0].data.errors).toEqual(signUp.body.errors[0].data.errors)
    expect(JSON.stringify(refused.body)).toContain('email')
    expect(mailsTo('taken@example.com').length).toBe(sentBefore)
    const after = await stored(reader.id)
    expect(after.email).toBe('wants-taken@example.com')
    expect(after.pendingEmail ?? null).toBeNull()
  })

  it('refuses a malformed address naming the field', async () => {
    const reader = await signUpReader(api, outbox, 'malformed@example.com')
    const refused = await api.rest('PATCH', `/readers/${reader.id}`, {
      token: reader.token,
      body: { email: 'not an address' },
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('email')
    expect((await stored(reader.id)).pendingEmail ?? null).toBeNull()
  })

  it('lets the link expire, after which nothing changes', async () => {
    const reader = await signUpReader(api, outbox, 'slow@example.com')
    await api.rest('PATCH', `/readers/${reader.id}`, {
      token: reader.token,
      body: { email: 'slow-new@example.com' },
    })
    const token = tokenIn(lastMailTo(outbox, 'slow-new@example.com'))
    const expires = new Date(String((await stored(reader.id)).pendingEmailExpiresAt)).getTime()
    expect(expires - Date.now()).toBeGreaterThan(23 * 3_600_000)
    expect(expires - Date.now()).toBeLessThanOrEqual(24 * 3_600_000)
    // A day later, as far as the stored expiry goes.
    await payload.update({
      collection: 'readers',
      id: reader.id,
      data: { pendingEmailExpiresAt: new Date(Date.now() - 1000).toISOString() } as never,
    })
    const late = await api.rest('POST', '/readers/confirm-email', { body: { token } })
    expect(late.status).toBe(403)
    expect(late.text).toMatch(/만료/)
    const after = await stored(reader.id)
    expect(after.email).toBe('slow@example.com')
    expect(after.pendingEmail ?? null).toBeNull()
    expect((await login('slow-new@example.com')).status).toBe(401)
  })

  it('drops a change whose address another account confirmed meanwhile', async () => {
    const reader = await signUpReader(api, outbox, 'racer@example.com')
    await api.rest('PATCH', `/readers/${reader.id}`, {
      token: reader.token,
      body: { email: 'contested@example.com' },
    })
    const token = tokenIn(lastMailTo(outbox, 'contested@example.com'))
    // A waiting change does not hold the address: somebody signs up with it and confirms first.
    await signUpReader(api, outbox, 'contested@example.com')
    const lost = await api.rest('POST', '/readers/confirm-email', { body: { token } })
    expect(lost.status).toBe(409)
    const after = await stored(reader.id)
    expect(after.email).toBe('racer@example.com')
    expect(after.pendingEmail ?? null).toBeNull()
  })

  it('replaces a waiting change by a newer one: only the newest link works', async () => {
    const reader = await signUpReader(api, outbox, 'fickle@example.com')
    for (const email of ['first-choice@example.com', 'second-choice@example.com'])
      await api.rest('PATCH', `/readers/${reader.id}`, { token: reader.token, body: { email } })
    const first = tokenIn(lastMailTo(outbox, 'first-choice@example.com'))
    const second = tokenIn(lastMailTo(outbox, 'second-choice@example.com'))
    expect(
      (await api.rest('POST', '/readers/confirm-email', { body: { token: first } })).status,
    ).toBe(403)
    expect(
      (await api.rest('POST', '/readers/confirm-email', { body: { token: second } })).status,
    ).toBe(200)
    expect((await stored(reader.id)).email).toBe('second-choice@example.com')
  })

  it('cannot set the waiting address or its expiry itself', async () => {
    const reader = await signUpReader(api, outbox, 'sneaky@example.com')
    const sneaky = await api.rest('PATCH', `/readers/${reader.id}`, {
      token: reader.token,
      body: {
        pendingEmail: 'victim@example.com',
        pendingEmailExpiresAt: '2099-01-01T00:00:00.000Z',
        pendingEmailTokenHash: 'a'.repeat(64),
      },
    })
    expect(sneaky.status).toBe(200)
    const after = await stored(reader.id)
    expect(after.pendingEmail ?? null).toBeNull()
    expect(after.pendingEmailTokenHash ?? null).toBeNull()
  })
})

describe('staff changing a reader’s email', () => {
  it('an admin changes it directly, without a confirmation', async () => {
    const reader = await signUpReader(api, outbox, 'helped@example.com')
    await api.rest('PATCH', `/readers/${reader.id}`, {
      token: reader.token,
      body: { email: 'helped-pending@example.com' },
    })
    const changed = await api.rest('PATCH', `/readers/${reader.id}`, {
      token: adminToken,
      body: { email: 'helped-new@example.com' },
    })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body.doc.email).toBe('helped-new@example.com')
    const after = await stored(reader.id)
    expect(after.email).toBe('helped-new@example.com')
    // The reader's own waiting change is void.
    expect(after.pendingEmail ?? null).toBeNull()
    expect(lastMailTo(outbox, 'helped-new@example.com')).toBeUndefined()
    expect((await login('helped-new@example.com')).status).toBe(200)
  })

  it('an editor cannot change a reader’s email', async () => {
    const reader = await signUpReader(api, outbox, 'not-editors@example.com')
    const editorToken = await api.login(loginEmails().editor, PASSWORD)
    const refused = await api.rest('PATCH', `/readers/${reader.id}`, {
      token: editorToken,
      body: { email: 'editors-pick@example.com' },
    })
    expect([403, 404]).toContain(refused.status)
    expect((await stored(reader.id)).email).toBe('not-editors@example.com')
  })
})
