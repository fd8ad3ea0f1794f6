import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningApp } from '../helpers/server'

import { startApp } from '../helpers/server'
import { type Doc, type ID, koreanAdmin, launchChromium } from './adminBrowser'
import { report } from './koreanText'

// The desk's reader screens (issue 24) in a Korean browser: the moderation queue (독자 → 신고), where
// the editor resolves one report with a note and dismisses another; 이메일문의, where the editor
// answers one and a reporter sees only those addressed to them; and the ticker's list (티커뉴스).
// What each step saves is read back through the API; every screen is read for English (the
// walker's check, test/e2e/koreanText.ts).

const EDITOR = 'editor@newsroom.example'
const REPORTER = 'reporter@newsroom.example'

let app: RunningApp
let browser: Browser
let admin: ReturnType<typeof koreanAdmin>

beforeAll(async () => {
  // A first run builds the app: on a loaded machine that takes longer than startApp's default wait.
  app = await startApp({ port: 3947, timeoutMs: 540_000 })
  browser = await launchChromium()
  admin = koreanAdmin(browser, app.url)
})
afterAll(async () => {
  await admin?.close()
  await browser?.close()
  await app?.stop()
})

const call: ReturnType<typeof koreanAdmin>['call'] = (...args) => admin.call(...args)
const tokenOf = (email: string) => admin.tokenOf(email)
const signIn = (email: string) => admin.signIn(email)
const visit = (page: Page, path: string, screen: string, ready?: string) =>
  admin.visit(page, path, screen, ready)
const choose = (page: Page, field: string, label: string) => admin.choose(page, field, label)
const type = (page: Page, selector: string, value: string) => admin.type(page, selector, value)
const save = (page: Page, screen: string) => admin.save(page, screen)

describe('the desk’s reader screens, in Korean', () => {
  let editor: Page
  let reporter: Page
  let editorToken: string
  let articleId: ID
  const reportIds: ID[] = []
  const inquiryIds: Record<'desk' | 'mine' | 'other', ID> = { desk: 0, mine: 0, other: 0 }
  const stamp = Date.now()

  beforeAll(async () => {
    editorToken = await tokenOf(EDITOR)
    const articles = await call<{ docs: Doc[] }>(
      'GET',
      '/articles?where[slug][equals]=ulsan-social-innovation&depth=0',
      { token: editorToken },
    )
    articleId = articles.docs[0]!.id
    // Two anonymous readers (each browser's own token) report the seed page's story.
    for (const [token, reason, text] of [
      [`walker-a-${stamp}`, 'falsehood', `사실과 다른 수치가 있습니다 ${stamp}`],
      [`walker-b-${stamp}`, 'spam', `광고성 신고 ${stamp}`],
    ] as const) {
      const created = await call<{ doc: Doc }>('POST', '/reports', {
        body: { article: articleId, reason, text },
        headers: { 'x-reader-token': token },
      })
      reportIds.push(created.doc.id)
    }
    // Inquiries: to the desk, to 김한수 (the demo reporter's own profile) and to another reporter.
    const reporters = await call<{ docs: Doc[] }>('GET', '/reporters?limit=50&depth=0', {
      token: editorToken,
    })
    const kim = reporters.docs.find((doc) => doc.name === '김한수')!
    const other = reporters.docs.find((doc) => doc.name !== '김한수')!
    const inquiry = (to: 'desk' | 'reporter', reporterId: ID | undefined, subject: string) =>
      call<{ doc: Doc }>('POST', '/inquiries', {
        body: {
          to,
          ...(reporterId === undefined ? {} : { reporter: reporterId }),
          name: '홍길동',
          email: 'walker-reader@example.org',
          subject,
          message: `브라우저 시험 문의입니다 ${stamp}`,
        },
      })
    inquiryIds.desk = (await inquiry('desk', undefined, `데스크 문의 ${stamp}`)).doc.id
    inquiryIds.mine = (await inquiry('reporter', kim.id, `김한수 기자 문의 ${stamp}`)).doc.id
    inquiryIds.other = (await inquiry('reporter', other.id, `다른 기자 문의 ${stamp}`)).doc.id

    editor = await signIn(EDITOR)
    reporter = await signIn(REPORTER)
  })

  it('the moderation queue: resolves one report with a note and dismisses another', async () => {
    await visit(editor, '/admin', 'dashboard (editor)', '.dashboard')
    // The queue sits in the dashboard's 독자 group.
    expect(await editor.locator('.dashboard').innerText()).toMatch(/독자[\s\S]*신고/)
    await visit(editor, '/admin/collections/reports', 'report list', 'table tbody tr')
    const list = await editor.locator('table').innerText()
    expect(list).toContain(`사실과 다른 수치가 있습니다 ${stamp}`)
    expect(list).toMatch(/허위사실/)
    expect(list).toMatch(/접수/)

    const [resolved, dismissed] = reportIds
    await visit(
      editor,
      `/admin/collections/reports/${resolved}`,
      'report edit',
      '#field-resolutionNote',
    )
    await choose(editor, 'status', '처리 완료')
    await type(editor, '#field-resolutionNote', `수치를 바로잡았습니다 ${stamp}`)
    await save(editor, 'report saved (resolved)')

    await visit(
      editor,
      `/admin/collections/reports/${dismissed}`,
      'report edit (2)',
      '#field-resolutionNote',
    )
    await choose(editor, 'status', '기각')
    await type(editor, '#field-resolutionNote', '기사 내용과 관계없는 신고')
    await save(editor, 'report saved (dismissed)')

    const one = await call('GET', `/reports/${resolved}?depth=0`, { token: editorToken })
    expect(one).toMatchObject({
      status: 'resolved',
      resolutionNote: `수치를 바로잡았습니다 ${stamp}`,
    })
    expect(one.resolvedBy).toBeTruthy()
    expect(one.resolvedAt).toBeTruthy()
    const two = await call('GET', `/reports/${dismissed}?depth=0`, { token: editorToken })
    expect(two).toMatchObject({ status: 'dismissed', resolutionNote: '기사 내용과 관계없는 신고' })

    // The open queue no longer lists them.
    await visit(
      editor,
      '/admin/collections/reports?where[status][equals]=open',
      'report list (open)',
    )
    expect(await editor.locator('main, .collection-list').first().innerText()).not.toContain(
      `사실과 다른 수치가 있습니다 ${stamp}`,
    )
  })

  it('inquiries: the editor answers one', async () => {
    await visit(editor, '/admin/collections/inquiries', 'inquiry list', 'table tbody tr')
    const list = await editor.locator('table').innerText()
    for (const subject of ['데스크 문의', '김한수 기자 문의', '다른 기자 문의'])
      expect(list).toContain(`${subject} ${stamp}`)
    await visit(
      editor,
      `/admin/collections/inquiries/${inquiryIds.desk}`,
      'inquiry edit',
      '#field-answer',
    )
    await type(editor, '#field-answer', `전화로 안내드렸습니다 ${stamp}`)
    await save(editor, 'inquiry saved (answered)')
    const answered = await call('GET', `/inquiries/${inquiryIds.desk}?depth=0`, {
      token: editorToken,
    })
    expect(answered).toMatchObject({ status: 'answered', answer: `전화로 안내드렸습니다 ${stamp}` })
    expect(answered.answeredBy).toBeTruthy()
  })

  it('inquiries: a reporter sees only those addressed to them', async () => {
    await visit(
      reporter,
      '/admin/collections/inquiries',
      'inquiry list (reporter)',
      'table tbody tr',
    )
    const list = await reporter.locator('table').innerText()
    expect(list).toContain(`김한수 기자 문의 ${stamp}`)
    expect(list).not.toContain(`데스크 문의 ${stamp}`)
    expect(list).not.toContain(`다른 기자 문의 ${stamp}`)
    await visit(
      reporter,
      `/admin/collections/inquiries/${inquiryIds.mine}`,
      'inquiry edit (reporter)',
      '#field-answer',
    )
    await reporter.goto(`${app.url}/admin/collections/inquiries/${inquiryIds.other}`)
    await reporter.waitForLoadState('networkidle')
    expect(await reporter.locator('#field-message').count()).toBe(0)
  })

  it('the ticker items list shows the seeded line', async () => {
    await visit(editor, '/admin/collections/ticker-items', 'ticker list', 'table tbody tr')
    // The demo's line: the seed page's story, its text left to the article's title.
    const seeded = await call<{ docs: Doc[] }>(
      'GET',
      `/ticker-items?where[article][equals]=${articleId}&depth=0`,
      { token: editorToken },
    )
    expect(seeded.docs.length).toBe(1)
    const article = await call('GET', `/articles/${articleId}?depth=0`, { token: editorToken })
    expect(await editor.locator('table tbody').innerText()).toContain(String(article.title))
    await visit(
      editor,
      `/admin/collections/ticker-items/${seeded.docs[0]!.id}`,
      'ticker edit',
      '#field-text',
    )
  })

  it('found nothing untranslated', () => {
    expect(report(admin.findings)).toBe('')
  })
})
