import type { EmailAdapter } from 'payload'

/** The text of an HTML mail, links kept as their addresses: what a developer needs from a log line. */
const textOf = (html: string): string =>
  html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, '$2 <$1>')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim()

/**
 * The demo's and development's mail: written to the log whole, links included (Payload's own
 * console adapter logs only the subject, so a reader's confirmation link would be lost). A
 * production site passes a real adapter (`@payloadcms/email-nodemailer`, `@payloadcms/email-resend`)
 * as `newsroomAppConfig({ email })`: links to accounts do not belong in production logs.
 */
export const consoleEmail =
  (): EmailAdapter =>
  ({ payload }) => ({
    name: 'console',
    defaultFromAddress: process.env.NEWSROOM_MAIL_FROM || 'newsroom@localhost',
    defaultFromName: '뉴스룸',
    sendEmail: async (message) => {
      const to = Array.isArray(message.to) ? message.to.join(', ') : String(message.to ?? '')
      const body = typeof message.html === 'string' ? textOf(message.html) : (message.text ?? '')
      payload.logger.info(`메일 (mail) → ${to}: ${String(message.subject ?? '')}\n${String(body)}`)
    },
  })
