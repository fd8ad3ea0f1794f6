import type { Config, Plugin } from 'payload'

import type { FeedsOptions } from './types'

import { withInputErrorsAsInfo } from '../shared/inputError'
import { sanitizeFeedsOptions } from './defaults'
import { feedEndpoints } from './endpoints/feedEndpoints'
import { sitemapEndpoints } from './endpoints/sitemapEndpoints'

export type { FeedsOptions } from './types'
export { toKstRfc822 } from './kstDates'

/**
 * Pull distribution under the API route: RSS 2.0 and Atom (all news, per section, region and
 * reporter), a Google News sitemap and a sitemap index, with times in Korea time (+09:00).
 */
export const feeds =
  (options: FeedsOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeFeedsOptions(options)
    return {
      ...incomingConfig,
      // An unknown section, region or reporter slug is the reader's error (plugins/shared/articleScopes.ts).
      loggingLevels: withInputErrorsAsInfo(incomingConfig),
      endpoints: [
        ...(incomingConfig.endpoints ?? []),
        ...feedEndpoints(config),
        ...sitemapEndpoints(config),
      ],
    }
  }
