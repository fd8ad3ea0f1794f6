/** Request body limits, shared by the route handlers' `withBodyLimit` and Payload's `upload` options so both refuse the same bodies. */
export type BodyLimits = {
  /** JSON, form-urlencoded and any other body but multipart, in bytes. */
  json: number
  /** A whole multipart request (an upload): the file limit plus room for the form fields. */
  multipart: number
  /** One uploaded file, in bytes (Payload's `upload.limits.fileSize`). */
  upload: number
}

const MB = 1024 * 1024

export const DEFAULT_MAX_JSON_BODY = 2 * MB
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * MB

const bytesFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number of bytes, got "${raw}"`)
  return value
}

/**
 * `NEWSROOM_MAX_JSON_BODY` (default 2 MB) and `NEWSROOM_MAX_UPLOAD_BYTES` (default 20 MB, Payload's
 * own default file limit). A multipart request may carry one file and the document's fields
 * (`_payload`, itself JSON), so its limit is the sum.
 */
export const bodyLimits = (): BodyLimits => {
  const json = bytesFromEnv('NEWSROOM_MAX_JSON_BODY', DEFAULT_MAX_JSON_BODY)
  const upload = bytesFromEnv('NEWSROOM_MAX_UPLOAD_BYTES', DEFAULT_MAX_UPLOAD_BYTES)
  return { json, multipart: upload + json, upload }
}
