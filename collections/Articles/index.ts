import type { CollectionConfig } from 'payload'

import { canCreateArticle } from '../access/canCreateArticle'
import { canEditArticle } from '../access/canEditArticle'
import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { reduceRichTextRelations } from '../hooks/reduceRichTextRelations'
import { rejectUnknownRelationships } from '../hooks/rejectUnknownRelationships'
import { validateWhereValues } from '../hooks/validateWhereValues'
import { slugField } from '../slugs'
import { dropStaleUnpublishJobs } from './hooks/dropStaleUnpublishJobs'
import { enforceLiveStateRule } from './hooks/enforceLiveStateRule'
import { ignoreDraftsForReaders } from './hooks/ignoreDraftsForReaders'
import { keepLockOnAutosave, markAutosave } from './hooks/keepLockOnAutosave'
import { renderBodyHtml } from './hooks/renderBodyHtml'
import { setRegionLabel } from './hooks/setRegionLabel'
import { collectionLabels } from '../../plugins/shared/labels'
import { defaultArticleUrl } from '../../plugins/shared/headline'
import { selectVirtualSources } from '../../plugins/shared/selectVirtualSources'

export const TITLE_MAX_LENGTH = 300

/** Reader counters: never editorial changes, never a reason to move `revisedAt`. */
export const articleCounterFields = ['votesUp', 'votesDown', 'viewCount'] as const

/** Each keyword once, trimmed, in the order given; empty ones dropped. */
const distinctKeywords = (value: unknown): unknown => {
  if (!Array.isArray(value)) return value
  const keywords = value
    .map((keyword) => (typeof keyword === 'string' ? keyword.trim() : keyword))
    .filter((keyword) => keyword !== '')
  return [...new Set(keywords)]
}

const counterField = (
  name: (typeof articleCounterFields)[number],
  label: { en: string; ko: string },
) =>
  ({
    name,
    type: 'number',
    defaultValue: 0,
    min: 0,
    label,
    access: { create: () => false, update: () => false },
    admin: { position: 'sidebar', readOnly: true },
  }) as const

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: collectionLabels({ en: 'Article', ko: '기사' }, { en: 'Articles', ko: '기사' }),
  admin: {
    useAsTitle: 'title',
    components: {
      // Payload's button; its schedule drawer preselects 게시 on a never-published draft.
      edit: { PublishButton: '/../collections/Articles/components/PublishButton#PublishButton' },
    },
    defaultColumns: [
      'title',
      'regionLabel',
      'section',
      'reporters',
      '_status',
      // The stored dates, shown in Korea time (register-timestamps' KstDateCell): sortable.
      'registeredAt',
      'revisedAt',
    ],
    // The admin's search box: headlines, keywords, byline and body text (the sanitized HTML the
    // body is stored as besides its JSON), so a word of the story — 2 Hangul syllables will do —
    // finds it.
    listSearchableFields: ['title', 'subtitle', 'slug', 'keywords', 'byline', 'bodyHtml'],
    group: { en: 'Newsroom', ko: '편집국' },
  },
  defaultSort: '-updatedAt',
  // Articles shown inside other articles (related, previous/next, a reporter's list) need their
  // headline line, not their bodies: populating whole articles made a page carry ten bodies.
  defaultPopulate: {
    title: true,
    subtitle: true,
    slug: true,
    url: true,
    regionLabel: true,
    section: true,
    heroImage: true,
    registeredAt: true,
    registeredAtText: true,
    registeredAtListText: true,
    byline: true,
    revisedAt: true,
    _status: true,
  } as never,
  // Section pages, region feeds, neighbours and related-news candidates all read "newest in X":
  // these let the database walk one index in order and stop after the page.
  indexes: [{ fields: ['section', 'registeredAt'] }, { fields: ['region', 'registeredAt'] }],
  lockDocuments: { duration: 300 },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: canCreateArticle,
    update: canEditArticle,
    delete: isEditor,
  },
  versions: {
    maxPerDoc: 100,
    drafts: {
      // Autosave writes draft versions only and keeps the editor's lock (hooks/keepLockOnAutosave).
      autosave: { interval: 3000 },
      // The schedule drawer's time list in the 24-hour clock, every 5 minutes.
      schedulePublish: { timeFormat: 'HH:mm', timeIntervals: 5 },
      validate: false,
    },
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: TITLE_MAX_LENGTH,
      label: { en: 'Title', ko: '제목' },
    },
    {
      name: 'subtitle',
      type: 'textarea',
      maxLength: 500,
      label: { en: 'Subtitle (deck)', ko: '부제' },
    },
    slugField('title'),
    {
      // The article's absolute public URL (NEWSROOM_SITE_URL), part of the headline shape.
      name: 'url',
      type: 'text',
      virtual: true,
      label: { en: 'Public URL', ko: '기사 주소' },
      admin: { hidden: true },
      hooks: {
        afterRead: [
          ({ siblingData }) =>
            siblingData?.id ? defaultArticleUrl(siblingData as { id: number | string }) : null,
        ],
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'region',
          type: 'relationship',
          relationTo: 'regions',
          index: true,
          label: { en: 'Region', ko: '지역' },
          admin: { width: '50%' },
        },
        {
          name: 'dateline',
          type: 'text',
          maxLength: 60,
          label: { en: 'Dateline (overrides region label)', ko: '머리 표기 (지역 대신)' },
          admin: {
            width: '50%',
            description: { en: 'e.g. 인천서부소방서', ko: '예: 인천서부소방서' },
          },
        },
      ],
    },
    {
      name: 'regionLabel',
      type: 'text',
      index: true,
      label: { en: 'Region label', ko: '지역 표기' },
      admin: { readOnly: true, position: 'sidebar' },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'section',
      type: 'relationship',
      relationTo: 'sections',
      required: true,
      index: true,
      label: { en: 'Section', ko: '섹션' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'reporters',
      type: 'relationship',
      relationTo: 'reporters',
      hasMany: true,
      index: true,
      label: { en: 'Reporters (byline order)', ko: '기자 (바이라인 순서)' },
      admin: { position: 'sidebar', isSortable: true },
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
      label: { en: 'Hero image', ko: '대표 사진' },
    },
    { name: 'body', type: 'richText', label: { en: 'Body', ko: '본문' } },
    {
      name: 'bodyHtml',
      type: 'textarea',
      label: { en: 'Body HTML', ko: '본문 HTML' },
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'keywords',
      type: 'text',
      hasMany: true,
      // Related-news candidates are looked up by keyword: index the keyword values.
      index: true,
      maxRows: 30,
      hooks: {
        // Before maxRows is checked: a keyword counts once. This also lets editors save articles
        // whose keywords concurrent suggestion jobs doubled before 7631805 (40 rows, past maxRows).
        beforeValidate: [({ value }) => distinctKeywords(value)],
      },
      label: { en: 'Keywords', ko: '키워드' },
      admin: { position: 'sidebar' },
    },
    counterField('votesUp', { en: 'Up votes', ko: '추천' }),
    counterField('votesDown', { en: 'Down votes', ko: '비추천' }),
    counterField('viewCount', { en: 'Views', ko: '조회수' }),
  ],
  hooks: {
    beforeOperation: [
      validateWhereValues,
      ignoreDraftsForReaders,
      enforceLiveStateRule,
      markAutosave,
      selectVirtualSources({ url: ['slug'] }),
    ],
    beforeChange: [
      rejectUnknownRelationships,
      reduceRichTextRelations,
      setRegionLabel,
      renderBodyHtml,
    ],
    afterChange: [keepLockOnAutosave, dropStaleUnpublishJobs],
  },
}
