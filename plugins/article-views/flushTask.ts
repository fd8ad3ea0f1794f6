import type { PayloadRequest, TaskConfig } from 'payload'

import type { CounterStore } from '../shared/counterStore'
import type { SanitizedArticleViewsConfig } from './types'

import { flushViews } from './counting'

/** The job that writes buffered views to the documents (queued by the first view of each interval). */
export const flushViewsTask = (
  config: SanitizedArticleViewsConfig,
  store: CounterStore,
): TaskConfig =>
  ({
    slug: config.taskSlug,
    label: '조회수 반영 (flush buffered views)',
    inputSchema: [],
    // A failed flush put its views back; the next interval's job writes them.
    retries: 0,
    handler: async ({ req }: { req: PayloadRequest }) => {
      const written = await flushViews(config, store, req)
      return { output: { written } }
    },
    outputSchema: [{ name: 'written', type: 'number' }],
  }) as unknown as TaskConfig
