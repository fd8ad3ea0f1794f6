import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import type { RelatedNewsOptions, SanitizedRelatedNewsConfig } from './types'

import { sanitizeRelatedNewsOptions } from './defaults'
import { computeSuggestions } from './hooks/computeSuggestions'
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
import { dateTimePicker } from '../shared/datePickers'

export type { RelatedNewsOptions, RelatedNewsWeights } from './types'
export { defaultWeights } from './defaults'
export { rankCandidates, scoreCandidate } from './scoring'

const relatedFields = (
  config: SanitizedRelatedNewsConfig,
  slug: string,
  idType: 'number' | 'text',
): Field[] => [
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
    name: 'related',
    type: 'array',
    virtual: true,
    label: { en: 'Related (for readers)', ko: '관련뉴스 (독자용)' },
    admin: { hidden: true },
    hooks: { afterRead: [readRelated(config)] },
    fields: [
      // The linked article's own id, of the collection's id type (a number on SQL with serial
      // ids, a string on MongoDB and with uuid ids), not an array row id.
      idType === 'number' ? { name: 'id', type: 'number' } : { name: 'id', type: 'text' },
      { name: 'title', type: 'text', label: { en: 'Title', ko: '제목' } },
      { name: 'slug', type: 'text', label: { en: 'Slug', ko: '슬러그' } },
      { name: 'regionLabel', type: 'text', label: { en: 'Region label', ko: '지역 표기' } },
      {
        name: 'registeredAt',
        type: 'date',
        label: { en: 'Registered', ko: '등록' },
        admin: { date: dateTimePicker },
      },
    ],
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
    // Ids are numbers on SQL databases by default and strings on MongoDB and with uuid ids.
    const idType =
      (incomingConfig.db as undefined | { defaultIDType?: string })?.defaultIDType === 'number'
        ? 'number'
        : 'text'
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      return {
        ...collection,
        fields: [...collection.fields, ...relatedFields(config, collection.slug, idType)],
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
      ...incomingConfig,
      collections,
      jobs: {
        ...incomingConfig.jobs,
        tasks: tasks.some((task) => task.slug === 'refreshRelatedSuggestions')
          ? tasks
          : [...tasks, refreshRelatedSuggestionsTask(config)],
      },
    }
  }
