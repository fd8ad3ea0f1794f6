import { restHandlers } from '../restHandlers'

/**
 * `/api/articles` itself — article by slug, section and region lists, the reads frontends make
 * most — as a static route: Next.js matches it without the catch-all's dynamic-segment work,
 * ≈ 40 µs of the ≈ 840 µs of server CPU a cached read costs (measured beside N0, see
 * `npm run bench:http`). Same handlers as `[...slug]`, given the path Next.js gives a catch-all.
 */
export const dynamic = 'force-dynamic'
export const { DELETE, GET, OPTIONS, PATCH, POST, PUT } = restHandlers(['articles'])
