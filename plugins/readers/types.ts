import type { Field, PayloadRequest } from 'payload'

import type { HeadlineOptions } from '../shared/headline'

type CollectionOverrides = {
  /** The collection's fields, given its default ones (add profile fields, never remove auth ones). */
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

export type ReadersOptions = {
  /** When false the collections stay (stable schema, same access rules) and the endpoints and clean-up hooks are left out. @default true */
  enabled?: boolean
  /** The readers' auth collection. @default 'readers' */
  readersSlug?: string
  /** The saved articles (기사스크랩). @default 'scraps' */
  scrapsSlug?: string
  /** The collection readers save. @default 'articles' */
  articles?: string
  /** Collections a headline reads its section and hero image from. */
  sections?: string
  media?: string
  /** An article's public URL in a listed scrap's headline. @default NEWSROOM_SITE_URL + `/news/<slug>` */
  articleUrl?: HeadlineOptions['articleUrl']
  /**
   * The page of the public site that confirms an email address: the mail links to it with the
   * token appended; the page then calls `POST /api/readers/verify/<token>`.
   * @default NEWSROOM_SITE_URL + '/account/verify?token='
   */
  verifyUrl?: (token: string) => string
  /**
   * The page of the public site where a reader sets a new password: the mail links to it with the
   * token appended; the page then calls `POST /api/readers/reset-password`.
   * @default NEWSROOM_SITE_URL + '/account/reset-password?token='
   */
  resetPasswordUrl?: (token: string) => string
  /**
   * The page of the public site that confirms a reader's NEW address after a change of email: the
   * mail to that address links to it with the token appended; the page then calls
   * `POST /api/readers/confirm-email` `{ token }`.
   * @default NEWSROOM_SITE_URL + '/account/confirm-email?token='
   */
  confirmEmailUrl?: (token: string) => string
  /** How long a new address waits for its confirmation, in milliseconds. @default 24 hours */
  pendingEmailTtl?: number
  /** Scraps per page of `GET /api/scraps/mine`, and the most a client may ask for. @default 20, 100 */
  pageSize?: number
  maxPageSize?: number
  /** Who, besides a reader themselves, reads and manages reader accounts. @default staff admins (or any staff where staff have no roles) */
  canManageReaders?: (req: PayloadRequest) => boolean
  readers?: { overrides?: CollectionOverrides }
  scraps?: { overrides?: CollectionOverrides }
}

export type SanitizedReadersConfig = Required<
  Omit<ReadersOptions, 'articleUrl' | 'media' | 'readers' | 'scraps' | 'sections'>
> & {
  headline: HeadlineOptions
  readerOverrides: CollectionOverrides
  scrapOverrides: CollectionOverrides
}
