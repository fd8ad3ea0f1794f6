import type { CollectionConfig } from 'payload'

import { collectionLabels } from '../shared/labels'

/**
 * One row per voter per document: the source of truth the totals are counted from. Written by the
 * vote endpoint through the database adapter only (no hooks, no audit entry); nobody reads or
 * writes it through the API, and `voter` is an opaque key (readerClient.ts `opaqueKey`) that names
 * nobody.
 */
export const votesCollection = (slug: string): CollectionConfig => ({
  slug,
  labels: collectionLabels({ en: 'Vote', ko: '추천' }, { en: 'Votes', ko: '추천' }),
  access: {
    create: () => false,
    read: () => false,
    update: () => false,
    delete: () => false,
  },
  admin: { hidden: true },
  graphQL: false,
  fields: [
    // `<collection>:<id>`: one table serves every collection that takes votes, with no foreign key to hold up a delete.
    { name: 'document', type: 'text', required: true, index: true },
    { name: 'voter', type: 'text', required: true },
    { name: 'value', type: 'number', required: true },
  ],
  indexes: [{ fields: ['document', 'voter'], unique: true }],
})
