import type { CollectionSlug, PayloadRequest } from 'payload'

import type { CounterStore } from '../shared/counterStore'
import type { ID } from '../shared/relationIds'
import type { MostReadWindow, SanitizedArticleViewsConfig } from './types'

import { writeCounters } from '../shared/counterWrites'

/** Views wait here, per document id, for the flush job. */
export const PENDING_KEY = 'pending'
const FLUSH_QUEUED_KEY = 'flush-queued'
const HOUR_MS = 60 * 60 * 1000
/** Hourly buckets outlive the longest window by a day. */
const BUCKET_TTL_HOURS = 8 * 24
const BUCKET_TTL_SECONDS = BUCKET_TTL_HOURS * 60 * 60

export const WINDOW_HOURS: Record<MostReadWindow, number> = { '24h': 24, '7d': 7 * 24 }

const hourOf = (time: number) => Math.floor(time / HOUR_MS)
const scopeOf = (section: null | string) => (section === null ? '' : `:s:${section}`)
const bucketKey = (hour: number, section: null | string) => `h:${hour}${scopeOf(section)}`
/** A window's running total (a sliding window over the hourly buckets) and its mark: the last hour taken out. */
const totalKey = (window: MostReadWindow, section: null | string) =>
  `w:${window}${scopeOf(section)}`
const markKey = (window: MostReadWindow, section: null | string) =>
  `w:${window}${scopeOf(section)}:out`
const WINDOWS = Object.keys(WINDOW_HOURS) as MostReadWindow[]

/**
 * Adds `views` views of one document, seen at `at`, to that hour's most-read buckets and to each
 * window's running total, overall and per section, in one step (addViews' part for most-read;
 * `npm run bench:readers` loads its views with it).
 */
export const addToMostRead = async (
  store: CounterStore,
  {
    at = Date.now(),
    id,
    section,
    views = 1,
  }: { at?: number; id: ID; section: null | string; views?: number },
): Promise<void> => {
  const hour = hourOf(at)
  const keys = (section === null ? [null] : [null, section]).flatMap((scope) => [
    bucketKey(hour, scope),
    ...WINDOWS.map((window) => totalKey(window, scope)),
  ])
  await store.sortedIncrementAll(keys, String(id), views, BUCKET_TTL_SECONDS)
}

/**
 * Counts views (already de-duplicated and known public), several of one document at once: into
 * the pending buffer that the flush job writes to the document, and into this hour's most-read
 * buckets, overall and per section. The first views after a flush interval queue the flush job:
 * one job per interval for every process together (Redis) — no database write per view.
 */
export const addViews = async (
  config: SanitizedArticleViewsConfig,
  store: CounterStore,
  req: PayloadRequest,
  views: Array<{ id: ID; section: null | string; views: number }>,
): Promise<void> => {
  await Promise.all(
    views.flatMap(({ id, section, views: count }) => [
      store.hashIncrement(PENDING_KEY, String(id), count),
      addToMostRead(store, { id, section, views: count }),
    ]),
  )
  if (await store.setIfAbsent(FLUSH_QUEUED_KEY, Math.max(1, config.flushSeconds))) {
    await req.payload.jobs.queue({
      task: config.taskSlug,
      input: {},
      queue: 'default',
      waitUntil: new Date(Date.now() + config.flushSeconds * 1000),
    } as never)
  }
}

/** Whether a browser's view of a document is its first within `dedupeSeconds` (and marks it seen). */
export const isFirstView = (
  config: SanitizedArticleViewsConfig,
  store: CounterStore,
  { browser, id }: { browser: string; id: ID },
): Promise<boolean> => store.setIfAbsent(`seen:${String(id)}:${browser}`, config.dedupeSeconds)

/**
 * Counts a view of a public document by one browser (an opaque key) unless that browser's view
 * of it was counted in the last `dedupeSeconds`. Answers whether it counted. (The view log takes
 * the same two steps, isFirstView and addViews, with its views added in batches.)
 */
export const countViewOnce = async (
  config: SanitizedArticleViewsConfig,
  store: CounterStore,
  req: PayloadRequest,
  view: { browser: string; id: ID; section: null | string },
): Promise<boolean> => {
  if (!(await isFirstView(config, store, view))) return false
  await addViews(config, store, req, [{ id: view.id, section: view.section, views: 1 }])
  return true
}

/**
 * Writes the buffered views to the documents' count field, each under the collection's save lock
 * (counterWrites.ts): stored count + buffered views, never a save. Views of a document that fails
 * go back into the buffer for the next flush. Answers how many documents were written.
 */
export const flushViews = async (
  config: SanitizedArticleViewsConfig,
  store: CounterStore,
  req: PayloadRequest,
): Promise<number> => {
  const pending = await store.takeHash(PENDING_KEY)
  let written = 0
  const entries = Object.entries(pending).filter(([, views]) => views > 0)
  for (let index = 0; index < entries.length; index++) {
    const [member, views] = entries[index]!
    const idType =
      req.payload.collections[config.collection as CollectionSlug]?.customIDType ??
      req.payload.db.defaultIDType
    const id: ID = idType === 'number' ? Number(member) : member
    // A turn of the event loop between documents: SQLite's driver answers in microtasks, so a
    // flush of hundreds of documents otherwise held the embedded server's loop for its whole
    // length (every request, a crawler's 204 too, waited seconds).
    if (index > 0) await new Promise((resolve) => setImmediate(resolve))
    try {
      await writeCounters(req, config.collection, id, [config.field], (stored) => ({
        [config.field]: stored[config.field] + views,
      }))
      written++
    } catch (error) {
      // Nothing counted is lost: this one and the rest wait for the next flush.
      for (const [rest, restViews] of entries.slice(index))
        await store.hashIncrement(PENDING_KEY, rest, restViews)
      throw error
    }
  }
  return written
}

/**
 * Brings a window's running total up to this hour: the hourly buckets that left the window since
 * the last call are subtracted, each once whatever the number of processes (the store's atomic
 * step checks and moves the mark). A total never built, or left unrolled for long, is rebuilt
 * once from the window's buckets. So a ranking costs a read of the top members, not a
 * sum of 24 or 168 buckets (at 100k articles and 10M views that sum took seconds).
 */
const rollWindow = async (store: CounterStore, window: MostReadWindow, section: null | string) => {
  const now = hourOf(Date.now())
  const hours = WINDOW_HOURS[window]
  // This hour's bucket and the `hours - 1` before it are in the window; `out` and older are not.
  const out = now - hours
  const total = totalKey(window, section)
  const mark = markKey(window, section)
  const rolled = await store.markOf(mark)
  if (rolled !== null && rolled >= out) return
  // Rebuilt when that is less work than the steps, or when the oldest step's bucket may be gone.
  if (rolled === null || out - rolled >= hours || now - rolled >= BUCKET_TTL_HOURS - 1) {
    const keys = Array.from({ length: hours }, (_, back) => bucketKey(now - back, section))
    await store.sortedRebuildOnce(total, keys, mark, out, BUCKET_TTL_SECONDS)
    return
  }
  for (let hour = rolled + 1; hour <= out; hour++)
    await store.sortedSubtractOnce(total, bucketKey(hour, section), mark, hour, BUCKET_TTL_SECONDS)
}

/** The most-read document ids of a window, overall or in one section, with their views in it. */
export const topViewed = async (
  store: CounterStore,
  { limit, section, window }: { limit: number; section: null | string; window: MostReadWindow },
) => {
  await rollWindow(store, window, section)
  return store.sortedTop(totalKey(window, section), limit)
}
