import type { PayloadRequest } from 'payload'

import { dictionary } from '@zxcvbn-ts/language-common'

/** Shortest password any account may set. */
export const PASSWORD_MIN_LENGTH = 10

/** How many of the most common passwords (zxcvbn's list, most common first) are refused. */
export const COMMON_PASSWORDS_REFUSED = 10_000

// The list is lower case; a password is compared in lower case, so `Qwertyuiop` is refused too.
const commonPasswords = new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORDS_REFUSED))

export const isCommonPassword = (password: string): boolean =>
  commonPasswords.has(password.toLowerCase())

/**
 * Why `password` may not be set, in the request's language, or undefined when it may: at least
 * PASSWORD_MIN_LENGTH characters and not among the 10,000 most common passwords.
 */
export const passwordProblem = (
  password: string,
  req?: Pick<PayloadRequest, 'i18n' | 't'>,
): string | undefined => {
  const isKorean = req?.i18n?.language === 'ko'
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    if (req?.t) return req.t('validation:longerThanMin', { minLength: PASSWORD_MIN_LENGTH })
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`
  }
  if (isCommonPassword(password)) {
    return isKorean
      ? '너무 흔한 비밀번호입니다 (가장 많이 쓰이는 비밀번호 1만 개 중 하나). 다른 비밀번호를 쓰세요.'
      : 'This password is one of the 10,000 most common passwords; choose another.'
  }
  return undefined
}
