import type { Browser, BrowserContext, Page } from 'playwright-core'

import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningApp } from '../helpers/server'

import { startApp } from '../helpers/server'
import { launchChromium } from './adminBrowser'
import { checkKorean, report } from './koreanText'

// The desk's review in the browser (issue 22): the reporter files with 송고, the editor finds it in
// 송고 대기 and returns it with a note, the reporter reads the note, fixes and files again, and the
// editor approves and publishes, with a photo put in the body through the rich-text editor's slash
// menu; afterwards the desk adds a correction that readers see, and the list names
// each story's section and reporters. Each step leaves a screenshot (CI artifacts, git-ignored),
// and every screen it passes is read for English (the walker's check, test/e2e/koreanText.ts).

const screenshots = path.resolve(import.meta.dirname, 'screenshots')
const PASSWORD = 'newsroom-demo'

let app: RunningApp
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true })
  // A first run builds the app: on a loaded machine that takes longer than startApp's default wait.
  app = await startApp({ port: 3937, timeoutMs: 540_000 })
  browser = await launchChromium()
})
afterAll(async () => {
  // The server's side of the walk, beside the screenshots.
  if (app) fs.writeFileSync(path.join(screenshots, 'desk-app.log'), app.log())
  for (const context of contexts) await context.close()
  await browser?.close()
  await app?.stop()
})

/** A Korean browser of its own, signed in as a demo user (README's logins). */
const signIn = async (email: string): Promise<Page> => {
  const context = await browser.newContext({
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1440, height: 1000 },
  })
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

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })

/** The story's desk state as the API has it (the latest draft), read as the editor. */
const stateOf = async (id: string, token: string) => {
  const response = await fetch(`${app.url}/api/articles/${id}?draft=true&depth=0`, {
    headers: { authorization: `JWT ${token}` },
  })
  return ((await response.json()) as { workflow: { note?: string; state: string } }).workflow
}

const apiToken = async (email: string): Promise<string> => {
  const login = await fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  return ((await login.json()) as { token: string }).token
}

/** Fails, naming each string, when what the page shows now is not Korean. */
const expectKorean = async (page: Page, screen: string) => {
  expect(report(await checkKorean(page, screen))).toBe('')
}

/** A photo in the media library, as a reporter uploads it (3:2, so its thumbnail joins the srcset). */
const uploadPhoto = async (
  token: string,
  data: { alt: string; caption: string; credit: string },
): Promise<{ id: number | string }> => {
  const png = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: '#2a6f97' },
  })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'desk-photo.png')
  form.append('_payload', JSON.stringify(data))
  const response = await fetch(`${app.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
    body: form,
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { doc: { id: number | string } }).doc
}

const deskButton = (page: Page, name: string) =>
  page.locator('.desk-actions').getByRole('button', { name, exact: true })

/** Waits for the toast of a move and for the badge to show the new state. */
const expectMoved = async (page: Page, toast: string, badge: string) => {
  try {
    await page.getByText(toast).first().waitFor()
    await page.locator('.desk-actions__state', { hasText: badge }).waitFor()
  } catch (error) {
    await shot(page, `failed-${badge}`)
    // Say what the page showed instead (the screenshot is not kept by every CI).
    const shown = await page
      .locator('.desk-actions__state')
      .allTextContents()
      .catch(() => [])
    const toasts = await page
      .locator('.toast-title, [data-sonner-toast]')
      .allTextContents()
      .catch(() => [])
    throw new Error(
      `expected the badge ${badge} after "${toast}"; the page showed badge ${JSON.stringify(shown)}, toasts ${JSON.stringify(toasts)}, lock dialog ${await page.locator('#document-locked').count()}: ${String(error)}\nthe app's last lines:\n${app.log().split('\n').slice(-40).join('\n')}`,
    )
  }
}

/** Whether someone other than the token's user holds the story's edit lock now. */
const isLockedByOther = async (id: string, token: string): Promise<boolean> => {
  const headers = { authorization: `JWT ${token}` }
  const me = (
    (await (await fetch(`${app.url}/api/users/me`, { headers })).json()) as {
      user: { id: number | string }
    }
  ).user
  const locks = (await (
    await fetch(
      `${app.url}/api/payload-locked-documents?where[document.value][equals]=${id}&depth=0`,
      { headers },
    )
  ).json()) as { docs: { user?: { value?: number | string } }[] }
  return locks.docs.some((lock) => String(lock.user?.value) !== String(me.id))
}

/**
 * Opens the story in the editor's page, once it is interactive; when another user's edit lock is
 * held (the reporter is still on it), takes it over, as the desk does, and waits for the reloaded
 * form. Whether it is locked is asked of the server (the other page has settled by now): the lock
 * dialog comes when the page's own lock check answers, which on a loaded machine took longer than
 * any fixed wait.
 */
const openTakingOver = async (page: Page, id: string, token: string, screenshot?: string) => {
  await page.goto(`${app.url}/admin/collections/articles/${id}`)
  await page.locator('.desk-actions').waitFor()
  await page.waitForLoadState('networkidle')
  if (!(await isLockedByOther(id, token))) return
  const locked = page.locator('#document-locked')
  await locked.waitFor()
  if (screenshot) await shot(page, screenshot)
  // Taking over makes Payload refresh the view from the server (router.refresh: a GET with the
  // `rsc` header), which mounts the edit view again: a click before that lands on the old mount
  // (a dialog opened there vanishes). Wait for that answer, then for the page to settle.
  const refreshed = page
    .waitForResponse(
      (response) =>
        response.request().method() === 'GET' && response.request().headers()['rsc'] === '1',
      { timeout: 20_000 },
    )
    .catch(() => null)
  await locked.getByRole('button', { name: '넘겨받기' }).click()
  await locked.waitFor({ state: 'hidden' })
  if (!(await refreshed)) console.info('no refresh after the takeover within 20 s')
  await page.waitForLoadState('networkidle')
  await page.locator('.desk-actions').waitFor()
}

describe('the desk review in the admin', () => {
  const title = `데스크 검토 기사 ${Date.now()}`
  const note = '제목이 깁니다. 20자 안으로 줄이고 사진 설명을 보강하세요.'
  let reporter: Page
  let editor: Page
  const photo = {
    alt: `시청 앞 청년 일자리 박람회 ${Date.now()}`,
    caption: '울산시청 앞에서 열린 청년 일자리 박람회',
    credit: '울산시 제공',
  }
  const correction = '청년 일자리 예산 증가 폭을 바로잡습니다. 전년 대비 12%가 아니라 21%입니다.'
  let articleId = ''
  let editorToken = ''

  beforeAll(async () => {
    reporter = await signIn('reporter@newsroom.example')
    editor = await signIn('editor@newsroom.example')
    editorToken = await apiToken('editor@newsroom.example')
    // The photo is in the library already (the reporter's upload); the desk picks it for the body.
    await uploadPhoto(await apiToken('reporter@newsroom.example'), photo)
  })

  it('1. the reporter writes a story and files it with the 송고 button', async () => {
    await reporter.goto(`${app.url}/admin/collections/articles/create`)
    await reporter.fill('#field-title', title)
    await reporter.locator('#field-section').click()
    await reporter.locator('.rs__option', { hasText: /^뉴스$/ }).click()
    // The reporter's own byline is added by the server (autosave creates the story as they type).
    await reporter.locator('[data-lexical-editor="true"]').first().click()
    await reporter.keyboard.type('울산시가 청년 일자리 예산을 늘렸다.')
    // The writer is offered 송고 only; the desk's buttons are not theirs.
    await deskButton(reporter, '송고').waitFor()
    expect(await deskButton(reporter, '승인').count()).toBe(0)
    await shot(reporter, '01-reporter-writes')
    await expectKorean(reporter, 'reporter writes')

    await deskButton(reporter, '송고').click()
    await reporter.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
    await expectMoved(reporter, '송고했습니다', '송고')
    articleId = reporter.url().split('/').pop()!
    // Filing saved the text on screen with it, as a draft.
    const saved = await fetch(`${app.url}/api/articles/${articleId}?draft=true&depth=0`, {
      headers: { authorization: `JWT ${editorToken}` },
    })
    const doc = (await saved.json()) as {
      _status: string
      bodyHtml: string
      byline: string
      title: string
    }
    expect(doc).toMatchObject({
      _status: 'draft',
      title,
      byline: expect.stringContaining('김한수'),
    })
    expect(doc.bodyHtml).toContain('청년 일자리 예산')
    expect((await stateOf(articleId, editorToken)).state).toBe('filed')
    await deskButton(reporter, '송고 취소').waitFor()
    await shot(reporter, '02-reporter-filed')
    await expectKorean(reporter, 'reporter filed')
  })

  it('2. the editor finds it in 송고 대기 on the dashboard and returns it with a note', async () => {
    await editor.goto(`${app.url}/admin`)
    const row = editor.locator('.desk-dashboard__queue tr', { hasText: title })
    await row.waitFor()
    expect(await row.textContent()).toContain('김한수')
    expect(await row.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    await shot(editor, '03-editor-dashboard-queue')
    await expectKorean(editor, 'editor dashboard')

    // The list shows the desk state, and its quick filter finds the story too.
    await editor.goto(`${app.url}/admin/collections/articles`)
    // Once the list has settled: its first effects rewrite the URL and would undo the click.
    await editor.waitForLoadState('networkidle')
    await editor.locator('.desk-filters__link--filed').click()
    await editor.waitForURL(/workflow\.state/)
    await editor.locator('table tbody tr', { hasText: title }).waitFor()
    expect(await editor.locator('table tbody tr', { hasText: title }).textContent()).toContain(
      '송고',
    )
    await shot(editor, '04-editor-list-filed')
    await expectKorean(editor, 'article list, 송고 filter')

    await openTakingOver(editor, articleId, editorToken)
    await deskButton(editor, '반려').click()
    const dialog = editor.locator('.desk-actions__dialog')
    await dialog.waitFor()
    // A return without a reason cannot be sent.
    expect(await dialog.locator('.desk-actions__confirm-return').isDisabled()).toBe(true)
    await dialog.locator('textarea').fill(note)
    await shot(editor, '05-editor-return-note')
    await expectKorean(editor, 'return dialog')
    await dialog.locator('.desk-actions__confirm-return').click()
    await expectMoved(editor, '반려했습니다', '반려')
    expect(await stateOf(articleId, editorToken)).toMatchObject({ state: 'returned', note })
    await shot(editor, '06-editor-returned')
    await expectKorean(editor, 'editor returned')
  })

  it('3. the reporter reads the note, fixes the story and files it again', async () => {
    // 내 기사 on the reporter's dashboard lists it under 반려.
    await reporter.goto(`${app.url}/admin`)
    const returned = reporter.locator('.desk-dashboard__mine [data-state="returned"]')
    await returned.waitFor()
    expect(await returned.textContent()).toContain(title)
    await shot(reporter, '07-reporter-dashboard-mine')
    await expectKorean(reporter, 'reporter dashboard')
    await returned.getByRole('link', { name: title }).click()
    await reporter.waitForURL(new RegExp(`/admin/collections/articles/${articleId}$`))
    const notice = reporter.locator('.desk-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain(note)
    await shot(reporter, '08-reporter-sees-note')
    await expectKorean(reporter, 'reporter sees the note')

    await reporter.waitForLoadState('networkidle')
    await reporter.fill('#field-title', `${title} (수정)`)
    await deskButton(reporter, '송고').click()
    await expectMoved(reporter, '송고했습니다', '송고')
    expect(await reporter.locator('.desk-notice').count()).toBe(0)
    const saved = await fetch(`${app.url}/api/articles/${articleId}?draft=true&depth=0`, {
      headers: { authorization: `JWT ${editorToken}` },
    })
    expect(((await saved.json()) as { title: string }).title).toBe(`${title} (수정)`)
    await shot(reporter, '09-reporter-filed-again')
    await expectKorean(reporter, 'reporter filed again')
  })

  it('4. the editor approves it, puts a photo in the body and publishes it', async () => {
    // The reporter is still on the story: when their edit lock is held, the editor takes it over,
    // and the form they get is the reporter's last save, not an older copy.
    await openTakingOver(editor, articleId, editorToken, '10-editor-takes-over')
    expect(await editor.inputValue('#field-title')).toBe(`${title} (수정)`)
    await deskButton(editor, '승인').click()
    await expectMoved(editor, '승인했습니다', '승인')
    await shot(editor, '11-editor-approved')
    await expectKorean(editor, 'editor approved')

    // The desk puts the photo in the body through the editor's slash menu: 사진, then the
    // library's photo.
    await editor.locator('[data-lexical-editor="true"]').first().click()
    await editor.keyboard.press('Control+End')
    await editor.keyboard.press('Enter')
    // The autosave that carries the photo (its upload node), whenever it starts.
    const autosaved = editor.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' &&
        response.url().includes('autosave=true') &&
        (response.request().postData() ?? '').includes('"relationTo":"media"'),
      { timeout: 60_000 },
    )
    await editor.keyboard.type('/')
    const slashMenu = editor.locator('.slash-menu-popup')
    await slashMenu.waitFor()
    await expectKorean(editor, 'slash menu')
    await slashMenu.locator('.slash-menu-popup__item', { hasText: /^사진$/ }).click()
    const drawer = editor.locator('.list-drawer')
    const photoRow = drawer.locator('table tbody tr', { hasText: photo.alt })
    await photoRow.waitFor()
    await shot(editor, '13-editor-picks-photo')
    await expectKorean(editor, 'photo drawer')
    await photoRow.locator('.default-cell__first-cell').first().click()
    await drawer.waitFor({ state: 'detached' })
    await editor
      .locator('[data-lexical-editor="true"] .LexicalEditorTheme__upload')
      .first()
      .waitFor()
    // The new photo is autosaved (as every change is, a few seconds later); the publish waits for
    // that save, which would otherwise land after it and make the form's copy stale.
    await autosaved
    await editor.waitForLoadState('networkidle')
    await shot(editor, '14-editor-photo-in-body')
    await expectKorean(editor, 'photo in the body')

    await editor.getByRole('button', { name: '게시' }).first().click()
    await editor.locator('.desk-actions__state', { hasText: '출고' }).waitFor()
    await editor.waitForLoadState('networkidle')
    const live = await fetch(`${app.url}/api/articles/${articleId}?depth=0`)
    expect(live.status).toBe(200)
    const story = (await live.json()) as { bodyHtml: string }
    expect(story).toMatchObject({
      _status: 'published',
      title: `${title} (수정)`,
      workflow: { state: 'published' },
    })
    // Readers get the photo as a figure: the image in its sizes, the caption and the credit.
    const figure = /<figure><img [^>]*\/>(?:<figcaption>[^<]*<\/figcaption>)?<\/figure>/.exec(
      story.bodyHtml,
    )?.[0]
    expect(figure, story.bodyHtml).toBeDefined()
    expect(figure).toMatch(/ srcset="[^"]+ 300w, [^"]+ 1200w"/)
    expect(figure).toContain(`alt="${photo.alt}"`)
    expect(figure).toContain(`<figcaption>${photo.caption} 사진=${photo.credit}</figcaption>`)
    await shot(editor, '15-editor-published')
    await expectKorean(editor, 'editor published')
  })

  it('5. the editor adds a correction (정정) to the live story, and readers see it', async () => {
    await editor.reload()
    await editor.locator('.desk-actions__state', { hasText: '출고' }).waitFor()
    await editor.waitForLoadState('networkidle')
    const corrections = editor.locator('#field-corrections')
    await corrections.scrollIntoViewIfNeeded()
    await corrections.locator('.array-field__add-row').first().click()
    const text = editor.locator('#field-corrections__0__text')
    await text.waitFor()
    // 정정 is the kind a new entry starts with.
    expect(await corrections.locator('#field-corrections__0__kind').innerText()).toContain('정정')
    await text.fill(correction)
    await shot(editor, '16-editor-adds-correction')
    await expectKorean(editor, 'correction added')
    await editor.getByRole('button', { name: '게시' }).first().click()

    // An anonymous reader: the story carries it, and so does its structured data.
    type Public = {
      corrections?: { kind: string; publishedAt: string; text: string }[]
      jsonLd?: { correction?: { '@type': string; datePublished?: string; text: string }[] }
    }
    const read = async (): Promise<Public> =>
      (await (await fetch(`${app.url}/api/articles/${articleId}`)).json()) as Public
    await expect.poll(async () => (await read()).corrections?.length ?? 0).toBe(1)
    const story = await read()
    expect(story.corrections![0]).toMatchObject({ kind: 'correction', text: correction })
    // Structured data names the same instant, in Korea time.
    const [entry] = story.jsonLd?.correction ?? []
    expect(story.jsonLd?.correction).toHaveLength(1)
    expect(entry).toMatchObject({ '@type': 'CorrectionComment', text: correction })
    expect(entry!.datePublished).toMatch(/\+09:00$/)
    expect(Date.parse(entry!.datePublished!)).toBe(Date.parse(story.corrections![0]!.publishedAt))
    await editor.locator('#field-corrections__0__publishedAt').waitFor()
    await editor.waitForLoadState('networkidle')
    await shot(editor, '17-editor-correction-published')
    await expectKorean(editor, 'correction published')
  })

  it('6. the article list names the section and the reporters', async () => {
    await editor.goto(`${app.url}/admin/collections/articles`)
    const row = editor.locator('table tbody tr', { hasText: `${title} (수정)` })
    await row.waitFor()
    // Each cell loads its names once it is on screen (불러오는 중... until then); a name that could
    // not be loaded would stay `제목 없음 - ID: N`.
    await expect.poll(() => row.locator('td.cell-section').innerText()).toBe('뉴스')
    await expect.poll(() => row.locator('td.cell-reporters').innerText()).toBe('김한수')
    expect(await row.innerText()).not.toContain('제목 없음')
    await shot(editor, '18-editor-list-names')
    await expectKorean(editor, 'article list')
  })
})
