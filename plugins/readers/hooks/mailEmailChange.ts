import type { CollectionAfterChangeHook } from 'payload'

import type { EmailChangeMail } from '../emailChange'
import type { SanitizedReadersConfig } from '../types'

import { emailChangeKey } from '../emailChange'
import {
  confirmEmailChangeHTML,
  confirmEmailChangeSubject,
  emailChangeRequestedHTML,
  emailChangeRequestedSubject,
} from '../emails'

/**
 * Mails a change `holdEmailChange` kept waiting: the link to the new address, a notice to the old
 * one. Inside the update's transaction: a mail that cannot be sent leaves nothing pending.
 */
export const mailEmailChange =
  (config: SanitizedReadersConfig): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const key = emailChangeKey(doc.id)
    const change = req.context?.[key] as EmailChangeMail | undefined
    if (!change) return doc
    delete req.context[key]
    await req.payload.sendEmail({
      to: change.newEmail,
      subject: confirmEmailChangeSubject(),
      html: confirmEmailChangeHTML(config)({ ...change, user: doc }),
    })
    await req.payload.sendEmail({
      to: change.oldEmail,
      subject: emailChangeRequestedSubject(),
      html: emailChangeRequestedHTML(config)({ ...change, user: doc }),
    })
    return doc
  }
