import type { CollectionAfterReadHook, CollectionConfig } from 'payload'

import path from 'node:path'

import { isEditor } from './access/isEditor'
import { isStaff } from './access/isStaff'
import { validateWhereValues } from './hooks/validateWhereValues'
import { dataDir } from '../src/paths'
import { collectionLabels } from '../plugins/shared/labels'
import { absoluteUrl, publicOrigin, publicSizes, srcsetOf } from '../plugins/shared/headline'
import { selectVirtualSources } from '../plugins/shared/selectVirtualSources'

/** Raster images only: SVG and other XML can carry script, and frontends embed these files as-is. */
export const rasterImageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

type Doc = Record<string, unknown>

/**
 * Public image URLs are absolute (DESIGN.md, "Images": serverURL, else NEWSROOM_PUBLIC_URL) over
 * REST and GraphQL, every generated size's too, and `srcset` lists them. The Local API — the
 * admin's own server-rendered views — keeps Payload's relative URLs, so the admin serves its
 * thumbnails from wherever it runs.
 */
const publishImageUrls: CollectionAfterReadHook = ({ doc, req }) => {
  if (!doc || typeof doc !== 'object') return doc
  const isPublic = req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'
  const origin = isPublic ? publicOrigin(req) : ''
  const absolute = (url: unknown) => (isPublic ? absoluteUrl(origin, url) : (url as null | string))
  const media = doc as Doc
  if ('url' in media) media.url = absolute(media.url)
  if ('thumbnailURL' in media) media.thumbnailURL = absolute(media.thumbnailURL)
  const sizes = media.sizes as Record<string, Doc | null | undefined> | undefined
  if (sizes && typeof sizes === 'object') {
    for (const size of Object.values(sizes))
      if (size && 'url' in size) size.url = absolute(size.url)
  }
  if ('srcset' in media || 'url' in media) {
    media.srcset = srcsetOf(
      {
        url: media.url as null | string,
        width: (media.width as null | number) ?? null,
        height: (media.height as null | number) ?? null,
      },
      publicSizes(origin, media),
    )
  }
  return media
}

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
  hooks: {
    beforeOperation: [
      validateWhereValues,
      selectVirtualSources({ srcset: ['filename', 'sizes', 'width', 'height'] }),
    ],
    afterRead: [publishImageUrls],
  },
  fields: [
    { name: 'alt', type: 'text', required: true, label: { en: 'Alt text', ko: '대체 텍스트' } },
    { name: 'caption', type: 'textarea', label: { en: 'Caption', ko: '사진 설명' } },
    { name: 'credit', type: 'text', label: { en: 'Credit', ko: '출처' } },
    {
      // `url 300w, url 640w, …` of the original and its sizes, filled on read (publishImageUrls).
      name: 'srcset',
      type: 'text',
      virtual: true,
      label: { en: 'srcset', ko: 'srcset' },
      admin: { disabled: true },
    },
  ],
}
