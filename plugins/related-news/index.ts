import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import type { RelatedNewsOptions, SanitizedRelatedNewsConfig } from './types'

import { sanitizeRelatedNewsOptions } from './defaults'
import { computeSuggestions } from './hooks/computeSuggestions'
import { headlineTypescriptSchema, withHeadlineTypes } from '../shared/headlineTypes'
import { markDraftSave } from '../shared/markDraftSave'
import { selectVirtualSources } from '../shared/selectVirtualSources'
import { markGraphQLPopulationNested } from '../shared/nestedGraphQLReads'
import { queueSuggestionRefresh } from './hooks/queueSuggestionRefresh'
import { syncReciprocalLinks } from './hooks/syncReciprocalLinks'
import { lockCollectionSaves } from '../shared/documentLock'
import { unlinkDeletedArticle } from './hooks/unlinkDeletedArticle'
import { validateRelatedLinks } from './hooks/validateRelatedLinks'
import { fillRelatedFromPopulated, readRelated } from './readRelated'
import { refreshRelatedSuggestionsTask } from './tasks/refreshRelatedSuggestions'

export type { RelatedNewsOptions, RelatedNewsWeights } from './types'
export { defaultWeights } from './defaults'
export { rankCandidates, scoreCandidate } from './scoring'

const relatedFields = (config: SanitizedRelatedNewsConfig, slug: string): Field[] => [
  {
    name: 'relatedArticles',
    type: 'relationship',
    relationTo: slug as never,
    hasMany: true,
    maxRows: config.maxRelated,
    label: { en: 'Related articles (editors’ picks)', ko: '관련뉴스' },
    filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    admin: {
      description: { en: 'Linked both ways automatically', ko: '양쪽 기사에 함께 걸립니다' },
    },
  },
  {
    name: 'relatedSuggestions',
    type: 'relationship',
    relationTo: slug as never,
    hasMany: true,
    label: { en: 'Suggested related articles', ko: '추천 관련뉴스' },
    access: { create: () => false, update: () => false },
    admin: {
      readOnly: true,
      components: {
        Field:
          '/../plugins/related-news/components/RelatedSuggestionsField#RelatedSuggestionsField',
      },
    },
  },
  {
    // Published related articles for readers, each the headline shape (plugins/shared/headline.ts);
    // a relationship so that GraphQL answers `[Article!]`, the one type of a headline there.
    name: 'related',
    type: 'relationship',
    relationTo: slug as never,
    hasMany: true,
    virtual: true,
    // Typed as what it answers in payload-types.ts (plugins/shared/headlineTypes.ts).
    typescriptSchema: headlineTypescriptSchema({ hasMany: true }),
    label: { en: 'Related (for readers)', ko: '관련뉴스 (독자용)' },
    // Headline objects over REST (readRelated), not ids: no place in the edit form.
    admin: { disabled: true },
    hooks: { afterRead: [readRelated(config)] },
  },
]

/**
 * 관련뉴스: editors' picks kept reciprocal, computed suggestions stored at save and refreshed by
 * jobs, and a `related` read field that merges both for frontends.
 */
export const relatedNews =
  (options: RelatedNewsOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeRelatedNewsOptions(options)
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      return {
        ...collection,
        fields: [...collection.fields, ...relatedFields(config, collection.slug)],
        hooks: {
          ...collection.hooks,
          beforeOperation: [
            // First: before any hook or the save itself writes (see lockCollectionSaves).
            lockCollectionSaves(),
            ...(collection.hooks?.beforeOperation ?? []),
            markDraftSave,
            markGraphQLPopulationNested,
            selectVirtualSources({ related: ['relatedArticles', 'relatedSuggestions'] }),
          ],
          beforeChange: [
            ...(collection.hooks?.beforeChange ?? []),
            validateRelatedLinks(config),
            computeSuggestions(config),
          ],
          afterChange: [
            ...(collection.hooks?.afterChange ?? []),
            syncReciprocalLinks(config),
            queueSuggestionRefresh(config),
          ],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), unlinkDeletedArticle(config)],
          afterRead: [...(collection.hooks?.afterRead ?? []), fillRelatedFromPopulated(config)],
        },
      }
    })
    const tasks = incomingConfig.jobs?.tasks ?? []
    return {
      ...config.collections.reduce(withHeadlineTypes, incomingConfig),
      collections,
      jobs: {
        ...incomingConfig.jobs,
        tasks: tasks.some((task) => task.slug === 'refreshRelatedSuggestions')
          ? tasks
          : [...tasks, refreshRelatedSuggestionsTask(config)],
      },
    }
  }
