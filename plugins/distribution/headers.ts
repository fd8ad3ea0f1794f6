/** An RFC 9110 (7230) field name: a token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** Visible US-ASCII, space and tab: no CR, LF, NUL or other control character, nothing Node would refuse to send. */
const FIELD_VALUE = /^[\t\x20-\x7e]*$/

const MAX_HEADER_NAME_LENGTH = 128
const MAX_HEADER_VALUE_LENGTH = 4096

/** Headers the delivery sets itself (signature, framing, target): a channel may not override them. */
const reservedHeaders = new Set([
  'connection',
  'content-length',
  'content-type',
  'expect',
  'host',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

const isReservedHeader = (name: string): boolean => {
  const lower = name.toLowerCase()
  return reservedHeaders.has(lower) || lower.startsWith('webhook-') || lower.startsWith('proxy-')
}

/** Why `name` cannot be a custom header of a channel, or null when it can. */
export const headerNameProblem = (name: unknown): null | string => {
  if (typeof name !== 'string' || name === '')
    return '헤더 이름이 필요합니다 (a header name is required)'
  if (name.length > MAX_HEADER_NAME_LENGTH)
    return `헤더 이름은 ${MAX_HEADER_NAME_LENGTH}자 이하입니다 (at most ${MAX_HEADER_NAME_LENGTH} characters)`
  if (!TOKEN.test(name))
    return "헤더 이름에 쓸 수 없는 문자가 있습니다 (a header name is letters, digits and !#$%&'*+-.^_`|~ only: no spaces or colons)"
  if (isReservedHeader(name))
    return `"${name}" 헤더는 전송이 직접 정합니다 (${name} is set by the delivery and cannot be overridden)`
  return null
}

/** Why `value` cannot be the value of a custom header, or null when it can. */
export const headerValueProblem = (value: unknown): null | string => {
  if (typeof value !== 'string') return '헤더 값이 필요합니다 (a header value is required)'
  if (value.length > MAX_HEADER_VALUE_LENGTH)
    return `헤더 값은 ${MAX_HEADER_VALUE_LENGTH}자 이하입니다 (at most ${MAX_HEADER_VALUE_LENGTH} characters)`
  if (!FIELD_VALUE.test(value))
    return '헤더 값에는 줄바꿈·제어 문자·비ASCII 문자를 쓸 수 없습니다 (printable ASCII only: no CR, LF, NUL or other control characters)'
  return null
}

/**
 * The custom headers of a channel, lower-cased, ready to send; throws when one breaks the rules
 * above (a channel stored before they applied), so the delivery fails instead of sending it.
 */
export const customHeaders = (
  headers: { name?: unknown; value?: unknown }[] | null | undefined,
): Record<string, string> => {
  const result: Record<string, string> = {}
  for (const { name, value } of headers ?? []) {
    const problem = headerNameProblem(name) ?? headerValueProblem(value)
    if (problem) throw new Error(`custom header ${JSON.stringify(name)}: ${problem}`)
    result[(name as string).toLowerCase()] = value as string
  }
  return result
}
