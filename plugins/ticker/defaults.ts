import type { PayloadRequest } from 'payload'

import type { SanitizedTickerConfig, TickerOptions } from './types'

export const TICKER_SLUG = 'ticker-items'
export const TICKER_CONFIG_KEY = 'ticker'

const defaultIsDesk = (req: PayloadRequest): boolean =>
  ((req.user as { roles?: string[] } | null)?.roles ?? []).some(
    (role) => role === 'admin' || role === 'editor',
  )

export const sanitizeTickerOptions = (options: TickerOptions = {}): SanitizedTickerConfig => ({
  slug: options.slug ?? TICKER_SLUG,
  articles: options.articles ?? 'articles',
  isDesk: options.isDesk ?? defaultIsDesk,
  limit: options.limit ?? 20,
  graphQLQuery: options.graphQLQuery ?? 'ticker',
  breaking:
    options.breaking === false
      ? false
      : {
          field: options.breaking?.field ?? 'breaking',
          durationMinutes: options.breaking?.durationMinutes ?? 60,
        },
  onChange: options.onChange,
  enabled: options.enabled ?? true,
})
