import type { Config, PayloadRequest, Plugin } from 'payload'

import type { MastheadOptions, SanitizedMastheadConfig } from './types'

import { isStaffWithRole } from '../shared/staffUser'
import { mastheadGlobal } from './global'

export type { MastheadChange, MastheadOptions } from './types'
export const MASTHEAD_SLUG = 'masthead'

const isAdminUser = (req: PayloadRequest): boolean => isStaffWithRole(req, 'admin')

export const sanitizeMastheadOptions = (
  options: MastheadOptions = {},
): SanitizedMastheadConfig => ({
  slug: options.slug ?? MASTHEAD_SLUG,
  canUpdate: options.canUpdate ?? isAdminUser,
  onChange: options.onChange,
})

/**
 * 발행 정보: a `masthead` global with a Korean online newspaper's legally required particulars
 * (제호, 등록번호, 등록일, 발행인, 편집인, 청소년보호책임자, 주소, 전화, …), read by anyone over REST
 * (`GET /api/globals/masthead`) and GraphQL, changed by admins.
 */
export const masthead =
  (options: MastheadOptions = {}): Plugin =>
  (incomingConfig: Config): Config => ({
    ...incomingConfig,
    globals: [...(incomingConfig.globals ?? []), mastheadGlobal(sanitizeMastheadOptions(options))],
  })
