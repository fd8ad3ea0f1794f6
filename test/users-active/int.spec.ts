import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { onFerretDB } from '../helpers/mongoCompat'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// Users' `active` flag: an account the admin switched off signs in no more, its open sessions end,
// and the desk's emails leave it out.

type ID = number | string

let payload: Payload
let fixture: NewsroomFixture
let api: ReturnType<typeof apiClient>
const emails: SendEmailOptions[] = []

/** Payload's documented email adapter interface, keeping what it is asked to send. */
const capturingEmailAdapter: EmailAdapter = () => ({
  name: 'capture',
  defaultFromAddress: 'desk@newsroom.example',
  defaultFromName: '뉴스룸',
  sendEmail: async (message) => {
    emails.push(message)
  },
})

beforeAll(async () => {
  payload = await bootPayload('users-active', {
    configure: (config) => ({ ...config, email: capturingEmailAdapter }),
  })
  fixture = await createNewsroom(payload)
  api = apiClient(payload)
})
afterAll(async () => {
  await payload?.destroy()
})
beforeEach(() => {
  emails.length = 0
})

const login = (email: string) =>
  api.rest('POST', '/users/login', { body: { email, password: PASSWORD } })

const setActive = async (id: ID, active: boolean) => {
  await payload.update({ collection: 'users', id, data: { active } as never, depth: 0 })
}

/** Runs the queued jobs (the desk's emails are sent from one). */
const drain = async () => {
  await payload.jobs.run({ limit: 100 })
}

const toOf = (message: SendEmailOptions) =>
  (Array.isArray(message.to) ? message.to : [message.to]).map(String).sort()

describe('users’ active flag', () => {
  it('is on for a new account, and only an admin switches it', async () => {
    const created = (await payload.findByID({
      collection: 'users',
      id: fixture.users.park,
      depth: 0,
    })) as unknown as { active?: boolean }
    expect(created.active).toBe(true)

    const admin = await api.login(loginEmails().admin, PASSWORD)
    const park = await api.login(loginEmails().park, PASSWORD)
    // Their own account: the flag is not theirs to change (the rest of the save goes through).
    const self = await api.rest('PATCH', `/users/${fixture.users.park}`, {
      body: { active: false, name: '박기자' },
      token: park,
    })
    expect(self.status, self.text).toBe(200)
    expect(self.body.doc.active).toBe(true)
    const byAdmin = await api.rest('PATCH', `/users/${fixture.users.park}`, {
      body: { active: false },
      token: admin,
    })
    expect(byAdmin.status, byAdmin.text).toBe(200)
    expect(byAdmin.body.doc.active).toBe(false)
    await setActive(fixture.users.park, true)
  })

  it('refuses an inactive account’s login, in Korean, and the right password changes nothing', async () => {
    await setActive(fixture.users.park, false)
    try {
      const refused = await login(loginEmails().park)
      expect(refused.status, refused.text).toBe(403)
      expect(refused.body.token).toBeUndefined()
      expect(refused.body.errors[0].message).toContain('사용이 중지된 계정')
      // A wrong password is answered as for anyone: the flag is not told to a guesser. (FerretDB
      // answers Payload's failed-login counter with 500: the gap findAndModifyProjection.)
      if (!onFerretDB) {
        const guessed = await api.rest('POST', '/users/login', {
          body: { email: loginEmails().park, password: 'wrong-password-9' },
        })
        expect(guessed.status).toBe(401)
      }
    } finally {
      await setActive(fixture.users.park, true)
    }
    expect((await login(loginEmails().park)).status).toBe(200)
  })

  it('ends the open sessions of an account switched off, and they stay ended', async () => {
    const token = await api.login(loginEmails().editor, PASSWORD)
    const me = async () =>
      (await api.rest('GET', '/users/me', { token })).body as { user: null | { email: string } }
    const drafts = () => api.rest('GET', '/articles?draft=true&depth=0&limit=1', { token })
    expect((await me()).user?.email).toBe(loginEmails().editor)
    const admin = await api.login(loginEmails().admin, PASSWORD)
    const off = await api.rest('PATCH', `/users/${fixture.users.editor}`, {
      body: { active: false },
      token: admin,
    })
    expect(off.status, off.text).toBe(200)
    try {
      expect((await me()).user).toBeNull()
      // Staff reads are refused: the token is nobody's now.
      const list = await drafts()
      expect(list.body.docs ?? []).toEqual([])
      const refreshed = await api.rest('POST', '/users/refresh-token', { token })
      expect(refreshed.status).not.toBe(200)
    } finally {
      await setActive(fixture.users.editor, true)
    }
    // Switched on again, the old token does not come back to life.
    expect((await me()).user).toBeNull()
  })

  it('leaves inactive desk members and byline users out of the desk’s emails', async () => {
    const kim = await api.login(loginEmails().kim, PASSWORD)
    const editor = await api.login(loginEmails().editor, PASSWORD)
    const created = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, {
        title: '중지 계정 알림',
        reporters: [fixture.reporters.kim, fixture.reporters.park],
      }),
      token: kim,
    })
    expect(created.status, created.text).toBe(201)
    const id = created.body.doc.id as ID
    const move = async (token: string, state: string, note?: string) => {
      const moved = await api.rest('PATCH', `/articles/${id}?draft=true`, {
        body: { workflow: { state, ...(note ? { note } : {}) } },
        token,
      })
      expect(moved.status, moved.text).toBe(200)
    }

    await setActive(fixture.users.admin, false)
    await setActive(fixture.users.park, false)
    try {
      await move(kim, 'filed')
      await drain()
      expect(emails.map(toOf)).toEqual([[loginEmails().editor]])

      emails.length = 0
      await move(editor, 'returned', '사진을 바꾸세요')
      await drain()
      expect(emails.map(toOf)).toEqual([[loginEmails().kim]])
    } finally {
      await setActive(fixture.users.admin, true)
      await setActive(fixture.users.park, true)
    }
  })
})
