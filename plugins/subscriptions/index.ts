import type { CollectionConfig, CollectionSlug, Config, Plugin } from 'payload'

import type { SanitizedSubscriptionsConfig, SubscriptionsOptions } from './types'

import { addReaderDeletionListener, type ReaderDeletionListener } from '../readers/readerDeletion'
import { withInputErrorsAsInfo } from '../shared/inputError'
import { publicTimes } from '../shared/publicTimes'
import { guardSubmission, submissionLimiter } from '../shared/readerSubmissions'
import { windowLimiter, withRateLimitedErrors } from '../shared/requestLimits'
import { Redis } from 'ioredis'
import { linesCollection } from './collections/lines'
import { plansCollection } from './collections/plans'
import { pledgesCollection } from './collections/pledges'
import { statementsCollection } from './collections/statements'
import { isDeskRequest } from './access'
import { sanitizeSubscriptionsOptions } from './defaults'
import { lookupPledgeEndpoint } from './endpoints/lookupPledge'
import { myPledgesEndpoint } from './endpoints/myPledges'
import { preparePledge } from './hooks/preparePledge'
import { queueImport, readStatementFile } from './hooks/readStatementFile'
import { recountStatement, resolveLine } from './hooks/resolveLine'
import { importStatementTask } from './tasks/importStatement'
import { remindersTask } from './tasks/reminders'

export type { PlansChange, StatementColumns, SubscriptionsOptions } from './types'
export {
  DEFAULT_COLUMNS,
  IMPORT_STATEMENT_TASK,
  LINES_SLUG,
  PLANS_SLUG,
  PLEDGE_REMINDERS_TASK,
  PLEDGES_SLUG,
  STATEMENTS_SLUG,
} from './defaults'
export { normaliseDepositor, readStatement } from './statement'

/** A reader who deletes their account leaves their pledges (payments on record) to no account. */
const forgetReader =
  (config: SanitizedSubscriptionsConfig): ReaderDeletionListener =>
  async ({ collection, id, req }) => {
    if (collection !== config.readers) return
    await req.payload.update({
      collection: config.pledgesSlug as CollectionSlug,
      where: { reader: { equals: String(id) } },
      data: { reader: null } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
  }

const withHooks = (
  collection: CollectionConfig,
  hooks: NonNullable<CollectionConfig['hooks']>,
): CollectionConfig => ({ ...collection, hooks })

/**
 * 무통장입금 구독: plans (`subscription-plans`), readers' pledges to pay by bank transfer
 * (`pledges`, public creation, rate-limited), bank statement imports matched to pledges by a job
 * (`bank-statements`, `statement-lines`), the desk's resolution of what the job cannot decide, and
 * a scheduled job that reminds overdue pledgers once and expires ended subscriptions.
 */
export const subscriptions =
  (options: SubscriptionsOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeSubscriptionsOptions({
      users: typeof incomingConfig.admin?.user === 'string' ? incomingConfig.admin.user : 'users',
      ...options,
    })
    const plans = plansCollection(config)
    const pledges = pledgesCollection(config)
    const statements = statementsCollection(config)
    const lines = linesCollection(config)
    incomingConfig = addReaderDeletionListener(incomingConfig, forgetReader(config))
    if (!config.enabled)
      return {
        ...incomingConfig,
        collections: [...(incomingConfig.collections ?? []), plans, pledges, statements, lines],
      }
    let lookupClient: null | Redis = null
    const lookupLimiter = windowLimiter({
      keyPrefix: `${config.keyPrefix}:lookup`,
      limit: config.perLookup,
      redis: () => {
        if (!config.redis) return null
        if (typeof config.redis !== 'string') return config.redis
        return (lookupClient ??= new Redis(config.redis, { maxRetriesPerRequest: 1 }))
      },
    })
    // Readers' instants (their pledges' dates, the plans') in +09:00, as everywhere public (DESIGN.md, "Times").
    return publicTimes([config.plansSlug, config.pledgesSlug])({
      ...incomingConfig,
      collections: [
        ...(incomingConfig.collections ?? []),
        plans,
        withHooks(
          {
            ...pledges,
            endpoints: [myPledgesEndpoint(config), lookupPledgeEndpoint(config, lookupLimiter)],
          },
          {
            beforeOperation: [
              // A pledge from outside (not the desk) is limited and must leave the honeypot empty.
              guardSubmission({
                honeypotField: config.honeypotField,
                isExempt: (req) => isDeskRequest(config, req),
                limit: submissionLimiter(config),
              }),
            ],
            beforeChange: [preparePledge(config)],
          },
        ),
        withHooks(statements, {
          beforeChange: [readStatementFile(config)],
          afterChange: [queueImport(config)],
        }),
        withHooks(lines, {
          beforeChange: [resolveLine(config)],
          afterChange: [recountStatement(config)],
        }),
      ],
      hooks: withRateLimitedErrors(incomingConfig),
      loggingLevels: {
        ...withInputErrorsAsInfo(incomingConfig),
        RateLimitedError: 'info',
      } as Config['loggingLevels'],
      jobs: {
        ...incomingConfig.jobs,
        tasks: [
          ...(incomingConfig.jobs?.tasks ?? []),
          importStatementTask(config),
          remindersTask(config),
        ] as never,
      },
    }) as Config
  }
