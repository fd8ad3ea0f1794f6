import type { PayloadRequest } from 'payload'

import type { ContentChange } from '../shared/contentChange'

export type TickerBreakingOptions = {
  /** The checkbox added to articles (label 속보). @default 'breaking' */
  field?: string
  /** How long a 속보 stays on the ticker after it is published, in minutes. @default 60 */
  durationMinutes?: number
}

/** A change to the ticker; `keys`: those of the responses that showed it (`ticker-items:list`). */
export type TickerChange = ContentChange<'ticker.changed'>

export type TickerOptions = {
  /** Slug of the ticker's collection. @default 'ticker-items' */
  slug?: string
  /** Collection of the articles an item may link to. @default 'articles' */
  articles?: string
  /** Who manages the ticker. @default users with role admin or editor */
  isDesk?: (req: PayloadRequest) => boolean
  /** At most this many current items are answered. @default 20 */
  limit?: number
  /** Name of the anonymous GraphQL query. @default 'ticker' */
  graphQLQuery?: string
  /**
   * 속보 (breaking) articles: a checkbox on articles; publishing one flagged puts it on the ticker
   * once, for `durationMinutes`; clearing the flag or unpublishing ends it. False leaves the field
   * out. @default {}
   */
  breaking?: false | TickerBreakingOptions
  /**
   * Called after every change to the ticker (inside the save's transaction), e.g. to purge CDN
   * copies of `/api/ticker-items/current` and GraphQL answers.
   */
  onChange?: (change: TickerChange) => Promise<void> | void
  /** When false the collection and field stay (stable schema) and nothing is answered or automated. @default true */
  enabled?: boolean
}

export type SanitizedTickerConfig = Required<Omit<TickerOptions, 'breaking' | 'onChange'>> & {
  breaking: false | Required<TickerBreakingOptions>
  onChange?: TickerOptions['onChange']
}

/** One current ticker item as readers get it (REST and GraphQL alike). */
export type TickerItem = {
  id: number | string
  text: string
  /** Where the item leads: its link, else the article's public URL; null when neither. */
  url: null | string
  article: null | { id: number | string; slug: null | string; title: string; url: string }
  startsAt: null | string
  endsAt: null | string
  order: number
  breaking: boolean
}
