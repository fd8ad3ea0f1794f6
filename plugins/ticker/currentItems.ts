import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { SanitizedTickerConfig, TickerItem } from './types'

import { recordKeys } from '../http-cache/requestScope'
import { formatKstIso } from '../register-timestamps/formatKst'
import { publicArticleIds } from '../shared/publicArticles'
import { idOf } from '../shared/relationIds'
import { defaultArticlePath, resolveSiteUrl } from '../shared/siteLinks'
import { documentKey, listKey } from '../shared/surrogateKeys'

type StoredItem = {
  active?: boolean | null
  article?: unknown
  endsAt?: null | string
  id: number | string
  link?: null | string
  order?: null | number
  source?: null | string
  startsAt?: null | string
  text?: null | string
}

/** Items switched on whose window holds `now` (an open start or end counts as always). */
export const currentWhere = (now: Date): Where => {
  const at = now.toISOString()
  return {
    and: [
      { active: { equals: true } },
      { or: [{ startsAt: { less_than_equal: at } }, { startsAt: { equals: null } }] },
      { or: [{ endsAt: { greater_than: at } }, { endsAt: { equals: null } }] },
    ],
  }
}

/**
 * The ticker as readers see it now: items on and within their window, lowest `order` first, then
 * newest start; an item that links an article only while that article is public (published, not
 * held back). The response names `ticker-items:list` and each linked article's key, so that a
 * change to either purges it; a window that opens or closes by the clock is seen within the
 * cache's `s-maxage`.
 */
export const readCurrentItems = async (
  config: SanitizedTickerConfig,
  req: PayloadRequest,
  now = new Date(),
): Promise<TickerItem[]> => {
  const found = await req.payload.find({
    collection: config.slug as CollectionSlug,
    depth: 0,
    // Room for items whose article readers may not see.
    limit: config.limit * 3,
    overrideAccess: true,
    req,
    sort: ['order', '-startsAt'],
    where: currentWhere(now),
  })
  const items = found.docs as unknown as StoredItem[]
  const articleIds = [
    ...new Set(
      items.map((item) => idOf(item.article)).filter((id): id is number | string => id !== null),
    ),
  ]
  recordKeys(req, [
    listKey(config.slug),
    ...articleIds.map((id) => documentKey(config.articles, id)),
  ])
  const visible = await publicArticleIds(req, config.articles, articleIds)
  const articles = new Map<string, { id: number | string; slug: null | string; title: string }>()
  if (visible.size) {
    const read = await req.payload.find({
      collection: config.articles as CollectionSlug,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { title: true, slug: true },
      where: { id: { in: [...visible] } },
    })
    for (const doc of read.docs as unknown as {
      id: number | string
      slug?: null | string
      title?: string
    }[])
      articles.set(String(doc.id), { id: doc.id, slug: doc.slug ?? null, title: doc.title ?? '' })
  }
  const site = resolveSiteUrl(undefined)
  const result: TickerItem[] = []
  for (const item of items) {
    const articleId = idOf(item.article)
    const article = articleId === null ? null : articles.get(String(articleId))
    if (articleId !== null && !article) continue
    const articleUrl = article ? `${site}${defaultArticlePath(article)}` : null
    const text = item.text?.trim() || article?.title || ''
    if (!text) continue
    result.push({
      id: item.id,
      text,
      url: item.link || articleUrl,
      article: article ? { ...article, url: articleUrl! } : null,
      startsAt: formatKstIso(item.startsAt),
      endsAt: formatKstIso(item.endsAt),
      order: item.order ?? 0,
      breaking: item.source === 'breaking',
    })
    if (result.length >= config.limit) break
  }
  return result
}
