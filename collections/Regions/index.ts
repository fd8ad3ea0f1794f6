import type { CollectionConfig } from 'payload'

import { isEditor } from '../access/isEditor'
import { validateWhereValues } from '../hooks/validateWhereValues'
import { rejectUnknownRelationships } from '../hooks/rejectUnknownRelationships'
import { slugField } from '../slugs'
import { deriveRegionHierarchy } from './hooks/deriveRegionHierarchy'
import { refreshRegionLabels } from './hooks/refreshRegionLabels'
import { collectionLabels } from '../../plugins/shared/labels'
import { dayPicker } from '../../plugins/shared/datePickers'

export const Regions: CollectionConfig = {
  slug: 'regions',
  labels: collectionLabels({ en: 'Region', ko: '지역' }, { en: 'Regions', ko: '지역' }),
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'fullName', 'code', 'level', 'parent'],
    group: { en: 'Newsroom', ko: '편집국' },
    listSearchableFields: ['name', 'fullName', 'code'],
  },
  defaultSort: 'code',
  access: { read: () => true, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { en: 'Name', ko: '이름' },
      admin: {
        description: {
          en: 'As shown in headlines, e.g. 울산시, 홍성군',
          ko: '기사 머리에 쓰는 이름 (예: 울산시, 홍성군)',
        },
      },
    },
    {
      name: 'fullName',
      type: 'text',
      required: true,
      label: { en: 'Official name', ko: '정식 명칭' },
    },
    {
      name: 'shortName',
      type: 'text',
      label: { en: 'Short name', ko: '약칭' },
      admin: { description: { en: '시도 only, e.g. 충남', ko: '시도만 (예: 충남)' } },
    },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { en: 'Legal-dong code', ko: '법정동코드' },
      validate: (value: null | string | undefined) =>
        (typeof value === 'string' && /^\d{10}$/.test(value)) ||
        '법정동코드는 숫자 10자리여야 합니다 (10 digits)',
    },
    {
      name: 'level',
      type: 'select',
      index: true,
      label: { en: 'Level', ko: '단위' },
      options: [
        { label: { en: 'Province / metropolitan city', ko: '시도' }, value: 'sido' },
        { label: { en: 'City / county / district', ko: '시군구' }, value: 'sigungu' },
      ],
      admin: {
        readOnly: true,
        description: { en: 'Derived from the code', ko: '코드로 정해집니다' },
      },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'regions',
      index: true,
      label: { en: 'Province', ko: '상위 시도' },
      admin: { readOnly: true },
    },
    {
      name: 'label',
      type: 'text',
      label: { en: 'Label', ko: '표기' },
      admin: {
        readOnly: true,
        description: { en: 'Bracket label in headlines', ko: '기사 머리 괄호 표기' },
      },
    },
    slugField('fullName'),
    {
      type: 'row',
      fields: [
        {
          name: 'validFrom',
          type: 'date',
          label: { en: 'Valid from', ko: '시행일' },
          admin: { date: dayPicker },
        },
        {
          name: 'validTo',
          type: 'date',
          label: { en: 'Valid to', ko: '폐지일' },
          admin: { date: dayPicker },
        },
      ],
    },
  ],
  hooks: {
    beforeOperation: [validateWhereValues],
    beforeChange: [deriveRegionHierarchy, rejectUnknownRelationships],
    afterChange: [refreshRegionLabels('articles')],
  },
}
