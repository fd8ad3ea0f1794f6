import type { SanitizedDistributionConfig } from './types'

import { formatKstIso } from '../register-timestamps/formatKst'
import { idOf, idsOf } from '../shared/relationIds'

export type ArticleDoc = Record<string, unknown> & { id: number | string }

/** The `data` of an event: what a channel receives about the article, `full` or `summary`. */
export const articlePayload = (
  config: SanitizedDistributionConfig,
  doc: ArticleDoc,
  format: 'full' | 'summary',
) => {
  const summary = {
    id: doc.id,
    title: doc.title,
    subtitle: doc.subtitle ?? null,
    slug: doc.slug ?? null,
    url: `${config.siteUrl()}${config.articlePath({ id: doc.id, slug: doc.slug as null | string })}`,
    regionLabel: doc.regionLabel ?? null,
    byline: doc.byline ?? null,
    registeredAt: formatKstIso(doc.registeredAt as null | string),
    revisedAt: formatKstIso(doc.revisedAt as null | string),
  }
  if (format === 'summary') return summary
  return {
    ...summary,
    section: idOf(doc.section),
    region: idOf(doc.region),
    reporters: idsOf(doc.reporters),
    keywords: Array.isArray(doc.keywords) ? doc.keywords : [],
    heroImage: idOf(doc.heroImage),
    bodyHtml: doc.bodyHtml ?? null,
  }
}
