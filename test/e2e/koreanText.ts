import type { Page } from 'playwright-core'

// The admin's wording check, shared by the walker (korean.e2e.spec.ts) and the desk's walk
// (desk.e2e.spec.ts) and the reader screens' (readers.e2e.spec.ts): what a person reads on a screen,
// and which of it is not Korean.

/**
 * The strings a person reads on the page: text of rendered elements (screen-reader-only text
 * included), the tab title, and aria-label / title / placeholder of rendered elements. Left out,
 * as the newsroom's data rather than the admin's wording: rich-text content and the slug column.
 * Also left out: the `title` Payload's checkbox sets to the field's path (`active`), an
 * identifier, not wording.
 */
export const readUi = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const content = 'script, style, noscript, template, [data-lexical-editor="true"], td.cell-slug'
    const shown = (element: Element) =>
      !element.closest(content) && element.checkVisibility({ visibilityProperty: true })
    const strings = [document.title]
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim()
      if (text && node.parentElement && shown(node.parentElement)) strings.push(text)
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!shown(element)) continue
      for (const name of ['aria-label', 'title', 'placeholder']) {
        if (name === 'title' && element.matches('input[type="checkbox"]')) continue
        const value = element.getAttribute(name)?.replace(/\s+/g, ' ').trim()
        if (value) strings.push(value)
      }
    }
    return strings
  })

// Latin words that are Korean newsroom usage too: acronyms and names everyone in a newsroom reads
// as they are (URL, API, …), the time zone names, and IndexNow, a protocol's name.
export const ALLOWED_WORDS = new Set([
  'API',
  'CSV',
  'GraphQL',
  'HMAC',
  'HTML',
  'HTTP',
  'HTTPS',
  'IndexNow',
  'JSON',
  'KST',
  'REST',
  'URL',
  'UTC',
])

// Not words: e-mail addresses, URLs, host names, file names, ids and hashes (anything with a
// digit or an underscore, e.g. a webhook id), slugs and other kebab-case identifiers (the demo's
// `ulsan-social-innovation`, a modal's `document-locked`, `JSON-LD`).
export const NOT_WORDS = [
  // Event types as a receiver sees them, shown beside their Korean name (`발행 (article.published)`).
  /\(\s*article\.[a-z]+\s*\)/g,
  /[\w.+-]+@[\w.-]+/g,
  /\bhttps?:\/\/\S+/g,
  /\b(?:[a-z0-9-]+\.)+(?:example|com|net|org|kr|io|dev|local|localhost)\b/gi,
  /\b[\w.-]+\.(?:jpe?g|png|webp|avif|gif|txt)\b/gi,
  // File names in any script (a bank statement's `입금내역.csv`).
  /[^\s/]+\.(?:csv|tsv|txt|xlsx?)\b/gi,
  // Pledge reference codes (plugins/subscriptions: 8 of 2–9 and A–Z without I, L, O), what a
  // reader quotes: data, even when no digit happens to be in one.
  /\b[2-9A-HJKMNP-Z]{8}\b/g,
  /[\w-]*[\d_][\w-]*/g,
  /\b[a-z0-9]+(?:-[a-z0-9]+)+\b/gi,
  // MIME types (an upload's `image/png`).
  /\b(?:image|video|audio|text|application)\/[\w.+-]+/g,
]

/**
 * English that no configuration reaches: fixed strings in Payload's, lexical's and their
 * libraries' components. Listed exactly (each string, where it comes from) so that anything new
 * still fails; printed at the end of the run.
 */
export const OUT_OF_REACH: { source: string; text: RegExp | string; screen?: RegExp }[] = [
  // sonner's default `containerAriaLabel` and close button name; @payloadcms/ui ToastContainer
  // passes neither.
  { source: 'sonner Toaster', text: 'Notifications alt+T' },
  { source: 'sonner Toaster', text: 'Close toast' },
  // An upload's size (@payloadcms/ui FileDetails formats it with English units).
  { source: '@payloadcms/ui upload size', text: /^\d+(?:\.\d+)? bytes$/ },
  // aria-label `Edit ${label}` on a relationship value (@payloadcms/ui MultiValueLabel).
  { source: '@payloadcms/ui relationship pill', text: /^Edit [^A-Za-z]+$/ },
  // aria-labels in @payloadcms/richtext-lexical's editor plugins.
  { source: 'lexical AddBlockHandlePlugin', text: 'Add block' },
  { source: 'lexical DraggableBlockPlugin', text: 'Drag to move' },
  { source: 'lexical InsertParagraphAtEnd', text: 'Insert Paragraph' },
  { source: 'lexical LinkEditor', text: 'Edit link' },
  { source: 'lexical LinkEditor', text: 'Remove link' },
  { source: 'lexical LexicalMenu', text: 'Slash menu' },
  // The version diff's collapse button (@payloadcms/next DiffCollapser).
  { source: '@payloadcms/next DiffCollapser', text: 'Collapse' },
  { source: '@payloadcms/next DiffCollapser', text: 'Expand' },
  // react-datepicker's calendar dialog: its aria-label takes a component, not a string.
  { source: 'react-datepicker CalendarContainer', text: 'Choose Date and Time' },
  // The versions list hands its column names to SortColumn as `Label`, not `label`, so the sort
  // buttons' names keep the placeholder (@payloadcms/next Versions buildColumns).
  { source: '@payloadcms/next versions list', text: /^\{\{label\}\} [^A-Za-z]+$/ },
  // The schedule drawer renders its date picker without `overrides` (@payloadcms/ui
  // ScheduleDrawer): react-datepicker's English defaults stay there.
  ...(
    [
      'Time',
      'Previous Month',
      'Next Month',
      /^Choose \d{4}년 [^A-Za-z]+$/,
      /^Not available \d{4}년 [^A-Za-z]+$/,
      /^Month \d{1,2}월, \d{4}$/,
    ] as const
  ).map((text) => ({
    source: 'schedule drawer (react-datepicker defaults)',
    text,
    screen: /^schedule drawer, calendar$/,
  })),
  // The lock dialog formats its date itself, `Intl.DateTimeFormat('en-US', …)` in @payloadcms/ui
  // DocumentLocked.
  {
    source: 'lock dialog date',
    text: /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/,
    screen: /^lock dialog/,
  },
]

// Payload's and lexical's own Korean where it is wrong or machine-made (src/i18n/ko.ts says what
// the newsroom reads instead): none of it may be left on a screen.
export const WRONG_KOREAN = [
  '주문된 목록',
  '기본적인',
  '수평 규칙',
  '비정렬 목록',
  '활성화된',
  '블록 토글',
  '예정된 행사가',
  '다가오는 이벤트',
  '새로운 ',
  '발행 일정',
  '업데이트 일시',
  '페이로드',
]

export type Finding = { screen: string; text: string; why: string }

export const outOfReach = new Map<string, string>()

/** Which of `strings` are not Korean wording, and why. */
export const findProblems = (screen: string, strings: string[]): Finding[] => {
  const found: Finding[] = []
  for (const text of new Set(strings)) {
    if (text.includes('[object Object]')) {
      found.push({ screen, text, why: '[object Object]' })
      continue
    }
    if (/[가-힣]\((?:가|이|를|을|는|은|으|과|와)\)/.test(text)) {
      found.push({ screen, text, why: 'particle template' })
      continue
    }
    const wrong = WRONG_KOREAN.find((phrase) => text.includes(phrase))
    if (wrong) {
      found.push({ screen, text, why: `wrong Korean: ${wrong.trim()}` })
      continue
    }
    // Data in a fixed string (`Edit 64BAKPTA`, a relationship pill's label) is not wording.
    const bare = NOT_WORDS.reduce((rest, pattern) => rest.replace(pattern, ' '), text)
    const known = OUT_OF_REACH.find(
      (entry) =>
        (!entry.screen || entry.screen.test(screen)) &&
        (typeof entry.text === 'string'
          ? entry.text === text
          : entry.text.test(text) || entry.text.test(bare)),
    )
    if (known) {
      outOfReach.set(`${known.source}: ${text.replace(/\d{4}년 .*/, '…')}`, screen)
      continue
    }
    const words = bare
      .match(/[A-Za-z]+/g)
      ?.filter((word) => word.length >= 3 && !ALLOWED_WORDS.has(word))
    if (words?.length) found.push({ screen, text, why: `English: ${words.join(', ')}` })
  }
  return found
}

/** One line per finding, `[screen] why — text`; empty when there is nothing. */
export const report = (list: Finding[]): string =>
  list.map((finding) => `[${finding.screen}] ${finding.why} — ${finding.text}`).join('\n')

/** The page as it is now (once the network is quiet): what is not Korean on it. */
export const checkKorean = async (page: Page, screen: string): Promise<Finding[]> => {
  await page.waitForLoadState('networkidle')
  return findProblems(screen, await readUi(page))
}
