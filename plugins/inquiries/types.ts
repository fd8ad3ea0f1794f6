import type { Redis } from 'ioredis'
import type { PayloadRequest } from 'payload'

import type { WindowLimit } from '../shared/requestLimits'

export type InquiryLengths = {
  name: number
  email: number
  phone: number
  subject: number
  message: number
}

export type InquiriesOptions = {
  /** Slug of the inquiries collection. @default 'inquiries' */
  slug?: string
  /** Collection of reporters (an inquiry to a reporter; their `email`). @default 'reporters' */
  reporters?: string
  /** The readers' auth collection (a signed-in reader's `req.user.collection`). @default 'readers' */
  readers?: string
  /** Staff accounts (`answeredBy`, the desk's emails). @default the admin's user collection, else 'users' */
  users?: string
  /** Who sees and answers every inquiry. @default users with role admin or editor */
  isDesk?: (req: PayloadRequest) => boolean
  /** The reporter profile a staff member answers as (their inquiries), or null. @default the user's `reporter` */
  reporterOf?: (req: PayloadRequest) => null | number | string
  /** Roles of the staff accounts every inquiry is emailed to (active accounts only). @default ['editor'] */
  deskRoles?: string[]
  /** Longest value of each field, in characters. @default name 100, email 254, phone 30, subject 200, message 5000 */
  maxLengths?: Partial<InquiryLengths>
  /** A field bots fill and people never see; a submission with it is refused. @default 'website' */
  honeypotField?: string
  /** Inquiries per client address. @default 5 per hour */
  perClient?: WindowLimit
  /** Inquiries per signed-in reader. @default 10 per hour */
  perReader?: WindowLimit
  /** Where the counts live: a Redis URL or client, else memory. @default REDIS_URL, else memory */
  redis?: Redis | string
  /** Prefix of the store's keys. @default 'inquiries' */
  keyPrefix?: string
  /** Reverse proxies appending to X-Forwarded-For. @default NEWSROOM_TRUSTED_PROXIES, else 0 */
  trustedProxies?: number
  /** Email each new inquiry (a job, through Payload's email adapter). @default true */
  notify?: boolean
  /** Origin of the admin link in the email. @default the config's serverURL, NEWSROOM_PUBLIC_URL */
  adminOrigin?: string
  /** When false the collection stays (stable schema) and nothing is enforced or sent. @default true */
  enabled?: boolean
}

export type SanitizedInquiriesConfig = Required<
  Omit<InquiriesOptions, 'adminOrigin' | 'maxLengths' | 'redis' | 'users'>
> & {
  adminOrigin?: string
  maxLengths: InquiryLengths
  redis: null | Redis | string
  users: string
}
