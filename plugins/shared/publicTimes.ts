import type {
  CollectionAfterReadHook,
  CollectionBeforeValidateHook,
  CollectionConfig,
  Config,
  Field,
  PayloadRequest,
  Plugin,
} from 'payload'

import { formatKstIso } from '../register-timestamps/formatKst'

/**
 * An instant that GraphQL's `DateTime` scalar passes through as it is (it keeps `Date` values and
 * turns strings into new ones), written out in Korea's offset: `2020-04-17T13:33:00+09:00`.
 */
export class KstInstant extends Date {
  override toJSON(): string {
    return formatKstIso(this) ?? ''
  }
}

/**
 * An instant as public output writes it (DESIGN.md, "Times"): RFC 3339 in `+09:00`, for answers
 * that endpoints build themselves (the collection hooks below cover documents). Null for no time.
 */
export const publicInstant = (value: Date | null | number | string | undefined): null | string =>
  value === null || value === undefined || value === '' ? null : formatKstIso(new Date(value))

type Path = string[]
type Doc = Record<string, unknown>

/** Where the date fields of a field list are: `registeredAt`, `corrections.*.date`, … */
export const datePaths = (fields: Field[], prefix: Path = []): Path[] =>
  fields.flatMap((field): Path[] => {
    const named = 'name' in field && typeof field.name === 'string' ? field.name : null
    if (field.type === 'date') return named ? [[...prefix, named]] : []
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) =>
        datePaths(tab.fields, 'name' in tab && tab.name ? [...prefix, tab.name] : prefix),
      )
    if (field.type === 'array') return named ? datePaths(field.fields, [...prefix, named, '*']) : []
    if ('fields' in field && Array.isArray(field.fields))
      return datePaths(field.fields, named && field.type === 'group' ? [...prefix, named] : prefix)
    return []
  })

/** Calls `change` on every value at `path` (`*` walks an array's rows) and stores what it answers. */
const mapPath = (value: unknown, path: Path, change: (value: unknown) => unknown): void => {
  if (!value || typeof value !== 'object') return
  const [head, ...rest] = path
  if (head === '*') {
    if (Array.isArray(value)) for (const row of value) mapPath(row, rest, change)
    return
  }
  const doc = value as Doc
  if (!head || !(head in doc)) return
  if (rest.length === 0) doc[head] = change(doc[head])
  else mapPath(doc[head], rest, change)
}

const isInstant = (value: unknown): value is Date | string =>
  (typeof value === 'string' && value !== '') || value instanceof Date

// Payload's own timestamps, added at sanitize time when a collection does not define them.
const TIMESTAMPS: Path[] = [['createdAt'], ['updatedAt']]
// An auth collection's sessions (added at sanitize time too), which `me` shows their owner.
const SESSION_TIMES: Path[] = [
  ['sessions', '*', 'createdAt'],
  ['sessions', '*', 'expiresAt'],
]

const ANSWERS_READER = 'publicTimesAnswersReader'

/**
 * Marks a read an endpoint makes with `overrideAccess` (having checked access itself, e.g. the
 * preview link's token) as one whose documents go out to a reader as they are: +09:00 instants.
 */
export const markReaderAnswer = (req: PayloadRequest): void => {
  req.context[ANSWERS_READER] = true
}

/**
 * Every instant a REST or GraphQL reader receives is RFC 3339 with `+09:00` (DESIGN.md, "Times"):
 * the change to apply to a read's instants, or null when the read keeps Payload's UTC strings.
 * Only reads made on a reader's behalf (`overrideAccess: false` over REST or GraphQL) change; the
 * Local API — our hooks' and jobs' reads, Payload's reads for a save — keeps UTC.
 *
 * Staff sessions (the admin's user collection) keep UTC too: the admin compares `updatedAt` as
 * strings — the `updatedAt` of a save's REST answer against a fresh Local API read, to tell that
 * someone else saved (Payload's handleStaleDataCheck) — and compares a saved document's fields
 * with the form's for autosave. Both would see every instant as changed.
 */
export const readerInstantChange = (
  req: PayloadRequest,
  overrideAccess = false,
): ((value: unknown) => unknown) | null => {
  const api = req.payloadAPI
  if (overrideAccess && !req.context[ANSWERS_READER]) return null
  if (api !== 'REST' && api !== 'GraphQL') return null
  if (req.user && req.user.collection === req.payload.config.admin.user) return null
  return (value) => {
    if (!isInstant(value)) return value
    const time = new Date(value).getTime()
    if (Number.isNaN(time)) return value
    return api === 'GraphQL' ? new KstInstant(time) : formatKstIso(new Date(time))
  }
}

/**
 * A writer may send back the `+09:00` instants it read: they are stored as UTC (`…Z`), the form
 * every stored instant has, so that SQLite's text comparisons and sorts stay chronological.
 */
export const storedInstant = (value: unknown): unknown => {
  if (typeof value !== 'string' || value.endsWith('Z')) return value
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? value : new Date(time).toISOString()
}

/** Applies `change` at each of `paths` of `value` (a document, or a write's data). */
export const mapPaths = (value: unknown, paths: Path[], change: (value: unknown) => unknown) => {
  for (const path of paths) mapPath(value, path, change)
}

/** Runs last among the collection's afterRead hooks, so our own hooks keep the stored instants. */
const publishInstants =
  (paths: Path[]): CollectionAfterReadHook =>
  ({ doc, overrideAccess, req }) => {
    const change = readerInstantChange(req, overrideAccess)
    if (change && doc) mapPaths(doc, paths, change)
    return doc
  }

const normalizeInstants =
  (paths: Path[]): CollectionBeforeValidateHook =>
  ({ data }) => {
    if (data) mapPaths(data, paths, storedInstant)
    return data
  }

/** Adds `+09:00` public instants to the named collections (see `publishInstants`). */
export const publicTimes =
  (collections: string[]): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection): CollectionConfig => {
      if (!collections.includes(collection.slug)) return collection
      const own = datePaths(collection.fields)
      const paths = [
        ...own,
        ...(collection.timestamps === false ? [] : TIMESTAMPS),
        ...(collection.auth ? SESSION_TIMES : []),
      ].filter(
        (path, index, all) =>
          all.findIndex((other) => other.join('.') === path.join('.')) === index,
      )
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeValidate: [normalizeInstants(paths), ...(collection.hooks?.beforeValidate ?? [])],
          afterRead: [...(collection.hooks?.afterRead ?? []), publishInstants(paths)],
        },
      }
    }),
  })
