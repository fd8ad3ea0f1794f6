import { APIError } from 'payload'
import { describe, expect, it } from 'vitest'

import { addErrorCodes } from './index'

const run = (error: unknown, message: string) =>
  addErrorCodes({
    error,
    result: { errors: [{ message }] },
  } as unknown as Parameters<typeof addErrorCodes>[0]) as
    { response: { errors: { code?: string; message: string }[] } } | undefined

describe('addErrorCodes', () => {
  it('gives a public 4xx back the message Payload replaced with its generic one', () => {
    const error = new APIError('잘못된 검색 조건입니다: registeredAt', 400, null, true)
    expect(run(error, 'An unknown error occurred.')?.response.errors).toEqual([
      { code: 'VALIDATION', message: '잘못된 검색 조건입니다: registeredAt' },
    ])
  })

  it('keeps a 500 and a private error generic', () => {
    // A 500 has no code to add either: the answer is left as Payload made it.
    expect(run(new APIError('secret detail', 500, null, false), 'An unknown error occurred.')).toBe(
      undefined,
    )
    expect(
      run(new APIError('secret detail', 400, null, false), 'An unknown error occurred.')?.response
        .errors[0]?.message,
    ).toBe('An unknown error occurred.')
  })
})
