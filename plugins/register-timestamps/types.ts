import type { PayloadRequest } from 'payload'

export type RegisterTimestampsOptions = {
  /** Collection slugs to stamp. They should have drafts enabled; without drafts every save counts as a publish. */
  collections: string[]
  /** When false the fields stay (stable schema) but nothing is stamped. @default true */
  enabled?: boolean
  /**
   * Only changes to these fields move `revisedAt`. When unset, every field counts except system
   * fields and `ignoreFields`.
   */
  editorialFields?: string[]
  /** Fields whose changes never move `revisedAt` (reader counters, derived fields). @default [] */
  ignoreFields?: string[]
  /**
   * Who may set `registeredAt` by hand (archive imports). Others get 403.
   * @default users whose `roles` include admin or editor (any logged-in user where users have no
   * roles), and Local API calls made without a user
   */
  canSetRegisteredAt?: (args: { req: PayloadRequest }) => boolean | Promise<boolean>
}

export type SanitizedRegisterTimestampsConfig = Required<
  Omit<RegisterTimestampsOptions, 'editorialFields'>
> & {
  editorialFields: null | string[]
}
