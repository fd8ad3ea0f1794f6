import type { Browser, BrowserContext, Page } from 'playwright-core'

import { chromium } from 'playwright-core'
import { expect } from 'vitest'

import type { Finding } from './koreanText'

import { checkKorean } from './koreanText'

export type ID = number | string
export type Doc = Record<string, unknown> & { id: ID }

/** The demo's password (README's logins). */
export const PASSWORD = 'newsroom-demo'

/** Debian's Chromium, headless (the machine's facts: no downloaded browser). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })

/**
 * The desk's admin as a spec drives it: Korean browsers in Seoul signed in as demo users, the API
 * beside them (to prepare data and read back what a screen saved), and the form steps, each screen
 * read for English (koreanText.ts) into `findings`.
 */
export const koreanAdmin = (browser: Browser, url: string) => {
  const contexts: BrowserContext[] = []
  const findings: Finding[] = []

  const signIn = async (email: string): Promise<Page> => {
    const context = await browser.newContext({
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
      viewport: { width: 1440, height: 1000 },
    })
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    await page.goto(`${url}/admin/login`)
    await page.fill('#field-email', email)
    await page.fill('#field-password', PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/)
    return page
  }

  const call = async <T = Doc>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; token?: string } = {},
  ): Promise<T> => {
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `JWT ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const text = await response.text()
    expect(response.ok, `${method} ${path}: ${text}`).toBe(true)
    return JSON.parse(text) as T
  }

  const tokenOf = async (email: string): Promise<string> =>
    (await call<{ token: string }>('POST', '/users/login', { body: { email, password: PASSWORD } }))
      .token

  const visit = async (page: Page, path: string, screen: string, ready?: string) => {
    await page.goto(`${url}${path}`)
    if (ready) await page.locator(ready).first().waitFor({ state: 'visible' })
    findings.push(...(await checkKorean(page, screen)))
  }

  /** Picks an option of a select or relationship field (react-select) by its label. */
  const choose = async (page: Page, field: string, label: RegExp | string) => {
    await page.locator(`#field-${field}`).click()
    await page
      .locator('.rs__option', {
        hasText: typeof label === 'string' ? new RegExp(`^${label}$`) : label,
      })
      .first()
      .click()
  }

  /**
   * Types into a field once the form has settled: a value typed while the edit view still loads its
   * form state can be replaced by it, so the value is read back (and typed again if it was lost).
   */
  const type = async (page: Page, selector: string, value: string) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.fill(selector, value)
      await page.waitForLoadState('networkidle')
      if ((await page.inputValue(selector)) === value) return
    }
    throw new Error(`${selector} did not keep the typed value`)
  }

  /** Saves the open document and waits for Payload's success toast. */
  const save = async (page: Page, screen: string) => {
    await page.locator('#action-save').click()
    await page.locator('[data-sonner-toast][data-type="success"]').first().waitFor()
    findings.push(...(await checkKorean(page, screen)))
  }

  const close = async () => {
    for (const context of contexts) await context.close().catch(() => undefined)
  }

  return { call, choose, close, findings, save, signIn, tokenOf, type, visit }
}
