import type { PayloadRequest } from 'payload'

import type { SanitizedSubscriptionsConfig, StatementColumns, SubscriptionsOptions } from './types'

import { trustedProxiesFromEnvironment } from '../login-throttle/defaults'
import { isStaffWithRole } from '../shared/staffUser'

export const PLANS_SLUG = 'subscription-plans'
export const PLEDGES_SLUG = 'pledges'
export const STATEMENTS_SLUG = 'bank-statements'
export const LINES_SLUG = 'statement-lines'
export const IMPORT_STATEMENT_TASK = 'importBankStatement'
export const PLEDGE_REMINDERS_TASK = 'pledgeReminders'

/** Header names as Korean banks' exports (농협, 국민, 신한, 우리, 기업, 카카오뱅크 …) spell them. */
export const DEFAULT_COLUMNS: StatementColumns = {
  date: ['거래일시', '거래일자', '거래일', '거래시간', '일시', '날짜', 'date'],
  depositor: [
    '입금자명',
    '입금자',
    '보낸분',
    '보낸사람',
    '의뢰인',
    '기재내용',
    '적요',
    '내용',
    'depositor',
  ],
  deposit: ['입금액', '입금금액', '입금', '맡기신금액', '맡기신 금액', 'deposit'],
  withdrawal: ['출금액', '출금금액', '출금', '찾으신금액', '찾으신 금액', 'withdrawal'],
  balance: ['잔액', '거래후잔액', '거래후 잔액', 'balance'],
}

const defaultIsDesk = (req: PayloadRequest): boolean => isStaffWithRole(req, 'admin', 'editor')

export const sanitizeSubscriptionsOptions = (
  options: SubscriptionsOptions = {},
): SanitizedSubscriptionsConfig => ({
  plansSlug: options.plansSlug ?? PLANS_SLUG,
  pledgesSlug: options.pledgesSlug ?? PLEDGES_SLUG,
  statementsSlug: options.statementsSlug ?? STATEMENTS_SLUG,
  linesSlug: options.linesSlug ?? LINES_SLUG,
  readers: options.readers ?? 'readers',
  users: options.users ?? 'users',
  isDesk: options.isDesk ?? defaultIsDesk,
  honeypotField: options.honeypotField ?? 'website',
  perClient: options.perClient ?? { points: 5, durationSeconds: 60 * 60 },
  perReader: options.perReader ?? { points: 10, durationSeconds: 60 * 60 },
  perLookup: options.perLookup ?? { points: 20, durationSeconds: 60 * 60 },
  redis: options.redis ?? (process.env.REDIS_URL?.trim() || null),
  keyPrefix: options.keyPrefix ?? 'subscriptions',
  trustedProxies: options.trustedProxies ?? trustedProxiesFromEnvironment(),
  columns: { ...DEFAULT_COLUMNS, ...options.columns },
  matchWindow: { before: 3, after: 7, ...options.matchWindow },
  activateOnMatch: options.activateOnMatch ?? true,
  reminderAfterDays: options.reminderAfterDays ?? 3,
  remindersCron: options.remindersCron ?? '0 0 * * * *',
  batchSize: Math.max(1, options.batchSize ?? 200),
  maxStatementBytes: options.maxStatementBytes ?? 5 * 1024 * 1024,
  referenceAlphabet: options.referenceAlphabet ?? '23456789ABCDEFGHJKMNPQRSTUVWXYZ',
  referenceLength: options.referenceLength ?? 8,
  bankAccount: options.bankAccount,
  onChange: options.onChange,
  enabled: options.enabled ?? true,
})
