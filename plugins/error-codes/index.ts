import type { AfterErrorHook, Config, Plugin } from 'payload'

import { localizeMessage, preferredLanguage } from './language'

export { formatGraphQLError } from './formatGraphQLError'
export { localizeMessage, preferredLanguage } from './language'

/** The stable error codes of the public contract (DESIGN.md, "Errors"). */
export const errorCodeByStatus: Readonly<Record<number, string>> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
}

/** `formatErrors`' answer for an error it does not recognise. */
const UNKNOWN_ERROR = 'An unknown error occurred.'

// Errors whose status alone would name them too broadly.
const errorCodeByName: Readonly<Record<string, string>> = { QueryLimitError: 'LIMIT' }

type ErrorLike = {
  data?: { code?: unknown }
  isPublic?: unknown
  message?: unknown
  name?: unknown
  originalError?: ErrorLike
  status?: unknown
}

const ownCode = (error: ErrorLike | undefined): string | undefined => {
  if (!error) return undefined
  if (typeof error.data?.code === 'string') return error.data.code
  if (typeof error.name === 'string' && errorCodeByName[error.name])
    return errorCodeByName[error.name]
  return ownCode(error.originalError)
}

const statusOf = (error: ErrorLike | undefined): number | undefined =>
  typeof error?.status === 'number'
    ? error.status
    : error?.originalError
      ? statusOf(error.originalError)
      : undefined

/**
 * Every REST error (`errors[].code`) and GraphQL error (`extensions.code`) carries a stable code:
 * the one the error names, else the one of its HTTP status. Codes already set are kept, so plugins
 * that answer their own (RATE_LIMITED, QUERY_NOT_ALLOWED) stay as they are.
 */
export const addErrorCodes: AfterErrorHook = ({ error, graphqlResult, req, result }) => {
  const thrown = error as ErrorLike
  const language = preferredLanguage(req?.headers?.get('accept-language'))
  if (graphqlResult) {
    const extensions = (graphqlResult.extensions ?? {}) as {
      code?: unknown
      data?: { code?: unknown }
      statusCode?: number
    }
    if (typeof extensions.code === 'string') return
    const status = extensions.statusCode ?? statusOf(thrown)
    const code =
      (typeof extensions.data?.code === 'string' ? extensions.data.code : undefined) ??
      ownCode(thrown) ??
      (status ? errorCodeByStatus[status] : undefined)
    if (!code) return
    return { graphqlResult: { ...graphqlResult, extensions: { ...extensions, code } } }
  }
  const response = result as
    { errors?: { code?: unknown; data?: { code?: unknown } }[] } | undefined
  if (!response?.errors?.length) return
  const status = statusOf(thrown)
  const fallback = ownCode(thrown) ?? (status ? errorCodeByStatus[status] : undefined)
  // Payload answers an error it does not recognise as its own with a generic message
  // (`formatErrors`), and in the production build it did not recognise the APIErrors our hooks and
  // endpoints throw: every refusal read "An unknown error occurred.". A 4xx thrown as public keeps
  // the message it was thrown with.
  const message =
    status !== undefined &&
    status < 500 &&
    thrown.isPublic !== false &&
    typeof thrown.message === 'string' &&
    thrown.message !== ''
      ? thrown.message
      : undefined
  let changed = false
  const errors = response.errors.map((original) => {
    let entry = original as {
      code?: unknown
      data?: { code?: unknown }
      message?: unknown
      name?: unknown
    }
    if (message && entry.message === UNKNOWN_ERROR && response.errors!.length === 1) {
      entry = { ...entry, message }
      changed = true
    }
    // The error's class name says nothing `code` does not, and is minified in the production build ("rS").
    if (entry.name !== undefined) {
      const { name: _name, ...rest } = entry
      entry = rest
      changed = true
    }
    if (req && typeof entry.message === 'string') {
      const localized = localizeMessage(entry.message, language)
      if (localized !== entry.message) {
        entry = { ...entry, message: localized }
        changed = true
      }
    }
    if (typeof entry.code === 'string') return entry
    const code = (typeof entry.data?.code === 'string' ? entry.data.code : undefined) ?? fallback
    if (!code) return entry
    changed = true
    return { ...entry, code }
  })
  return changed ? { response: { ...response, errors } as never } : undefined
}

/** Adds `addErrorCodes` after the config's own `afterError` hooks. */
export const errorCodes =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), addErrorCodes] },
  })
