import type { CollectionAfterLoginHook } from 'payload'

import type { LoginLimiters } from '../limiters'
import type { AuthAttempt } from '../types'

import { ADMITTED_LOGIN } from './throttleAuthOperation'

/** A login succeeded: the attempt was no failure, and the client's earlier failures on the account are forgotten. */
export const forgetLoginFailures =
  (limiters: LoginLimiters): CollectionAfterLoginHook =>
  async ({ req }) => {
    const attempt = req.context[ADMITTED_LOGIN] as AuthAttempt | undefined
    if (!attempt) return
    delete req.context[ADMITTED_LOGIN]
    await limiters.loginSucceeded(attempt)
  }
