import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import { parseRegionCode } from '../../regionCodes'

type RegionData = {
  code?: string
  fullName?: string
  label?: string
  level?: string
  name?: string
  parent?: null | number | string | { id: number | string }
  shortName?: string
}

/**
 * The code decides the level and the parent 시도; the label is what a headline shows in brackets
 * (`[울산시]`, `[충남홍성군]`). Both are derived here so that an import and a hand edit agree.
 */
export const deriveRegionHierarchy: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...(originalDoc as RegionData | undefined), ...(data as RegionData) }
  const parsed = parseRegionCode(merged.code)
  if ('error' in parsed) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ message: parsed.error, path: 'code' }],
      req,
    })
  }
  data.level = parsed.level
  if (parsed.level === 'sido') {
    data.parent = null
    data.label = merged.name
    return data
  }
  const parents = await req.payload.find({
    collection: 'regions',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where: { code: { equals: parsed.sidoCode } },
  })
  const parent = parents.docs[0] as (RegionData & { id: number | string }) | undefined
  if (!parent) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [
        {
          message: `상위 시도(${parsed.sidoCode})가 아직 없습니다 (parent 시도 missing)`,
          path: 'code',
        },
      ],
      req,
    })
  }
  data.parent = parent.id
  // A 시도 without 시군구 (세종) lists itself once more as its only 시군구: label it like the 시도.
  const isSelfNamed = merged.name === parent.fullName || merged.name === parent.name
  data.label = isSelfNamed
    ? parent.label
    : `${parent.shortName ?? parent.name ?? ''}${merged.name ?? ''}`
  return data
}
