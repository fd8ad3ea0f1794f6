import type { Endpoint } from 'payload'

import type { SanitizedSearchConfig } from './types'

import { parseSearchArgs, runSearch } from './runSearch'

/** `GET /api/search?q=…&section=…&region=…&page=…&limit=…` */
export const searchEndpoint = (config: SanitizedSearchConfig): Endpoint => ({
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const query = req.query as Record<string, unknown>
    const parsed = await parseSearchArgs(config, req, {
      q: query.q,
      section: query.section,
      region: query.region,
      page: query.page,
      limit: query.limit,
    })
    return Response.json(await runSearch(config, req, parsed, 1))
  },
})
