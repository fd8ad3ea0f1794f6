import type { Browser, Page } from 'playwright-core'

import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningApp } from '../helpers/server'

import { startApp } from '../helpers/server'

let app: RunningApp
let browser: Browser
let page: Page

beforeAll(async () => {
  app = await startApp({ port: 3917 })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
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
    await page.getByRole('button', { name: '게시' }).first().click()
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
    await page.screenshot({ path: 'test/.tmp/e2e-article.png' })

    let found: { title: string; _status: string; registeredAtText: null | string; section: { name: string } }[] = []
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

describe('the running app', () => {
  it('serves only published demo articles to anonymous REST readers', async () => {
    const response = await fetch(`${app.url}/api/articles?limit=100`)
    const body = (await response.json()) as { docs: { _status: string; title: string }[] }
    expect(body.docs.length).toBeGreaterThanOrEqual(10)
    expect(body.docs.every((doc) => doc._status === 'published')).toBe(true)
    expect(body.docs.map((doc) => doc.title)).not.toContain('울산시 추경 예산안 (작성 중)')
  })
})
