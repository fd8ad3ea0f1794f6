import type { PayloadRequest } from 'payload'

import type { ReaderReportsOptions, SanitizedReaderReportsConfig } from './types'

import { trustedProxiesFromEnvironment } from '../login-throttle/defaults'

export const REPORTS_SLUG = 'reports'

/** 신고 사유. */
export const reportReasons = [
  { value: 'abuse', label: { en: 'Abuse or defamation', ko: '욕설/비방' } },
  { value: 'falsehood', label: { en: 'False information', ko: '허위사실' } },
  { value: 'spam', label: { en: 'Advertising or spam', ko: '광고/스팸' } },
  { value: 'privacy', label: { en: 'Personal information exposed', ko: '개인정보 노출' } },
  { value: 'copyright', label: { en: 'Copyright', ko: '저작권' } },
  { value: 'other', label: { en: 'Other', ko: '기타' } },
]

export const reportStatuses = [
  { value: 'open', label: { en: 'Open', ko: '접수' } },
  { value: 'resolved', label: { en: 'Resolved', ko: '처리 완료' } },
  { value: 'dismissed', label: { en: 'Dismissed', ko: '기각' } },
]

export const defaultIsDesk = (req: PayloadRequest): boolean =>
  ((req.user as { roles?: string[] } | null)?.roles ?? []).some(
    (role) => role === 'admin' || role === 'editor',
  )

export const sanitizeReaderReportsOptions = (
  options: ReaderReportsOptions = {},
): SanitizedReaderReportsConfig => ({
  slug: options.slug ?? REPORTS_SLUG,
  articles: options.articles ?? 'articles',
  readers: options.readers ?? 'readers',
  users: options.users ?? null,
  isDesk: options.isDesk ?? defaultIsDesk,
  maxTextLength: options.maxTextLength ?? 2000,
  perClient: options.perClient ?? { points: 10, durationSeconds: 60 * 60 },
  perReader: options.perReader ?? { points: 20, durationSeconds: 60 * 60 },
  redis: options.redis ?? (process.env.REDIS_URL?.trim() || null),
  keyPrefix: options.keyPrefix ?? 'reader-reports',
  trustedProxies: options.trustedProxies ?? trustedProxiesFromEnvironment(),
  enabled: options.enabled ?? true,
})
