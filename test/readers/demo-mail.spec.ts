import { afterEach, describe, expect, it, vi } from 'vitest'

import { newsroomAppConfig } from '../../src/appConfig'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('account mail in the demo', () => {
  it('goes to the log in the demo, which runs in production mode, and nowhere by default in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const secret = 'a'.repeat(64)
    // npm start runs the demo with NODE_ENV=production: a reader's sign-up link must be readable.
    expect(newsroomAppConfig({ secret, seed: 'demo' }).email).toBeDefined()
    expect(newsroomAppConfig({ secret, seed: 'off' }).email).toBeUndefined()
  })
})
