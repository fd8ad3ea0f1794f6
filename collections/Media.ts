import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { isEditor } from './access/isEditor'
import { isStaff } from './access/isStaff'
import { validateWhereValues } from './hooks/validateWhereValues'
import { dataDir } from '../src/paths'
import { collectionLabels } from '../plugins/shared/labels'

/** Raster images only: SVG and other XML can carry script, and frontends embed these files as-is. */
export const rasterImageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

export const Media: CollectionConfig = {
  slug: 'media',
  labels: collectionLabels({ en: 'Media', ko: '사진' }, { en: 'Media', ko: '사진' }),
  admin: {
    group: { en: 'Newsroom', ko: '편집국' },
    defaultColumns: ['filename', 'alt', 'credit', 'createdAt'],
  },
  access: { read: () => true, create: isStaff, update: isStaff, delete: isEditor },
  upload: {
    staticDir: path.join(dataDir(), 'media'),
    mimeTypes: rasterImageTypes,
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 200, position: 'centre' },
      { name: 'card', width: 640, height: 360, position: 'centre' },
      { name: 'hero', width: 1600, withoutEnlargement: true },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
  },
  hooks: { beforeOperation: [validateWhereValues] },
  fields: [
    { name: 'alt', type: 'text', required: true, label: { en: 'Alt text', ko: '대체 텍스트' } },
    { name: 'caption', type: 'textarea', label: { en: 'Caption', ko: '사진 설명' } },
    { name: 'credit', type: 'text', label: { en: 'Credit', ko: '출처' } },
  ],
}
