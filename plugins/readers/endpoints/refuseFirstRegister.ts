import type { Endpoint } from 'payload'

import { errorResponse } from '../../../src/http/errorResponse'

/**
 * Payload's `POST /api/<auth collection>/first-register` makes the first account of an empty
 * collection and marks its address confirmed — for readers, a sign-up with anybody's address
 * and no mail. Readers sign up with `POST /api/readers` only.
 */
export const refuseFirstRegisterEndpoint: Endpoint = {
  path: '/first-register',
  method: 'post',
  handler: () =>
    errorResponse(
      403,
      'FORBIDDEN',
      '독자는 POST /api/readers로 가입합니다 (readers sign up with POST /api/readers)',
    ),
}
