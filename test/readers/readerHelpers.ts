import type { Payload } from 'payload'

import { expect } from 'vitest'

import type { apiClient } from '../helpers/http'
import type { Outbox } from '../helpers/outbox'

import { lastMailTo, tokenIn } from '../helpers/outbox'

export const READER_PASSWORD = 'reader-password-7'

/** Signs a reader up through REST, confirms the address from the mail, signs in: the token. */
export const signUpReader = async (
  api: ReturnType<typeof apiClient>,
  outbox: Outbox,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: number | string; token: string }> => {
  const created = await api.rest('POST', '/readers', {
    body: { email, password: READER_PASSWORD, nickname: email.split('@')[0], ...extra },
  })
  expect(created.status, created.text).toBe(201)
  const verified = await api.rest('POST', `/readers/verify/${tokenIn(lastMailTo(outbox, email))}`)
  expect(verified.status, verified.text).toBe(200)
  const login = await api.rest('POST', '/readers/login', {
    body: { email, password: READER_PASSWORD },
  })
  expect(login.status, login.text).toBe(200)
  return { id: created.body.doc.id, token: login.body.token }
}

export const countOf = async (payload: Payload, collection: string, where = {}) =>
  (await payload.count({ collection: collection as never, where, overrideAccess: true })).totalDocs
