import type { Config, PayloadRequest, SanitizedConfig } from 'payload'

import type { ID } from './relationIds'

/**
 * Why a document's derived fields were written without a save (see writeRelations.ts):
 * `reassign` a reporter's stories moved to another, `bylineRefresh` a reporter renamed,
 * `reciprocalLink` the other side of a related link, `suggestionRefresh` computed related news,
 * `unlinkDeleted` links to a deleted story removed.
 */
export type DerivedWriteReason =
  'bylineRefresh' | 'reassign' | 'reciprocalLink' | 'suggestionRefresh' | 'unlinkDeleted'

export type DerivedWrite = {
  collection: string
  /** More about the write, for the record (e.g. a reassignment's `from` and `to`). */
  detail?: Record<string, unknown>
  /** The fields written. */
  fields: string[]
  id: ID
  reason: DerivedWriteReason
  /** The writing request, in its transaction: a listener's writes commit or roll back with it. */
  req: PayloadRequest
}

export type DerivedWriteListener = (write: DerivedWrite) => Promise<void> | void

/** Where listeners are kept: `config.custom`, Payload's place for plugins' data. */
const LISTENERS_KEY = 'newsroom:derivedWriteListeners'

/**
 * Registers a listener told of every derived write (e.g. the audit log): plugins stay independent,
 * neither knows the other; a config without listeners writes as before.
 */
export const addDerivedWriteListener = (
  config: Config,
  listener: DerivedWriteListener,
): Config => ({
  ...config,
  custom: {
    ...config.custom,
    [LISTENERS_KEY]: [
      ...((config.custom?.[LISTENERS_KEY] as DerivedWriteListener[] | undefined) ?? []),
      listener,
    ],
  },
})

export const derivedWriteListeners = (
  config: Pick<SanitizedConfig, 'custom'>,
): DerivedWriteListener[] =>
  (config.custom?.[LISTENERS_KEY] as DerivedWriteListener[] | undefined) ?? []
