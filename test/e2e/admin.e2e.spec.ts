import type { IncomingHttpHeaders } from 'node:http'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import http from 'node:http'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningApp } from '../helpers/server'

import { startApp } from '../helpers/server'
import { launchChromium } from './adminBrowser'

let app: RunningApp
let browser: Browser
let page: Page

beforeAll(async () => {
  app = await startApp({ port: 3917 })
  browser = await launchChromium()
  // An English browser: the newsroom's admin must still come up in Korean.
  page = await browser.newPage({ locale: 'en-US' })
  page.setDefaultTimeout(30_000)
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const graphql = async (query: string) => {
  const response = await fetch(`${app.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })
  return (await response.json()) as { data: any; errors?: unknown[] }
}

/** A demo user's API token, from Payload's REST login. */
const apiToken = async (email: string): Promise<string> => {
  const login = await fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'newsroom-demo' }),
  })
  return ((await login.json()) as { token: string }).token
}

describe('the admin, as an editor', () => {
  it('is in Korean and logs the demo editor in', async () => {
    await page.goto(`${app.url}/admin/login`)
    expect(await page.getAttribute('html', 'lang')).toBe('ko')
    await page.fill('#field-email', 'editor@newsroom.example')
    await page.fill('#field-password', 'newsroom-demo')
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/)
    // The dashboard groups the newsroom's collections under their Korean group name.
    await page.getByText('편집국').first().waitFor({ state: 'visible' })
    await page.screenshot({ path: 'test/.tmp/e2e-dashboard.png' })
  })

  it('creates and publishes an article that anonymous GraphQL then reads', async () => {
    const title = `브라우저에서 쓴 기사 ${Date.now()}`
    await page.goto(`${app.url}/admin/collections/articles/create`)
    await page.fill('#field-title', title)
    await page.locator('#field-section').click()
    await page.locator('.rs__option', { hasText: /^뉴스$/ }).click()
    // A story is published under at least one active reporter's byline.
    await page.locator('#field-reporters').click()
    await page.locator('.rs__option', { hasText: /^김한수$/ }).click()
    await page.getByRole('button', { name: '게시' }).first().click()
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
    await page.screenshot({ path: 'test/.tmp/e2e-article.png' })

    let found: {
      title: string
      _status: string
      registeredAtText: null | string
      section: { name: string }
    }[] = []
    for (let attempt = 0; attempt < 20 && found.length === 0; attempt++) {
      const result = await graphql(
        `{ Articles(where: { title: { equals: ${JSON.stringify(title)} } }) { docs { title _status registeredAtText section { name } } } }`,
      )
      found = result.data?.Articles?.docs ?? []
      if (found.length === 0) await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ title, _status: 'published', section: { name: '뉴스' } })
    expect(found[0]!.registeredAtText).toMatch(/^\d{4}년\d{2}월\d{2}일 \d{2}시\d{2}분$/)
  })
})

/** The text of every body cell of the list table on `path`, once it has rows. */
const listCells = async (path: string, on: Page = page): Promise<string[]> => {
  await on.goto(`${app.url}${path}`)
  await on.locator('table tbody tr').first().waitFor({ state: 'visible' })
  // Relationship labels come from a second request after the rows: wait until none is pending.
  await on.waitForLoadState('networkidle')
  return on.locator('table tbody td').allInnerTexts()
}

describe('the admin lists, as an editor', () => {
  it('ask nothing of any other host (no Gravatar avatar, no fonts or scripts from a CDN)', async () => {
    const elsewhere: string[] = []
    const record = (request: { url: () => string }) => {
      const url = new URL(request.url())
      if (url.protocol.startsWith('http') && url.host !== new URL(app.url).host)
        elsewhere.push(request.url())
    }
    page.on('request', record)
    try {
      for (const path of ['/admin', '/admin/collections/articles', '/admin/account']) {
        await page.goto(`${app.url}${path}`)
        await page.waitForLoadState('networkidle')
      }
    } finally {
      page.off('request', record)
    }
    expect(elsewhere).toEqual([])
  })

  it('name every relationship (섹션, 상위 섹션), never "제목 없음 - ID: N"', async () => {
    // The admin asks for the labels with `limit=250`; the public page limit once refused it.
    for (const [path, expected] of [
      ['/admin/collections/articles', '뉴스'],
      ['/admin/collections/sections', '뉴스홈'],
    ] as const) {
      const cells = await listCells(path)
      expect(cells.join(' | '), path).toContain(expected)
      expect(
        cells.filter((cell) => /제목 없음|ID: ?\d/.test(cell)),
        path,
      ).toEqual([])
    }
    await page.screenshot({ path: 'test/.tmp/e2e-article-list.png' })
  })

  it('show 등록/수정 in Korea time, sortable, and leave unset dates empty', async () => {
    await listCells('/admin/collections/articles')
    const dateCells = await page
      .locator('table tbody td.cell-registeredAt, table tbody td.cell-revisedAt')
      .allInnerTexts()
    expect(dateCells.filter((cell) => /없음/.test(cell))).toEqual([])
    const cells = await page.locator('table tbody td').allInnerTexts()
    expect(cells.join(' | ')).toMatch(/\d{4}년\d{2}월\d{2}일 \d{2}시\d{2}분/)
    // The column header sorts (a virtual column has no sort buttons), by the stored date.
    expect(
      await page.locator('thead th', { hasText: '등록' }).locator('button').count(),
    ).toBeGreaterThan(0)
    await listCells('/admin/collections/articles?sort=-registeredAt&limit=50')
    const dates = (await page.locator('table tbody td.cell-registeredAt').allInnerTexts()).filter(
      (text) => text.trim() !== '',
    )
    expect(dates.length).toBeGreaterThan(1)
    expect([...dates].sort().reverse()).toEqual(dates)
  })
})

describe('the schedule drawer, as an editor', () => {
  it('preselects 게시, never 게시 해제, on a never-published draft, however often it is opened', async () => {
    const token = await apiToken('editor@newsroom.example')
    const created = await fetch(`${app.url}/api/articles?draft=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: `예약 초안 ${Date.now()}` }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number | string } }
    const selectedType = async () => {
      // A fresh load each time: Payload's own count starts from the server's answer then.
      await page.goto(`${app.url}/admin/collections/articles/${doc.id}`)
      await page.locator('#action-save').waitFor({ state: 'visible' })
      await page.locator('.btn--withPopup .popup-button').first().click()
      await page.locator('#schedule-publish').click()
      const radios = page.locator('.schedule-publish__type input[type="radio"]')
      await radios.first().waitFor({ state: 'attached' })
      const [publish, unpublish] = [
        await radios.nth(0).isChecked(),
        await radios.nth(1).isChecked(),
      ]
      await page.screenshot({ path: 'test/.tmp/e2e-schedule-drawer.png' })
      return { publish, unpublish }
    }
    expect(await selectedType()).toEqual({ publish: true, unpublish: false })
    expect(await selectedType()).toEqual({ publish: true, unpublish: false })
  })
})

describe('the running app', () => {
  it('serves only published demo articles to anonymous REST readers', async () => {
    const response = await fetch(`${app.url}/api/articles?limit=100`)
    const body = (await response.json()) as { docs: { _status: string; title: string }[] }
    expect(body.docs.length).toBeGreaterThanOrEqual(10)
    expect(body.docs.every((doc) => doc._status === 'published')).toBe(true)
    expect(body.docs.map((doc) => doc.title)).not.toContain('울산시 추경 예산안 (작성 중)')
  })

  it("answers the API cacheably: ETag, public Cache-Control, 304, no Vary on the admin's colour-scheme hint", async () => {
    const article = await fetch(
      `${app.url}/api/articles?where[slug][equals]=ulsan-social-innovation&depth=1`,
    )
    expect(article.status).toBe(200)
    expect(article.headers.get('etag')).toMatch(/^"/)
    expect(article.headers.get('cache-control')).toMatch(/^public, /)
    expect(article.headers.get('vary') ?? '').not.toMatch(/color-scheme/i)
    expect(article.headers.get('accept-ch')).toBeNull()
    const revalidated = await fetch(
      `${app.url}/api/articles?where[slug][equals]=ulsan-social-innovation&depth=1`,
      { headers: { 'if-none-match': article.headers.get('etag')! } },
    )
    expect(revalidated.status).toBe(304)
    // The admin keeps Payload's hint, which its theme follows.
    const admin = await fetch(`${app.url}/admin/login`)
    expect(admin.headers.get('accept-ch')).toBe('Sec-CH-Prefers-Color-Scheme')
  })
})

describe('API errors on the production build', () => {
  it('keep the message they were thrown with, not Payload’s generic one', async () => {
    const where = await fetch(
      `${app.url}/api/articles?where[registeredAt][greater_than]=yesterday-ish`,
    )
    expect(where.status).toBe(400)
    const body = (await where.json()) as { errors: { code: string; message: string }[] }
    expect(body.errors[0]).toMatchObject({ code: 'VALIDATION' })
    expect(body.errors[0]!.message).toContain('registeredAt')
  })
})

describe('API reads on the plain server', () => {
  it('answer HEAD on REST and GraphQL as the GET without its body', async () => {
    const url = `${app.url}/api/articles?where[slug][equals]=ulsan-social-innovation&depth=1&fresh=${Date.now()}`
    const get = await fetch(url)
    expect(get.status).toBe(200)
    expect(
      ((await get.json()) as { docs: { slug: string }[] }).docs.map((doc) => doc.slug),
    ).toEqual(['ulsan-social-innovation'])
    const head = await fetch(url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    for (const name of ['etag', 'cache-control', 'surrogate-key', 'content-type'])
      expect(head.headers.get(name)).toBe(get.headers.get(name))

    const graphqlUrl = `${app.url}/api/graphql?query=${encodeURIComponent('{ Articles(limit: 1) { docs { title } } }')}`
    const graphqlGet = await fetch(graphqlUrl)
    expect(graphqlGet.status).toBe(200)
    const graphqlHead = await fetch(graphqlUrl, { method: 'HEAD' })
    expect(graphqlHead.status).toBe(200)
    expect(graphqlHead.headers.get('etag')).toBe(graphqlGet.headers.get('etag'))
  })

  it('show a save on the very next anonymous read, under a new ETag', async () => {
    const [article] = (
      (await (await fetch(`${app.url}/api/articles?limit=1&sort=registeredAt&depth=0`)).json()) as {
        docs: { id: number; slug: string }[]
      }
    ).docs
    const url = `${app.url}/api/articles?where[slug][equals]=${article!.slug}&depth=1`
    // Read twice: whatever the server keeps of a read it has answered is in place before the save.
    await (await fetch(url)).arrayBuffer()
    const before = await fetch(url)
    const etagBefore = before.headers.get('etag')
    await before.arrayBuffer()

    const token = await apiToken('editor@newsroom.example')
    const subtitle = `방금 고친 부제 ${Date.now()}`
    const patch = await fetch(`${app.url}/api/articles/${article!.id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subtitle }),
    })
    expect(patch.status).toBe(200)
    const after = await fetch(url)
    expect(((await after.json()) as { docs: { subtitle: string }[] }).docs[0]!.subtitle).toBe(
      subtitle,
    )
    expect(after.headers.get('etag')).not.toBe(etagBefore)
    // A reader revalidating with the old ETag gets the new answer, not 304.
    expect((await fetch(url, { headers: { 'if-none-match': etagBefore! } })).status).toBe(200)
  })
})

describe('distribution in the admin, as the admin', () => {
  type Received = { body: string; headers: IncomingHttpHeaders }
  const received: Received[] = []
  let receiver: http.Server
  let context: BrowserContext
  let adminPage: Page
  let channel: { id: number | string; secret: string }
  let newSecret = ''
  const channelName = `브라우저 수신기 ${Date.now()}`

  beforeAll(async () => {
    // The channel's receiver: a real HTTP server on 127.0.0.1 (hence allowPrivateNetwork).
    receiver = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        received.push({ body, headers: request.headers })
        response.writeHead(200).end('ok')
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const token = await apiToken('admin@newsroom.example')
    const created = await fetch(`${app.url}/api/distribution-channels`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: channelName,
        url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
        allowPrivateNetwork: true,
        events: ['article.deleted'],
      }),
    })
    expect(created.status).toBe(201)
    channel = ((await created.json()) as { doc: typeof channel }).doc

    context = await browser.newContext({ locale: 'en-US' })
    adminPage = await context.newPage()
    adminPage.setDefaultTimeout(30_000)
    await adminPage.goto(`${app.url}/admin/login`)
    await adminPage.fill('#field-email', 'admin@newsroom.example')
    await adminPage.fill('#field-password', 'newsroom-demo')
    await adminPage.click('button[type="submit"]')
    await adminPage.waitForURL(/\/admin\/?$/)
  })
  afterAll(async () => {
    await context?.close()
    receiver?.close()
  })

  it('names the reporters’ login accounts (로그인 계정) in their list, never "제목 없음 - ID: N"', async () => {
    // Editors may not read other staff accounts; the admin sees them, labelled by their email.
    const cells = await listCells('/admin/collections/reporters', adminPage)
    expect(cells.join(' | ')).toContain('reporter@newsroom.example')
    expect(cells.filter((cell) => /제목 없음|ID: ?\d/.test(cell))).toEqual([])
  })

  /** Waits (the job runner ticks every 10 s) until the receiver has a message matching `isWanted`. */
  const receivedMessage = async (
    isWanted: (message: Received) => boolean,
    timeoutMs = 40_000,
  ): Promise<Received> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const message = received.find(isWanted)
      if (message) return message
      if (Date.now() > deadline)
        throw new Error(`the receiver got no matching request (got ${received.length})`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  const verified = (secret: string, message: Received) =>
    new Webhook(secret).verify(message.body, message.headers as Record<string, string>) as {
      type: string
    }

  it('rotates the secret from the channel view and shows the new one only once; editors see no rotate button', async () => {
    const channelUrl = `${app.url}/admin/collections/distribution-channels/${channel.id}`
    await page.goto(channelUrl)
    await page.getByRole('button', { name: '테스트 이벤트 보내기' }).waitFor()
    expect(await page.getByRole('button', { name: '비밀키 교체' }).count()).toBe(0)

    await adminPage.goto(channelUrl)
    await adminPage.getByRole('button', { name: '비밀키 교체' }).click()
    await adminPage.fill('#distribution-overlap-hours', '1')
    await adminPage.getByRole('button', { name: '새 비밀키 만들기' }).click()
    const secretBox = adminPage.locator('.distribution-new-secret')
    await secretBox.waitFor()
    expect(await secretBox.textContent()).toContain('한 번만')
    newSecret = await adminPage.locator('.distribution-new-secret__value').inputValue()
    expect(newSecret).toMatch(/^whsec_/)
    expect(newSecret).not.toBe(channel.secret)
    await adminPage.screenshot({ path: 'test/.tmp/e2e-channel-rotated.png' })
    await adminPage.reload()
    await adminPage.getByRole('button', { name: '비밀키 교체' }).waitFor()
    expect(await adminPage.locator('.distribution-new-secret').count()).toBe(0)
  })

  it('sends a signed test event from the channel view and shows the HTTP status', async () => {
    await adminPage.getByRole('button', { name: '테스트 이벤트 보내기' }).click()
    const message = await receivedMessage((candidate) => JSON.parse(candidate.body).type === 'test')
    // Signed with the secret the UI showed, and with the old one during the overlap.
    expect(verified(newSecret, message).type).toBe('test')
    expect(verified(channel.secret, message).type).toBe('test')
    const outcome = adminPage.locator(
      '.distribution-channel-actions__test .distribution-outcome[data-outcome="succeeded"]',
    )
    await outcome.waitFor()
    expect(await outcome.textContent()).toContain('HTTP 200')
    await adminPage.screenshot({ path: 'test/.tmp/e2e-channel-test-event.png' })
  })

  it('replays the delivery from its view under the same webhook-id, and the lists show health and results', async () => {
    const first = received.find((candidate) => JSON.parse(candidate.body).type === 'test')!
    const webhookId = first.headers['webhook-id'] as string
    await adminPage
      .locator('.distribution-channel-actions__test .distribution-outcome__link')
      .click()
    await adminPage.waitForURL(/\/admin\/collections\/webhook-deliveries\/\d+/)
    await adminPage.getByRole('button', { name: '다시 보내기' }).click()
    const again = await receivedMessage(
      (candidate) => candidate !== first && candidate.headers['webhook-id'] === webhookId,
    )
    expect(verified(newSecret, again).type).toBe('test')
    const outcome = adminPage.locator(
      '.distribution-replay .distribution-outcome[data-outcome="succeeded"]',
    )
    await outcome.waitFor()
    expect(await outcome.textContent()).toContain('시도 2회차')
    await adminPage.screenshot({ path: 'test/.tmp/e2e-delivery-replayed.png' })

    // Both attempts of the message, each with its result badge.
    await adminPage.getByRole('link', { name: '이 메시지의 모든 시도 보기' }).click()
    await adminPage.waitForURL(/webhook-deliveries\?/)
    await adminPage.locator('.distribution-badge[data-tone="success"]').nth(1).waitFor()
    expect(await adminPage.locator('tbody tr').count()).toBe(2)
    await adminPage.screenshot({ path: 'test/.tmp/e2e-deliveries-list.png' })

    await adminPage.goto(`${app.url}/admin/collections/distribution-channels`)
    const row = adminPage.locator('tbody tr', { hasText: channelName })
    await row.locator('.distribution-badge[data-tone="success"]').waitFor()
    expect(await row.textContent()).toContain('정상')
    await adminPage.screenshot({ path: 'test/.tmp/e2e-channels-list.png' })
  })
})
