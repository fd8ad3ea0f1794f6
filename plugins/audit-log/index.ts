import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterErrorHook,
  CollectionAfterLoginHook,
  CollectionAfterLogoutHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  Config,
  Field,
  PayloadRequest,
  Plugin,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import { APIError } from 'payload'

import { clientAddress } from '../login-throttle/clientAddress'
import { trustedProxiesFromEnvironment } from '../login-throttle/defaults'
import type { DerivedWriteListener } from '../shared/derivedWrites'

import { addDerivedWriteListener } from '../shared/derivedWrites'
import { markDraftSave } from '../shared/markDraftSave'
import { isStaffRequest } from '../shared/staffUser'
import { changedStoredFields, SAVE_STAMPS } from '../shared/storedChange'

export type AuditLogOptions = {
  /** Collections never recorded (besides Payload's own bookkeeping). @default [] */
  exclude?: string[]
  /** Who reads every entry. @default role admin */
  canReadAll?: (req: PayloadRequest) => boolean
  /** Collections whose entries the desk (role editor) reads too. @default ['articles'] */
  deskCollections?: string[]
  /** Proxies in front whose X-Forwarded-For entries are trusted. @default NEWSROOM_TRUSTED_PROXIES */
  trustedProxies?: number
  /**
   * Collections whose documents (and so each of their versions) carry `updatedBy`, the user who
   * saved them. @default ['articles']
   */
  versionAuthors?: string[]
  /** When false the collection stays and nothing is recorded. @default true */
  enabled?: boolean
}

export const UPDATED_BY_FIELD = 'updatedBy'

export const AUDIT_LOG = 'audit-log'

/** Payload's own bookkeeping and the log itself: their writes are no one's editorial act. */
const SKIPPED = new Set([
  AUDIT_LOG,
  'payload-jobs',
  'payload-locked-documents',
  'payload-preferences',
  'payload-migrations',
  'payload-kv',
  'payload-folders',
])
/**
 * Besides every save's own stamps (shared/storedChange.ts): fields computed from others, auth
 * bookkeeping, and secrets whose change is an action of its own (never a value here).
 */
const UNCOUNTED = new Set([
  ...SAVE_STAMPS,
  'sizes',
  'bodyHtml',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  '_verificationToken',
  UPDATED_BY_FIELD,
])

/** Who saved: stamped on every save with a user, so each version names its author. */
const updatedByField = (users: string): Field => ({
  name: UPDATED_BY_FIELD,
  type: 'relationship',
  relationTo: users as CollectionSlug,
  label: { en: 'Last saved by', ko: '마지막 저장' },
  admin: { position: 'sidebar', readOnly: true },
})

const stampAuthor: CollectionBeforeChangeHook = ({ data, req }) => {
  // Only a staff member's save names someone (the field points at the staff collection); jobs,
  // scripts and accounts of other auth collections keep the previous author.
  if (isStaffRequest(req)) data[UPDATED_BY_FIELD] = req.user!.id
  else delete data[UPDATED_BY_FIELD]
  return data
}

const actions = [
  ['create', '생성'],
  ['update', '수정'],
  ['publish', '발행'],
  ['unpublish', '게시 해제'],
  ['delete', '삭제'],
  ['workflow', '진행 상태 변경'],
  // Written by the system without a save (a reassignment, computed related news, reciprocal links).
  ['derived', '자동 갱신'],
  ['roles', '권한 변경'],
  ['secret', '비밀키 교체'],
  ['login', '로그인'],
  ['logout', '로그아웃'],
  ['loginFailed', '로그인 실패'],
] as const
type Action = (typeof actions)[number][0]

type Doc = Record<string, unknown> & { id?: number | string }

// Staff roles only: an account of another auth collection (a site reader) has none.
const roles = (req: PayloadRequest) =>
  (isStaffRequest(req) ? ((req.user as { roles?: string[] } | null)?.roles ?? []) : []) as string[]

/** Hidden fields are kept by code (bodyHtml, adjacent links): no editor changed them. */
const changedFields = (
  collection: SanitizedCollectionConfig,
  doc: Doc,
  previous: Doc | undefined,
): string[] =>
  previous
    ? changedStoredFields(collection.fields, doc, previous, {
        includeHidden: false,
        uncounted: UNCOUNTED,
      })
    : []

const titleOf = (doc: Doc) =>
  String(doc.title ?? doc.name ?? doc.email ?? doc.filename ?? doc.slug ?? doc.id ?? '').slice(
    0,
    200,
  )

type Entry = {
  action: Action
  collection: string
  detail?: Record<string, unknown>
  doc?: Doc
  email?: string
  fields?: string[]
}

const record = async (req: PayloadRequest, trustedProxies: number, entry: Entry) => {
  const user = req.user as { collection?: string; email?: string; id?: number | string } | null
  await req.payload.create({
    collection: AUDIT_LOG as CollectionSlug,
    data: {
      action: entry.action,
      collectionSlug: entry.collection,
      documentId: entry.doc?.id === undefined ? null : String(entry.doc.id),
      title: entry.doc ? titleOf(entry.doc) : null,
      fields: entry.fields?.length ? entry.fields : null,
      detail: entry.detail ?? null,
      actor: user?.id === undefined ? null : `${user.collection ?? 'users'}:${String(user.id)}`,
      actorEmail: entry.email ?? user?.email ?? null,
      address: req.headers ? (clientAddress(req.headers, trustedProxies) ?? null) : null,
    } as never,
    overrideAccess: true,
    req,
  })
}

const AUTOSAVE = 'auditLog:autosave'
const isAutosave = (req: PayloadRequest) => Boolean(req.context[AUTOSAVE])
/** Autosaves (every few seconds while someone types) are no act of their own: not recorded. */
const markAutosave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update' && (args as { autosave?: boolean }).autosave)
    req.context[AUTOSAVE] = true
  return args
}

const afterChange =
  (trustedProxies: number): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    if (isAutosave(req)) return doc
    const slug = collection.slug
    if (operation === 'create') {
      await record(req, trustedProxies, {
        action: doc._status === 'published' ? 'publish' : 'create',
        collection: slug,
        doc,
      })
      return doc
    }
    const fields = changedFields(collection, doc, previousDoc)
    const detail: Record<string, unknown> = {}
    let action: Action = 'update'
    const wasLive = previousDoc?._status === 'published'
    if (doc._status === 'published' && !wasLive) action = 'publish'
    // A draft saved over a live story is no unpublish: only a save that is not a draft save is.
    else if (wasLive && doc._status === 'draft' && req.context.isDraftSave === false)
      action = 'unpublish'
    else if (doc._status === 'published') detail.live = true
    const workflow = [
      (previousDoc?.workflow as Doc | undefined)?.state,
      (doc.workflow as Doc | undefined)?.state,
    ]
    if (workflow[0] !== workflow[1] && workflow[1] !== undefined) {
      detail.workflow = { from: workflow[0] ?? null, to: workflow[1] }
      if (action === 'update' && fields.every((field) => field === 'workflow')) action = 'workflow'
    }
    if (fields.includes('roles')) {
      detail.roles = { from: previousDoc?.roles ?? null, to: doc.roles ?? null }
      action = 'roles'
    }
    if (fields.includes('secret')) action = 'secret'
    if (action === 'update' && !fields.length) return doc
    await record(req, trustedProxies, { action, collection: slug, detail, doc, fields })
    return doc
  }

/**
 * A derived write (plugins/shared/writeRelations.ts), which no hook sees: recorded with its
 * reason and the fields written, under whoever's request caused it (none for a job).
 */
const recordDerivedWrite =
  (trustedProxies: number, isRecorded: (slug: string) => boolean): DerivedWriteListener =>
  async ({ collection, detail, fields, id, reason, req }) => {
    if (!isRecorded(collection)) return
    const config = req.payload.collections[collection as CollectionSlug]?.config
    const titleField = config?.admin?.useAsTitle
    const stored = (await req.payload.db.findOne({
      collection: collection as CollectionSlug,
      req,
      ...(titleField && titleField !== 'id' ? { select: { [titleField]: true } } : {}),
      where: { id: { equals: id } },
    })) as Doc | null
    await record(req, trustedProxies, {
      action: 'derived',
      collection,
      detail: { reason, ...detail },
      doc: {
        id,
        ...(titleField && stored?.[titleField] !== undefined
          ? { title: stored[titleField] }
          : stored),
      },
      fields: fields.filter((field) => !UNCOUNTED.has(field)),
    })
  }

const afterDelete =
  (trustedProxies: number): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    await record(req, trustedProxies, { action: 'delete', collection: collection.slug, doc })
    return doc
  }

const afterLogin =
  (trustedProxies: number): CollectionAfterLoginHook =>
  async ({ collection, req, user }) => {
    await record(req, trustedProxies, {
      action: 'login',
      collection: collection.slug,
      doc: { id: user.id, email: user.email },
      email: user.email,
    })
    return user
  }

const afterLogout =
  (trustedProxies: number): CollectionAfterLogoutHook =>
  async ({ collection, req }) => {
    const user = req.user as Doc | null
    await record(req, trustedProxies, {
      action: 'logout',
      collection: collection.slug,
      doc: user ? { id: user.id, email: user.email } : undefined,
    })
  }

/** A refused login: the address and the address typed (never the password). */
const afterLoginError =
  (trustedProxies: number): CollectionAfterErrorHook =>
  async ({ collection, error, req }) => {
    const status = (error as { status?: number }).status
    const path = new URL(req.url ?? 'http://x/', 'http://x').pathname
    // 403: an account switched off (its password was right).
    if (!/\/login\/?$/.test(path) || ![401, 403, 423, 429].includes(status ?? 0)) return
    const email = String((req.data as { email?: unknown } | undefined)?.email ?? '').slice(0, 200)
    // Its own request scope: the failed login's transaction is rolled back.
    await req.payload.create({
      collection: AUDIT_LOG as CollectionSlug,
      data: {
        action: 'loginFailed',
        collectionSlug: collection.slug,
        actorEmail: email || null,
        detail: { status },
        address: clientAddress(req.headers, trustedProxies) ?? null,
      } as never,
      overrideAccess: true,
    })
  }

const refuse = () => {
  throw new APIError(
    '감사 기록은 고치거나 지울 수 없습니다 (the audit log is append-only)',
    403,
    { code: 'FORBIDDEN' },
    true,
  )
}

const auditCollection = (options: Required<AuditLogOptions>): CollectionConfig => ({
  slug: AUDIT_LOG,
  labels: {
    singular: { en: 'Audit entry', ko: '감사 기록' },
    plural: { en: 'Audit log', ko: '감사 기록' },
  },
  admin: {
    group: { en: 'Settings', ko: '설정' },
    useAsTitle: 'title',
    defaultColumns: [
      'createdAt',
      'action',
      'collectionSlug',
      'title',
      'actorEmail',
      'fields',
      'address',
    ],
    description: {
      en: 'Who did what, when and from where. Nobody can change or delete an entry.',
      ko: '누가, 언제, 어디서, 무엇을 했는지. 누구도 고치거나 지울 수 없습니다.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: ({ req }): boolean | Where =>
      options.canReadAll(req)
        ? true
        : roles(req).includes('editor')
          ? { collectionSlug: { in: options.deskCollections } }
          : false,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  hooks: {
    // Even server code with overrideAccess: the log is append-only.
    beforeChange: [({ operation, data }) => (operation === 'update' ? refuse() : data)],
    beforeDelete: [refuse],
  },
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: { en: 'Action', ko: '동작' },
      options: actions.map(([value, ko]) => ({ value, label: { en: value, ko } })),
    },
    {
      name: 'collectionSlug',
      type: 'text',
      index: true,
      label: { en: 'Collection', ko: '컬렉션' },
    },
    { name: 'documentId', type: 'text', index: true, label: { en: 'Document', ko: '문서 ID' } },
    { name: 'title', type: 'text', label: { en: 'Title', ko: '제목' } },
    {
      name: 'fields',
      type: 'text',
      hasMany: true,
      label: { en: 'Changed fields', ko: '바뀐 항목' },
    },
    { name: 'detail', type: 'json', label: { en: 'Detail', ko: '세부' } },
    { name: 'actor', type: 'text', index: true, label: { en: 'By (user)', ko: '한 사람 (계정)' } },
    { name: 'actorEmail', type: 'text', label: { en: 'By', ko: '한 사람' } },
    { name: 'address', type: 'text', label: { en: 'From (address)', ko: '접속 주소' } },
  ],
})

/**
 * An append-only audit log (`audit-log`): logins, logouts and refused logins; creates, updates
 * (with the names of the changed fields, never their values), publish, unpublish and deletes of
 * every collection; role changes, secret rotations and the desk's workflow moves, with who and
 * from which address. Admins read it all, editors the articles' entries; nobody changes it.
 */
export const auditLog =
  (incoming: AuditLogOptions = {}): Plugin =>
  (config: Config): Config => {
    const options: Required<AuditLogOptions> = {
      exclude: incoming.exclude ?? [],
      canReadAll: incoming.canReadAll ?? ((req) => roles(req).includes('admin')),
      deskCollections: incoming.deskCollections ?? ['articles'],
      versionAuthors: incoming.versionAuthors ?? ['articles'],
      trustedProxies: incoming.trustedProxies ?? trustedProxiesFromEnvironment(),
      enabled: incoming.enabled ?? true,
    }
    const { trustedProxies } = options
    const users = config.admin?.user ?? 'users'
    const isRecorded = (slug: string) =>
      options.enabled && !SKIPPED.has(slug) && !options.exclude.includes(slug)
    const collections = (config.collections ?? []).map((incoming): CollectionConfig => {
      const authored = options.versionAuthors.includes(incoming.slug)
      // The field stays when disabled: a stable schema.
      const collection = authored
        ? { ...incoming, fields: [...incoming.fields, updatedByField(users)] }
        : incoming
      if (
        !options.enabled ||
        SKIPPED.has(collection.slug) ||
        options.exclude.includes(collection.slug)
      )
        return collection
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        hooks: {
          ...hooks,
          beforeOperation: [...(hooks.beforeOperation ?? []), markDraftSave, markAutosave],
          beforeChange: [...(hooks.beforeChange ?? []), ...(authored ? [stampAuthor] : [])],
          afterChange: [...(hooks.afterChange ?? []), afterChange(trustedProxies)],
          afterDelete: [...(hooks.afterDelete ?? []), afterDelete(trustedProxies)],
          ...(collection.auth
            ? {
                afterLogin: [...(hooks.afterLogin ?? []), afterLogin(trustedProxies)],
                afterLogout: [...(hooks.afterLogout ?? []), afterLogout(trustedProxies)],
                afterError: [...(hooks.afterError ?? []), afterLoginError(trustedProxies)],
              }
            : {}),
        },
      }
    })
    const withListener = options.enabled
      ? addDerivedWriteListener(config, recordDerivedWrite(trustedProxies, isRecorded))
      : config
    return { ...withListener, collections: [...collections, auditCollection(options)] }
  }
