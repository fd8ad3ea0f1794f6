import type { CollectionConfig, Field, FieldAccess } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { enforcePasswordPolicy } from '../../../collections/Users/hooks/enforcePasswordPolicy'
import { sessionCookies } from '../../../src/http/origins'
import { collectionLabels } from '../../shared/labels'
import { ownAccount } from '../access/ownAccount'
import {
  resetPasswordHTML,
  resetPasswordSubject,
  verifyEmailHTML,
  verifyEmailSubject,
} from '../emails'
import { PENDING_EMAIL, PENDING_EMAIL_EXPIRES_AT, PENDING_EMAIL_TOKEN_HASH } from '../emailChange'
import { confirmEmailEndpoint } from '../endpoints/confirmEmail'
import { refuseFirstRegisterEndpoint } from '../endpoints/refuseFirstRegister'
import { deleteReaderData } from '../hooks/deleteReaderData'
import { holdEmailChange } from '../hooks/holdEmailChange'
import { mailEmailChange } from '../hooks/mailEmailChange'

const defaultFields = (config: SanitizedReadersConfig): Field[] => {
  const managerOnly: FieldAccess = ({ req }) => config.canManageReaders(req)
  return [
    { name: 'name', type: 'text', maxLength: 100, label: { en: 'Name', ko: '이름' } },
    { name: 'nickname', type: 'text', maxLength: 40, label: { en: 'Nickname', ko: '닉네임' } },
    {
      // Payload's own `_verified` (merged over its base field) lets any signed-in user set it:
      // a reader could then sign up other addresses as confirmed. Only reader managers may.
      name: '_verified',
      type: 'checkbox',
      label: { en: 'Email verified', ko: '이메일 확인됨' },
      access: { create: managerOnly, update: managerOnly },
    },
    // A change of address waiting for the new address's confirmation (holdEmailChange). Nobody
    // sets these through the API: the hook does, after field access has run.
    {
      name: PENDING_EMAIL,
      type: 'email',
      label: { en: 'New email (awaiting confirmation)', ko: '새 이메일 (확인 대기)' },
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, condition: (data) => Boolean(data?.[PENDING_EMAIL]) },
    },
    {
      name: PENDING_EMAIL_EXPIRES_AT,
      type: 'date',
      label: { en: 'New email link expires', ko: '새 이메일 확인 기한' },
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        condition: (data) => Boolean(data?.[PENDING_EMAIL]),
        date: { pickerAppearance: 'dayAndTime' },
      },
    },
    {
      name: PENDING_EMAIL_TOKEN_HASH,
      type: 'text',
      hidden: true,
      index: true,
      access: { create: () => false, update: () => false },
    },
  ]
}

/**
 * The site's reader accounts (독자 회원), apart from the staff's `users`: they sign up themselves
 * and confirm their address by mail, sign in, reset a forgotten password, read and change only
 * their own account, and delete it with their data. They never reach the admin (Payload admits
 * only `admin.user`'s accounts) and hold no staff right (every staff rule asks for a staff account).
 */
export const readersCollection = (config: SanitizedReadersConfig): CollectionConfig => {
  const fields = defaultFields(config)
  const own = ownAccount(config)
  return {
    slug: config.readersSlug,
    labels: collectionLabels({ en: 'Reader', ko: '독자' }, { en: 'Readers', ko: '독자' }),
    auth: {
      verify: {
        generateEmailHTML: verifyEmailHTML(config),
        generateEmailSubject: verifyEmailSubject,
      },
      forgotPassword: {
        generateEmailHTML: resetPasswordHTML(config),
        generateEmailSubject: resetPasswordSubject,
      },
      // As for staff: a last resort behind plugins/login-throttle, which counts per client and account.
      maxLoginAttempts: 1000,
      lockTime: 10 * 60 * 1000,
      cookies: sessionCookies(),
    },
    admin: {
      useAsTitle: 'email',
      defaultColumns: ['email', 'nickname', 'name', '_verified', 'createdAt'],
      group: { en: 'Readers', ko: '독자' },
    },
    access: {
      // Sign-up is open; the address is confirmed before the account can sign in.
      create: () => true,
      read: own,
      update: own,
      delete: own,
      admin: () => false,
      unlock: ({ req }) => config.canManageReaders(req),
    },
    // Always, enabled or not: first-register would skip the address's confirmation, and a
    // change of address is confirmed like the sign-up's.
    endpoints: [refuseFirstRegisterEndpoint, confirmEmailEndpoint(config)],
    hooks: {
      beforeOperation: [enforcePasswordPolicy],
      beforeChange: [holdEmailChange(config)],
      afterChange: [mailEmailChange(config)],
      ...(config.enabled ? { beforeDelete: [deleteReaderData(config)] } : {}),
    },
    fields: config.readerOverrides.fields?.({ defaultFields: fields }) ?? fields,
  }
}
