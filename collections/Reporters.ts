import type { CollectionConfig } from 'payload'

import { isStaffRequest } from '../plugins/shared/staffUser'
import { isEditor } from './access/isEditor'
import { validateWhereValues } from './hooks/validateWhereValues'
import { rejectUnknownRelationships } from './hooks/rejectUnknownRelationships'
import { slugField } from './slugs'
import { collectionLabels } from '../plugins/shared/labels'

export const Reporters: CollectionConfig = {
  slug: 'reporters',
  labels: collectionLabels({ en: 'Reporter', ko: '기자' }, { en: 'Reporters', ko: '기자' }),
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'active', 'user'],
    group: { en: 'Newsroom', ko: '편집국' },
  },
  defaultSort: 'name',
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
    { name: 'email', type: 'email', label: { en: 'Public email', ko: '공개 이메일' } },
    { name: 'photo', type: 'upload', relationTo: 'media', label: { en: 'Photo', ko: '사진' } },
    { name: 'bio', type: 'textarea', label: { en: 'Bio', ko: '소개' } },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      label: { en: 'Login account', ko: '로그인 계정' },
      admin: { position: 'sidebar' },
      // Staff only: which login a byline belongs to is no reader's business, signed in or not.
      access: { read: ({ req }) => isStaffRequest(req) },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      label: { en: 'Active', ko: '재직 중' },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Inactive reporters keep their bylines on old articles',
          ko: '퇴직 기자도 예전 기사에는 이름이 남습니다',
        },
      },
    },
  ],
  hooks: {
    beforeOperation: [validateWhereValues],
    beforeChange: [rejectUnknownRelationships],
  },
}
