import type { CollectionConfig, CollectionSlug, Field } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { collectionLabels } from '../../shared/labels'
import { isReader } from '../access/isReader'
import { ownScraps } from '../access/ownScraps'
import { listScrapsEndpoint } from '../endpoints/listScraps'
import { removeScrapEndpoint } from '../endpoints/removeScrap'
import { saveScrapEndpoint } from '../endpoints/saveScrap'
import { scrapStatusEndpoint } from '../endpoints/scrapStatus'
import { checkScrap } from '../hooks/checkScrap'
import { setScrapReader } from '../hooks/setScrapReader'

const defaultFields = (config: SanitizedReadersConfig): Field[] => [
  {
    name: 'reader',
    type: 'relationship',
    relationTo: config.readersSlug as CollectionSlug,
    required: true,
    index: true,
    label: { en: 'Reader', ko: '독자' },
    // Set from the session on create (setScrapReader); never moved to someone else.
    access: { update: () => false },
  },
  {
    name: 'article',
    type: 'relationship',
    relationTo: config.articles as CollectionSlug,
    required: true,
    index: true,
    label: { en: 'Article', ko: '기사' },
    access: { update: () => false },
  },
]

/**
 * 기사스크랩: the articles a reader saved. One per reader and article (a unique index, and a 409 by
 * `checkScrap`); only published articles; every read and delete limited to the reader's own, on
 * REST, GraphQL and the Local API with access (`ownScraps`, a query). Nothing to update.
 */
export const scrapsCollection = (config: SanitizedReadersConfig): CollectionConfig => {
  const fields = defaultFields(config)
  return {
    slug: config.scrapsSlug,
    labels: collectionLabels(
      { en: 'Saved article', ko: '스크랩' },
      { en: 'Saved articles', ko: '스크랩' },
    ),
    // Private to each reader: nothing for the desk to see in the admin.
    admin: { hidden: true, useAsTitle: 'id' },
    defaultSort: '-createdAt',
    indexes: [{ fields: ['reader', 'article'], unique: true }],
    access: {
      read: ownScraps(config),
      create: ({ req }) => isReader(req, config.readersSlug),
      update: () => false,
      delete: ownScraps(config),
    },
    endpoints: config.enabled
      ? [
          saveScrapEndpoint(config),
          listScrapsEndpoint(config),
          scrapStatusEndpoint(config),
          removeScrapEndpoint(config),
        ]
      : [],
    hooks: {
      beforeValidate: [setScrapReader(config)],
      beforeChange: [checkScrap(config)],
    },
    fields: config.scrapOverrides.fields?.({ defaultFields: fields }) ?? fields,
  }
}
