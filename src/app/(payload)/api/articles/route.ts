import { restHandlers } from '../restHandlers'

/**
 * `/api/articles` itself — article by slug, section and region lists, the reads frontends make
 * most — as a static route: Next.js matches it without the catch-all's dynamic-segment work,
 * which costs a cached read about a tenth of its throughput (`npm run bench:http`). Same handlers
 * as `[...slug]`; Payload takes the path from the URL.
 */
export const dynamic = 'force-dynamic'
export const { DELETE, GET, OPTIONS, PATCH, POST, PUT } = restHandlers(['articles'])
