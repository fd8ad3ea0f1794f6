import type { Payload, TypedUser } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

type Actor = 'admin' | 'editor' | 'kim'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
const emails = loginEmails()
const tokens: Record<Actor, string> = { admin: '', editor: '', kim: '' }

// What an account holds besides who it is: none of it is another staff member's business.
const PRIVATE_FIELDS = [
  'roles',
  'reporter',
  'sessions',
  'apiKey',
  'enableAPIKey',
  'loginAttempts',
  'lockUntil',
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
]

beforeAll(async () => {
  payload = await bootPayload('security-staff-accounts')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  await payload.update({
    collection: 'users',
    id: fixture.users.admin,
    data: { name: '관리자 김' },
  })
  await payload.update({
    collection: 'reporters',
    id: fixture.reporters.kim,
    data: { user: fixture.users.kim as number },
  })
  for (const actor of Object.keys(tokens) as Actor[])
    tokens[actor] = await api.login(emails[actor], PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

// Payload answers an array it may not show as `[]` (`sessions`): nothing of it is shown.
const presentPrivateFields = (doc: Record<string, unknown>): string[] =>
  PRIVATE_FIELDS.filter(
    (name) =>
      doc[name] !== undefined &&
      doc[name] !== null &&
      !(Array.isArray(doc[name]) && doc[name].length === 0),
  )

describe('staff accounts, as another staff member', () => {
  it('a reporter reads another account’s email and name, and nothing else of it (REST)', async () => {
    const response = await api.rest('GET', `/users/${fixture.users.admin}?depth=1`, {
      token: tokens.kim,
    })
    expect(response.status, response.text).toBe(200)
    expect(response.body).toMatchObject({ email: emails.admin, name: '관리자 김' })
    expect(presentPrivateFields(response.body)).toEqual([])
  })

  it('lists every account with only email and name, but the reader’s own in full', async () => {
    const response = await api.rest('GET', '/users?limit=100&depth=0', { token: tokens.kim })
    expect(response.status, response.text).toBe(200)
    const docs = response.body.docs as Record<string, unknown>[]
    expect(docs.map((doc) => doc.email).sort()).toEqual(Object.values(emails).sort())
    for (const doc of docs) {
      if (doc.email === emails.kim) {
        expect(doc.roles).toEqual(['reporter'])
        expect(doc.reporter).toBe(fixture.reporters.kim)
      } else expect(presentPrivateFields(doc), String(doc.email)).toEqual([])
    }
  })

  it('GraphQL answers the same: another account’s roles and reporter are null', async () => {
    const response = await api.graphql(
      `query ($id: ${typeof fixture.users.editor === 'number' ? 'Int' : 'String'}!) {
        User(id: $id) { email roles reporter { id } }
      }`,
      { id: fixture.users.editor },
      tokens.kim,
    )
    expect(response.status, response.text).toBe(200)
    expect(response.body.data.User).toEqual({ email: emails.editor, roles: null, reporter: null })
  })

  it('cannot find accounts by a field it may not read (who is an admin)', async () => {
    const response = await api.rest('GET', '/users?where[roles][equals]=admin&depth=0', {
      token: tokens.editor,
    })
    // Payload refuses a query on a field the reader may not read (QueryError).
    expect(response.status, response.text).toBe(400)
    expect(response.text).toContain('roles')
  })

  it('an editor names who holds an edit lock, as Payload’s lock dialog reads it', async () => {
    const admin = {
      ...(await payload.findByID({ collection: 'users', id: fixture.users.admin })),
      collection: 'users',
    } as TypedUser
    const editor = {
      ...(await payload.findByID({ collection: 'users', id: fixture.users.editor })),
      collection: 'users',
    } as TypedUser
    const section = await payload.create({
      collection: 'sections',
      data: { name: '잠금 시험' },
    })
    await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'sections', value: section.id as number },
        globalSlug: undefined,
        user: { relationTo: 'users', value: admin.id as number },
      },
      user: admin,
      overrideAccess: true,
    })
    // @payloadcms/next getIsLocked: the lock with its user populated under the viewer's access.
    const locks = await payload.find({
      collection: 'payload-locked-documents',
      where: { 'document.value': { equals: section.id } },
      depth: 1,
      overrideAccess: false,
      user: editor,
    })
    const holder = locks.docs[0]?.user?.value as unknown as Record<string, unknown>
    expect(holder).toMatchObject({ email: emails.admin })
    expect(presentPrivateFields(holder)).toEqual([])
  })

  it('cannot change another account, not even its name or email', async () => {
    for (const data of [{ name: '바뀐 이름' }, { email: 'taken-over@example.com' }]) {
      const response = await api.rest('PATCH', `/users/${fixture.users.editor}`, {
        token: tokens.kim,
        body: data,
      })
      expect(response.status, JSON.stringify(data)).toBe(403)
    }
    const stored = await payload.findByID({ collection: 'users', id: fixture.users.editor })
    expect(stored).toMatchObject({ email: emails.editor })
    expect(stored.name ?? null).toBeNull()
  })
})

describe('staff accounts, as the admin and as nobody', () => {
  it('the admin reads every field of every account', async () => {
    const response = await api.rest('GET', `/users/${fixture.users.kim}?depth=0`, {
      token: tokens.admin,
    })
    expect(response.status, response.text).toBe(200)
    expect(response.body).toMatchObject({
      email: emails.kim,
      roles: ['reporter'],
      reporter: fixture.reporters.kim,
    })
  })

  it('anonymous readers read no account, by REST or GraphQL', async () => {
    const list = await api.rest('GET', '/users?depth=0')
    expect(list.status).toBe(403)
    const one = await api.rest('GET', `/users/${fixture.users.admin}?depth=0`)
    expect(one.status).toBe(403)
    const graphql = await api.graphql('{ Users { docs { email } } }')
    expect(graphql.body.data?.Users ?? null).toBeNull()
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
  })

  it('a reporter profile’s login account shows its email to staff only', async () => {
    const staff = await api.rest('GET', `/reporters/${fixture.reporters.kim}?depth=1`, {
      token: tokens.editor,
    })
    expect(staff.status, staff.text).toBe(200)
    const account = (staff.body as { user: Record<string, unknown> }).user
    expect(account).toMatchObject({ id: fixture.users.kim, email: emails.kim })
    expect(presentPrivateFields(account)).toEqual([])
    const anonymous = await api.rest('GET', `/reporters/${fixture.reporters.kim}?depth=1`)
    expect(anonymous.status).toBe(200)
    expect((anonymous.body as { user?: unknown }).user).toBeUndefined()
  })
})
