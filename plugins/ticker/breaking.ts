import type { CollectionAfterChangeHook, CollectionSlug, Field } from 'payload'

import type { SanitizedTickerConfig, TickerBreakingOptions } from './types'

import { hasDrafts } from '../shared/publication'

/** The 속보 checkbox on articles. */
export const breakingField = (breaking: Required<TickerBreakingOptions>): Field => ({
  name: breaking.field,
  type: 'checkbox',
  defaultValue: false,
  label: { en: 'Breaking news', ko: '속보' },
  admin: {
    position: 'sidebar',
    components: { Diff: '/../plugins/ticker/components/YesNoDiff#YesNoDiff' },
    description: {
      en: `Once published, the story goes on the ticker for ${breaking.durationMinutes} minutes (once). Clearing this or unpublishing takes it off.`,
      ko: `출고하면 티커뉴스에 ${breaking.durationMinutes}분 동안 한 번 올라갑니다. 해제하거나 출고를 취소하면 내려갑니다.`,
    },
  },
})

/**
 * A published article flagged 속보 gets one ticker item (text: its title, read live), from now for
 * the configured time; once it has had one it never gets another, so a re-save or re-publish does
 * not bring it back. Clearing the flag or unpublishing ends an item still running. Draft saves
 * change nothing readers see and are skipped. Runs in the save's transaction.
 */
export const syncBreakingItem =
  (config: SanitizedTickerConfig): CollectionAfterChangeHook =>
  async ({ collection, doc, req }) => {
    const breaking = config.breaking
    if (!config.enabled || !breaking || req.context.isDraftSave) return doc
    const isLive = !hasDrafts(collection) || doc._status === 'published'
    const flagged = isLive && doc[breaking.field] === true
    const existing = (
      await req.payload.find({
        collection: config.slug as CollectionSlug,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        pagination: false,
        req,
        sort: '-createdAt',
        where: { and: [{ article: { equals: doc.id } }, { source: { equals: 'breaking' } }] },
      })
    ).docs[0] as { active?: boolean; endsAt?: null | string; id: number | string } | undefined
    const now = new Date()
    if (flagged) {
      if (existing) return doc
      await req.payload.create({
        collection: config.slug as CollectionSlug,
        data: {
          article: doc.id,
          source: 'breaking',
          active: true,
          order: 0,
          startsAt: now.toISOString(),
          endsAt: new Date(now.getTime() + breaking.durationMinutes * 60_000).toISOString(),
        } as never,
        overrideAccess: true,
        req,
      })
      return doc
    }
    const running =
      existing &&
      existing.active !== false &&
      (!existing.endsAt || new Date(existing.endsAt).getTime() > now.getTime())
    if (running)
      await req.payload.update({
        collection: config.slug as CollectionSlug,
        id: existing.id,
        data: { active: false, endsAt: now.toISOString() } as never,
        overrideAccess: true,
        req,
      })
    return doc
  }
