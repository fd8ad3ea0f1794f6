import type { Payload } from 'payload'

import { getIntrospectionQuery } from 'graphql'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { apiClient } from '../helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let tokens: Record<'admin' | 'editor' | 'kim', string>
const nodeEnv = process.env.NODE_ENV
// NODE_ENV is typed read-only (Next's types); the rule reads it per request, as Payload's own does.
const env = process.env as Record<string, string | undefined>

beforeAll(async () => {
  payload = await bootPayload('introspection')
  api = apiClient(payload)
  await createNewsroom(payload)
  const emails = loginEmails()
  tokens = {
    admin: await api.login(emails.admin, PASSWORD),
    editor: await api.login(emails.editor, PASSWORD),
    kim: await api.login(emails.kim, PASSWORD),
  }
})
afterEach(() => {
  env.NODE_ENV = nodeEnv
})
afterAll(async () => {
  await payload?.destroy()
})

const introspection = getIntrospectionQuery()
const typeQuery = '{ __type(name: "Article") { fields { name } } }'

describe('GraphQL introspection in production', () => {
  it('answers signed-in staff of every role, and refuses anonymous readers with a code', async () => {
    env.NODE_ENV = 'production'
    // Staff first, then an anonymous reader with the very same query text: the validation kept per
    // query text (graphQLPost's validateOnce) must not carry the staff answer over.
    for (const role of ['admin', 'editor', 'kim'] as const) {
      const answer = await api.graphql(introspection, undefined, tokens[role])
      expect(answer.body.errors, role).toBeUndefined()
      expect(answer.body.data.__schema.queryType.name).toBe('Query')
    }
    const anonymous = await api.graphql(introspection)
    expect(anonymous.body.data).toBeUndefined()
    expect(anonymous.body.errors[0].extensions.code).toBe('QUERY_NOT_ALLOWED')
    expect(JSON.stringify(anonymous.body)).not.toContain('queryType')
    const anonymousType = await api.graphql(typeQuery)
    expect(anonymousType.body.errors[0].extensions.code).toBe('QUERY_NOT_ALLOWED')
    // And back: staff are answered again after the anonymous refusal.
    const again = await api.graphql(typeQuery, undefined, tokens.editor)
    expect(again.body.errors).toBeUndefined()
    expect(again.body.data.__type.fields.length).toBeGreaterThan(10)
    // `__typename` is no introspection of the schema: clients add it everywhere.
    const typename = await api.graphql('{ Articles(limit: 1) { __typename } }')
    expect(typename.body.errors).toBeUndefined()
  })

  it('stays open to everybody outside production (development, codegen against a dev server)', async () => {
    env.NODE_ENV = 'development'
    const anonymous = await api.graphql(typeQuery)
    expect(anonymous.body.errors).toBeUndefined()
    expect(anonymous.body.data.__type.fields.length).toBeGreaterThan(10)
  })
})
