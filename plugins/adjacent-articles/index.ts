import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import type { AdjacentArticlesOptions, SanitizedAdjacentArticlesConfig } from './types'

import { markGraphQLPopulationNested } from '../shared/nestedGraphQLReads'
import { readAdjacent } from './readAdjacent'

export type { AdjacentArticlesOptions } from './types'

const adjacentField = (config: SanitizedAdjacentArticlesConfig, slug: string): Field => ({
  name: 'adjacent',
  type: 'group',
  virtual: true,
  label: { en: 'Newer / older in section', ko: '이전·다음 기사' },
  admin: { hidden: true },
  hooks: { afterRead: [readAdjacent(config)] },
  fields: [
    { name: 'newer', type: 'relationship', relationTo: slug as never, maxDepth: 1 },
    { name: 'older', type: 'relationship', relationTo: slug as never, maxDepth: 1 },
  ],
})

/** `adjacent.newer` / `adjacent.older`: the neighbouring published articles in the same section. */
export const adjacentArticles =
  (options: AdjacentArticlesOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config: SanitizedAdjacentArticlesConfig = {
      collections: options.collections ?? ['articles'],
      groupBy: options.groupBy ?? 'section',
      dateField: options.dateField ?? 'registeredAt',
      enabled: options.enabled ?? true,
    }
    const collections = (incomingConfig.collections ?? []).map(
      (collection): CollectionConfig =>
        config.collections.includes(collection.slug)
          ? {
              ...collection,
              fields: [...collection.fields, adjacentField(config, collection.slug)],
              hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), markGraphQLPopulationNested] },
            }
          : collection,
    )
    return { ...incomingConfig, collections }
  }
