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

/** The gram-count collection's slug beside an index collection (`search-gram-counts` by default). */
export const gramCountsSlugOf = (indexSlug: string) =>
  indexSlug === INDEX_SLUG ? 'search-gram-counts' : `${indexSlug}-gram-counts`

/**
 * How many index entries hold each gram (`hh…` marked ones included), so that PostgreSQL reads an
 * exact total of a one-gram query instead of counting every match (`databaseAdapter.ts`). The
 * empty gram `''` counts every entry and marks the table complete: without it the search counts.
 * A collection (not a raw table) so that Payload's schema, its push and its migrations know it;
 * written only by the adapter, in the save's transaction.
 */
export const gramCountsCollection = (indexSlug: string): CollectionConfig => ({
  slug: gramCountsSlugOf(indexSlug),
  labels: collectionLabels(
    { en: 'Search gram count', ko: '검색 글자 수' },
    { en: 'Search gram counts', ko: '검색 글자 수' },
  ),
  admin: { hidden: true },
  graphQL: false,
  lockDocuments: false,
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'gram', type: 'text', required: true, unique: true },
    { name: 'docs', type: 'number', required: true, defaultValue: 0 },
  ],
})
