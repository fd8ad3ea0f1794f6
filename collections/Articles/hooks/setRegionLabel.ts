import type { CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../../../plugins/shared/relationIds'

/**
 * `regionLabel` is stored rather than computed on read, so lists and feeds need no extra query per
 * article. A dateline (e.g. 인천서부소방서) wins over the region.
 */
export const setRegionLabel: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const dateline = ('dateline' in data ? data.dateline : originalDoc?.dateline) as
    null | string | undefined
  if (typeof dateline === 'string' && dateline.trim() !== '') {
    data.regionLabel = dateline.trim()
    return data
  }
  const regionId = idOf('region' in data ? data.region : originalDoc?.region)
  if (regionId === null) {
    data.regionLabel = null
    return data
  }
  const region = await req.payload.findByID({
    collection: 'regions',
    id: regionId,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
    select: { label: true },
  })
  data.regionLabel = (region as { label?: string } | null)?.label ?? null
  return data
}
