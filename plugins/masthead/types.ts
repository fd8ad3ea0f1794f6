import type { PayloadRequest } from 'payload'

export type MastheadOptions = {
  /** Slug of the global. @default 'masthead' */
  slug?: string
  /**
   * Who may change it. @default staff with role admin — the registration particulars are the
   * publisher's legal declaration (filed with the 시·도), not the desk's daily work.
   */
  canUpdate?: (req: PayloadRequest) => boolean
}

export type SanitizedMastheadConfig = Required<MastheadOptions>
