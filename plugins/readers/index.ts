import type { CollectionConfig, Config, Plugin } from 'payload'

import type { ReadersOptions } from './types'

import { withInputErrorsAsInfo } from '../shared/inputError'
import { readersCollection } from './collections/readers'
import { scrapsCollection } from './collections/scraps'
import { sanitizeReadersOptions } from './defaults'
import { deleteArticleScraps } from './hooks/deleteArticleScraps'

export type { ReadersOptions, SanitizedReadersConfig } from './types'
export type { DeletedReader, ReaderDeletionListener } from './readerDeletion'
export type { ScrapView } from './endpoints/shared'
export { addReaderDeletionListener, readerDeletionListeners } from './readerDeletion'
export { isReader } from './access/isReader'
export { READERS_SLUG, SCRAPS_SLUG, sanitizeReadersOptions } from './defaults'

/**
 * Reader accounts and their saved articles (DESIGN.md, "Reader features"): `readers`, an auth
 * collection of its own beside the staff's (sign-up with a confirmed address, sign-in, password
 * reset, own profile, account deletion with the reader's data), and `scraps` (기사스크랩) with
 * endpoints for a frontend. Collections the host app already defines under the same slugs are kept.
 */
export const readers =
  (options: ReadersOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeReadersOptions(options)
    const existing = new Set(
      (incomingConfig.collections ?? []).map((collection) => collection.slug),
    )
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.enabled || collection.slug !== config.articles) return collection
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeDelete: [...(collection.hooks?.beforeDelete ?? []), deleteArticleScraps(config)],
        },
      }
    })
    const added = [readersCollection(config), scrapsCollection(config)].filter(
      (collection) => !existing.has(collection.slug),
    )
    return {
      ...incomingConfig,
      collections: [...collections, ...added],
      loggingLevels: withInputErrorsAsInfo(incomingConfig),
    }
  }
