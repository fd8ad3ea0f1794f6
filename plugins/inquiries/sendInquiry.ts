import type { CollectionSlug, FlattenedField, PayloadRequest, TaskConfig, Where } from 'payload'

import type { SanitizedInquiriesConfig } from './types'

import { formatKstList } from '../register-timestamps/formatKst'
import { idOf } from '../shared/relationIds'
import { escapeHtml } from '../shared/sanitizeHtml'
import { resolveApiOrigin } from '../shared/siteLinks'
import { SEND_INQUIRY_TASK } from './defaults'

type Inquiry = {
  createdAt?: string
  email?: string
  id: number | string
  message?: string
  name?: string
  notifiedAt?: null | string
  phone?: null | string
  reporter?: unknown
  subject?: string
  to?: 'desk' | 'reporter'
}

const hasField = (fields: FlattenedField[] | undefined, name: string) =>
  Boolean(fields?.some((field) => field.name === name))

/** The active staff accounts of the desk's roles (a users collection without `active` counts all). */
export const deskEmails = async (
  config: SanitizedInquiriesConfig,
  req: PayloadRequest,
): Promise<string[]> => {
  const fields = req.payload.collections[config.users as CollectionSlug]?.config.flattenedFields
  if (!hasField(fields, 'roles')) return []
  const where: Where[] = [{ roles: { in: config.deskRoles } }]
  if (hasField(fields, 'active')) where.push({ active: { not_equals: false } })
  const users = await req.payload.find({
    collection: config.users as CollectionSlug,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: where },
  })
  return users.docs.flatMap((user) => {
    const email = (user as { email?: null | string }).email
    return email ? [email] : []
  })
}

const oneLine = (value: unknown) =>
  String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .trim()

/**
 * Emails a new inquiry to its reporter (their reporter email) and the desk, from a job: a mail
 * server that is down fails the job, which the runner retries; the inquiry itself is stored
 * already. `notifiedAt` records the send, so that a retry after it sends nothing twice.
 */
export const sendInquiryTask = (
  config: SanitizedInquiriesConfig,
): TaskConfig<{ input: { id: string }; output: { sent?: number; skipped?: string } }> => ({
  slug: SEND_INQUIRY_TASK,
  label: 'Email a reader’s inquiry to the reporter and the desk',
  retries: 5,
  inputSchema: [{ name: 'id', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const id = req.payload.db.defaultIDType === 'number' ? Number(input.id) : input.id
    const inquiry = (await req.payload.findByID({
      collection: config.slug as CollectionSlug,
      id: id as never,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })) as Inquiry | null
    if (!inquiry) return { output: { skipped: 'the inquiry is gone' } }
    if (inquiry.notifiedAt) return { output: { skipped: 'sent already' } }
    const recipients = new Set(await deskEmails(config, req))
    let reporterName: null | string = null
    const reporterId = inquiry.to === 'reporter' ? idOf(inquiry.reporter) : null
    if (reporterId !== null) {
      const reporter = (await req.payload.findByID({
        collection: config.reporters as CollectionSlug,
        id: reporterId as never,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })) as { email?: null | string; name?: string } | null
      if (reporter?.email) recipients.add(reporter.email)
      reporterName = reporter?.name ?? null
    }
    if (recipients.size === 0) return { output: { skipped: 'nobody to tell' } }
    const origin = (config.adminOrigin ?? resolveApiOrigin(req.payload.config.serverURL)).replace(
      /\/+$/,
      '',
    )
    const link = `${origin}${req.payload.config.routes.admin}/collections/${config.slug}/${encodeURIComponent(String(inquiry.id))}`
    const lines: [string, string][] = [
      ['받는 곳', reporterName ? `${reporterName} 기자` : '데스크'],
      ['보낸 사람', `${oneLine(inquiry.name)} <${oneLine(inquiry.email)}>`],
      ...(inquiry.phone ? ([['전화', oneLine(inquiry.phone)]] as [string, string][]) : []),
      ['접수', `${formatKstList(inquiry.createdAt)?.slice(0, 16) ?? ''} (KST)`],
      ['제목', oneLine(inquiry.subject)],
    ]
    const message = String(inquiry.message ?? '')
    const text = [
      '독자 이메일문의가 접수되었습니다.',
      '',
      ...lines.map(([key, value]) => `${key}: ${value}`),
      '',
      message,
      '',
      `관리 화면에서 답변하기: ${link}`,
    ].join('\n')
    const html = [
      '<p>독자 이메일문의가 접수되었습니다.</p>',
      '<table>',
      ...lines.map(
        ([key, value]) =>
          `<tr><th align="left">${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`,
      ),
      '</table>',
      `<p style="white-space:pre-wrap">${escapeHtml(message)}</p>`,
      `<p><a href="${escapeHtml(link)}">관리 화면에서 답변하기</a></p>`,
    ].join('\n')
    await req.payload.sendEmail({
      to: [...recipients],
      replyTo: oneLine(inquiry.email),
      subject: `[이메일문의] ${oneLine(inquiry.subject)}`,
      text,
      html,
    })
    await req.payload.update({
      collection: config.slug as CollectionSlug,
      id: inquiry.id as never,
      data: { notifiedAt: new Date().toISOString() } as never,
      overrideAccess: true,
      req,
    })
    return { output: { sent: recipients.size } }
  },
})
