import type { PayloadRequest } from 'payload'

import type { SanitizedDistributionConfig } from './types'

import { formatKstIso } from '../register-timestamps/formatKst'
import { buildHeadlines } from '../shared/headline'
import { loadByIds } from '../shared/loadByIds'
import { idOf, idsOf } from '../shared/relationIds'

export type ArticleDoc = Record<string, unknown> & { id: number | string }
type Doc = Record<string, unknown>

/**
 * What of the stored article a channel's payload is made from, links as ids: two saves with the
 * same signature send the same payload (an update that changes none of it is no news).
 */
export const payloadSignature = (doc: ArticleDoc): string =>
  JSON.stringify({
    id: doc.id,
    title: doc.title,
    subtitle: doc.subtitle ?? null,
    slug: doc.slug ?? null,
    regionLabel: doc.regionLabel ?? null,
    byline: doc.byline ?? null,
    registeredAt: formatKstIso(doc.registeredAt as null | string),
    revisedAt: formatKstIso(doc.revisedAt as null | string),
    section: idOf(doc.section),
    region: idOf(doc.region),
    reporters: idsOf(doc.reporters),
    keywords: Array.isArray(doc.keywords) ? doc.keywords : [],
    heroImage: idOf(doc.heroImage),
    bodyHtml: doc.bodyHtml ?? null,
  })

const pick = (doc: Doc | undefined, names: string[]): Doc | null =>
  doc ? Object.fromEntries(['id', ...names].map((name) => [name, doc[name] ?? null])) : null

const SECTION_FIELDS = ['name', 'slug']
const REGION_FIELDS = ['name', 'fullName', 'shortName', 'code', 'level', 'slug']
const REPORTER_FIELDS = ['name', 'slug', 'email']
const selectOf = (names: string[]) =>
  Object.fromEntries(names.map((name) => [name, true])) as Record<string, true>

/**
 * The `data` of an event: what a channel receives about the article. `summary` is the headline
 * shape (plugins/shared/headline.ts); `full` is self-contained — the headline plus `revisedAt`,
 * `bodyHtml`, `keywords`, and `section`, `region` and `reporters` as objects.
 */
export const articlePayload = async (
  config: SanitizedDistributionConfig,
  req: PayloadRequest,
  doc: ArticleDoc,
  format: 'full' | 'summary',
): Promise<Doc> => {
  const headlines = buildHeadlines(req, [doc], {
    articleUrl: (article) => `${config.siteUrl()}${config.articlePath(article)}`,
    sections: config.sections,
  })
  if (format === 'summary') return (await headlines)[0]!
  const has = (slug: string) => Boolean(req.payload.collections[slug as never])
  const sectionId = idOf(doc.section)
  const regionId = idOf(doc.region)
  const reporterIds = idsOf(doc.reporters)
  // Started together, the headline's section read and the one below join one batched query.
  const [[headline], sections, regions, reporters] = await Promise.all([
    headlines,
    sectionId !== null && has(config.sections)
      ? loadByIds(req, config.sections, [sectionId], selectOf(SECTION_FIELDS), {
          shouldSkipReadHooks: true,
        })
      : new Map<string, Doc>(),
    regionId !== null && has(config.regions)
      ? loadByIds(req, config.regions, [regionId], selectOf(REGION_FIELDS), {
          shouldSkipReadHooks: true,
        })
      : new Map<string, Doc>(),
    reporterIds.length && has('reporters')
      ? loadByIds(req, 'reporters', reporterIds, selectOf(REPORTER_FIELDS), {
          shouldSkipReadHooks: true,
        })
      : new Map<string, Doc>(),
  ])
  return {
    ...headline,
    revisedAt: formatKstIso(doc.revisedAt as null | string),
    section: pick(sections.get(String(sectionId)), SECTION_FIELDS),
    region: pick(regions.get(String(regionId)), REGION_FIELDS),
    reporters: reporterIds.flatMap((id) => {
      const reporter = pick(reporters.get(String(id)), REPORTER_FIELDS)
      return reporter ? [reporter] : []
    }),
    keywords: Array.isArray(doc.keywords) ? doc.keywords : [],
    bodyHtml: doc.bodyHtml ?? null,
  }
}
