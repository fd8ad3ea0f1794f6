export { newsroom } from './newsroom'
export type { NewsroomOptions } from './newsroom'
// A host app's own lexicalEditor gets the newsroom's Korean by wrapping it (the newsroom's i18n has the rest).
export { koLexicalTranslations, koTranslations, withKoreanEditor } from './i18n/ko'
export { collectionLabels, labelFunction, labelFunctions } from '../plugins/shared/labels'
export { databaseAdapter, databaseKind } from './database'
export type { DatabaseKind, DatabaseOptions } from './database'
export {
  formatKstIso,
  formatKstList,
  formatKstRegister,
  registerTimestamps,
} from '../plugins/register-timestamps'
export type { RegisterTimestampsOptions } from '../plugins/register-timestamps'
export { slugify } from '../collections/slugs'
export { parseRegionCode, sidoList } from '../collections/regionCodes'
export { composeByline, reporterPages } from '../plugins/reporter-pages'
export type { ReporterPagesOptions } from '../plugins/reporter-pages'
export {
  defaultWeights,
  rankCandidates,
  relatedNews,
  scoreCandidate,
} from '../plugins/related-news'
export type { RelatedNewsOptions, RelatedNewsWeights } from '../plugins/related-news'
export { adjacentArticles, relinkAdjacentArticles } from '../plugins/adjacent-articles'
export type { AdjacentArticlesOptions, RelinkProgress } from '../plugins/adjacent-articles'
export { feeds, toKstRfc822 } from '../plugins/feeds'
export type { FeedsOptions } from '../plugins/feeds'
export { databaseSearchAdapter, search, searchIndexSql } from '../plugins/search'
export type {
  SearchAdapter,
  SearchDocument,
  SearchHit,
  SearchOptions,
  SearchQuery,
  SearchResult,
} from '../plugins/search'
export {
  articleEvents,
  channelEventLabels,
  channelEvents,
  distribution,
  generateSecret,
  isPrivateAddress,
  queueArticleEvent,
  signPayload,
  workflowEvents,
} from '../plugins/distribution'
export type {
  ArticleEvent,
  ChannelEvent,
  DistributionOptions,
  WorkflowEvent,
} from '../plugins/distribution'
export {
  defaultRecipients,
  editorialWorkflow,
  eventOfMove,
  mayMove,
  movesFor,
  workflowStates,
} from '../plugins/editorial-workflow'
export type {
  EditorialWorkflowOptions,
  WorkflowMove,
  WorkflowMoveArgs,
  WorkflowNotificationOptions,
  WorkflowState,
} from '../plugins/editorial-workflow'
export { structuredData } from '../plugins/structured-data'
export type { StructuredDataOptions } from '../plugins/structured-data'
export {
  graphQLGetHandler,
  graphQLPost,
  graphQLPostHandler,
  httpCache,
  isAnonymousRequest,
  withHttpCache,
} from '../plugins/http-cache'
export type { HttpCacheOptions } from '../plugins/http-cache'
export {
  depthLimitRule,
  parseWithinBounds,
  queryLimits,
  withGraphQLBounds,
} from '../plugins/query-limits'
export { inputGuards } from '../plugins/input-guards'
export { addErrorCodes, errorCodeByStatus, errorCodes } from '../plugins/error-codes'
export {
  documentLocks,
  entityTagOf,
  lockDocument,
  lockDocuments,
  PreconditionFailedError,
  releaseDocumentLocks,
  StaleSaveError,
} from '../plugins/document-locks'
export type { DocumentLocksOptions } from '../plugins/document-locks'
export type { QueryLimitsOptions } from '../plugins/query-limits'
export {
  clientAddress,
  loginThrottle,
  RATE_LIMITED,
  RateLimitedError,
} from '../plugins/login-throttle'
export type { LoginThrottleOptions } from '../plugins/login-throttle'
export {
  addReaderDeletionListener,
  isReader,
  READERS_SLUG,
  readers,
  SCRAPS_SLUG,
} from '../plugins/readers'
export type {
  DeletedReader,
  ReaderDeletionListener,
  ReadersOptions,
  ScrapView,
} from '../plugins/readers'
export { isStaffAccount, isStaffRequest } from '../plugins/shared/staffUser'
export {
  isCommonPassword,
  passwordProblem,
  PASSWORD_MIN_LENGTH,
} from '../plugins/shared/passwordPolicy'
export {
  kmaProvider,
  refreshWeather,
  weather,
  type KmaProviderOptions,
  type PublicWeather,
  type WeatherLocation,
  type WeatherOptions,
  type WeatherProvider,
  type WeatherReading,
} from '../plugins/weather'
export { masthead, type MastheadOptions } from '../plugins/masthead'
