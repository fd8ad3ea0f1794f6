import type { Browser, Page } from 'playwright-core'

import iconv from 'iconv-lite'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningApp } from '../helpers/server'

import { startApp } from '../helpers/server'
import { type Doc, type ID, koreanAdmin, launchChromium } from './adminBrowser'
import { report } from './koreanText'

// 무통장입금 at the desk (issue 24), in a Korean browser: the editor uploads the bank's EUC-KR
// statement export (구독 → 입금내역 가져오기), the job matches it, the import's sidebar shows the
// counts, and the editor settles the lines the job could not: picks the pledge an ambiguous deposit
// pays, ignores an unmatched one. What each step did is read back through the API; every screen is
// read for English (koreanText.ts).

const EDITOR = 'editor@newsroom.example'

let app: RunningApp
let browser: Browser
let admin: ReturnType<typeof koreanAdmin>
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-statement-'))

beforeAll(async () => {
  // A first run builds the app: on a loaded machine that takes longer than startApp's default wait.
  app = await startApp({ port: 3957, timeoutMs: 540_000 })
  browser = await launchChromium()
  admin = koreanAdmin(browser, app.url)
})
afterAll(async () => {
  await admin?.close()
  await browser?.close()
  await app?.stop()
  fs.rmSync(folder, { force: true, recursive: true })
})

/** Today in Seoul, `YYYY-MM-DD`. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date())

const waitFor = async <T>(what: string, read: () => Promise<T>, isDone: (value: T) => boolean) => {
  const deadline = Date.now() + 120_000
  for (;;) {
    const value = await read()
    if (isDone(value)) return value
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(value).slice(0, 300)}`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

describe('the bank statement import at the desk, in Korean', () => {
  let editor: Page
  let token: string
  const pledges: Record<'hana' | 'kim1' | 'kim2', Doc> = {} as never
  let statementId: ID

  beforeAll(async () => {
    token = await admin.tokenOf(EDITOR)
    const plan = await admin.call<{ doc: Doc }>('POST', '/subscription-plans', {
      body: { name: '월 구독', amount: 10_000, period: 1, active: true },
      token,
    })
    // Three readers pledge without an account: one name once, one name twice (the bank cannot
    // tell those two apart).
    const pledge = async (depositorName: string, email: string) =>
      (
        await admin.call<{ doc: Doc }>('POST', '/pledges', {
          body: { plan: plan.doc.id, depositorName, expectedDate: today, email },
        })
      ).doc
    pledges.hana = await pledge('정하늘', 'hana@example.org')
    pledges.kim1 = await pledge('김철수', 'kim1@example.org')
    pledges.kim2 = await pledge('김철수', 'kim2@example.org')
    editor = await admin.signIn(EDITOR)
  })

  it('uploads an EUC-KR export and shows the job’s counts on the import', async () => {
    const file = path.join(folder, '입금내역.csv')
    const lines = [
      '거래내역조회',
      '거래일시,적요,입금자명,출금액,입금액,잔액,거래점',
      `${today} 09:12:01,타행이체,정 하늘,0,"10,000","1,010,000",인터넷`,
      `${today} 10:00:00,타행이체,김철수,0,"10,000","1,020,000",인터넷`,
      `${today} 11:00:00,타행이체,모르는분,0,"7,000","1,027,000",인터넷`,
    ]
    fs.writeFileSync(file, iconv.encode(lines.join('\r\n'), 'euc-kr'))

    await admin.visit(
      editor,
      '/admin/collections/bank-statements/create',
      'statement import (new)',
      // Payload's upload field: a drop zone over a hidden file input.
      '.file-field',
    )
    await editor.locator('input[type="file"]').setInputFiles(file)
    await admin.save(editor, 'statement import (saved)')

    const [statement] = (
      await admin.call<{ docs: Doc[] }>('GET', '/bank-statements?depth=0&sort=-createdAt&limit=1', {
        token,
      })
    ).docs
    statementId = statement!.id
    expect(statement).toMatchObject({ encoding: 'euc-kr', totalLines: 3 })
    // The app's job runner matches it within a few of its 10-second rounds.
    await waitFor(
      'the import job',
      () => admin.call<Doc>('GET', `/bank-statements/${statementId}?depth=0`, { token }),
      (doc) => doc.status === 'done',
    )

    await admin.visit(
      editor,
      `/admin/collections/bank-statements/${statementId}`,
      'statement import (done)',
      '#field-matchedLines',
    )
    expect(await editor.inputValue('#field-matchedLines')).toBe('1')
    expect(await editor.inputValue('#field-ambiguousLines')).toBe('1')
    expect(await editor.inputValue('#field-unmatchedLines')).toBe('1')
    const hana = await admin.call<Doc>('GET', `/pledges/${pledges.hana.id}?depth=0`, { token })
    expect(hana.status).toBe('active')
  })

  it('settles the ambiguous deposit by picking the pledge, and ignores the unmatched one', async () => {
    const lineOf = async (status: string) =>
      (
        await admin.call<{ docs: Doc[] }>(
          'GET',
          `/statement-lines?where[statement][equals]=${statementId}&where[status][equals]=${status}&depth=0`,
          { token },
        )
      ).docs[0]!
    const ambiguous = await lineOf('ambiguous')
    const unmatched = await lineOf('unmatched')

    await admin.visit(
      editor,
      '/admin/collections/statement-lines',
      'statement lines',
      'table tbody tr',
    )
    await admin.visit(
      editor,
      `/admin/collections/statement-lines/${ambiguous.id}`,
      'statement line (ambiguous)',
      '#field-pledge',
    )
    // The picker names each pledge by depositor, amount, expected day and code.
    await admin.choose(
      editor,
      'pledge',
      new RegExp(`김철수 · 10,000원 · .* · ${String(pledges.kim2.reference)}$`),
    )
    await admin.save(editor, 'statement line (matched by the editor)')
    expect(
      await admin.call<Doc>('GET', `/statement-lines/${ambiguous.id}?depth=0`, { token }),
    ).toMatchObject({ status: 'matched', pledge: pledges.kim2.id })
    expect(
      (await admin.call<Doc>('GET', `/pledges/${pledges.kim2.id}?depth=0`, { token })).status,
    ).toBe('active')
    expect(
      (await admin.call<Doc>('GET', `/pledges/${pledges.kim1.id}?depth=0`, { token })).status,
    ).toBe('pending')

    await admin.visit(
      editor,
      `/admin/collections/statement-lines/${unmatched.id}`,
      'statement line (unmatched)',
      '#field-status',
    )
    await admin.choose(editor, 'status', '무시')
    await admin.save(editor, 'statement line (ignored)')
    expect(
      (await admin.call<Doc>('GET', `/statement-lines/${unmatched.id}?depth=0`, { token })).status,
    ).toBe('ignored')
    // Nothing is left for a person to decide on the import.
    expect(
      await admin.call<Doc>('GET', `/bank-statements/${statementId}?depth=0`, { token }),
    ).toMatchObject({ matchedLines: 2, ambiguousLines: 0, unmatchedLines: 0 })
  })

  it('found nothing untranslated', () => {
    expect(report(admin.findings)).toBe('')
  })
})
