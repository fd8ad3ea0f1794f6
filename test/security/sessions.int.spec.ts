import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'
import type { AppRoutes } from './routes'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { appRoutes } from './routes'

let payload: Payload
let fixture: NewsroomFixture
let routes: AppRoutes
let token: string

beforeAll(async () => {
  payload = await bootPayload('sessions')
  fixture = await createNewsroom(payload)
  routes = appRoutes(payload)
  token = await apiClient(payload).login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const get = (url: string, headers: Record<string, string> = {}) =>
  routes.rest(new Request(`http://localhost/api${url}`, { headers }))

/** A published article whose latest draft only staff may see. */
const articleWithDraft = async () => {
  const article = (await payload.create({
    collection: 'articles',
    data: articleData(fixture, { title: '공개본', _status: 'published' }) as never,
  })) as unknown as { id: number | string }
  await payload.update({
    collection: 'articles',
    id: article.id,
    draft: true,
    data: { title: '초안 — 공개 전' },
  })
  return article
}

// A browser page of the admin's own origin: Payload then honours the session cookie (its csrf check).
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' }

describe('a staff read is never stored nor served to anonymous readers', () => {
  it.each([
    [
      'a cookie with a space before `=`',
      (jwt: string) => ({ cookie: `payload-token =${jwt}`, ...SAME_ORIGIN }),
      true,
    ],
    [
      'a cookie with a space before its name',
      (jwt: string) => ({ cookie: `theme=dark; lang=ko;  payload-token=${jwt}`, ...SAME_ORIGIN }),
      true,
    ],
    [
      'a cookie with a leading space alone',
      (jwt: string) => ({ cookie: ` payload-token=${jwt}`, ...SAME_ORIGIN }),
      true,
    ],
    [
      'the plain cookie',
      (jwt: string) => ({ cookie: `payload-token=${jwt}`, ...SAME_ORIGIN }),
      true,
    ],
    // Payload's cookie names are case-sensitive: this one does not sign in, and is private all the same.
    [
      'an upper-case cookie name',
      (jwt: string) => ({ cookie: `PAYLOAD-TOKEN=${jwt}`, ...SAME_ORIGIN }),
      false,
    ],
    ['Authorization: JWT', (jwt: string) => ({ authorization: `JWT ${jwt}` }), true],
    ['Authorization: Bearer', (jwt: string) => ({ authorization: `Bearer ${jwt}` }), true],
  ])('%s', async (_name, credentials, isSignedIn) => {
    const article = await articleWithDraft()
    const url = `/articles/${article.id}?draft=true&depth=0`
    const staff = await get(url, credentials(token))
    expect(staff.headers.get('cache-control')).toBe('private, no-store')
    expect(staff.headers.get('surrogate-key')).toBeNull()
    if (isSignedIn) expect((await staff.json()).title).toBe('초안 — 공개 전')
    const anonymous = await get(url)
    expect(await anonymous.text()).not.toContain('초안 — 공개 전')
  })

  it('a GraphQL `meUser { token }` answer is never cached', async () => {
    const url = `http://localhost/api/graphql?query=${encodeURIComponent('{ meUser { token user { email } } }')}`
    const signedIn = await routes.graphqlGet(
      new Request(url, { headers: { cookie: `payload-token =${token}`, ...SAME_ORIGIN } }),
    )
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
    expect((await signedIn.json()).data.meUser.token).toBeTruthy()
    const anonymous = await routes.graphqlGet(new Request(url))
    const body = await anonymous.json()
    expect(body.data.meUser.token).toBeNull()
    expect(body.data.meUser.user).toBeNull()
  })
})

describe('headers anyone can forge do not reach cached answers', () => {
  it.each(['/feeds/rss.xml', '/feeds/atom.xml', '/sitemaps/index.xml'])(
    '%s: a forged Host / X-Forwarded-Host / X-Forwarded-Proto changes neither the answer nor the copy others get',
    async (path) => {
      await payload.create({
        collection: 'articles',
        data: articleData(fixture, { title: '피드 기사', _status: 'published' }) as never,
      })
      // How the request reaches Payload when a server builds its URL from those headers.
      const forged = await routes.rest(
        new Request(`https://evil.example/api${path}?poison=1`, {
          headers: {
            host: 'evil.example',
            'x-forwarded-host': 'evil.example',
            'x-forwarded-proto': 'https',
          },
        }),
      )
      expect(forged.status).toBe(200)
      expect(await forged.text()).not.toContain('evil.example')
      const reader = await get(`${path}?poison=1`)
      expect(reader.status).toBe(200)
      expect(await reader.text()).not.toContain('evil.example')
    },
  )
})
