import type { CollectionConfig } from 'payload'

import { collectionLabels } from '../shared/labels'

export const INDEX_SLUG = 'search-index'

const nobody = () => false

/**
 * The built-in adapter's index: one row per published article with its text normalised (NFC) for
 * snippets, folded (lower case) for matching, and its character grams (`text.ts`), which each
 * database indexes its own way (`databaseAdapter.ts`). Hidden from the admin, GraphQL and REST;
 * only the plugin's hooks write it, with `overrideAccess`.
 */
export const searchIndexCollection = (slug: string): CollectionConfig => ({
  slug,
  labels: collectionLabels(
    { en: 'Search index entry', ko: '검색 색인' },
    { en: 'Search index', ko: '검색 색인' },
  ),
  admin: { hidden: true },
  graphQL: false,
  lockDocuments: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  // The short columns first: SQLite reads ranks and filters from a row's first page.
  fields: [
    { name: 'article', type: 'text', required: true, unique: true, index: true },
    { name: 'section', type: 'text', index: true },
    { name: 'region', type: 'text', index: true },
    { name: 'registeredAt', type: 'date', index: true },
    // Title and keywords, folded: a hit here ranks above a hit in the body.
    { name: 'head', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'subtitle', type: 'textarea' },
    { name: 'body', type: 'textarea' },
    // Everything searched (title, subtitle, keywords, byline, region label, body), folded.
    { name: 'text', type: 'textarea' },
    { name: 'grams', type: 'json' },
  ],
})
