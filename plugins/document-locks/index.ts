import type { CollectionConfig, Config, Plugin } from 'payload'

import type { DocumentLocksOptions } from './types'

import { contentChangedAtField, stampContentChange } from './contentChange'
import { sanitizeDocumentLocksOptions } from './defaults'
import { answerLockErrors } from './hooks/answerLockErrors'
import { checkDeletePrecondition } from './hooks/checkDeletePrecondition'
import { checkSavePreconditions } from './hooks/checkSavePreconditions'
import { lockSavedDocuments } from './hooks/lockSavedDocuments'
import { releaseSavedDocuments } from './hooks/releaseSavedDocuments'
import { setEntityTag } from './hooks/setEntityTag'

export type { DocumentLocksOptions } from './types'
export { entityTagOf, matchesIfMatch } from './entityTag'
export { PreconditionFailedError, StaleSaveError } from './errors'
export { lockDocument, lockDocuments, releaseDocumentLocks } from '../shared/documentLock'

/**
 * Optimistic and pessimistic concurrency for the named collections: saves of one document are
 * serialised (a per-document lock held until the save's transaction ends), signed-in REST reads
 * carry an `ETag`, a write whose `If-Match` no longer matches answers 412, and a save based on an
 * older copy than the stored one (`updatedAt`) answers 409.
 */
export const documentLocks =
  (options: DocumentLocksOptions): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeDocumentLocksOptions(options)
    if (!config.enabled) return incomingConfig
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        fields: [...collection.fields, contentChangedAtField],
        hooks: {
          ...hooks,
          // Last: after the hooks that may refuse the operation, right before Payload reads the document.
          beforeOperation: [...(hooks.beforeOperation ?? []), lockSavedDocuments],
          // First: nothing else runs on a save that is refused. Last: the stamp sees the final data.
          beforeChange: [
            checkSavePreconditions(config),
            ...(hooks.beforeChange ?? []),
            stampContentChange,
          ],
          beforeDelete: [checkDeletePrecondition, ...(hooks.beforeDelete ?? [])],
          afterOperation: [...(hooks.afterOperation ?? []), setEntityTag, releaseSavedDocuments],
          afterError: [...(hooks.afterError ?? []), answerLockErrors],
        },
      }
    })
    return {
      ...incomingConfig,
      collections,
      // GraphQL errors reach only the config's afterError hooks: they give back the locks too.
      hooks: {
        ...incomingConfig.hooks,
        afterError: [...(incomingConfig.hooks?.afterError ?? []), answerLockErrors],
      },
    }
  }
