import type { CollectionSlug, FlattenedField, PayloadRequest, ServerProps, Where } from 'payload'

import { createLocalReq } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import type { WorkflowState } from '../states'

import { formatKstList } from '../../register-timestamps/formatKst'
import { EMBARGO_FIELD } from '../../shared/embargoField'
import { idOf } from '../../shared/relationIds'
import { SCHEDULE_PUBLISH_TASK } from '../../shared/scheduledPublishJobs'
import { stateLabels } from '../states'
import { whereSearch } from './listQuery'
import { inLanguage } from './text'

export type DeskDashboardServerProps = ServerProps & {
  collections: string[]
  isDesk: (req: PayloadRequest) => boolean
  ownStories: (user: PayloadRequest['user']) => null | Where
}

type Story = Record<string, unknown> & {
  id: number | string
  workflow?: { changedAt?: null | string; changedBy?: null | string; state?: WorkflowState }
}

type Text = { en: string; ko: string }

const LIMIT = 20

/** `yyyy-MM-dd HH:mm` in Korea time, whatever the server's zone. */
const kst = (value: unknown): string =>
  typeof value === 'string' ? (formatKstList(value)?.slice(0, 16) ?? '') : ''

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-100)',
  borderRadius: 'var(--style-radius-m, 6px)',
  padding: '1rem 1.25rem',
}
const cell: React.CSSProperties = {
  borderBottom: '1px solid var(--theme-elevation-50)',
  padding: '0.35rem 0.5rem',
  textAlign: 'left',
  verticalAlign: 'top',
}

const hasField = (fields: FlattenedField[], name: string) =>
  fields.some((field) => field.name === name)

const hasDateField = (fields: FlattenedField[], name: string) =>
  fields.some((field) => field.name === name && field.type === 'date')

/** The byline as the list shows it: the stored `byline`, else the populated reporters' names. */
const bylineOf = (story: Story): string => {
  if (typeof story.byline === 'string') return story.byline
  return (Array.isArray(story.reporters) ? story.reporters : [])
    .map((reporter) =>
      reporter && typeof reporter === 'object'
        ? String((reporter as { name?: unknown }).name ?? '')
        : '',
    )
    .filter(Boolean)
    .join(', ')
}

/**
 * The desk's panel on the dashboard (`admin.components.beforeDashboard`): 송고 대기 (filed and in
 * review, oldest first) for the desk, 내 기사 (the user's unpublished stories by state) for whoever
 * writes, 엠바고 (stories held until their `embargoUntil`, soonest first) for the desk, and 예약
 * 발행 (the pending jobs of Payload's schedulePublish task). Stories are read as
 * the signed-in user (overrideAccess false): nobody sees a story here they could not open.
 */
export const DeskDashboard = async ({
  collections,
  i18n,
  isDesk,
  ownStories,
  payload,
  user,
}: DeskDashboardServerProps) => {
  if (!user) return null
  const req = await createLocalReq({ user: user as NonNullable<PayloadRequest['user']> }, payload)
  const t = (text: Text) => inLanguage(text, i18n.language)
  const adminRoute = payload.config.routes.admin
  const isDeskUser = isDesk(req)
  const own = ownStories(req.user)

  const sections = await Promise.all(
    collections
      .filter((slug) => payload.collections[slug as CollectionSlug])
      .map(async (slug) => {
        const collection = payload.collections[slug as CollectionSlug].config
        const titleField = collection.admin?.useAsTitle ?? 'id'
        const fields = collection.flattenedFields
        const select: Record<string, true> = { [titleField]: true, workflow: true }
        if (hasField(fields, 'byline')) select.byline = true
        else if (hasField(fields, 'reporters')) select.reporters = true
        const read = (where: Where, sort: string, also: Record<string, true> = {}) =>
          payload
            .find({
              collection: slug as CollectionSlug,
              depth: select.reporters ? 1 : 0,
              draft: true,
              limit: LIMIT,
              overrideAccess: false,
              req,
              select: { ...select, ...also } as never,
              sort,
              where,
            })
            .then((result) => result.docs as unknown as Story[])

        const queue = isDeskUser
          ? await read({ 'workflow.state': { in: ['filed', 'inReview'] } }, 'workflow.changedAt')
          : null
        // Held stories: a publish before the embargo stays a draft until then (plugins/embargo), so
        // the latest drafts are read. A collection without the field (the plugin left out) gets no
        // 엠바고 panel.
        const embargoed =
          isDeskUser && hasDateField(fields, EMBARGO_FIELD)
            ? await read(
                { [EMBARGO_FIELD]: { greater_than: new Date().toISOString() } },
                EMBARGO_FIELD,
                { [EMBARGO_FIELD]: true },
              )
            : null
        const mine = own
          ? await read(
              { and: [own, { 'workflow.state': { not_equals: 'published' } }] },
              '-updatedAt',
            )
          : null

        // Payload's scheduled publishes are jobs, which no user may read through the API (Payload's
        // own schedule drawer reads them past access too); the stories they name are read as the user.
        const jobs = (
          await payload.find({
            collection: 'payload-jobs',
            depth: 0,
            limit: 100,
            overrideAccess: true,
            pagination: false,
            req,
            sort: 'waitUntil',
            where: {
              and: [
                { taskSlug: { equals: SCHEDULE_PUBLISH_TASK } },
                { completedAt: { exists: false } },
                { hasError: { not_equals: true } },
              ],
            },
          })
        ).docs
          .map((job) => {
            const input = (job.input ?? {}) as {
              doc?: { relationTo?: string; value?: unknown }
              type?: string
            }
            return {
              id: job.id,
              doc: input.doc?.relationTo === slug ? idOf(input.doc.value) : null,
              type: input.type === 'unpublish' ? 'unpublish' : 'publish',
              waitUntil: job.waitUntil as null | string | undefined,
            }
          })
          .filter((job) => job.doc !== null)
          .slice(0, LIMIT)
        const scheduledStories = jobs.length
          ? await read({ id: { in: jobs.map((job) => job.doc!) } }, titleField)
          : []
        const byId = new Map(scheduledStories.map((story) => [String(story.id), story]))
        const scheduled = jobs.flatMap((job) => {
          const story = byId.get(String(job.doc))
          return story ? [{ ...job, story }] : []
        })
        return { embargoed, mine, queue, scheduled, slug, titleField }
      }),
  )

  const link = (slug: string, id: number | string) =>
    formatAdminURL({ adminRoute, path: `/collections/${slug}/${encodeURIComponent(String(id))}` })
  const listLink = (slug: string, where: Where[]) =>
    `${formatAdminURL({ adminRoute, path: `/collections/${slug}` })}?${whereSearch(where)}`
  const stateText = (story: Story) => t(stateLabels[story.workflow?.state ?? 'writing'])
  const empty = (text: Text) => <p style={{ margin: 0, opacity: 0.7 }}>{t(text)}</p>

  return (
    <div className="desk-dashboard" style={{ display: 'grid', gap: '1rem', marginBottom: '2rem' }}>
      {sections.map(({ embargoed, mine, queue, scheduled, slug, titleField }) => {
        const title = (story: Story) => String(story[titleField] ?? story.id)
        return (
          <React.Fragment key={slug}>
            {queue ? (
              <section className="desk-dashboard__queue" style={box}>
                <h3 style={{ marginTop: 0 }}>
                  {t({ en: 'Waiting for the desk', ko: '송고 대기' })}{' '}
                  <small style={{ fontWeight: 'normal', opacity: 0.7 }}>
                    {t({ en: 'filed and in review, oldest first', ko: '송고·검토중, 오래된 순' })}
                  </small>
                </h3>
                {queue.length === 0 ? (
                  empty({ en: 'Nothing is waiting.', ko: '기다리는 기사가 없습니다.' })
                ) : (
                  <table style={{ borderCollapse: 'collapse', width: '100%' }}>
                    <thead>
                      <tr>
                        <th style={cell}>{t({ en: 'Title', ko: '제목' })}</th>
                        <th style={cell}>{t({ en: 'Byline', ko: '기자' })}</th>
                        <th style={cell}>{t({ en: 'State', ko: '상태' })}</th>
                        <th style={cell}>{t({ en: 'Since (KST)', ko: '변경 시각 (KST)' })}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {queue.map((story) => (
                        <tr data-state={story.workflow?.state} key={String(story.id)}>
                          <td style={cell}>
                            <a href={link(slug, story.id)}>{title(story)}</a>
                          </td>
                          <td style={cell}>{bylineOf(story)}</td>
                          <td style={cell}>{stateText(story)}</td>
                          <td style={cell}>{kst(story.workflow?.changedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            ) : null}

            {embargoed ? (
              <section className="desk-dashboard__embargo" style={box}>
                <h3 style={{ marginTop: 0 }}>
                  {t({ en: 'Under embargo', ko: '엠바고' })}{' '}
                  <small style={{ fontWeight: 'normal', opacity: 0.7 }}>
                    {t({
                      en: 'held until the time shown, soonest first',
                      ko: '해제 시각이 가까운 순',
                    })}
                  </small>
                </h3>
                {embargoed.length === 0 ? (
                  empty({ en: 'No story is held.', ko: '엠바고 중인 기사가 없습니다.' })
                ) : (
                  <table style={{ borderCollapse: 'collapse', width: '100%' }}>
                    <thead>
                      <tr>
                        <th style={cell}>{t({ en: 'Title', ko: '제목' })}</th>
                        <th style={cell}>{t({ en: 'Byline', ko: '기자' })}</th>
                        <th style={cell}>{t({ en: 'Held until (KST)', ko: '해제 시각 (KST)' })}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {embargoed.map((story) => (
                        <tr key={String(story.id)}>
                          <td style={cell}>
                            <a href={link(slug, story.id)}>{title(story)}</a>
                          </td>
                          <td style={cell}>{bylineOf(story)}</td>
                          <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                            {kst(story[EMBARGO_FIELD])}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            ) : null}

            {mine ? (
              <section className="desk-dashboard__mine" style={box}>
                <h3 style={{ marginTop: 0 }}>{t({ en: 'My stories', ko: '내 기사' })}</h3>
                {mine.length === 0
                  ? empty({ en: 'No unpublished stories.', ko: '출고 전 기사가 없습니다.' })
                  : (['returned', 'writing', 'filed', 'inReview', 'approved'] as const).map(
                      (state) => {
                        const stories = mine.filter(
                          (story) => (story.workflow?.state ?? 'writing') === state,
                        )
                        if (stories.length === 0) return null
                        return (
                          <div data-state={state} key={state} style={{ marginBottom: '0.75rem' }}>
                            <a href={listLink(slug, [{ 'workflow.state': { equals: state } }])}>
                              <strong>{t(stateLabels[state])}</strong>
                            </a>{' '}
                            ({stories.length})
                            <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.25rem' }}>
                              {stories.map((story) => (
                                <li key={String(story.id)}>
                                  <a href={link(slug, story.id)}>{title(story)}</a>{' '}
                                  <small style={{ opacity: 0.7 }}>
                                    {kst(story.workflow?.changedAt)}
                                  </small>
                                </li>
                              ))}
                            </ul>
                          </div>
                        )
                      },
                    )}
              </section>
            ) : null}

            <section className="desk-dashboard__scheduled" style={box}>
              <h3 style={{ marginTop: 0 }}>{t({ en: 'Scheduled', ko: '예약 발행' })}</h3>
              {scheduled.length === 0 ? (
                empty({ en: 'Nothing is scheduled.', ko: '예약된 발행이 없습니다.' })
              ) : (
                <table style={{ borderCollapse: 'collapse', width: '100%' }}>
                  <tbody>
                    {scheduled.map((job) => (
                      <tr key={String(job.id)}>
                        <td style={{ ...cell, whiteSpace: 'nowrap' }}>{kst(job.waitUntil)} KST</td>
                        <td style={cell}>
                          {job.type === 'unpublish'
                            ? t({ en: 'Unpublish', ko: '발행 취소' })
                            : t({ en: 'Publish', ko: '발행' })}
                        </td>
                        <td style={cell}>
                          <a href={link(slug, job.story.id)}>{title(job.story)}</a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </React.Fragment>
        )
      })}
    </div>
  )
}
