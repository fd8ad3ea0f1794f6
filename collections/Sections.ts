import type { CollectionConfig } from 'payload'

import { isEditor } from './access/isEditor'
import { validateWhereValues } from './hooks/validateWhereValues'
import { rejectUnknownRelationships } from './hooks/rejectUnknownRelationships'
import { slugField } from './slugs'
import { collectionLabels } from '../plugins/shared/labels'

export const Sections: CollectionConfig = {
  slug: 'sections',
  labels: collectionLabels({ en: 'Section', ko: '섹션' }, { en: 'Sections', ko: '섹션' }),
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'parent', 'order'],
    group: { en: 'Newsroom', ko: '편집국' },
  },
  defaultSort: 'order',
  access: { read: () => true, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 100,
      label: { en: 'Name', ko: '이름' },
    },
    slugField('name'),
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'sections',
      index: true,
      label: { en: 'Parent section', ko: '상위 섹션' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      validate: (value: unknown, { id }: { id?: number | string }) =>
        value === undefined ||
        value === null ||
        String(typeof value === 'object' ? (value as { id: unknown }).id : value) !== String(id) ||
        '섹션은 자기 자신의 하위가 될 수 없습니다 (a section cannot be its own parent)',
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      index: true,
      label: { en: 'Order', ko: '순서' },
      admin: { position: 'sidebar' },
    },
  ],
  hooks: {
    beforeOperation: [validateWhereValues],
    beforeChange: [rejectUnknownRelationships],
  },
}
