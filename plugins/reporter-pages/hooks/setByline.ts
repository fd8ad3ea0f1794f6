import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import type { SanitizedReporterPagesConfig } from '../types'

import { idOf } from '../../shared/relationIds'

type Reporter = { email?: null | string; id: number | string; name?: null | string }

export const composeByline = (reporters: Reporter[], titleSuffix: string): string =>
  reporters
    .filter((reporter) => reporter.name)
    .map(
      (reporter) => `${reporter.name}${titleSuffix}${reporter.email ? ` (${reporter.email})` : ''}`,
    )
    .join(', ')

/** Loads the byline's reporters in one query and keeps their order. */
export const loadBylineReporters = async (
  config: SanitizedReporterPagesConfig,
  values: unknown,
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
): Promise<Reporter[]> => {
  const ids = (Array.isArray(values) ? values : [])
    .map(idOf)
    .filter((id): id is number | string => id !== null)
  if (ids.length === 0) return []
  const found = await req.payload.find({
    collection: config.reporters as CollectionSlug,
    depth: 0,
    limit: ids.length,
    overrideAccess: true,
    pagination: false,
    req,
    select: { name: true, email: true },
    where: { id: { in: ids } },
  })
  const byId = new Map(found.docs.map((doc) => [String(doc.id), doc as unknown as Reporter]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}

/**
 * The byline is stored with the article so that lists, feeds and the article page need no lookup
 * per reporter, and so that a reporter who later leaves keeps their name on what they wrote.
 */
export const setByline =
  (config: SanitizedReporterPagesConfig): CollectionBeforeChangeHook =>
  async ({ data, req }) => {
    if (!config.enabled || !(config.bylineField in data)) return data
    const reporters = await loadBylineReporters(config, data[config.bylineField], req)
    data.byline = composeByline(reporters, config.titleSuffix)
    return data
  }
