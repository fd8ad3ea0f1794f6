import type { PayloadRequest } from 'payload'

import type { ContentChange } from '../shared/contentChange'

/** A change to the masthead; `keys`: those of the responses that showed it (`masthead:global`). */
export type MastheadChange = ContentChange<'masthead.changed'>

export type MastheadOptions = {
  /** Slug of the global. @default 'masthead' */
  slug?: string
  /**
   * Who may change it. @default staff with role admin — the registration particulars are the
   * publisher's legal declaration (filed with the 시·도), not the desk's daily work.
   */
  canUpdate?: (req: PayloadRequest) => boolean
  /**
   * Called after every save of the masthead (inside the save's transaction), e.g. to purge CDN
   * copies of `GET /api/globals/<slug>` and GraphQL answers.
   */
  onChange?: (change: MastheadChange) => Promise<void> | void
}

export type SanitizedMastheadConfig = Required<Omit<MastheadOptions, 'onChange'>> & {
  onChange?: MastheadOptions['onChange']
}
