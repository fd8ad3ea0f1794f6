import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '../access/isAdmin'
import { isSelfOrAdmin, isSelfOrAdminField, isStaffOrSelf } from '../access/isSelfOrAdmin'
import { roleOptions } from '../access/roles'
import { validateWhereValues } from '../hooks/validateWhereValues'
import { rejectUnknownRelationships } from '../hooks/rejectUnknownRelationships'
import { endSessionsOfInactive } from './hooks/endSessionsOfInactive'
import { enforcePasswordPolicy } from './hooks/enforcePasswordPolicy'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { refuseInactiveLogin } from './hooks/refuseInactiveLogin'
import { sessionCookies } from '../../src/http/origins'
import { collectionLabels } from '../../plugins/shared/labels'

const roleLabels = {
  admin: { en: 'Admin', ko: '관리자' },
  editor: { en: 'Editor (desk)', ko: '데스크' },
  reporter: { en: 'Reporter', ko: '기자' },
} as const

export const Users: CollectionConfig = {
  slug: 'users',
  labels: collectionLabels({ en: 'User', ko: '사용자' }, { en: 'Users', ko: '사용자' }),
  auth: {
    // Payload's lock shuts the owner out too, whoever failed: a last resort only; plugins/login-throttle
    // limits guessing per client and account without that.
    maxLoginAttempts: 1000,
    lockTime: 10 * 60 * 1000,
    cookies: sessionCookies(),
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles', 'reporter', 'active'],
    group: { en: 'Settings', ko: '설정' },
  },
  access: {
    // Staff read each other's email and name (who holds an edit lock, whose login a reporter
    // profile is); every other field stays the owner's and the admins' (field access below).
    read: isStaffOrSelf,
    create: isAdmin,
    update: isSelfOrAdmin,
    delete: isAdmin,
    // Only admins lift a lockout (GHSA-jg8r-5jh2-v2xj: by default any signed-in user could).
    unlock: isAdmin,
    admin: ({ req: { user } }) => {
      const account = user as { active?: boolean | null; roles?: string[] } | null
      return Boolean(account?.roles?.length) && account?.active !== false
    },
  },
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', ko: '이름' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      saveToJWT: true,
      defaultValue: ['reporter'],
      label: { en: 'Roles', ko: '권한' },
      options: roleOptions.map((value) => ({ label: roleLabels[value], value })),
      // Only admins grant roles; without this a reporter could make themselves admin.
      access: { read: isSelfOrAdminField, create: isAdminField, update: isAdminField },
    },
    {
      name: 'reporter',
      type: 'relationship',
      relationTo: 'reporters',
      saveToJWT: true,
      label: { en: 'Reporter profile', ko: '기자 프로필' },
      admin: {
        description: { en: 'The byline this account writes under', ko: '이 계정이 쓰는 기자 이름' },
      },
      access: { read: isSelfOrAdminField, create: isAdminField, update: isAdminField },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: { en: 'Active', ko: '계정 사용' },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Off: the account cannot sign in, its open sessions end and it gets no desk emails.',
          ko: '끄면 이 계정으로 로그인할 수 없고, 열린 세션이 끝나며, 데스크 알림 메일도 받지 않습니다.',
        },
      },
      // Only admins switch accounts on and off.
      access: { create: isAdminField, update: isAdminField },
    },
  ],
  hooks: {
    beforeOperation: [validateWhereValues, enforcePasswordPolicy],
    beforeChange: [makeFirstUserAdmin, rejectUnknownRelationships],
    afterChange: [endSessionsOfInactive],
    beforeLogin: [refuseInactiveLogin],
  },
}
