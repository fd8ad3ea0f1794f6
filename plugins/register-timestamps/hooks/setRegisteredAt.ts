import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import type { SanitizedRegisterTimestampsConfig } from '../types'

import { isPublishingSave } from './publicationState'

const sameInstant = (a: unknown, b: unknown): boolean => {
  if (!a && !b) return true
  if (!a || !b) return false
  return new Date(a as string).getTime() === new Date(b as string).getTime()
}

/**
 * 등록 time: stamped on the first publish (admin, API or scheduled job) and never moved by later
 * edits, unpublishing or re-publishing. Setting it by hand is an archive import and is reserved
 * to `canSetRegisteredAt`; the new value lands in the version history like any other change.
 */
export const setRegisteredAt =
  (config: SanitizedRegisterTimestampsConfig): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!config.enabled) return data
    const existing = originalDoc?.registeredAt ?? null
    const isManual = 'registeredAt' in data && !sameInstant(data.registeredAt, existing)

    if (isManual) {
      if (!(await config.canSetRegisteredAt({ req }))) {
        throw new APIError(
          '등록 시각은 데스크(편집자)만 바꿀 수 있습니다 (only editors may set registeredAt)',
          403,
          null,
          true,
        )
      }
      if (data.registeredAt) data.registeredAtSource = 'manual'
      return data
    }

    if (existing) {
      data.registeredAt = existing
      return data
    }
    if (isPublishingSave(collection, data, originalDoc)) {
      data.registeredAt = new Date().toISOString()
      data.registeredAtSource = 'publish'
    }
    return data
  }
