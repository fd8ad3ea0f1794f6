import type { ArticleViewsOptions, SanitizedArticleViewsConfig } from './types'

import { trustedProxiesFromEnvironment } from '../login-throttle/defaults'
import { redisFromEnvironment } from '../shared/counterStore'

/**
 * Crawlers, link previews, monitors and scripts: anything that says bot/crawl/spider, the big
 * engines' and social networks' fetchers by name, headless browsers and HTTP libraries.
 */
export const defaultBotPatterns: RegExp[] = [
  /bot\b|bot[/;-]|crawl|spider|slurp|scrap|archiver|fetcher/i,
  /facebookexternalhit|meta-externalagent|twitterbot|kakaotalk-scrap|yeti|daum(oa)?\b|naverbot/i,
  /headless|phantomjs|puppeteer|playwright|lighthouse|pagespeed|gtmetrix|pingdom|uptime/i,
  /^(curl|wget|python|go-http-client|java|okhttp|axios|node-fetch|undici|libwww|httpie)/i,
  /preview|monitor|validator|feed(fetcher|parser)|rss/i,
]

export const sanitizeArticleViewsOptions = (
  options: ArticleViewsOptions = {},
): SanitizedArticleViewsConfig => ({
  collection: options.collection ?? 'articles',
  field: options.field ?? 'viewCount',
  sectionField: options.sectionField ?? 'section',
  sections: options.sections ?? 'sections',
  media: options.media ?? 'media',
  redis: options.redis === undefined ? redisFromEnvironment() : options.redis,
  keyPrefix: options.keyPrefix ?? 'views',
  trustedProxies: options.trustedProxies ?? trustedProxiesFromEnvironment(),
  dedupeSeconds: options.dedupeSeconds ?? 30 * 60,
  botPatterns: options.botPatterns ?? defaultBotPatterns,
  flushSeconds: options.flushSeconds ?? 10,
  viewsPerAddress: options.viewsPerAddress ?? { points: 600, durationSeconds: 60 },
  viewLogListen:
    options.viewLogListen === undefined
      ? process.env.NEWSROOM_VIEW_LOG_LISTEN?.trim() || null
      : options.viewLogListen,
  viewLogFrom:
    options.viewLogFrom ??
    (process.env.NEWSROOM_VIEW_LOG_FROM?.trim()
      ? process.env.NEWSROOM_VIEW_LOG_FROM.split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)
      : ['127.0.0.0/8', '::1']),
  maxLimit: options.maxLimit ?? 50,
  defaultLimit: options.defaultLimit ?? 10,
  taskSlug: options.taskSlug ?? 'flushArticleViews',
  enabled: options.enabled ?? true,
})
