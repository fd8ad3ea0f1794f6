import type { PayloadRequest } from 'payload'

import type { SanitizedReadersConfig } from './types'

import { escapeHtml } from '../shared/sanitizeHtml'

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
