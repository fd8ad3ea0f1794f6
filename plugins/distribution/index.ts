import type { CollectionConfig, Config, Plugin } from 'payload'

import type { DistributionOptions } from './types'

import { markDraftSave } from '../shared/markDraftSave'
import { channelsCollection } from './collections/channels'
import { deliveriesCollection } from './collections/deliveries'
import { DISTRIBUTION_CONFIG_KEY, sanitizeDistributionOptions } from './defaults'
import {
  queueArticleEvents,
  queueDeletionEvent,
  rememberPublicationState,
} from './hooks/queueArticleEvents'
import { deliverWebhookTask } from './tasks/deliverWebhook'

export type { ArticleEvent, ChannelEvent, DistributionOptions, WorkflowEvent } from './types'
export {
  articleEvents,
  channelEventLabels,
  channelEvents,
  recordEvents,
  workflowEvents,
} from './types'
export { queueArticleEvent, queueCachePurge } from './hooks/queueArticleEvents'
export { isPrivateAddress } from './network'
export { generateSecret, signPayload } from './signing'

/**
 * Push distribution: every publish, update, unpublish and delete of an article reaches the
 * matching channels as a signed Standard Webhooks message, delivered by jobs with retries, each
 * attempt logged in `webhook-deliveries`.
 */
export const distribution =
  (options: DistributionOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeDistributionOptions(options)
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (collection.slug !== config.articles) return collection
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), markDraftSave],
          beforeChange: [
            ...(collection.hooks?.beforeChange ?? []),
            rememberPublicationState(config),
          ],
          afterChange: [...(collection.hooks?.afterChange ?? []), queueArticleEvents(config)],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), queueDeletionEvent(config)],
        },
      }
    })
    return {
      ...incomingConfig,
      collections: [...collections, channelsCollection(config), deliveriesCollection(config)],
      custom: { ...incomingConfig.custom, [DISTRIBUTION_CONFIG_KEY]: config },
      jobs: {
        ...incomingConfig.jobs,
        tasks: [...(incomingConfig.jobs?.tasks ?? []), deliverWebhookTask(config)],
      },
    }
  }
