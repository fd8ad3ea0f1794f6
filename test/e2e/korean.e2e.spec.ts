import type { Browser, BrowserContext, Page } from 'playwright-core'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningApp } from '../helpers/server'

import type { Finding } from './koreanText'

import { startApp } from '../helpers/server'
import { launchChromium } from './adminBrowser'
import { checkKorean, findProblems, outOfReach, readUi, report } from './koreanText'

/**
 * Walks the admin's main screens in a Korean browser in Korea and reads what a person reads: the
 * visible text and the aria-label / title / placeholder attributes. Fails, listing each string and
 * its screen, on `[object Object]`, on English words and on machine particles like `이(가)`.
 */

let app: RunningApp
let browser: Browser
const contexts: BrowserContext[] = []

const PASSWORD = 'newsroom-demo'
const ADMIN = 'admin@newsroom.example'
const EDITOR = 'editor@newsroom.example'

beforeAll(async () => {
  // Started exactly as `npm start` (src/bin/start.ts), in the machine's own time zone.
  app = await startApp({ port: 3927 })
  browser = await launchChromium()
})
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  await app?.stop()
})

/** A signed-in page of a Korean browser in Seoul. */
const signIn = async (email: string): Promise<Page> => {
  const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' })
  contexts.push(context)
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  await page.goto(`${app.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/)
  return page
}

const apiToken = async (email: string): Promise<string> => {
  const login = await fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  return ((await login.json()) as { token: string }).token
}

const api = async <T>(path: string, token: string): Promise<T> => {
  const response = await fetch(`${app.url}/api${path}`, {
    headers: { authorization: `JWT ${token}` },
  })
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

const findings: Finding[] = []

/** Reads the page as it is now and records what is not Korean. */
const check = async (page: Page, screen: string): Promise<void> => {
  findings.push(...(await checkKorean(page, screen)))
}

/** An open date picker's time list reads the 24-hour clock (`09:05`), as every time in the admin. */
const checkTimeList = async (page: Page, screen: string): Promise<void> => {
  const times = await page.locator('.react-datepicker__time-list-item').allInnerTexts()
  const twelveHour = times.filter((time) => !/^\d{2}:\d{2}$/.test(time.trim()))
  if (twelveHour.length)
    findings.push({ screen, text: twelveHour.slice(0, 3).join(', '), why: 'not the 24-hour clock' })
}

const visit = async (page: Page, path: string, screen: string, ready?: string): Promise<void> => {
  await page.goto(`${app.url}${path}`)
  if (ready) await page.locator(ready).first().waitFor({ state: 'visible' })
  await check(page, screen)
}

/** `2026-12-07 18:05`: an instant as the admin's date format reads in Korea. */
const kst = (value: string): string => {
  const part = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Seoul',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(value))
      .map((entry) => [entry.type, entry.value]),
  )
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`
}

describe('the admin in Korean', () => {
  let admin: Page
  let editor: Page
  let adminToken: string
  let articleId: number | string

  beforeAll(async () => {
    admin = await signIn(ADMIN)
    editor = await signIn(EDITOR)
    adminToken = await apiToken(ADMIN)
    const found = await api<{ docs: { id: number | string }[] }>(
      '/articles?where[slug][equals]=ulsan-social-innovation&depth=0',
      adminToken,
    )
    articleId = found.docs[0]!.id
  })

  it('lists, dashboards and create views, as the admin', async () => {
    await visit(admin, '/admin', 'dashboard', '.dashboard')
    await visit(admin, '/admin/collections/articles', 'article list', 'table tbody tr')
    await visit(admin, '/admin/collections/sections', 'section list', 'table tbody tr')
    await visit(admin, '/admin/collections/regions', 'region list', 'table tbody tr')
    await visit(admin, '/admin/collections/reporters', 'reporter list', 'table tbody tr')
    await visit(admin, '/admin/collections/reporters/create', 'reporter create', '#field-name')
    await visit(admin, '/admin/collections/users', 'user list', 'table tbody tr')
    await visit(admin, '/admin/account', 'account', '#field-email')
    await visit(admin, '/admin/collections/media', 'media list')
    await visit(admin, '/admin/collections/distribution-channels', 'channel list')
    await visit(admin, '/admin/collections/webhook-deliveries', 'delivery list')
  })

  it('the channel page, with a custom header row', async () => {
    await visit(
      admin,
      '/admin/collections/distribution-channels/create',
      'channel create',
      '#field-name',
    )
    await admin.locator('.array-field__add-row').first().click()
    await admin.locator('input[name="headers.0.name"]').waitFor()
    await check(admin, 'channel create, header row added')
    expect(await admin.locator('#field-headers').innerText()).toMatch(
      /헤더 이름[\s\S]*값[\s\S]*헤더 추가/,
    )
  })

  it('creates a photo and says so in Korean', async () => {
    await visit(admin, '/admin/collections/media/create', 'media create', '#field-alt')
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#3366aa' },
    })
      .png()
      .toBuffer()
    await admin
      .locator('input[type="file"]')
      .setInputFiles({ name: 'walker.png', mimeType: 'image/png', buffer: png })
    await admin.fill('#field-alt', '걷기 시험 사진')
    await admin.locator('#action-save').click()
    await admin.locator('[data-sonner-toast]').first().waitFor()
    findings.push(
      ...findProblems(
        'media saved (toast)',
        await admin.locator('[data-sonner-toast]').allInnerTexts(),
      ),
    )
    expect(await admin.locator('[data-sonner-toast]').first().innerText()).toContain(
      '새 사진 저장 완료',
    )
    await check(admin, 'media edit')
  })

  it('the article editor: slash menu and schedule drawer', async () => {
    await visit(admin, `/admin/collections/articles/${articleId}`, 'article edit', '#field-title')
    // The desk's 등록 date picker, with its time list.
    await admin.locator('#field-registeredAt input').first().click()
    await admin.locator('.react-datepicker__time-list-item').first().waitFor()
    await check(admin, 'article edit, 등록 date picker')
    await checkTimeList(admin, 'article edit, 등록 date picker')
    await admin.keyboard.press('Escape')
    await admin.locator('#field-title').click()
    const body = admin.locator('[data-lexical-editor="true"]').first()
    await body.click()
    await admin.keyboard.press('Control+End')
    await admin.keyboard.press('Enter')
    await admin.keyboard.type('/')
    await admin.locator('.slash-menu-popup').waitFor()
    await check(admin, 'slash menu')
    expect(await admin.locator('.slash-menu-popup').innerText()).toMatch(/번호 목록[\s\S]*구분선/)
    await admin.keyboard.press('Escape')
    await admin.keyboard.press('Backspace')
    await admin.keyboard.press('Backspace')

    // The publish button's menu → 발행 일정 (schedule).
    await admin.locator('#action-save-popup button').first().click()
    await admin.locator('#schedule-publish').click()
    await admin.locator('.schedule-publish').first().waitFor()
    await admin
      .locator('.schedule-publish__upcoming table, .schedule-publish .banner')
      .first()
      .waitFor()
    await check(admin, 'schedule drawer')
    await admin
      .locator('.schedule-publish .react-datepicker__input-container input')
      .first()
      .click()
    await admin.locator('.react-datepicker__time-list-item').first().waitFor()
    findings.push(
      ...findProblems(
        'schedule drawer, calendar',
        (await readUi(admin)).filter(
          // react-datepicker's `timeCaption`, which the drawer passes no override for (Payload's
          // ScheduleDrawer renders its DatePickerField without `overrides`): not configurable.
          (text) => text !== 'Time',
        ),
      ),
    )
    await checkTimeList(admin, 'schedule drawer, calendar')
    await admin.keyboard.press('Escape')
  })

  it('the version view, with its date in Korea time', async () => {
    await visit(
      admin,
      `/admin/collections/articles/${articleId}/versions`,
      'version list',
      'table tbody tr',
    )
    await admin.locator('table tbody tr a').first().click()
    await admin.waitForURL(/\/versions\/[^/?]+/)
    await admin.locator('.step-nav').waitFor()
    await check(admin, 'version view')
    const versionId = new URL(admin.url()).pathname.split('/').pop()!
    const version = await api<{ updatedAt: string }>(
      `/articles/versions/${versionId}?depth=0`,
      adminToken,
    )
    expect(await admin.locator('.step-nav').innerText()).toContain(kst(version.updatedAt))
  })

  it('as an editor, and the lock dialog names who is editing', async () => {
    await visit(editor, '/admin', 'dashboard (editor)', '.dashboard')
    await visit(editor, '/admin/collections/articles', 'article list (editor)', 'table tbody tr')
    await visit(editor, '/admin/collections/users', 'user list (editor)', 'table tbody tr')

    // The admin starts editing (a change takes Payload's edit lock) …
    await admin.goto(`${app.url}/admin/collections/articles/${articleId}`)
    await admin.locator('#field-subtitle').click()
    await admin.keyboard.press('End')
    await admin.keyboard.type(' ')
    const deadline = Date.now() + 20_000
    for (;;) {
      const locks = await api<{ totalDocs: number }>(
        `/payload-locked-documents?where[document.value][equals]=${articleId}&depth=0`,
        adminToken,
      )
      if (locks.totalDocs > 0) break
      if (Date.now() > deadline) throw new Error('the admin took no edit lock')
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    // … and the editor opening the article is told by whom.
    await editor.goto(`${app.url}/admin/collections/articles/${articleId}`)
    const dialog = editor.locator('.document-locked')
    await dialog.waitFor()
    const text = await dialog.innerText()
    findings.push(...findProblems('lock dialog (editor)', await readUi(editor)))
    expect(text).toContain(ADMIN)
    expect(text).not.toMatch(/사용자: ?\S+/)
  })

  it('found nothing untranslated', () => {
    console.info(
      `English out of configuration's reach:\n${[...outOfReach].map(([what, screen]) => `  ${what} (${screen})`).join('\n')}`,
    )
    expect(report(findings)).toBe('')
  })
})
