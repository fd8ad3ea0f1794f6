import type { CollectionBeforeLoginHook } from 'payload'

import { APIError } from 'payload'

/**
 * An account the admin switched off (`active` false) signs in no more. Payload runs `beforeLogin`
 * after the password was checked, so a guesser learns nothing from the answer; the session the
 * login had opened is rolled back with the refused request.
 */
export const refuseInactiveLogin: CollectionBeforeLoginHook = ({ user }) => {
  if ((user as { active?: boolean | null }).active === false)
    throw new APIError(
      '사용이 중지된 계정입니다. 관리자에게 문의하세요 (this account is deactivated).',
      403,
      { code: 'FORBIDDEN' },
      true,
    )
  return user
}
