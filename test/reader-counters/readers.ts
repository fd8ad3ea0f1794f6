import crypto from 'node:crypto'
import { expect } from 'vitest'

import type { apiClient } from '../helpers/http'
import type { NewsroomFixture } from '../helpers/newsroom'

import { articleData } from '../helpers/newsroom'

/** What the reader-counters suites send as readers: a browser's User-Agent, tokens, addresses. */
export const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36'

/** A new browser's token (x-reader-token). */
export const token = (): string => crypto.randomBytes(16).toString('hex')

export const sleep = (ms: number): Promise<unknown> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/** A distinct client address per call under `prefix` (so the per-address limits stay out of the way). */
export const addresses = (prefix: string): (() => string) => {
  let counter = 0
  return () => {
    counter++
    return `${prefix}.${Math.floor(counter / 250)}.${counter % 250}`
  }
}

/** Publishes an article of the fixture's newsroom as `editor` (a signed-in token); its id. */
export const publishArticle = async (
  api: ReturnType<typeof apiClient>,
  fixture: NewsroomFixture,
  editor: string,
  overrides: Record<string, unknown> = {},
): Promise<number | string> => {
  const { body, status } = await api.rest('POST', '/articles', {
    body: articleData(fixture, { _status: 'published', ...overrides }),
    token: editor,
  })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.doc.id as number | string
}
