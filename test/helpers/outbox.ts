import type { EmailAdapter, SendEmailOptions } from 'payload'

export type Outbox = { adapter: EmailAdapter; messages: SendEmailOptions[] }

/** An email adapter that keeps every message in memory, for tests to read links from: no network. */
export const captureEmails = (): Outbox => {
  const messages: SendEmailOptions[] = []
  const adapter: EmailAdapter = () => ({
    name: 'test-outbox',
    defaultFromAddress: 'newsroom@test.invalid',
    defaultFromName: '뉴스룸 테스트',
    sendEmail: async (message) => {
      messages.push(message)
    },
  })
  return { adapter, messages }
}

/** The last message sent to `to`, or undefined. */
export const lastMailTo = (outbox: Outbox, to: string): SendEmailOptions | undefined =>
  [...outbox.messages].reverse().find((message) => String(message.to).includes(to))

/** The `token=` query value of the first link in a message's HTML. */
export const tokenIn = (message: SendEmailOptions | undefined): string => {
  const match = /[?&]token=([^"&\s<]+)/.exec(String(message?.html ?? ''))
  if (!match) throw new Error(`no token in mail: ${String(message?.subject)}`)
  return decodeURIComponent(match[1]!)
}
