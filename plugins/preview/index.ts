import type {
  CollectionConfig,
  CollectionSlug,
  Config,
  Endpoint,
  PayloadRequest,
  Plugin,
} from 'payload'

import { markReaderAnswer, publicInstant } from '../shared/publicTimes'
import { escapeHtml } from '../shared/sanitizeHtml'
import { resolveApiOrigin } from '../shared/siteLinks'
import { isStaffRequest } from '../shared/staffUser'
import {
  grantPreviewRead,
  previewError,
  previewTokenOf,
  readDraftWithToken,
  refusalOf,
} from './readGrant'
import { checkPreviewToken, mintPreviewToken, PREVIEW_LINK_PARAM } from './token'

export { previewTokenOf } from './readGrant'
export { checkPreviewToken, mintPreviewToken } from './token'

export type PreviewOptions = {
  /** Collections (with drafts) that get preview links. @default ['articles'] */
  collections?: string[]
  /** How long a preview link works. @default 3600 (NEWSROOM_PREVIEW_TTL) */
  ttlSeconds?: number
  /**
   * The frontend's preview page: `<frontendUrl>/<collection>/<id>?token=…`; also Payload's Live
   * Preview. Without it, 미리보기 opens the API's own HTML preview. @default NEWSROOM_PREVIEW_URL
   */
  frontendUrl?: string
  /**
   * Absolute base of the API in the links this plugin hands out. @default serverURL, else
   * NEWSROOM_PUBLIC_URL (public links are absolute, DESIGN.md "Public contract")
   */
  publicUrl?: string
  /** When false nothing is added. @default true */
  enabled?: boolean
}

type Doc = Record<string, unknown> & { id: number | string }

const noStore = {
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
}

/** The reader's page in its plainest form; `bodyHtml` is sanitized when saved. */
const renderHtml = (doc: Doc) => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>미리보기: ${escapeHtml(doc.title)}</title>
<style>body{max-width:44rem;margin:2rem auto;padding:0 1rem;font:17px/1.7 sans-serif}
.notice{background:#fff3cd;padding:.5rem 1rem}img{max-width:100%;height:auto}</style></head>
<body><p class="notice">미리보기 — ${doc._status === 'published' ? '출고된 기사의 최신 저장본입니다' : '아직 독자에게 공개되지 않은 기사입니다'}.</p>
<article><p>${escapeHtml(doc.regionLabel ? `[${String(doc.regionLabel)}]` : '')}</p>
<h1>${escapeHtml(doc.title)}</h1>${doc.subtitle ? `<h2>${escapeHtml(doc.subtitle)}</h2>` : ''}
<p>${escapeHtml(doc.byline)}</p>
${typeof doc.bodyHtml === 'string' ? doc.bodyHtml : ''}</article></body></html>`

/** The id from the route, as Payload's own `/:id` endpoints read it. */
const routeId = (req: PayloadRequest): string => String(req.routeParams?.id ?? '')

const links = (
  req: PayloadRequest,
  options: Required<PreviewOptions>,
  collection: string,
  id: string,
  token: string,
) => {
  // Resolved per request, like the feeds' self links: NEWSROOM_PUBLIC_URL may be set after the config is built.
  const origin = options.publicUrl || resolveApiOrigin(req.payload.config.serverURL || undefined)
  const api = `${origin}${req.payload.config.routes.api}/${collection}/${encodeURIComponent(id)}/preview`
  const param = `${PREVIEW_LINK_PARAM}=${token}`
  return {
    api: `${api}?${param}`,
    html: `${api}?format=html&${param}`,
    frontend: options.frontendUrl
      ? `${options.frontendUrl}/${collection}/${encodeURIComponent(id)}?${param}`
      : null,
  }
}

const mint = (
  req: PayloadRequest,
  options: Required<PreviewOptions>,
  collection: string,
  id: string,
) => {
  const exp = Date.now() + options.ttlSeconds * 1000
  return { exp, token: mintPreviewToken(req.payload.secret, { collection, exp, id }) }
}

/** A token for the document of the route, for staff who may read its draft (401/403/404 otherwise). */
const mintForStaff = async (
  req: PayloadRequest,
  options: Required<PreviewOptions>,
  collection: string,
) => {
  if (!req.user) throw previewError('로그인이 필요합니다 (sign in to preview)', 401)
  // A signed-in site reader reads a published article too, and its token would open the draft.
  if (!isStaffRequest(req)) throw previewError('직원만 미리볼 수 있습니다 (staff only)', 403)
  const id = routeId(req)
  // Throws 403/404 unless this user may read the draft.
  await req.payload.findByID({
    collection: collection as CollectionSlug,
    id,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return { id, ...mint(req, options, collection, id) }
}

/**
 * `POST /api/<collection>/:id/preview-token` (DESIGN.md, "Preview"): `{ token, url, expiresAt }`
 * for staff who may read the draft; REST and GraphQL reads of the document with `?preview=<token>`
 * or `x-preview-token` then return its latest draft without a session (readGrant.ts).
 */
const previewTokenEndpoint = (options: Required<PreviewOptions>, collection: string): Endpoint => ({
  path: '/:id/preview-token',
  method: 'post',
  handler: async (req) => {
    const { exp, id, token } = await mintForStaff(req, options, collection)
    const url = links(req, options, collection, id, token)
    return Response.json(
      { token, url: url.frontend ?? url.html, expiresAt: publicInstant(exp) },
      { headers: { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' } },
    )
  },
})

/** `GET /api/<collection>/:id/preview-url`: a signed link to the latest draft, for staff who may read it. */
const previewUrlEndpoint = (options: Required<PreviewOptions>, collection: string): Endpoint => ({
  path: '/:id/preview-url',
  method: 'get',
  handler: async (req) => {
    const { exp, id, token } = await mintForStaff(req, options, collection)
    return Response.json(
      {
        token,
        expiresAt: publicInstant(exp),
        urls: links(req, options, collection, id, token),
      },
      // No Cache-Control here: a signed-in answer gets `private, no-store` already (http-cache).
      { headers: { 'Referrer-Policy': 'no-referrer' } },
    )
  },
})

/**
 * `GET /api/<collection>/:id/preview?token=…` (or `X-Preview-Token`): the latest draft, as a
 * reader would get the published one, for whoever holds a link (a frontend without a staff
 * session); `format=html` renders a plain page. Never cached.
 */
const previewEndpoint = (collection: string): Endpoint => ({
  path: '/:id/preview',
  method: 'get',
  handler: async (req) => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const token = String(query[PREVIEW_LINK_PARAM] ?? previewTokenOf(req) ?? '')
    if (!token) throw previewError('미리보기 토큰이 없습니다 (preview token missing)', 401)
    const id = routeId(req)
    const check = checkPreviewToken(req.payload.secret, token, collection, id)
    if (!check.ok) throw refusalOf(check)
    const depth = Math.min(Math.max(Number(query.depth ?? 1) || 0, 0), 2)
    // The token stands in for access; what the read answers is a reader's (public instants).
    markReaderAnswer(req)
    const doc = (await req.payload.findByID({
      collection: collection as CollectionSlug,
      id,
      draft: true,
      depth,
      overrideAccess: true,
      req,
    })) as unknown as Doc
    if (query.format === 'html')
      return new Response(renderHtml(doc), {
        headers: {
          ...noStore,
          'Content-Type': 'text/html; charset=utf-8',
          // The body is sanitized at save; a policy without scripts is the second lock.
          'Content-Security-Policy':
            "default-src 'none'; img-src * data:; style-src 'unsafe-inline'",
        },
      })
    return Response.json(doc, { headers: noStore })
  },
})

/**
 * 미리보기: signed, expiring links to a story's latest draft (`/api/<collection>/:id/preview`),
 * which a frontend can open without a staff session; the edit view's preview button and, with a
 * frontend URL, Payload's Live Preview carry such a link.
 */
export const preview =
  (incoming: PreviewOptions = {}): Plugin =>
  (config: Config): Config => {
    const options: Required<PreviewOptions> = {
      collections: incoming.collections ?? ['articles'],
      ttlSeconds: incoming.ttlSeconds ?? (Number(process.env.NEWSROOM_PREVIEW_TTL) || 3600),
      frontendUrl: (incoming.frontendUrl ?? process.env.NEWSROOM_PREVIEW_URL ?? '').replace(
        /\/$/,
        '',
      ),
      publicUrl: (incoming.publicUrl ?? config.serverURL ?? '').replace(/\/+$/, ''),
      enabled: incoming.enabled ?? true,
    }
    if (!options.enabled) return config
    const collections = (config.collections ?? []).map((collection): CollectionConfig => {
      if (!options.collections.includes(collection.slug)) return collection
      const slug = collection.slug
      const urlFor = (doc: Record<string, unknown>, req: PayloadRequest) => {
        if (doc?.id === undefined || doc.id === null) return null
        const id = String(doc.id)
        const { token } = mint(req, options, slug, id)
        const url = links(req, options, slug, id, token)
        return url.frontend ?? url.html
      }
      return {
        ...collection,
        admin: {
          ...collection.admin,
          preview: (doc, { req }) => urlFor(doc, req),
          ...(options.frontendUrl
            ? { livePreview: { url: ({ data, req }) => urlFor(data, req) ?? '' } }
            : {}),
        },
        access: { ...collection.access, read: grantPreviewRead(slug, collection.access?.read) },
        endpoints: [
          ...(collection.endpoints || []),
          previewTokenEndpoint(options, slug),
          previewUrlEndpoint(options, slug),
          previewEndpoint(slug),
        ],
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), readDraftWithToken(slug)],
        },
      }
    })
    return { ...config, collections }
  }
