import type { SanitizedSearchConfig, SearchOptions } from './types'

import { databaseSearchAdapter } from './databaseAdapter'
import { INDEX_SLUG } from './indexCollection'

export const SEARCH_CONFIG_KEY = 'newsroomSearch'

export const sanitizeSearchOptions = (options: SearchOptions = {}): SanitizedSearchConfig => {
  const indexSlug = options.indexSlug ?? INDEX_SLUG
  return {
    collection: options.collection ?? 'articles',
    sections: options.sections ?? 'sections',
    regions: options.regions ?? 'regions',
    indexSlug,
    adapter: options.adapter ?? databaseSearchAdapter({ slug: indexSlug }),
    defaultLimit: options.defaultLimit ?? 10,
    maxLimit: options.maxLimit ?? 100,
    maxQueryLength: options.maxQueryLength ?? 200,
    maxTerms: options.maxTerms ?? 8,
    enabled: options.enabled ?? true,
  }
}
