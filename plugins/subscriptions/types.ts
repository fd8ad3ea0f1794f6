import type { Redis } from 'ioredis'
import type { PayloadRequest } from 'payload'

import type { ContentChange } from '../shared/contentChange'
import type { WindowLimit } from '../shared/requestLimits'

/** A change to a plan; `keys`: the plan's and the list's (`subscription-plans:<id>`, `…:list`). */
export type PlansChange = ContentChange<'subscription-plans.changed'>

/** Which header names of a bank's statement export hold each value (the first one present wins). */
export type StatementColumns = {
  /** 거래일시: when the money moved. */
  date: string[]
  /** 입금자명 / 적요: who sent it (as the bank shows it). */
  depositor: string[]
  /** 입금액: money in. */
  deposit: string[]
  /** 출금액: money out (such lines are skipped). */
  withdrawal: string[]
  /** 잔액: the balance after the line (part of its stable key, when present). */
  balance: string[]
}

export type SubscriptionsOptions = {
  /** Slug of the plans collection. @default 'subscription-plans' */
  plansSlug?: string
  /** Slug of the pledges (무통장입금 신청) collection. @default 'pledges' */
  pledgesSlug?: string
  /** Slug of the uploaded bank statements. @default 'bank-statements' */
  statementsSlug?: string
  /** Slug of the statements' lines (입금내역). @default 'statement-lines' */
  linesSlug?: string
  /** The readers' auth collection (a signed-in reader's `req.user.collection`). @default 'readers' */
  readers?: string
  /** Staff accounts (who resolved a line). @default the admin's user collection, else 'users' */
  users?: string
  /** Who manages plans, pledges and statements. @default users with role admin or editor */
  isDesk?: (req: PayloadRequest) => boolean
  /** A field bots fill and people never see; a pledge with it is refused. @default 'website' */
  honeypotField?: string
  /** Pledges per client address. @default 5 per hour */
  perClient?: WindowLimit
  /** Pledges per signed-in reader. @default 10 per hour */
  perReader?: WindowLimit
  /** Anonymous status look-ups (reference code + contact) per client address. @default 20 per hour */
  perLookup?: WindowLimit
  /** Where the counts live: a Redis URL or client, else memory. @default REDIS_URL, else memory */
  redis?: Redis | string
  /** Prefix of the store's keys. @default 'subscriptions' */
  keyPrefix?: string
  /** Reverse proxies appending to X-Forwarded-For. @default NEWSROOM_TRUSTED_PROXIES, else 0 */
  trustedProxies?: number
  /** Header names of the statement CSV's columns; given lists replace the defaults. */
  columns?: Partial<StatementColumns>
  /** A line matches a pledge deposited this many days before/after its expected date. @default { before: 3, after: 7 } */
  matchWindow?: { after?: number; before?: number }
  /** A matched pledge's subscription starts at once; when false it waits, `matched`, for a person. @default true */
  activateOnMatch?: boolean
  /** Days after the expected date that an unmatched pledge is overdue and its pledger reminded. @default 3 */
  reminderAfterDays?: number
  /** When the reminder and expiry job runs (croner syntax, seconds first). @default hourly */
  remindersCron?: false | string
  /** Lines one import job handles before queueing the next (progress is stored after each). @default 200 */
  batchSize?: number
  /** The largest statement file accepted, in bytes. @default 5 MB */
  maxStatementBytes?: number
  /** Characters of the reference code (unambiguous: no 0/O, 1/I/L). @default 23456789ABCDEFGHJKMNPQRSTUVWXYZ */
  referenceAlphabet?: string
  /** Length of the reference code. @default 8 */
  referenceLength?: number
  /** The bank account shown to pledgers in reminder mail, e.g. '농협 123-4567-8901-23 (주)뉴스룸'. */
  bankAccount?: string
  /**
   * Called after every change to a plan — create, update, delete — inside the save's transaction,
   * e.g. to purge CDN copies of the plans' REST and GraphQL answers.
   */
  onChange?: (change: PlansChange) => Promise<void> | void
  /** When false the collections stay (stable schema) and nothing is enforced, matched or sent. @default true */
  enabled?: boolean
}

export type SanitizedSubscriptionsConfig = Required<
  Omit<
    SubscriptionsOptions,
    'bankAccount' | 'columns' | 'matchWindow' | 'onChange' | 'redis' | 'users'
  >
> & {
  bankAccount?: string
  onChange?: SubscriptionsOptions['onChange']
  columns: StatementColumns
  matchWindow: { after: number; before: number }
  redis: null | Redis | string
  users: string
}
