import { APIError } from 'payload'

/** 412: the `If-Match` no longer names the document's current version; `etag` is the current one. */
export class PreconditionFailedError extends APIError {
  constructor(etag: null | string) {
    super(
      'The document changed since the version named in If-Match; read it again and retry.',
      412,
      { code: 'PRECONDITION_FAILED', etag },
      true,
    )
  }
}

/** 409: a full-form save based on an older copy of the document than the stored one. */
export class StaleSaveError extends APIError {
  constructor(updatedAt: unknown) {
    super(
      '다른 사용자가 이 문서를 먼저 수정했습니다. 새로고침 후 다시 저장하세요.',
      409,
      { code: 'CONFLICT', updatedAt },
      true,
    )
  }
}

/** The stable code our own errors carry, for the error answer's `code`. */
export const errorCodeOf = (error: unknown): null | string => {
  if (!(error instanceof APIError)) return null
  const code = (error.data as { code?: unknown } | undefined)?.code
  return typeof code === 'string' ? code : null
}
