import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import type { AdjacentArticlesOptions, SanitizedAdjacentArticlesConfig } from './types'

import { lockCollectionSaves } from '../shared/documentLock'
import { headlineTypescriptSchema, withHeadlineTypes } from '../shared/headlineTypes'
import { markDraftSave } from '../shared/markDraftSave'
import { selectVirtualSources } from '../shared/selectVirtualSources'
import { markGraphQLPopulationNested } from '../shared/nestedGraphQLReads'
import { hasDrafts } from '../shared/publication'
import {
  dropEmptyLinks,
  fillAdjacentHeadlines,
  LINKS_FIELD,
  readAdjacent,
  rememberStoredLinks,
} from './readAdjacent'
import { keepStoredLinks, linkUnlinkedInBackground, relinkChanged, relinkDeleted } from './relink'

export type { AdjacentArticlesOptions } from './types'
export { LINKS_FIELD as ADJACENT_LINKS_FIELD } from './readAdjacent'
export { relinkAdjacentArticles, relinkCollection } from './relink'
export type { RelinkProgress } from './relink'

const adjacentField = (config: SanitizedAdjacentArticlesConfig, slug: string): Field => ({
  name: 'adjacent',
  type: 'group',
  virtual: true,
  label: { en: 'Newer / older in section', ko: '이전·다음 기사' },
  // Headline objects over REST (readAdjacent), not ids: no place in the edit form.
  admin: { disabled: true },
  hooks: { afterRead: [readAdjacent(config)] },
  fields: [
    {
      name: 'newer',
      type: 'relationship',
      relationTo: slug as never,
      maxDepth: 1,
      typescriptSchema: headlineTypescriptSchema({ hasMany: false }),
      label: { en: 'Newer', ko: '다음 기사' },
    },
    {
      name: 'older',
      type: 'relationship',
      relationTo: slug as never,
      maxDepth: 1,
      typescriptSchema: headlineTypescriptSchema({ hasMany: false }),
      label: { en: 'Older', ko: '이전 기사' },
    },
  ],
})

const linksField = (idType: 'number' | 'text'): Field => ({
  name: LINKS_FIELD,
  type: 'group',
  hidden: true,
  fields: [
    ...(['newer', 'older'] as const).map((name): Field =>
      idType === 'number' ? { name, type: 'number' } : { name, type: 'text' },
    ),
    // Bumped by every relinking; a relinking writes only over the revision it read.
    { name: 'revision', type: 'number' },
  ],
})

/**
 * `adjacent.newer` / `adjacent.older`: the neighbouring published articles in the same section.
 * Stored on each published article and relinked after every save that changes the timeline, so an
 * article page reads them with its other relationships, at no extra query.
 */
export const adjacentArticles =
  (options: AdjacentArticlesOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config: SanitizedAdjacentArticlesConfig = {
      collections: options.collections ?? ['articles'],
      groupBy: options.groupBy ?? 'section',
      dateField: options.dateField ?? 'registeredAt',
      enabled: options.enabled ?? true,
    }
    // Ids are numbers on SQL databases by default and strings on MongoDB.
    const idType =
      (incomingConfig.db as undefined | { defaultIDType?: string })?.defaultIDType === 'number'
        ? 'number'
        : 'text'
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        custom: { ...collection.custom, adjacentArticles: config },
        fields: [...collection.fields, adjacentField(config, collection.slug), linksField(idType)],
        hooks: {
          ...hooks,
          beforeOperation: [
            // First: the save lock is held from before the save's first write (see lockCollectionSaves).
            lockCollectionSaves(),
            ...(hooks.beforeOperation ?? []),
            markDraftSave,
            markGraphQLPopulationNested,
            selectVirtualSources({
              adjacent: [
                LINKS_FIELD,
                config.groupBy,
                config.dateField,
                ...(hasDrafts(collection) ? ['_status'] : []),
              ],
            }),
          ],
          beforeChange: [...(hooks.beforeChange ?? []), keepStoredLinks(config)],
          beforeRead: [...(hooks.beforeRead ?? []), rememberStoredLinks],
          afterRead: [...(hooks.afterRead ?? []), dropEmptyLinks, fillAdjacentHeadlines],
          afterChange: [...(hooks.afterChange ?? []), relinkChanged(config)],
          afterDelete: [...(hooks.afterDelete ?? []), relinkDeleted(config)],
        },
      }
    })
    // A headline object each (readAdjacent), typed so in payload-types.ts.
    const typed = config.collections.reduce(withHeadlineTypes, incomingConfig)
    return {
      ...typed,
      collections,
      onInit: async (payload) => {
        await incomingConfig.onInit?.(payload)
        if (config.enabled) await linkUnlinkedInBackground(payload)
      },
    }
  }
