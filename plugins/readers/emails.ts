import type { PayloadRequest } from 'payload'

import type { SanitizedReadersConfig } from './types'

import { escapeHtml } from '../shared/sanitizeHtml'
import { maskEmail } from './emailChange'

type Mail = { req?: PayloadRequest; token?: string; user?: unknown }

const nameOf = (user: unknown): string => {
  const account = user as { email?: string; name?: string; nickname?: string } | null
  return account?.nickname || account?.name || account?.email || ''
}

const page = (greeting: string, lead: string, label: string, url: string, note: string) =>
  `<!doctype html><html lang="ko"><body>
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(lead)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>
<p>${escapeHtml(url)}</p>
<p>${escapeHtml(note)}</p>
</body></html>`

const notice = (greeting: string, lead: string, note: string) =>
  `<!doctype html><html lang="ko"><body>
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(lead)}</p>
<p>${escapeHtml(note)}</p>
</body></html>`

const hoursOf = (config: SanitizedReadersConfig): number =>
  Math.max(1, Math.round(config.pendingEmailTtl / 3_600_000))

/** The sign-up mail: a link to the site's page that confirms the address (`verifyUrl`). */
export const verifyEmailHTML =
  (config: SanitizedReadersConfig) =>
  ({ token, user }: Mail): string =>
    page(
      `${nameOf(user)}님, 가입해 주셔서 고맙습니다.`,
      '아래 링크를 눌러 이메일 주소를 확인하면 로그인할 수 있습니다. (Confirm your email address to sign in.)',
      '이메일 주소 확인 (Verify email)',
      config.verifyUrl(token ?? ''),
      '가입한 적이 없다면 이 메일을 무시하세요. (If you did not sign up, ignore this mail.)',
    )

export const verifyEmailSubject = (): string => '이메일 주소를 확인해 주세요 (Verify your email)'

/** The forgot-password mail: a link to the site's page that sets a new password (`resetPasswordUrl`). */
export const resetPasswordHTML =
  (config: SanitizedReadersConfig) =>
  (args?: Mail): string =>
    page(
      `${nameOf(args?.user)}님,`,
      '비밀번호 재설정을 요청하셨습니다. 아래 링크에서 새 비밀번호를 정하세요. (Set a new password here.)',
      '비밀번호 재설정 (Reset password)',
      config.resetPasswordUrl(args?.token ?? ''),
      '요청한 적이 없다면 이 메일을 무시하세요; 비밀번호는 바뀌지 않습니다. (If you did not ask, ignore this mail.)',
    )

export const resetPasswordSubject = (): string => '비밀번호 재설정 (Reset your password)'

type ChangeMail = { newEmail: string; oldEmail: string; token?: string; user?: unknown }

/** To the NEW address: the link that makes it the account's (`confirmEmailUrl`). */
export const confirmEmailChangeHTML =
  (config: SanitizedReadersConfig) =>
  ({ token, user }: ChangeMail): string =>
    page(
      `${nameOf(user)}님,`,
      `이 주소를 독자 계정의 새 이메일로 확인해 주세요. 확인 전까지는 지금 주소로 로그인합니다; 링크는 ${hoursOf(config)}시간 동안 유효합니다. (Confirm this address as your account's new email.)`,
      '새 이메일 주소 확인 (Confirm new email)',
      config.confirmEmailUrl(token ?? ''),
      '요청한 적이 없다면 이 메일을 무시하세요; 아무것도 바뀌지 않습니다. (If you did not ask, ignore this mail.)',
    )

export const confirmEmailChangeSubject = (): string =>
  '새 이메일 주소를 확인해 주세요 (Confirm your new email)'

/** To the OLD address when a change is asked for: nothing changes unless the new one confirms. */
export const emailChangeRequestedHTML =
  (_config: SanitizedReadersConfig) =>
  ({ newEmail, user }: ChangeMail): string =>
    notice(
      `${nameOf(user)}님,`,
      `계정의 이메일을 ${maskEmail(newEmail)}(으)로 바꾸는 요청이 있었습니다. 새 주소에서 확인해야 바뀌며, 그 전까지는 이 주소로 로그인합니다. (A change of your account's email was requested.)`,
      '요청한 적이 없다면 비밀번호를 바꾸고 편집국에 알려 주세요. (If it was not you, change your password and tell us.)',
    )

export const emailChangeRequestedSubject = (): string =>
  '이메일 변경 요청 알림 (Email change requested)'

/** To the OLD address once the new one is confirmed. */
export const emailChangedHTML =
  (_config: SanitizedReadersConfig) =>
  ({ newEmail, user }: ChangeMail): string =>
    notice(
      `${nameOf(user)}님,`,
      `계정의 이메일이 ${maskEmail(newEmail)}(으)로 바뀌었습니다. 이제 이 주소로는 로그인할 수 없습니다. (Your account's email has changed.)`,
      '바꾼 적이 없다면 편집국에 알려 주세요. (If it was not you, tell us.)',
    )

export const emailChangedSubject = (): string => '이메일이 바뀌었습니다 (Your email has changed)'
