import type { PayloadRequest } from 'payload'

export type ReporterPagesOptions = {
  /** Collection whose documents carry the byline. @default 'articles' */
  articles?: string
  /** The hasMany relationship on `articles` that holds the byline, in order. @default 'reporters' */
  bylineField?: string
  /** Collection of reporters (authors). @default 'reporters' */
  reporters?: string
  /** Name of the join field added to reporters: their published articles. @default 'articles' */
  joinField?: string
  /** Sort of the reporter's articles. @default '-registeredAt' */
  sort?: string
  /** Page size of the join when a query names none. @default 10 */
  pageSize?: number
  /** Text after each name in the byline. @default ' 기자' */
  titleSuffix?: string
  /** When false the fields stay (stable schema) and hooks do nothing. @default true */
  enabled?: boolean
  /** Who may move a reporter's articles to another reporter. @default users with role admin or editor */
  canReassign?: (args: { req: PayloadRequest }) => boolean | Promise<boolean>
}

export type SanitizedReporterPagesConfig = Required<ReporterPagesOptions>
