import type { Payload } from 'payload'

import { cacheState, purgeMemory } from './cacheState'

const wrapped = Symbol.for('payload-newsroom.http-cache.commit')

/**
 * Lets the database adapter's commit purge the cache for transactions that changed something
 * public, whoever started them (a REST save, a scheduled publish, a script). Uses only the
 * adapter interface every Payload database implements.
 */
export const purgeAfterCommit = (payload: Payload): void => {
  const db = payload.db as Payload['db'] & { [wrapped]?: true }
  if (db[wrapped]) return
  const commit = db.commitTransaction.bind(db)
  db.commitTransaction = async (id) => {
    const result = await commit(id)
    const key = String(await id)
    if (cacheState().purgeOnCommit.delete(key)) purgeMemory()
    return result
  }
  db[wrapped] = true
}
