import type { PayloadRequest } from 'payload'

import { Forbidden } from 'payload'

import { hasRole } from './roles'

/**
 * The one rule on what readers see: only the desk (admin, editor) changes an article's live state —
 * publishes, unpublishes, edits the published version, deletes, restores a version to live, or
 * schedules any of these. Everyone else works on drafts; `enforceLiveStateRule` applies it to every
 * write operation, the access functions ask it too.
 */
export const canChangeLiveState = (user: PayloadRequest['user']): boolean =>
  hasRole(user, 'admin', 'editor')

export type LiveStateRefusal = 'byline' | 'publish' | 'restore' | 'unpublish'

const messages: Record<LiveStateRefusal, { en: string; ko: string }> = {
  byline: {
    en: 'A reporter cannot take their own byline off an article; the desk changes bylines.',
    ko: '기자는 자신의 바이라인을 기사에서 뺄 수 없습니다. 바이라인 변경은 데스크가 합니다.',
  },
  publish: {
    en: 'Only the desk publishes articles; a reporter saves drafts.',
    ko: '기사 발행은 데스크만 할 수 있습니다. 기자는 초안으로 저장합니다.',
  },
  restore: {
    en: 'A reporter restores a version only as a draft (draft=true); the desk puts it live.',
    ko: '기자는 버전을 초안으로만 복원할 수 있습니다(draft=true). 게시는 데스크가 합니다.',
  },
  unpublish: {
    en: 'Only the desk takes a published article down.',
    ko: '발행된 기사를 내리는 것은 데스크만 할 수 있습니다.',
  },
}

/**
 * Payload's 403 (logged at info level like its own) with the stable code `FORBIDDEN`: its usual
 * message, then which rule refused, in the requester's language (Korean unless they chose English).
 */
export const liveStateForbidden = (req: PayloadRequest, refusal: LiveStateRefusal): Forbidden => {
  const error = new Forbidden(req.t)
  return Object.assign(error, {
    data: { code: 'FORBIDDEN' },
    message: `${error.message} ${messages[refusal][req.i18n?.language === 'en' ? 'en' : 'ko']}`,
  })
}
