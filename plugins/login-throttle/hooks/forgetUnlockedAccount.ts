import type { CollectionAfterOperationHook } from 'payload'

import type { LoginLimiters } from '../limiters'

import { accountKey } from './throttleAuthOperation'

/** An admin unlocked an account: its account-wide failed-login count goes with Payload's lock. */
export const forgetUnlockedAccount =
  (limiters: LoginLimiters): CollectionAfterOperationHook =>
  async ({ args, collection, operation, result }) => {
    if (operation !== 'unlock' || !result) return result
    const account = accountKey(collection.slug, (args as { data?: Record<string, unknown> }).data)
    if (account) await limiters.forgetAccount(account)
    return result
  }
