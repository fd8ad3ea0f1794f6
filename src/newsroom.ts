import type { CollectionConfig, Config, PayloadRequest, Plugin } from 'payload'

import { deepMergeSimple } from 'payload'

import { en } from '@payloadcms/translations/languages/en'
import { ko } from '@payloadcms/translations/languages/ko'

import type { AdjacentArticlesOptions } from '../plugins/adjacent-articles'
import type { ArticleVotesOptions } from '../plugins/article-votes'
import type { ArticleViewsOptions } from '../plugins/article-views'
import type { VisitorsOptions } from '../plugins/visitors'
import type { MastheadOptions } from '../plugins/masthead'
import type { WeatherOptions } from '../plugins/weather'
import type { ChannelEvent } from '../plugins/distribution'
import type { ContentChange } from '../plugins/shared/contentChange'
import type { EditorialWorkflowOptions, WorkflowMoveArgs } from '../plugins/editorial-workflow'
import type { DistributionOptions } from '../plugins/distribution'
import type { DocumentLocksOptions } from '../plugins/document-locks'
import type { FeedsOptions } from '../plugins/feeds'
import type { HttpCacheOptions } from '../plugins/http-cache'
import type { LoginThrottleOptions } from '../plugins/login-throttle'
import type { InputGuardsOptions } from '../plugins/input-guards'
import type { QueryLimitsOptions } from '../plugins/query-limits'
import type { ReadersOptions } from '../plugins/readers'
import type { StructuredDataOptions } from '../plugins/structured-data'
import type { RegisterTimestampsOptions } from '../plugins/register-timestamps'
import type { RelatedNewsOptions } from '../plugins/related-news'
import type { ReporterPagesOptions } from '../plugins/reporter-pages'
import type { SearchOptions } from '../plugins/search'

import { canChangeLiveState } from '../collections/access/liveState'
import { refuseLockOperations } from '../collections/access/refuseLockOperations'
import { Articles, articleCounterFields } from '../collections/Articles'
import { Media } from '../collections/Media'
import { Regions } from '../collections/Regions'
import { Reporters } from '../collections/Reporters'
import { Sections } from '../collections/Sections'
import { Users } from '../collections/Users'
import { enforcePasswordPolicy } from '../collections/Users/hooks/enforcePasswordPolicy'
import { isAdmin } from '../collections/access/isAdmin'
import { refuseScheduleCancel } from '../collections/access/refuseScheduleCancel'
import { staffIntrospectionOnly } from '../collections/access/staffIntrospection'
import { ADJACENT_LINKS_FIELD, adjacentArticles } from '../plugins/adjacent-articles'
import { distribution, queueArticleEvent, queueCachePurge } from '../plugins/distribution'
import { documentLocks } from '../plugins/document-locks'
import { editorialWorkflow, eventOfMove, WORKFLOW_FIELD } from '../plugins/editorial-workflow'
import { EMBARGO_FIELD, embargo, type EmbargoOptions } from '../plugins/embargo'
import { preview, type PreviewOptions } from '../plugins/preview'
import { corrections, type CorrectionsOptions } from '../plugins/corrections'
import { auditLog, type AuditLogOptions, UPDATED_BY_FIELD } from '../plugins/audit-log'
import { slugRedirects, type SlugRedirectsOptions } from '../plugins/slug-redirects'
import { articleLists, type ArticleListsOptions } from '../plugins/article-lists'
import { articleVotes } from '../plugins/article-votes'
import { articleViews } from '../plugins/article-views'
import { visitors } from '../plugins/visitors'
import { feeds } from '../plugins/feeds'
import { httpCache } from '../plugins/http-cache'
import { sanitizeHttpCacheOptions } from '../plugins/http-cache/defaults'
import { loginThrottle } from '../plugins/login-throttle'
import { errorCodes } from '../plugins/error-codes'
import { inputGuards } from '../plugins/input-guards'
import { queryLimits } from '../plugins/query-limits'
import { READERS_SLUG, readers, SCRAPS_SLUG } from '../plugins/readers'
import { structuredData } from '../plugins/structured-data'
import { registerTimestamps } from '../plugins/register-timestamps'
import { releaseStaleJobs } from '../plugins/shared/jobLease'
import { publicTimes } from '../plugins/shared/publicTimes'
import { relatedNews } from '../plugins/related-news'
import { reporterPages } from '../plugins/reporter-pages'
import { gramCountsSlugOf, INDEX_SLUG, search } from '../plugins/search'
import { TICKER_SLUG, ticker, type TickerOptions } from '../plugins/ticker'
import { readerReports, type ReaderReportsOptions, REPORTS_SLUG } from '../plugins/reader-reports'
import { INQUIRIES_SLUG, inquiries, type InquiriesOptions } from '../plugins/inquiries'
import { masthead, MASTHEAD_SLUG } from '../plugins/masthead'
import { weather, WEATHER_SLUG } from '../plugins/weather'
import { PLANS_SLUG } from '../plugins/subscriptions/defaults'
import { subscriptions, type SubscriptionsOptions } from '../plugins/subscriptions'
import { koTranslations } from './i18n/ko'

export type NewsroomOptions = {
  /** When false the collections stay (stable schema) and the plugins skip their behaviour. @default true */
  enabled?: boolean
  /** Options for the register-timestamps plugin on `articles`, or false to leave it out. */
  registerTimestamps?: false | Partial<RegisterTimestampsOptions>
  /** Options for the reporter-pages plugin, or false to leave it out. */
  reporterPages?: false | ReporterPagesOptions
  /** The desk's review states (작성중 → 송고 → 검토 → 승인 → 출고, 반려). */
  editorialWorkflow?: false | EditorialWorkflowOptions
  /** Embargo (엠바고) on articles: hidden everywhere until a time, then released by a job. */
  embargo?: false | EmbargoOptions
  /** 미리보기: signed, expiring links to a story's draft, for the desk and the frontend. */
  preview?: false | PreviewOptions
  /** 정정·반론보도 on articles and 언론중재법 correction requests with their deadlines. */
  corrections?: false | CorrectionsOptions
  /** The append-only audit log (who did what, when, from where). */
  auditLog?: false | AuditLogOptions
  /** Old URLs keep working after a published story's slug changes. */
  slugRedirects?: false | SlugRedirectsOptions
  /** Options for the related-news plugin, or false to leave it out. */
  relatedNews?: false | RelatedNewsOptions
  /** Options for the distribution (signed webhooks) plugin, or false to leave it out. */
  distribution?: false | DistributionOptions
  /** Options for `jsonLd` and `shareLinks`, or false to leave them out. */
  structuredData?: false | StructuredDataOptions
  /** Options for the feeds and sitemaps plugin, or false to leave it out. */
  feeds?: false | FeedsOptions
  /** GraphQL `articlesBy(section, region, reporter)`: page lists by slug, or false to leave it out. */
  articleLists?: false | ArticleListsOptions
  /** Public full-text search (`/api/search`, GraphQL `searchArticles`), or false to leave it out. */
  search?: false | SearchOptions
  /** Reader accounts (`readers`, apart from staff) and their saved articles (`scraps`), or false to leave them out. */
  readers?: false | ReadersOptions
  /** 올려/내려: `POST /api/articles/:id/vote`, or false to leave it out. */
  articleVotes?: false | ArticleVotesOptions
  /** 조회수 and most-read: `POST /api/articles/:id/view`, `GET /api/articles/most-read`, GraphQL `mostRead`, or false. */
  articleViews?: false | ArticleViewsOptions
  /** 현재접속자: `POST /api/visitors/heartbeat`, `GET /api/visitors`, or false to leave it out. */
  visitors?: false | VisitorsOptions
  /** Options for the adjacent-articles plugin, or false to leave it out. */
  adjacentArticles?: false | AdjacentArticlesOptions
  /** 티커뉴스: `ticker-items`, `GET /api/ticker-items/current`, GraphQL `ticker`, 속보 on articles. */
  ticker?: false | TickerOptions
  /** 신고하기: `reports` from readers (or anonymous), rate-limited, and the desk's moderation queue. */
  readerReports?: false | ReaderReportsOptions
  /** 이메일문의: `inquiries` to a reporter or the desk, emailed by a job, answered in the admin. */
  inquiries?: false | InquiriesOptions
  /** 날씨: the `weather` global (KMA 단기예보 refreshed by a job, or the desk's override), or false. */
  weather?: false | WeatherOptions
  /** 발행 정보: the `masthead` global (제호, 등록번호, 발행인, 편집인, 청소년보호책임자, …), or false. */
  masthead?: false | MastheadOptions
  /** 무통장입금 구독: `subscription-plans`, `pledges`, bank statement imports matched by a job, overdue reminders. */
  subscriptions?: false | SubscriptionsOptions
  /** Options for HTTP caching of anonymous reads (ETag, Cache-Control, surrogate keys), or false to leave it out. */
  httpCache?: false | HttpCacheOptions
  /** Page size and GraphQL depth/complexity limits for REST and GraphQL reads, or false to leave them out. */
  queryLimits?: false | QueryLimitsOptions
  /** Limits on login, forgot-password and reset-password attempts, or false to leave them out. */
  loginThrottle?: false | LoginThrottleOptions
  /** 4xx for malformed bodies, ids, text and filters on every collection, or false to leave it out. */
  inputGuards?: false | InputGuardsOptions
  /** Stable `code`s on every REST and GraphQL error (DESIGN.md, "Errors"), or false to leave them out. */
  errorCodes?: false
  /** Per-document save locks, ETag / If-Match and stale-save refusal on `articles`, or false to leave them out. */
  documentLocks?: false | Partial<DocumentLocksOptions>
  /**
   * Run queued jobs (scheduled publishing, deliveries) inside this process.
   * Turn off where a separate worker runs them. @default true
   */
  runJobs?: boolean
  /** How often the in-process runner looks for due jobs (croner syntax, seconds allowed). @default every 10 s */
  jobsCron?: string
}

const KST = 'Asia/Seoul'

/**
 * The desk's moves reach newsroom chat integrations as channel events (`article.filed`,
 * `article.returned`, `article.approved`): distribution's own queue, signing and retries, so a
 * channel that is down never holds up the save. Neither plugin knows of the other; this joins them.
 */
const announceWorkflowMove = async ({ collection, doc, move, req }: WorkflowMoveArgs) => {
  const event = eventOfMove(move.to) as ChannelEvent | null
  if (!event) return
  await queueArticleEvent(req, {
    collection,
    doc,
    event,
    data: { workflow: { from: move.from, to: move.to, note: move.note, by: move.by } },
  })
}

/** A correction made public goes to the channels that subscribe to `article.corrected`. */
const announceCorrections: NonNullable<CorrectionsOptions['onCorrection']> = ({
  added,
  collection,
  doc,
  req,
}) =>
  queueArticleEvent(req, {
    collection,
    doc,
    event: 'article.corrected',
    data: { corrections: added },
  })

/**
 * A story held under embargo goes early, body included for `full` channels, to the channels that
 * subscribe to `article.embargoed` (news agencies' partners), with the time they must wait for.
 */
const announceEmbargo: NonNullable<EmbargoOptions['onHold']> = ({ collection, doc, req, until }) =>
  queueArticleEvent(req, {
    collection,
    doc,
    event: 'article.embargoed',
    withBody: true,
    data: { embargo: { until } },
  })

/**
 * The ticker, the plans, the weather line and the masthead changed: their CDN copies go, as an
 * article's do (`cache.purge` to the channels subscribed to it; queued with the save's `req`).
 */
const purgeCdnCopies = ({ keys, reason, req }: ContentChange) =>
  queueCachePurge(req, { keys, reason })

const deskOnly = ({ req }: { req: PayloadRequest }): boolean => canChangeLiveState(req.user)

/**
 * Every auth collection, the host app's too: only admins lift lockouts (Payload's default lets any
 * signed-in user, GHSA-jg8r-5jh2-v2xj) unless the collection says otherwise, and passwords follow
 * the policy (plugins/shared/passwordPolicy.ts).
 */
const secureAuthCollection = (collection: CollectionConfig): CollectionConfig => {
  if (!collection.auth) return collection
  const beforeOperation = collection.hooks?.beforeOperation ?? []
  return {
    ...collection,
    access: { ...collection.access, unlock: collection.access?.unlock ?? isAdmin },
    hooks: {
      ...collection.hooks,
      beforeOperation: beforeOperation.includes(enforcePasswordPolicy)
        ? beforeOperation
        : [...beforeOperation, enforcePasswordPolicy],
    },
  }
}

/**
 * The newsroom as one plugin: collections, Korean admin, KST dates, job runner, and the editorial
 * plugins composed on the newsroom's own collections. Collections already defined by the host app
 * under the same slug are kept as they are.
 */
export const newsroom =
  (options: NewsroomOptions = {}): Plugin =>
  async (incomingConfig: Config): Promise<Config> => {
    const enabled = options.enabled ?? true
    const existingSlugs = new Set(
      (incomingConfig.collections ?? []).map((collection) => collection.slug),
    )
    const ours = [Articles, Regions, Reporters, Sections, Media, Users].filter(
      (collection) => !existingSlugs.has(collection.slug),
    )

    const incomingJobs = incomingConfig.jobs ?? {}
    let config: Config = {
      ...incomingConfig,
      admin: {
        ...incomingConfig.admin,
        user: incomingConfig.admin?.user ?? Users.slug,
        dateFormat: incomingConfig.admin?.dateFormat ?? 'yyyy-MM-dd HH:mm',
        timezones: {
          defaultTimezone: KST,
          supportedTimezones: [{ label: '서울 (KST, UTC+9)', value: KST }],
          ...incomingConfig.admin?.timezones,
        },
      },
      collections: [...(incomingConfig.collections ?? []), ...ours],
      // Edit locks are not GraphQL's business (collections/access/refuseLockOperations.ts);
      // introspection in production is staff's (collections/access/staffIntrospection.ts).
      graphQL: {
        ...incomingConfig.graphQL,
        disableIntrospectionInProduction:
          incomingConfig.graphQL?.disableIntrospectionInProduction ?? false,
        validationRules: (args) => [
          refuseLockOperations,
          ...(incomingConfig.graphQL?.disableIntrospectionInProduction
            ? []
            : [staffIntrospectionOnly(args)]),
          ...(incomingConfig.graphQL?.validationRules?.(args) ?? []),
        ],
      },
      i18n: {
        fallbackLanguage: 'ko',
        ...incomingConfig.i18n,
        supportedLanguages: { ko, en, ...incomingConfig.i18n?.supportedLanguages },
        // The newsroom's Korean over Payload's (src/i18n/ko.ts); the host app's own words win.
        translations: {
          ...incomingConfig.i18n?.translations,
          ko: deepMergeSimple(koTranslations, incomingConfig.i18n?.translations?.ko ?? {}),
        },
      },
      jobs: {
        ...incomingJobs,
        // Payload lets any logged-in user queue (with access checked), run and cancel jobs; a scheduled
        // publish changes the live state, so that is the desk's (collections/access/liveState.ts).
        access: { queue: deskOnly, run: deskOnly, cancel: deskOnly, ...incomingJobs.access },
        // The schedule drawer deletes jobs through the Local API: only the desk cancels a scheduled
        // publish. (Payload warns at boot that hooks on the jobs collection need jobs.runHooks: that
        // is true of the runner's own writes, which go past hooks, not of this Local API delete.)
        jobsCollectionOverrides: ({ defaultJobsCollection }) => {
          const collection =
            incomingJobs.jobsCollectionOverrides?.({ defaultJobsCollection }) ??
            defaultJobsCollection
          return {
            ...collection,
            hooks: {
              ...collection.hooks,
              beforeDelete: [...(collection.hooks?.beforeDelete ?? []), refuseScheduleCancel],
            },
          }
        },
        autoRun:
          incomingJobs.autoRun ??
          (options.runJobs === false
            ? undefined
            : [
                {
                  cron: options.jobsCron ?? '*/10 * * * * *',
                  limit: 100,
                  queue: 'default',
                  // Payload queues scheduled jobs on this cron before it asks shouldAutoRun: a
                  // process that runs no jobs (app processes, tests) must not query and queue them.
                  disableScheduling: process.env.NEWSROOM_RUN_JOBS === 'off',
                },
              ]),
        shouldAutoRun:
          incomingJobs.shouldAutoRun ??
          (async (payload) => {
            if (process.env.NEWSROOM_RUN_JOBS === 'off') return false
            await releaseStaleJobs(payload)
            return true
          }),
      },
    }

    if (options.registerTimestamps !== false) {
      config = await registerTimestamps({
        collections: [Articles.slug],
        enabled,
        ignoreFields: [
          ...articleCounterFields,
          'bodyHtml',
          'regionLabel',
          'byline',
          'relatedArticles',
          'relatedSuggestions',
          ADJACENT_LINKS_FIELD,
          // The desk's review state is no revision of the story.
          WORKFLOW_FIELD,
          EMBARGO_FIELD,
          `${EMBARGO_FIELD}_tz`,
          // Who saved last (audit-log): no revision of the story either.
          UPDATED_BY_FIELD,
          // The 속보 flag (ticker) says how the story is promoted, not what it says.
          ...(options.ticker !== false && options.ticker?.breaking !== false
            ? [options.ticker?.breaking?.field ?? 'breaking']
            : []),
        ],
        ...options.registerTimestamps,
      })(config)
    }
    // After register-timestamps: a release stamps 등록 with the embargo time over the publish time.
    if (options.embargo !== false) {
      config = embargo({
        collections: [Articles.slug],
        enabled,
        ...(options.distribution !== false && { onHold: announceEmbargo }),
        ...options.embargo,
      })(config) as Config
    }
    if (options.slugRedirects !== false) {
      config = await slugRedirects({
        collections: [Articles.slug],
        enabled,
        ...options.slugRedirects,
      })(config)
    }
    if (options.preview !== false) {
      config = await preview({ collections: [Articles.slug], ...options.preview })(config)
    }
    if (options.relatedNews !== false) {
      config = await relatedNews({ collections: [Articles.slug], enabled, ...options.relatedNews })(
        config,
      )
    }
    if (options.adjacentArticles !== false) {
      config = await adjacentArticles({
        collections: [Articles.slug],
        enabled,
        ...options.adjacentArticles,
      })(config)
    }
    if (options.distribution !== false) {
      config = await distribution({ enabled, ...options.distribution })(config)
    }
    // Before structured data: `jsonLd` lists the corrections.
    if (options.corrections !== false) {
      config = await corrections({
        collections: [Articles.slug],
        enabled,
        ...(options.distribution !== false && { onCorrection: announceCorrections }),
        ...options.corrections,
      })(config)
    }
    if (options.structuredData !== false) {
      config = await structuredData(options.structuredData)(config)
    }
    if (options.feeds !== false) {
      config = await feeds({ enabled, ...options.feeds })(config)
    }
    if (options.articleLists !== false) {
      config = (await articleLists({ enabled, ...options.articleLists })(config)) as Config
    }
    if (options.search !== false) {
      config = await search({ collection: Articles.slug, enabled, ...options.search })(config)
    }
    if (options.editorialWorkflow !== false) {
      config = await editorialWorkflow({
        collections: [Articles.slug],
        enabled,
        ...(options.distribution !== false && { onMove: announceWorkflowMove }),
        ...options.editorialWorkflow,
      })(config)
    }
    if (options.reporterPages !== false) {
      config = await reporterPages({ enabled, ...options.reporterPages })(config)
    }
    // Before login-throttle and the password rule (secureAuthCollection), which then cover readers
    // too; before the audit log, which leaves readers' accounts and scraps out (their own data,
    // deleted with the account, is no record of the newsroom's).
    if (options.readers !== false) {
      config = await readers({ articles: Articles.slug, enabled, ...options.readers })(config)
    }
    if (options.ticker !== false) {
      config = await ticker({
        enabled,
        // CDN copies of the ticker go when it changes, like an article's (distribution's cache.purge).
        ...(options.distribution !== false && { onChange: purgeCdnCopies }),
        ...options.ticker,
      })(config)
    }
    if (options.readerReports !== false) {
      config = await readerReports({ enabled, ...options.readerReports })(config)
    }
    if (options.inquiries !== false) {
      config = await inquiries({ enabled, ...options.inquiries })(config)
    }
    if (options.weather !== false) {
      config = weather({
        enabled,
        // The processes that run jobs keep the refresh going (npm start, workers), not app processes.
        queueAtBoot: () => process.env.NEWSROOM_RUN_JOBS !== 'off',
        // Like the ticker's: CDN copies go when what readers get changes.
        ...(options.distribution !== false && { onChange: purgeCdnCopies }),
        ...options.weather,
      })(config) as Config
    }
    if (options.masthead !== false) {
      config = masthead({
        ...(options.distribution !== false && { onChange: purgeCdnCopies }),
        ...options.masthead,
      })(config) as Config
    }
    if (options.subscriptions !== false) {
      config = await subscriptions({
        enabled,
        // The plans are public content: a change purges CDN copies of them (cache.purge).
        ...(options.distribution !== false && { onChange: purgeCdnCopies }),
        ...options.subscriptions,
      })(config)
    }
    if (options.articleVotes !== false) {
      config = articleVotes({
        collections: [Articles.slug],
        enabled,
        ...options.articleVotes,
      })(config) as Config
    }
    if (options.articleViews !== false) {
      config = articleViews({ collection: Articles.slug, enabled, ...options.articleViews })(
        config,
      ) as Config
    }
    if (options.visitors !== false) {
      config = visitors({ enabled, ...options.visitors })(config) as Config
    }
    if (options.queryLimits !== false) {
      config = await queryLimits(options.queryLimits)(config)
    }
    if (options.documentLocks !== false) {
      config = documentLocks({ collections: [Articles.slug], enabled, ...options.documentLocks })(
        config,
      ) as Config
    }
    if (options.httpCache !== false) {
      config = await httpCache({
        enabled,
        // The ticker's and the plans' public reads are content reads like the collections' (their
        // surrogate keys), and so are the globals every page shows (the weather line, the masthead).
        collections: [
          ...sanitizeHttpCacheOptions().collections,
          ...(options.ticker !== false
            ? [(options.ticker && options.ticker.slug) || TICKER_SLUG]
            : []),
          ...(options.subscriptions !== false
            ? [options.subscriptions?.plansSlug ?? PLANS_SLUG]
            : []),
        ],
        globals: [
          ...(options.weather !== false ? [options.weather?.slug ?? WEATHER_SLUG] : []),
          ...(options.masthead !== false ? [options.masthead?.slug ?? MASTHEAD_SLUG] : []),
        ],
        ...options.httpCache,
      })(config)
    }
    if (options.loginThrottle !== false) {
      config = await loginThrottle({ enabled, ...options.loginThrottle })(config)
    }
    // After the plugins that add collections, so that their writes are recorded too.
    if (options.auditLog !== false) {
      const searchIndexSlug = options.search ? (options.search.indexSlug ?? INDEX_SLUG) : INDEX_SLUG
      config = await auditLog({
        enabled,
        // The delivery log is a record of its own, written per attempt by the job runner.
        // The search index is derived from the articles, rebuilt at will: no record of its own.
        exclude: [
          'webhook-deliveries',
          // One row per reader's vote, written past the API: no editorial act.
          options.articleVotes ? (options.articleVotes.votesSlug ?? 'votes') : 'votes',
          searchIndexSlug,
          gramCountsSlugOf(searchIndexSlug),
          ...(options.readers === false
            ? []
            : [
                options.readers?.readersSlug ?? READERS_SLUG,
                options.readers?.scrapsSlug ?? SCRAPS_SLUG,
              ]),
        ],
        ...options.auditLog,
      })(config)
    }
    // Last, so that it guards the collections every other plugin added.
    if (options.inputGuards !== false) config = await inputGuards(options.inputGuards)(config)
    // After every other plugin's afterError hooks: codes they set are kept.
    if (options.errorCodes !== false) config = await errorCodes()(config)
    // Last: readers' instants in +09:00 after every other hook has read them as stored (DESIGN.md, "Times").
    // Readers' own answers too (their account, scraps, reports; an inquiry's receipt): staff
    // sessions keep UTC there as everywhere.
    config = await publicTimes([
      ...[Articles, Regions, Reporters, Sections, Media].map((collection) => collection.slug),
      options.readers ? (options.readers.readersSlug ?? READERS_SLUG) : READERS_SLUG,
      options.readers ? (options.readers.scrapsSlug ?? SCRAPS_SLUG) : SCRAPS_SLUG,
      options.readerReports ? (options.readerReports.slug ?? REPORTS_SLUG) : REPORTS_SLUG,
      options.inquiries ? (options.inquiries.slug ?? INQUIRIES_SLUG) : INQUIRIES_SLUG,
    ])(config)
    return { ...config, collections: (config.collections ?? []).map(secureAuthCollection) }
  }
