import type { CollectionConfig, Config, Plugin } from 'payload'

import { rejectInvalidText } from '../../collections/hooks/rejectInvalidText'
import { rejectMalformedID } from '../../collections/hooks/rejectMalformedID'
import { rejectNonObjectData } from '../../collections/hooks/rejectNonObjectData'
import { rejectOperatorKeys } from '../../collections/hooks/rejectOperatorKeys'
import { validateWhereValues } from '../../collections/hooks/validateWhereValues'

export type InputGuardsOptions = {
  /** Collections whose operations are guarded. @default every collection */
  collections?: string[]
}

/**
 * Bad input answers 4xx before any hook or the database sees it, on every collection (the host
 * app's included): a body that is not an object, MongoDB operator keys (`$set`, `__proto__`) at
 * any depth, an id that cannot exist, text over its
 * `maxLength` or with a NUL character (drafts too), a `where` with malformed values or nested too
 * deeply. The guards run first, ahead of the collection's own `beforeOperation` hooks.
 */
export const inputGuards =
  (options: InputGuardsOptions = {}): Plugin =>
  (incomingConfig: Config): Config => ({
    ...incomingConfig,
    collections: (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (options.collections && !options.collections.includes(collection.slug)) return collection
      const own = collection.hooks?.beforeOperation ?? []
      const guards = [
        rejectNonObjectData,
        rejectOperatorKeys,
        rejectMalformedID,
        rejectInvalidText,
        ...(own.includes(validateWhereValues) ? [] : [validateWhereValues]),
      ]
      return { ...collection, hooks: { ...collection.hooks, beforeOperation: [...guards, ...own] } }
    }),
  })
