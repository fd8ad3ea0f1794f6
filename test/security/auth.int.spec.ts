import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { Redis } from 'ioredis'
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { graphQLPost } from '../../plugins/http-cache'
import {
  clientAddress,
  createLoginLimiters,
  progressiveDelaySeconds,
  sanitizeLoginThrottleOptions,
} from '../../plugins/login-throttle'
import { isCommonPassword, passwordProblem } from '../../plugins/shared/passwordPolicy'
import { productionSecretProblem } from '../../src/secret'
import { DEMO_PASSWORD_DEFAULT } from '../../src/seed'
import { seedMode } from '../../src/seed/seedMode'
import { apiClient } from '../helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { itUnlessFerretDB } from '../helpers/mongoCompat'

// Small limits, so that each rule shows after a few (slow, hashed) attempts.
const limits = {
  failedLoginsPerClient: { points: 6, durationSeconds: 600, blockSeconds: 600 },
  failedLoginsPerAccount: { points: 40, durationSeconds: 600 },
  consecutiveFailures: {
    freeFailures: 3,
    firstDelaySeconds: 30,
    maxDelaySeconds: 600,
    forgetAfterSeconds: 3600,
  },
  recoveryPerClient: { points: 3, durationSeconds: 600, blockSeconds: 600 },
  forgotPasswordPerAccount: { points: 2, durationSeconds: 600 },
}

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
const emails = loginEmails()
const tokens: Record<'admin' | 'editor' | 'kim' | 'park', string> = {
  admin: '',
  editor: '',
  kim: '',
  park: '',
}

type GraphQLHandler = (request: Request) => Promise<Response>
let graphqlHandlers: Record<'app' | 'payload', GraphQLHandler>

beforeAll(async () => {
  payload = await bootPayload('security-auth', {
    newsroom: { loginThrottle: limits },
    // A host app's own auth collection, with no unlock rule of its own.
    configure: (config) => ({
      ...config,
      collections: [...(config.collections ?? []), { slug: 'members', auth: true, fields: [] }],
    }),
  })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  for (const role of Object.keys(tokens) as (keyof typeof tokens)[])
    tokens[role] = await api.login(emails[role], PASSWORD)
  // The app's GraphQL route today, and Payload's own handler (what the route becomes without the cache).
  graphqlHandlers = {
    app: graphQLPost(payload.config),
    payload: GRAPHQL_POST(Promise.resolve(payload.config)),
  }
})
afterAll(async () => {
  await payload?.destroy()
})

const from = (address: string, token?: string) => ({
  headers: { 'x-forwarded-for': address },
  token,
})

const restLogin = (email: string, password: string, address: string) =>
  api.rest('POST', '/users/login', { body: { email, password }, ...from(address) })

const graphql = async (
  handler: GraphQLHandler,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) => {
  const response = await handler(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as any,
  }
}

const LOGIN =
  'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }'

const expectRateLimited = (response: { status: number; headers: Headers; body: any }) => {
  expect(response.status).toBe(429)
  expect(response.body.errors).toEqual([{ message: expect.any(String), code: 'RATE_LIMITED' }])
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
}

describe('login throttling over REST', () => {
  it('answers 429 with Retry-After once a client has spent its failed logins, whatever first hop it forges', async () => {
    for (let attempt = 0; attempt < limits.failedLoginsPerClient.points; attempt++) {
      // A different unknown account each time (no per-account rule applies) and a forged first hop.
      const response = await restLogin(
        `nobody-${attempt}@example.com`,
        'wrong-password-1',
        `10.9.8.${attempt}, 203.0.113.10`,
      )
      expect(response.status).toBe(401)
    }
    const refused = await restLogin(
      'nobody-last@example.com',
      'wrong-password-1',
      '10.9.9.9, 203.0.113.10',
    )
    expectRateLimited(refused)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(
      limits.failedLoginsPerClient.blockSeconds,
    )
    // The limit is the client's: even the right password waits, and another client goes ahead.
    expectRateLimited(await restLogin(emails.kim, PASSWORD, '203.0.113.10'))
    expect((await restLogin(emails.kim, PASSWORD, '203.0.113.11')).status).toBe(200)
  })

  itUnlessFerretDB('findAndModifyProjection')(
    'makes one client wait longer and longer between consecutive failures on one account',
    async () => {
      for (let attempt = 0; attempt < limits.consecutiveFailures.freeFailures; attempt++) {
        expect((await restLogin(emails.editor, 'wrong-password-1', '203.0.113.20')).status).toBe(
          401,
        )
      }
      const refused = await restLogin(emails.editor, PASSWORD, '203.0.113.20')
      expectRateLimited(refused)
      const wait = Number(refused.headers.get('retry-after'))
      expect(wait).toBeGreaterThan(limits.consecutiveFailures.firstDelaySeconds - 5)
      expect(wait).toBeLessThanOrEqual(limits.consecutiveFailures.firstDelaySeconds)
      // Each further failure doubles the wait, up to the cap.
      const delay = limits.consecutiveFailures
      expect(
        [1, 2, 3, 4, 5, 6, 7, 8].map((failures) => progressiveDelaySeconds(failures, delay)),
      ).toEqual([0, 0, 30, 60, 120, 240, 480, 600])
    },
  )

  itUnlessFerretDB('findAndModifyProjection')(
    'does not let an attacker lock the owner out: the owner signs in from elsewhere, and Payload holds no lock',
    async () => {
      let refusals = 0
      for (let attempt = 0; attempt < 12; attempt++) {
        const response = await restLogin(emails.admin, `guess-number-${attempt}`, '198.51.100.66')
        if (response.status === 429) refusals++
        else expect(response.status).toBe(401)
      }
      expect(refusals).toBeGreaterThan(0)
      const owner = await restLogin(emails.admin, PASSWORD, '192.0.2.1')
      expect(owner.status).toBe(200)
      expect(owner.body.token).toEqual(expect.any(String))
      const stored = await payload.db.findOne<{ id: number | string; lockUntil?: null | string }>({
        collection: 'users',
        where: { email: { equals: emails.admin } },
      })
      expect(stored?.lockUntil ?? null).toBeNull()
    },
  )

  itUnlessFerretDB('findAndModifyProjection')(
    'forgets a client’s failures on an account once it signs in',
    async () => {
      const address = '203.0.113.30'
      for (let attempt = 0; attempt < limits.consecutiveFailures.freeFailures - 1; attempt++) {
        expect((await restLogin(emails.park, 'wrong-password-1', address)).status).toBe(401)
      }
      expect((await restLogin(emails.park, PASSWORD, address)).status).toBe(200)
      // Without the reset the second of these would already wait.
      for (let attempt = 0; attempt < limits.consecutiveFailures.freeFailures; attempt++) {
        expect((await restLogin(emails.park, 'wrong-password-1', address)).status).toBe(401)
      }
    },
  )

  it('never throttles the Local API (server code, the seed, tests)', async () => {
    const owner = await payload.create({
      collection: 'users',
      data: { email: 'local-only@example.com', password: PASSWORD, roles: ['reporter'] },
    })
    for (let attempt = 0; attempt < limits.consecutiveFailures.freeFailures + 1; attempt++) {
      await expect(
        payload.login({
          collection: 'users',
          data: { email: owner.email, password: 'wrong-password-1' },
        }),
      ).rejects.toThrow()
    }
    expect(
      (
        await payload.login({
          collection: 'users',
          data: { email: owner.email, password: PASSWORD },
        })
      ).token,
    ).toEqual(expect.any(String))
  })
})

describe('login throttling over GraphQL (the same rule)', () => {
  itUnlessFerretDB('findAndModifyProjection').each(['app', 'payload'] as const)(
    'loginUser through the %s handler answers RATE_LIMITED with Retry-After',
    async (name) => {
      const handler = graphqlHandlers[name]
      const address = name === 'app' ? '203.0.113.40' : '203.0.113.41'
      const email = name === 'app' ? emails.park : emails.kim
      for (let attempt = 0; attempt < limits.consecutiveFailures.freeFailures; attempt++) {
        const failed = await graphql(
          handler,
          LOGIN,
          { email, password: 'wrong-password-1' },
          { 'x-forwarded-for': address },
        )
        expect(failed.body.errors?.[0]?.extensions?.statusCode).toBe(401)
      }
      const refused = await graphql(
        handler,
        LOGIN,
        { email, password: PASSWORD },
        { 'x-forwarded-for': address },
      )
      expect(refused.body.data?.loginUser ?? null).toBeNull()
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        statusCode: 429,
      })
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    },
  )
})

describe('forgot-password and reset-password throttling', () => {
  it('limits forgot-password per client, on REST and GraphQL together', async () => {
    const address = '203.0.113.50'
    for (let attempt = 0; attempt < limits.recoveryPerClient.points - 1; attempt++) {
      const response = await api.rest('POST', '/users/forgot-password', {
        body: { email: `nobody-${attempt}@example.com` },
        ...from(address),
      })
      expect(response.status).toBe(200)
    }
    const viaGraphQL = await graphql(
      graphqlHandlers.payload,
      'mutation { forgotPasswordUser(email: "nobody-gql@example.com") }',
      {},
      { 'x-forwarded-for': address },
    )
    expect(viaGraphQL.body.errors).toBeUndefined()
    const refused = await graphql(
      graphqlHandlers.payload,
      'mutation { forgotPasswordUser(email: "nobody-gql2@example.com") }',
      {},
      { 'x-forwarded-for': address },
    )
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED')
    expectRateLimited(
      await api.rest('POST', '/users/forgot-password', {
        body: { email: 'nobody-rest@example.com' },
        ...from(address),
      }),
    )
  })

  it('limits forgot-password per account, whichever clients ask', async () => {
    for (let attempt = 0; attempt < limits.forgotPasswordPerAccount.points; attempt++) {
      const response = await api.rest('POST', '/users/forgot-password', {
        body: { email: 'nobody-mailbox@example.com' },
        ...from(`198.51.100.${attempt + 1}`),
      })
      expect(response.status).toBe(200)
    }
    expectRateLimited(
      await api.rest('POST', '/users/forgot-password', {
        body: { email: 'NOBODY-mailbox@example.com ' },
        ...from('198.51.100.99'),
      }),
    )
  })

  it('limits reset-password attempts (token guesses) per client, on REST and GraphQL together', async () => {
    const address = '203.0.113.60'
    for (let attempt = 0; attempt < limits.recoveryPerClient.points - 1; attempt++) {
      const response = await api.rest('POST', '/users/reset-password', {
        body: { token: `guess-${attempt}`, password: 'kestrel-harbour-42' },
        ...from(address),
      })
      expect(response.status).toBe(403)
    }
    const guessed = await graphql(
      graphqlHandlers.app,
      'mutation { resetPasswordUser(token: "guess-gql", password: "kestrel-harbour-42") { token } }',
      {},
      { 'x-forwarded-for': address },
    )
    expect(guessed.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expectRateLimited(
      await api.rest('POST', '/users/reset-password', {
        body: { token: 'guess-last', password: 'kestrel-harbour-42' },
        ...from(address),
      }),
    )
    const refused = await graphql(
      graphqlHandlers.app,
      'mutation { resetPasswordUser(token: "guess-gql2", password: "kestrel-harbour-42") { token } }',
      {},
      { 'x-forwarded-for': address },
    )
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED')
  })
})

describe('unknown and known emails take the same path', () => {
  itUnlessFerretDB('findAndModifyProjection')(
    'hashes the password once, with Payload’s parameters, for an unknown email as for a wrong password',
    async () => {
      const pbkdf2 = vi.spyOn(crypto, 'pbkdf2')
      const hashesDuring = async (email: string, address: string) => {
        pbkdf2.mockClear()
        const response = await restLogin(email, 'wrong-password-1', address)
        return {
          status: response.status,
          message: response.body.errors?.[0]?.message,
          hashes: pbkdf2.mock.calls.map((call) => call.slice(2, 5)),
        }
      }
      try {
        const known = await hashesDuring(emails.kim, '203.0.113.70')
        const unknown = await hashesDuring('nobody-at-all@example.com', '203.0.113.71')
        expect(known.hashes).toEqual([[600_000, 32, 'sha256']])
        expect(unknown).toEqual(known)
      } finally {
        pbkdf2.mockRestore()
      }
    },
  )
})

describe('password rules', () => {
  const weak = ['abc', 'abcdefgh9', 'qwertyuiop', 'password123', 'Qwertyuiop']
  const refusedOnPassword = (response: { status: number; body: any }) => {
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.data?.errors).toEqual([
      { message: expect.any(String), path: 'password' },
    ])
  }

  it('knows the common list and the length rule', () => {
    expect(isCommonPassword('qwertyuiop')).toBe(true)
    expect(isCommonPassword('password123')).toBe(true)
    expect(passwordProblem('abcdefgh9')).toMatch(/10/)
    expect(passwordProblem('kestrel-harbour-42')).toBeUndefined()
  })

  it('refuses weak passwords on create and accepts a strong one', async () => {
    for (const password of weak) {
      refusedOnPassword(
        await api.rest('POST', '/users', {
          body: { email: `weak-${crypto.randomUUID()}@example.com`, password, roles: ['reporter'] },
          token: tokens.admin,
        }),
      )
    }
    const strong = await api.rest('POST', '/users', {
      body: { email: 'strong@example.com', password: 'kestrel-harbour-42', roles: ['reporter'] },
      token: tokens.admin,
    })
    expect(strong.status).toBe(201)
    expect(
      (await restLogin('strong@example.com', 'kestrel-harbour-42', '203.0.113.80')).status,
    ).toBe(200)
  })

  it('refuses weak passwords on update (REST and GraphQL) and through the Local API', async () => {
    for (const password of weak) {
      refusedOnPassword(
        await api.rest('PATCH', `/users/${fixture.users.kim}`, {
          body: { password },
          token: tokens.kim,
        }),
      )
    }
    const gql = await api.graphql(
      `mutation { updateUser(id: ${JSON.stringify(fixture.users.kim)}, data: { password: "qwertyuiop" }) { id } }`,
      undefined,
      tokens.kim,
    )
    expect(gql.body.errors?.[0]?.extensions?.data?.errors?.[0]?.path).toBe('password')
    await expect(
      payload.update({ collection: 'users', id: fixture.users.kim, data: { password: 'abc' } }),
    ).rejects.toThrow(/password/)
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'weak-local@example.com', password: 'qwertyuiop', roles: ['reporter'] },
      }),
    ).rejects.toThrow(/password/)
    // The password did not change.
    expect((await restLogin(emails.kim, PASSWORD, '203.0.113.81')).status).toBe(200)
  })

  it('refuses weak passwords on reset and accepts a strong one', async () => {
    const user = await payload.create({
      collection: 'users',
      data: { email: 'resetting@example.com', password: PASSWORD, roles: ['reporter'] },
    })
    const token = await payload.forgotPassword({
      collection: 'users',
      data: { email: user.email },
      disableEmail: true,
    })
    refusedOnPassword(
      await api.rest('POST', '/users/reset-password', {
        body: { token, password: 'qwertyuiop' },
        ...from('203.0.113.90'),
      }),
    )
    refusedOnPassword(
      await api.rest('POST', '/users/reset-password', {
        body: { token, password: 'abc' },
        ...from('203.0.113.90'),
      }),
    )
    const reset = await api.rest('POST', '/users/reset-password', {
      body: { token, password: 'kestrel-harbour-42' },
      ...from('203.0.113.91'),
    })
    expect(reset.status).toBe(200)
  })

  it('applies to every auth collection the newsroom composes', async () => {
    await expect(
      payload.create({
        collection: 'members' as never,
        data: { email: 'member@example.com', password: 'abc' } as never,
      }),
    ).rejects.toThrow(/password/)
  })

  it('holds for every password the repository itself uses', () => {
    for (const password of [DEMO_PASSWORD_DEFAULT, PASSWORD])
      expect(passwordProblem(password)).toBeUndefined()
  })
})

describe('unlocking accounts (GHSA-jg8r-5jh2-v2xj)', () => {
  const UNLOCK = `mutation { unlockUser(email: ${JSON.stringify(emails.park)}) }`

  it('is refused to reporters and editors, over REST and GraphQL', async () => {
    for (const role of ['kim', 'editor'] as const) {
      expect(
        (
          await api.rest('POST', '/users/unlock', {
            body: { email: emails.park },
            token: tokens[role],
          })
        ).status,
      ).toBe(403)
      const gql = await api.graphql(UNLOCK, undefined, tokens[role])
      expect(gql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    }
    expect((await api.rest('POST', '/users/unlock', { body: { email: emails.park } })).status).toBe(
      403,
    )
  })

  it('is allowed to admins, over REST and GraphQL', async () => {
    const rest = await api.rest('POST', '/users/unlock', {
      body: { email: emails.park },
      token: tokens.admin,
    })
    expect(rest.status).toBe(200)
    const gql = await api.graphql(UNLOCK, undefined, tokens.admin)
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.unlockUser).toBe(true)
  })

  it('is admins-only on an auth collection that set no rule of its own', async () => {
    await payload.create({
      collection: 'members' as never,
      data: { email: 'member@example.com', password: 'kestrel-harbour-42' } as never,
    })
    // Payload's default would let any signed-in user of the admin's collection unlock members.
    expect(
      (
        await api.rest('POST', '/members/unlock', {
          body: { email: 'member@example.com' },
          token: tokens.kim,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await api.rest('POST', '/members/unlock', {
          body: { email: 'member@example.com' },
          token: tokens.admin,
        })
      ).status,
    ).toBe(200)
  })
})

describe('client address', () => {
  const headers = (value: string) => new Headers({ 'x-forwarded-for': value })

  it('takes the last hop (what Next.js or the one proxy saw), never a first hop the client wrote', () => {
    expect(clientAddress(headers('6.6.6.6, 203.0.113.5'))).toBe('203.0.113.5')
    expect(clientAddress(headers('6.6.6.6, 203.0.113.5'), 1)).toBe('203.0.113.5')
    expect(clientAddress(headers('203.0.113.5'))).toBe('203.0.113.5')
    expect(clientAddress(new Headers())).toBeUndefined()
  })

  it('with n trusted proxies takes what the outermost one saw', () => {
    expect(clientAddress(headers('6.6.6.6, 203.0.113.5, 10.0.0.2'), 2)).toBe('203.0.113.5')
    expect(clientAddress(headers('203.0.113.5'), 3)).toBe('203.0.113.5')
  })

  it('counts IPv4-mapped addresses as IPv4 and IPv6 by /64', () => {
    expect(clientAddress(headers('::ffff:203.0.113.5'))).toBe('203.0.113.5')
    expect(clientAddress(headers('2001:db8:1:2:aaaa::1'))).toBe(
      clientAddress(headers('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')),
    )
    expect(clientAddress(headers('2001:db8:1:2::1'))).not.toBe(
      clientAddress(headers('2001:db8:1:3::1')),
    )
  })
})

describe('the account-wide limit', () => {
  it('stops many clients together, spares a client that signed in to the account lately, and lifts on unlock', async () => {
    const limiters = createLoginLimiters(
      sanitizeLoginThrottleOptions({
        failedLoginsPerAccount: { points: 3, durationSeconds: 600 },
        consecutiveFailures: { ...limits.consecutiveFailures, freeFailures: 100 },
      }),
    )
    const login = (client: string) => ({
      kind: 'login' as const,
      client,
      account: 'users:owner@example.com',
    })
    const owner = login('192.0.2.50')
    expect(await limiters.admit(owner)).toBeUndefined()
    await limiters.loginSucceeded(owner)
    // The default memory of a known client (30 days) is past Node's longest timer (24.8 days):
    // an unbounded timer fires at once and would forget the owner before the flood below.
    await new Promise((resolve) => setTimeout(resolve, 20))
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      expect(await limiters.admit(login(client))).toBeUndefined()
    expect(await limiters.admit(login('198.51.100.4'))).toEqual({
      retryAfterSeconds: expect.any(Number),
    })
    expect(await limiters.admit(login('192.0.2.50'))).toBeUndefined()
    // An admin's unlock (forgetUnlockedAccount) clears the account's count.
    await limiters.forgetAccount('users:owner@example.com')
    expect(await limiters.admit(login('198.51.100.5'))).toBeUndefined()
  })
})

const hasRedis = spawnSync('which', ['redis-server']).status === 0

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

describe('shared counts in Redis', () => {
  it.skipIf(!hasRedis)(
    'lets two app processes count one client’s failures together (needs redis-server on PATH)',
    async () => {
      const port = await freePort()
      const redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      )
      try {
        const options = sanitizeLoginThrottleOptions({
          ...limits,
          redis: `redis://127.0.0.1:${port}`,
          keyPrefix: `test-${crypto.randomUUID()}`,
        })
        const quiet = () => {}
        const [one, two] = [
          createLoginLimiters(options, quiet),
          createLoginLimiters(options, quiet),
        ]
        try {
          // Until Redis answers, each process would count in its own memory instead.
          for (let tries = 0; ; tries++) {
            const probe = new Redis(`redis://127.0.0.1:${port}`, {
              lazyConnect: true,
              maxRetriesPerRequest: 0,
            })
            probe.on('error', () => {})
            const isUp = await probe.connect().then(
              () => probe.ping().then(() => true),
              () => false,
            )
            probe.disconnect()
            if (isUp) break
            if (tries > 100) throw new Error('redis-server did not start')
            await new Promise((resolve) => setTimeout(resolve, 100))
          }
          // Warm both connections (the first call on a fresh connection is answered from memory).
          await one.admit({ kind: 'resetPassword', client: 'warm-up-1' })
          await two.admit({ kind: 'resetPassword', client: 'warm-up-2' })
          await new Promise((resolve) => setTimeout(resolve, 200))
          const results = []
          for (let attempt = 0; attempt < limits.recoveryPerClient.points + 1; attempt++) {
            results.push(
              await (attempt % 2 === 0 ? one : two).admit({
                kind: 'resetPassword',
                client: '203.0.113.100',
              }),
            )
          }
          expect(results.slice(0, limits.recoveryPerClient.points)).toEqual(
            Array(limits.recoveryPerClient.points).fill(undefined),
          )
          expect(results.at(-1)).toEqual({ retryAfterSeconds: expect.any(Number) })
        } finally {
          await Promise.all([one.close(), two.close()])
        }
      } finally {
        redis.kill()
      }
    },
  )
})

describe('production start', () => {
  it('seeds the demo only when asked for in production, and by default elsewhere', () => {
    expect(seedMode({ NODE_ENV: 'production' })).toBe('off')
    expect(seedMode({ NODE_ENV: 'production', NEWSROOM_SEED: 'demo' })).toBe('demo')
    expect(seedMode({ NODE_ENV: 'production', NEWSROOM_SEED: 'off' })).toBe('off')
    expect(seedMode({ NODE_ENV: 'development' })).toBe('demo')
    expect(seedMode({})).toBe('demo')
    expect(seedMode({ NEWSROOM_SEED: 'off' })).toBe('off')
  })

  it('requires PAYLOAD_SECRET in production only', () => {
    expect(productionSecretProblem({ NODE_ENV: 'production' })).toMatch(/PAYLOAD_SECRET/)
    expect(productionSecretProblem({ NODE_ENV: 'production', PAYLOAD_SECRET: '  ' })).toMatch(
      /PAYLOAD_SECRET/,
    )
    expect(
      productionSecretProblem({ NODE_ENV: 'production', PAYLOAD_SECRET: 'a'.repeat(64) }),
    ).toBeUndefined()
    expect(productionSecretProblem({})).toBeUndefined()
  })

  it('npm start refuses to start in production without PAYLOAD_SECRET, before building anything', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
    delete env.PAYLOAD_SECRET
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/start.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const code = await new Promise<null | number>((resolve) => child.on('exit', resolve))
    expect(code).not.toBe(0)
    expect(output).toMatch(/PAYLOAD_SECRET/)
    expect(output).not.toMatch(/빌드|building/)
  })
})
