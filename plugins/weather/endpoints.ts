import type { Endpoint, GlobalSlug, PayloadRequest } from 'payload'

import { Forbidden } from 'payload'

import type { SanitizedWeatherConfig } from './types'

import { refreshWeather } from './refresh'

/**
 * `POST /api/globals/<slug>/refresh` (desk only): asks the provider now, whatever the interval,
 * and answers how it went with the stored document as the desk sees it.
 */
export const refreshEndpoint = (config: SanitizedWeatherConfig): Endpoint => ({
  path: '/refresh',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!config.isDesk(req)) throw new Forbidden(req.t)
    const result = await refreshWeather(config, req, { force: true })
    const doc = await req.payload.findGlobal({
      slug: config.slug as GlobalSlug,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return Response.json({ ...result, doc })
  },
})
